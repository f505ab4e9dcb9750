//! `reply::LineParser` fed arbitrary bytes line by line: it must never panic, and it must
//! frame every reply as `reply::parse` frames the same bytes.
#![no_main]

use ftp_codes::reply::{self, LineParser, ParseOptions, Status};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = ParseOptions::lenient()
        .with_max_line_len(256)
        .with_max_lines(64);
    let mut parser = LineParser::new(options);
    let mut reply_start = 0;
    let mut offset = 0;
    for line in data
        .split_inclusive(|&b| b == b'\n')
        .filter(|line| line.ends_with(b"\n"))
    {
        let whole = reply::parse(&data[reply_start..], &options);
        offset += line.len();
        match parser.feed(line) {
            Ok(fed) if fed.is_last() => {
                let Ok(Status::Complete((reply, used))) = whole else {
                    panic!("line parser completed a reply that parse did not: {whole:?}");
                };
                assert_eq!(used, offset - reply_start);
                assert_eq!(reply.line_count(), fed.line_count());
                reply_start = offset;
            }
            Ok(_) => {}
            Err(error) => {
                assert_eq!(whole, Err(error));
                return;
            }
        }
    }
});
