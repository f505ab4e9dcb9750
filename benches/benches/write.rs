//! Writing replies into a buffer: single-line (the catalogue's text) and multi-line, replies per
//! second. `cargo bench -p ftp-codes-benches --bench write`.

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
use ftp_codes::Code;
use ftp_codes::write::{WriteOptions, Writer};
use std::hint::black_box;
use std::net::{Ipv4Addr, SocketAddrV4};

const REPLIES: usize = 1000;

fn bench(c: &mut Criterion) {
    let mut buf = vec![0u8; 256 * 1024];
    let mut group = c.benchmark_group("reply writing (1000 replies into a buffer)");
    group.throughput(Throughput::Elements(REPLIES as u64));
    group.bench_function("single-line, catalogue text (Writer::write)", |b| {
        b.iter(|| {
            let mut out = Writer::new(&mut buf, WriteOptions::default());
            for &code in Code::ALL.iter().cycle().take(REPLIES) {
                out.write(black_box(code)).unwrap();
            }
            out.len()
        });
    });
    let lines = [
        "Features:",
        " MDTM",
        " SIZE",
        "211 not the end: padded",
        " UTF8",
        "End",
    ];
    group.bench_function("multi-line, 6 lines (Writer::reply)", |b| {
        b.iter(|| {
            let mut out = Writer::new(&mut buf, WriteOptions::default());
            for _ in 0..REPLIES {
                out.reply(Code::SystemStatus, black_box(&lines)).unwrap();
            }
            out.len()
        });
    });
    group.bench_function("227 payload (Writer::pasv)", |b| {
        b.iter(|| {
            let mut out = Writer::new(&mut buf, WriteOptions::default());
            for i in 0..REPLIES {
                let port = 50_000 + u16::try_from(i).unwrap();
                out.pasv(black_box(SocketAddrV4::new(
                    Ipv4Addr::new(192, 168, 1, 20),
                    port,
                )))
                .unwrap();
            }
            out.len()
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
