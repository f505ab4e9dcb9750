//! `reply::parse` on arbitrary bytes, with options taken from the input: it must never panic,
//! and a complete reply must lie inside the buffer and re-parse to itself.
#![no_main]

use ftp_codes::reply::{self, ParseOptions, Status};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (flags, buf) = data.split_first().unwrap_or((&0, data));
    let options = ParseOptions::strict()
        .with_lf_line_endings(flags & 1 != 0)
        .with_bare_codes(flags & 2 != 0)
        .with_mismatched_ends(flags & 4 != 0)
        .with_reject_control_characters(flags & 8 != 0)
        .with_max_line_len(usize::from(flags >> 4) * 16);
    let mut rest = buf;
    while let Ok(Status::Complete((reply, used))) = reply::parse(rest, &options) {
        assert!(used > 0 && used <= rest.len());
        assert_eq!(reply.raw(), &rest[..used]);
        assert_eq!(reply.lines().count(), reply.line_count());
        let again = reply::parse(reply.raw(), &options).expect("a reply parses again");
        assert_eq!(again, Status::Complete((reply, used)));
        rest = &rest[used..];
    }
});
