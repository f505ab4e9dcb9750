//! The server's session core: command lines framed, checked, answered (the session's own
//! replies, and each request answered through it), against `command::parse` alone over the
//! same lines, and against the work under the session (the lines framed, the paths joined,
//! the same replies written, no gate). `cargo bench -p ftp-codes-benches --bench server`.
//!
//! Input: a logged-in session's pipelined commands (`tests/shared/server_core.rs`), the same
//! lines the QEMU firmware measures on the Cortex-M4.

// Benchmark code, not reachable from input.
#![allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]
// `criterion_group!` defines an undocumented function.
#![allow(missing_docs)]

#[allow(unreachable_pub)] // shared with the QEMU firmware
#[path = "../../tests/shared/server_core.rs"]
mod server_core;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use server_core::{PIPELINED, bare_work, parse_alone, session_core};
use std::hint::black_box;

fn server(c: &mut Criterion) {
    let lines = parse_alone(PIPELINED);
    let (mut session, mut bare) = (Vec::new(), Vec::new());
    assert_eq!(
        session_core(PIPELINED, |reply| session.extend_from_slice(reply)),
        lines,
        "every line answered"
    );
    assert_eq!(
        bare_work(PIPELINED, |reply| bare.extend_from_slice(reply)),
        lines
    );
    assert_eq!(
        String::from_utf8_lossy(&bare),
        String::from_utf8_lossy(&session),
        "the bare work writes the session's replies"
    );
    let mut group = c.benchmark_group("server");
    group.throughput(Throughput::Elements(lines as u64));
    group.bench_function("command::parse alone", |b| {
        b.iter(|| parse_alone(black_box(PIPELINED)));
    });
    group.bench_function("bare work: paths joined, replies written, no gate", |b| {
        b.iter(|| {
            bare_work(black_box(PIPELINED), |reply| {
                black_box(reply);
            })
        });
    });
    group.bench_function("server::Session core", |b| {
        b.iter(|| {
            session_core(black_box(PIPELINED), |reply| {
                black_box(reply);
            })
        });
    });
    group.finish();
}

criterion_group!(benches, server);
criterion_main!(benches);
