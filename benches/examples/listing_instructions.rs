//! Parses the benchmarks' LIST or MLSD listing N times, for an instruction counter
//! (`valgrind --tool=callgrind`): where a listing parser's instructions go.
//! `cargo run --release -p ftp-codes-benches --example listing_instructions -- list parse 100`.
//!
//! The listing (`list` or `mlsd`), then what is done to its lines: `parse` (`listing::list` or
//! `listing::mlsx`), `split` (the lines alone, the floor), or `empty` (the same loop around a
//! stand-in parser that reads nothing: what handing each line to a parser and its entry back
//! costs, before any parsing).

// Measurement code, not reachable from input.
#![allow(clippy::unwrap_used)]

#[allow(dead_code, unreachable_pub)]
#[path = "../benches/common/listings.rs"]
mod listings;

use ftp_codes::listing::{self, ListOptions};
use ftp_codes::payload::Timestamp;
use listings::{lines, list_listing, mlsd_listing, read_nothing};
use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let form = args.next().unwrap_or_default();
    let what = args.next().unwrap_or_default();
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100);
    let options =
        ListOptions::default().with_now(Timestamp::new(2024, 3, 15, 12, 0, 0, 0).unwrap());
    let text = match form.as_str() {
        "list" => list_listing(),
        "mlsd" => mlsd_listing(),
        _ => usage(),
    };
    let mut total = 0usize;
    for _ in 0..rounds {
        let lines = lines(black_box(text.as_bytes()));
        total += match (form.as_str(), what.as_str()) {
            ("list", "parse") => lines
                .filter_map(|l| listing::list(l, &options).ok())
                .map(|e| e.name().len())
                .sum::<usize>(),
            ("mlsd", "parse") => lines
                .filter_map(|l| listing::mlsx(l).ok())
                .map(|f| {
                    f.name().len()
                        + usize::from(f.size().is_some())
                        + usize::from(f.modified().is_some())
                })
                .sum::<usize>(),
            (_, "empty") => lines
                .filter_map(|l| read_nothing(l).ok())
                .map(|e| e.name.len())
                .sum::<usize>(),
            (_, "split") => lines.map(<[u8]>::len).sum::<usize>(),
            _ => usage(),
        };
    }
    println!("{total}");
}

fn usage() -> ! {
    eprintln!("usage: listing_instructions list|mlsd parse|empty|split [ROUNDS]");
    std::process::exit(2);
}
