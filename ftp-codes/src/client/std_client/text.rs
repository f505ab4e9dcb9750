//! `RemoteText`: bytes the server sent (a path, a name, a listing line), kept as bytes and shown
//! safely.

use std::fmt;
use std::string::String;
use std::vec::Vec;

/// Bytes the server sent: a path (PWD), a name (NLST), a listing line (LIST), a reply's text.
/// FTP paths are bytes, not UTF-8: [`AsRef<[u8]>`](AsRef) gives them as sent, to use in the
/// next command. `Display` makes them safe for a terminal: bytes that are not UTF-8 as U+FFFD,
/// control characters escaped (`ESC ] 0 ; title BEL` would retitle it), the lines of a
/// multi-line reply on lines of their own.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RemoteText(Vec<u8>);

impl RemoteText {
    pub(crate) fn new(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }

    /// The bytes, as sent.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The bytes, owned.
    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }

    /// The text as UTF-8, when it is.
    pub fn to_str(&self) -> Option<&str> {
        core::str::from_utf8(&self.0).ok()
    }
}

impl AsRef<[u8]> for RemoteText {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl core::ops::Deref for RemoteText {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl PartialEq<str> for RemoteText {
    fn eq(&self, other: &str) -> bool {
        self.0 == other.as_bytes()
    }
}

impl PartialEq<&str> for RemoteText {
    fn eq(&self, other: &&str) -> bool {
        self.0 == other.as_bytes()
    }
}

impl fmt::Display for RemoteText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&printable(&self.0))
    }
}

/// Server text made safe for a terminal: CRLF line ends as newlines (a trailing one dropped),
/// every other control character (C0, DEL, C1) escaped, bytes that are not UTF-8 as U+FFFD.
pub(crate) fn printable(text: &[u8]) -> String {
    let text = String::from_utf8_lossy(text);
    let mut out = String::with_capacity(text.len());
    for (i, line) in text
        .trim_end_matches(['\r', '\n'])
        .split("\r\n")
        .enumerate()
    {
        if i > 0 {
            out.push('\n');
        }
        for c in line.chars() {
            if c.is_control() {
                out.extend(c.escape_default());
            } else {
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::ToString;

    #[test]
    fn control_characters_are_escaped_and_lines_kept() {
        let cases: &[(&[u8], &str)] = &[
            (b"/home/alice", "/home/alice"),
            (b"550-a\r\n550 b\r\n", "550-a\n550 b"),
            (b"x\x1b]0;owned\x07y", "x\\u{1b}]0;owned\\u{7}y"),
            (b"tab\there", "tab\\there"),
            (b"caf\xe9", "caf\u{fffd}"),
            (b"lone\rcr", "lone\\rcr"),
            (b"\xc2\x9b31m", "\\u{9b}31m"),
        ];
        for &(input, shown) in cases {
            assert_eq!(
                RemoteText::new(input.to_vec()).to_string(),
                shown,
                "{input:?}"
            );
        }
    }
}
