//! The resumable parser on one long multi-line reply that arrives in pieces, against one pass
//! over the whole reply: segments of 64 and 1,460 bytes (a TCP segment), and 1-byte reads at
//! two reply sizes, whose cost per byte must not grow with the reply.
//! `cargo bench -p ftp-codes-benches --bench streaming`.

// Benchmark code, not reachable from input: indexing and panics state its expectations.
#![allow(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used
)]
// `criterion_group!` defines an undocumented function.
#![allow(missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ftp_codes::reply::{self, ParseOptions, Parser, Status};
use std::hint::black_box;

/// Feeds `buf` to a resumable parser `step` bytes at a time, as reads would deliver it; the
/// reply's line count.
fn resumable(buf: &[u8], step: usize, options: ParseOptions) -> usize {
    let mut parser = Parser::new(options);
    let mut end = 0;
    loop {
        end = (end + step).min(buf.len());
        if let Status::Complete((reply, _)) = parser.parse(black_box(&buf[..end])).unwrap() {
            return reply.line_count();
        }
    }
}

/// What a client without the resumable parser does: `reply::parse` from the first byte on every
/// read.
fn restarting(buf: &[u8], step: usize, options: &ParseOptions) -> usize {
    let mut end = 0;
    loop {
        end = (end + step).min(buf.len());
        if let Status::Complete((reply, _)) = reply::parse(black_box(&buf[..end]), options).unwrap()
        {
            return reply.line_count();
        }
    }
}

fn bench(c: &mut Criterion) {
    let options = ParseOptions::lenient()
        .with_max_lines(100_000)
        .with_max_reply_len(1 << 20);
    let large = ftp_codes_benches::long_reply(10_000);
    let small = ftp_codes_benches::long_reply(1_000);
    assert_eq!(resumable(&large, 1460, options), 10_000);
    assert_eq!(resumable(&small, 1, options), 1_000);
    assert_eq!(restarting(&large, 1460, &options), 10_000);

    let mut group = c.benchmark_group(format!(
        "one {} KB reply of 10,000 lines",
        large.len() / 1000
    ));
    group.throughput(Throughput::Bytes(large.len() as u64));
    group.bench_function("one pass (reply::parse on the whole reply)", |b| {
        b.iter(|| {
            reply::parse(black_box(&large), &options)
                .unwrap()
                .is_complete()
        });
    });
    for step in [1460, 64] {
        group.bench_function(format!("Parser, {step}-byte segments"), |b| {
            b.iter(|| resumable(&large, step, options));
        });
    }
    group.sample_size(10);
    group.bench_function("reply::parse from byte 0 on every 1460-byte segment", |b| {
        b.iter(|| restarting(&large, 1460, &options));
    });
    group.finish();

    let mut group = c.benchmark_group("1-byte reads");
    for (name, buf) in [("43 KB", &small), ("430 KB", &large)] {
        group.throughput(Throughput::Bytes(buf.len() as u64));
        group.bench_function(format!("Parser, {name} reply"), |b| {
            b.iter(|| resumable(buf, 1, options));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
