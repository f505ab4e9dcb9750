//! `ReplyCode::from_ascii` and the catalogue lookups on arbitrary bytes: never a panic, and a
//! parsed code writes back to the same three digits.
#![no_main]

use ftp_codes::{Code, ReplyCode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(code) = ReplyCode::from_ascii(data) {
        assert_eq!(&code.to_ascii()[..], data);
        let _ = (code.category(), code.group(), code.known());
    }
    if let Some(pair) = data.first_chunk::<2>() {
        let n = u16::from_le_bytes(*pair);
        if let Some(code) = Code::from_u16(n) {
            assert_eq!(code.as_u16(), n);
        }
    }
});
