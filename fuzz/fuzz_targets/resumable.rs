//! `reply::Parser` fed arbitrary bytes in pieces of a size taken from the input: it must never
//! panic, and it must give what one `reply::parse` over the same bytes gives.
#![no_main]

use ftp_codes::reply::{self, ParseOptions, Parser, Status};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (flags, buf) = data.split_first().unwrap_or((&0, data));
    let step = usize::from(flags & 0x1f) + 1;
    let options = ParseOptions::lenient()
        .with_mismatched_ends(flags & 0x20 != 0)
        .with_max_line_len(64)
        .with_max_reply_len(256);
    let whole = reply::parse(buf, &options);
    let mut parser = Parser::new(options);
    let mut end = 0;
    let pieces = loop {
        end = (end + step).min(buf.len());
        match parser.parse(&buf[..end]) {
            Ok(Status::Partial) if end < buf.len() => {}
            other => break other,
        }
    };
    assert_eq!(pieces, whole);
});
