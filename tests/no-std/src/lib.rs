//! A `no_std`, no-`alloc` user of ftp-codes with a catalogue of its own, as firmware would be.
//! `.ci/run` builds it for `thumbv7em-none-eabihf`: generated code must need nothing but `core`.

#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use ftp_codes::{Code, ReplyCode};

ftp_codes::catalog! {
    /// The site's own codes, generated in a `no_std` crate.
    pub enum SiteCode from "../../ftp-codes/examples/site-codes.toml"
}

/// The text to log for a reply code read off the wire, from either catalogue.
pub fn describe(digits: &[u8]) -> &'static str {
    let Ok(code) = ReplyCode::from_ascii(digits) else {
        return "not a reply code";
    };
    match (code.known(), code.known_in::<SiteCode>()) {
        (Some(code), _) => code.text(),
        (None, Some(site)) => site.text(),
        (None, None) if code.is_negative() => "unknown failure",
        (None, None) => "unknown reply",
    }
}

/// Whether the server greeted us.
pub fn is_greeting(digits: &[u8]) -> bool {
    ReplyCode::from_ascii(digits)
        .ok()
        .and_then(ReplyCode::known)
        == Some(Code::ServiceReady)
}

#[cfg(test)]
mod tests {
    use super::{describe, is_greeting};

    #[test]
    fn describes_codes_from_both_catalogues() {
        assert_eq!(describe(b"220"), "Service ready for new user.");
        assert_eq!(describe(b"210"), "UTC offset is +0000.");
        assert_eq!(describe(b"599"), "unknown failure");
        assert_eq!(describe(b"x"), "not a reply code");
        assert!(is_greeting(b"220") && !is_greeting(b"221"));
    }
}
