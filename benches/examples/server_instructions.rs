//! The server session core under callgrind: `valgrind --tool=callgrind` on this program counts
//! the instructions of `rounds` passes over the pipelined commands (BENCHMARKS.md).
//!
//! `cargo build --release -p ftp-codes-benches --example server_instructions`, then
//! `valgrind --tool=callgrind target/release/examples/server_instructions core 10000` (or
//! `parse 10000` for `command::parse` alone, `bare 10000` for the work under the session: the
//! lines framed, the paths joined, the same replies written, no gate).

#[allow(unreachable_pub)] // shared with the QEMU firmware
#[path = "../../tests/shared/server_core.rs"]
mod server_core;

use server_core::{PIPELINED, bare_work, parse_alone, session_core};
use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let what = args.next().unwrap_or_default();
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let mut total = 0;
    for _ in 0..rounds {
        total += match what.as_str() {
            "parse" => parse_alone(black_box(PIPELINED)),
            "bare" => bare_work(black_box(PIPELINED), |reply| {
                black_box(reply);
            }),
            _ => session_core(black_box(PIPELINED), |reply| {
                black_box(reply);
            }),
        };
    }
    println!("{total} lines");
}
