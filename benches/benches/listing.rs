//! Directory listings: lines per second read by `listing::list` and `listing::mlsx`, against
//! suppaftp's parsers (a Rust peer users pick today) and against the floor, a plain line split
//! (`<[u8]>::split` on `\n`, and `memchr`'s), and the same split handing each line to a
//! parser that reads nothing (what the loop costs before any parsing).
//! `cargo bench -p ftp-codes-benches --bench listing`.
//!
//! Inputs: a listing of 1,000 entries in each form, as vsftpd (LIST) and pyftpdlib (MLSD)
//! write them: files, directories and links, names with spaces, recent and old dates.

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
use ftp_codes::listing::{self, ListOptions};
use ftp_codes::payload::Timestamp;
use std::hint::black_box;
use std::str::FromStr;

#[path = "common/listings.rs"]
mod listings;
use listings::{ENTRIES, lines, list_listing, mlsd_listing, read_nothing};

/// What each parser reads: every line, to the same name and size, or the comparison is void.
/// Checked before anything is measured.
fn same_entries(options: &ListOptions) {
    let list = list_listing();
    for (ours, theirs) in lines(list.as_bytes()).zip(list.lines()) {
        let ours = listing::list(ours, options).unwrap();
        let theirs = suppaftp::list::File::from_str(theirs).unwrap();
        assert_eq!(ours.name(), theirs.name().as_bytes());
        assert_eq!(ours.size(), u64::try_from(theirs.size()).ok());
    }
    let mlsd = mlsd_listing();
    for (ours, theirs) in lines(mlsd.as_bytes()).zip(mlsd.lines()) {
        let ours = listing::mlsx(ours).unwrap();
        let theirs = suppaftp::list::File::from_mlsx_line(theirs).unwrap();
        assert_eq!(ours.name(), theirs.name().as_bytes());
        assert_eq!(ours.size(), u64::try_from(theirs.size()).ok());
    }
    assert_eq!(lines(list.as_bytes()).count(), ENTRIES);
    assert_eq!(lines(mlsd.as_bytes()).count(), ENTRIES);
}

fn bench(c: &mut Criterion) {
    let now = Timestamp::new(2024, 3, 15, 12, 0, 0, 0).unwrap();
    let options = ListOptions::default().with_now(now);
    same_entries(&options);
    for (form, text) in [("LIST", list_listing()), ("MLSD", mlsd_listing())] {
        let bytes = text.as_bytes();
        let mut group = c.benchmark_group(format!("listing/{form}"));
        group.throughput(Throughput::Elements(ENTRIES as u64));
        group.bench_function("split on \\n (floor)", |b| {
            b.iter(|| lines(black_box(bytes)).map(<[u8]>::len).sum::<usize>());
        });
        group.bench_function("memchr line split (floor)", |b| {
            b.iter(|| {
                let bytes = black_box(bytes);
                let mut start = 0;
                let mut total = 0;
                for end in memchr::memchr_iter(b'\n', bytes) {
                    total += end - start;
                    start = end + 1;
                }
                total
            });
        });
        group.bench_function("a parser that reads nothing (floor)", |b| {
            b.iter(|| {
                lines(black_box(bytes))
                    .filter_map(|l| read_nothing(l).ok())
                    .map(|e| e.name.len())
                    .sum::<usize>()
            });
        });
        if form == "LIST" {
            group.bench_function("ftp-codes listing::list", |b| {
                b.iter(|| {
                    lines(black_box(bytes))
                        .filter_map(|l| listing::list(l, &options).ok())
                        .map(|e| e.name().len())
                        .sum::<usize>()
                });
            });
            group.bench_function("suppaftp File::from_str", |b| {
                b.iter(|| {
                    black_box(&text)
                        .lines()
                        .filter_map(|l| suppaftp::list::File::from_str(l).ok())
                        .map(|f| f.name().len())
                        .sum::<usize>()
                });
            });
        } else {
            group.bench_function("ftp-codes listing::mlsx", |b| {
                b.iter(|| {
                    lines(black_box(bytes))
                        .filter_map(|l| listing::mlsx(l).ok())
                        .map(|f| {
                            f.name().len()
                                + usize::from(f.size().is_some())
                                + usize::from(f.modified().is_some())
                        })
                        .sum::<usize>()
                });
            });
            group.bench_function("suppaftp File::from_mlsx_line", |b| {
                b.iter(|| {
                    black_box(&text)
                        .lines()
                        .filter_map(|l| suppaftp::list::File::from_mlsx_line(l).ok())
                        .map(|f| f.name().len())
                        .sum::<usize>()
                });
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
