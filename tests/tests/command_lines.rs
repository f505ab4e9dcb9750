//! Command-line framing on arbitrary bytes: it never panics, and a prefix of a line is either
//! `Partial` or the same result as the whole (the table of cases is next to the framer).

use ftp_codes::command;
use ftp_codes::reply::{ParseOptions, Status};
use proptest::prelude::*;

proptest! {
    #[test]
    fn never_panics_and_prefixes_are_partial_or_the_whole(buf in prop::collection::vec(any::<u8>(), 0..48), lf in any::<bool>()) {
        let options = ParseOptions::strict().with_lf_line_endings(lf).with_max_line_len(24);
        let whole = command::parse(&buf, &options);
        if let Ok(Status::Complete((_, used))) = whole {
            prop_assert!(used <= buf.len());
        }
        for end in 0..buf.len() {
            let prefix = command::parse(&buf[..end], &options);
            prop_assert!(prefix == Ok(Status::Partial) || prefix == whole, "{end}: {prefix:?} vs {whole:?}");
        }
    }
}
