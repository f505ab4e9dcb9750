//! Directory listings: the entries of MLSD and the fact line of an MLST reply (RFC 3659 §7),
//! read zero-copy, without allocating, each one line at a time. The caller splits the data
//! connection's bytes into lines.
//!
//! ```
//! use ftp_codes::listing::{self, Kind};
//!
//! let entry = listing::mlsx(b"type=file;size=4096;modify=20240229123456; notes 2024.txt")?;
//! assert_eq!(entry.name(), b"notes 2024.txt");
//! assert_eq!(entry.kind(), Kind::File);
//! assert_eq!(entry.size(), Some(4096));
//! assert_eq!(entry.modified().map(|t| t.to_string()), Some("2024-02-29T12:34:56Z".into()));
//! assert_eq!(entry.fact(b"SIZE"), Some(&b"4096"[..])); // fact names ignore case
//! // A name a client would write to disk must be one plain path component.
//! assert!(listing::is_one_component(entry.name()));
//! assert!(!listing::is_one_component(b"../etc/passwd"));
//! # Ok::<(), ftp_codes::listing::ListingError>(())
//! ```

mod error;
mod facts;
mod kind;
mod list;
mod listed;
mod mlsx;

pub use error::{ListingError, ListingErrorKind};
pub use facts::FactSet;
pub use kind::Kind;
pub use list::{Entry, ListOptions, list};
pub(crate) use list::{MONTHS, grace, yearless};
pub use listed::Listed;
pub use mlsx::{Fact, FactIter, Facts, mlst, mlsx};

/// Whether `name` can be used as one local path component: not empty, not `.` or `..`, and
/// no `/`, `\` or NUL (a server-supplied `../x` wrote outside the download folder in
/// basic-ftp's CVE-2026-27699). Names from listings are the server's bytes: check before use.
pub fn is_one_component(name: &[u8]) -> bool {
    !matches!(name, b"" | b"." | b"..") && !name.iter().any(|&b| matches!(b, b'/' | b'\\' | 0))
}

#[cfg(test)]
mod tests {
    use super::is_one_component;

    #[test]
    fn one_component_or_not() {
        for name in [&b"a"[..], b"a b", b" lead", b"...", b"a.b", b"\xff"] {
            assert!(is_one_component(name), "{name:?}");
        }
        for name in [
            &b""[..],
            b".",
            b"..",
            b"a/b",
            b"../x",
            b"a\\b",
            b"a\0b",
            b"/",
        ] {
            assert!(!is_one_component(name), "{name:?}");
        }
    }
}
