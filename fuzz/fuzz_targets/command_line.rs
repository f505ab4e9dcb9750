//! `command::parse` on arbitrary bytes: it must never panic, a line never reaches the caller
//! with a CR or NUL in it, and a complete line lies inside the buffer.
#![no_main]

use ftp_codes::command;
use ftp_codes::reply::{ParseOptions, Status};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (flags, buf) = data.split_first().unwrap_or((&0, data));
    let options = if flags & 1 == 0 {
        ParseOptions::lenient()
    } else {
        ParseOptions::strict()
    };
    if let Ok(Status::Complete((line, used))) = command::parse(buf, &options) {
        assert!(used <= buf.len());
        assert!(!line.argument().iter().any(|&b| b == b'\r' || b == b'\0'));
        assert!((1..=4).contains(&line.verb().len()));
        let undoubled: usize = line.argument_chunks().map(<[u8]>::len).sum();
        assert!(undoubled <= line.argument().len());
    }
});
