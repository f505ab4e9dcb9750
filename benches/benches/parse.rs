//! Reply parsing throughput on a large realistic transcript, next to the floor: only splitting
//! the same buffer into lines. `cargo bench -p ftp-codes-benches --bench parse`.

// Benchmark code, not reachable from input: indexing and panics state its expectations.
#![allow(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used
)]
// `criterion_group!` defines an undocumented function.
#![allow(missing_docs)]

#[path = "common/transcript.rs"]
mod transcript;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ftp_codes::reply::{self, ParseOptions, Status};
use std::hint::black_box;

/// Frames every reply of `buf`; the number of replies.
fn parse_all(buf: &[u8], options: &ParseOptions) -> usize {
    let mut rest = buf;
    let mut replies = 0;
    while let Ok(Status::Complete((reply, used))) = reply::parse(rest, options) {
        replies += 1;
        black_box(reply.code());
        rest = &rest[used..];
    }
    replies
}

/// The floor: find every line ending (as `<[u8]>::split` does), nothing else; the number of lines.
fn split_lines(buf: &[u8]) -> usize {
    let mut lines = 0;
    for line in buf.split(|&b| b == b'\n') {
        black_box(line);
        lines += 1;
    }
    lines
}

fn bench(c: &mut Criterion) {
    let buf = transcript::transcript(2 * 1024 * 1024);
    // The transcript holds a glftpd reply that ends with another code: accept it, as a client
    // of such a server would.
    let options = ParseOptions::lenient().with_mismatched_ends(true);
    assert!(
        parse_all(&buf, &options) > 10_000,
        "the whole transcript must parse"
    );
    let mut group = c.benchmark_group("reply parsing (2 MiB transcript)");
    group.throughput(Throughput::Bytes(buf.len() as u64));
    group.bench_function("ftp_codes::reply::parse (lenient, mismatched ends)", |b| {
        b.iter(|| parse_all(black_box(&buf), &options));
    });
    group.bench_function("line split only (floor)", |b| {
        b.iter(|| split_lines(black_box(&buf)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
