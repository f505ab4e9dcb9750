//! Parses the benchmarks' LIST or MLSD listing N times, for an instruction counter
//! (`valgrind --tool=callgrind`): where a listing parser's instructions go.
//! `cargo run --release -p ftp-codes-benches --example listing_instructions -- list 100`.

// Measurement code, not reachable from input.
#![allow(clippy::unwrap_used)]

#[allow(dead_code, unreachable_pub)]
#[path = "../benches/common/listings.rs"]
mod listings;

use ftp_codes::listing::{self, ListOptions};
use ftp_codes::payload::Timestamp;
use listings::{lines, list_listing, mlsd_listing};
use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let form = args.next().unwrap_or_default();
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100);
    let options =
        ListOptions::default().with_now(Timestamp::new(2024, 3, 15, 12, 0, 0, 0).unwrap());
    let (list, mlsd) = (list_listing(), mlsd_listing());
    let mut total = 0usize;
    for _ in 0..rounds {
        total += match form.as_str() {
            "list" => lines(black_box(list.as_bytes()))
                .filter_map(|l| listing::list(l, &options).ok())
                .map(|e| e.name().len())
                .sum::<usize>(),
            "mlsd" => lines(black_box(mlsd.as_bytes()))
                .filter_map(|l| listing::mlsx(l).ok())
                .map(|f| {
                    f.name().len()
                        + usize::from(f.size().is_some())
                        + usize::from(f.modified().is_some())
                })
                .sum::<usize>(),
            "split" => lines(black_box(list.as_bytes()))
                .map(<[u8]>::len)
                .sum::<usize>(),
            _ => {
                eprintln!("usage: listing_instructions list|mlsd|split [ROUNDS]");
                std::process::exit(2);
            }
        };
    }
    println!("{total}");
}
