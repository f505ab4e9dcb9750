//! One parse of a long reply, whole or in pieces, for counting instructions under callgrind
//! (`bash perf/stream-instructions`): deterministic where wall-clock figures on a shared
//! machine are not.
//!
//! `stream_instructions LINES STEP`: STEP 0 parses the whole reply at once, `none` only builds
//! it (to subtract), any other number feeds a `reply::Parser` STEP bytes at a time.

// Measurement code, not reachable from input.
#![allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]

use ftp_codes::reply::{self, ParseOptions, Parser, Status};
use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let lines: usize = args
        .next()
        .expect("LINES")
        .parse()
        .expect("a number of lines");
    let step = args.next().expect("STEP");
    let options = ParseOptions::lenient()
        .with_max_lines(100_000)
        .with_max_reply_len(1 << 20);
    let buf = ftp_codes_benches::long_reply(lines);
    let count = match step.as_str() {
        "none" => 0,
        "0" => reply::parse(black_box(&buf), &options)
            .unwrap()
            .complete()
            .unwrap()
            .0
            .line_count(),
        step => {
            let step: usize = step.parse().expect("a step in bytes");
            let mut parser = Parser::new(options);
            let mut end = 0;
            loop {
                end = (end + step).min(buf.len());
                if let Status::Complete((reply, _)) = parser.parse(black_box(&buf[..end])).unwrap()
                {
                    break reply.line_count();
                }
            }
        }
    };
    println!("{} bytes, {count} lines", buf.len());
}
