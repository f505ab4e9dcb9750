//! The client session's overhead: a whole firmware download (login, TYPE, SIZE, MDTM, EPSV,
//! RETR, QUIT) over an in-memory transport, through `client::Session` and through the same
//! exchanges written against `control::Control` alone (the glue the session replaces). The goal is
//! at most 1.1x. `cargo bench -p ftp-codes-benches --bench session`.

// Benchmark code, not reachable from input.
#![allow(clippy::unwrap_used)]
// `criterion_group!` defines an undocumented function.
#![allow(missing_docs)]

#[allow(dead_code, unreachable_pub)]
#[path = "../../tests/shared/download.rs"]
mod download;
#[allow(dead_code, unreachable_pub)] // shared with the QEMU firmware, which uses all of it
#[path = "../../tests/shared/pieces.rs"]
mod pieces;

use criterion::{Criterion, criterion_group, criterion_main};
use pieces::Pieces;
use std::hint::black_box;

fn session(c: &mut Criterion) {
    assert_eq!(download::session(1460), Some(11));
    assert_eq!(download::control_alone(1460), Some(11));
    let mut group = c.benchmark_group("a firmware download (10 replies, in memory)");
    group.bench_function("client::Session", |b| {
        b.iter(|| download::session(black_box(1460)));
    });
    group.bench_function("control::Control alone", |b| {
        b.iter(|| download::control_alone(black_box(1460)));
    });
    group.finish();
}

criterion_group!(benches, session);
criterion_main!(benches);
