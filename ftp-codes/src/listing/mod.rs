//! Directory listings, read and written, one line at a time, zero-copy and without
//! allocating: the entries of MLSD and the fact line of an MLST reply (RFC 3659 §7,
//! [`mlsx`], [`mlst`]), and LIST lines, which no standard defines, in the styles real servers
//! send ([`list`]: Unix `ls -l`, DOS/IIS, EPLF). Both give a [`Kind`], a size and a time where
//! the line has them, and the name as the server's own bytes. The caller splits the data
//! connection's bytes into lines. Servers write them with
//! [`Writer::mlsx_entry`](crate::write::Writer::mlsx_entry),
//! [`Writer::mlst`](crate::write::Writer::mlst) and
//! [`Writer::ls_entry`](crate::write::Writer::ls_entry) from a [`Listed`], the exact inverses
//! of the parsers.
//!
//! ```
//! use ftp_codes::listing::{self, Kind, ListOptions};
//! use ftp_codes::payload::Timestamp;
//!
//! let entry = listing::mlsx(b"type=file;size=4096;modify=20240229123456; notes 2024.txt")?;
//! assert_eq!(entry.name(), b"notes 2024.txt");
//! assert_eq!(entry.kind(), Kind::File);
//! assert_eq!(entry.size(), Some(4096));
//! assert_eq!(entry.modified().map(|t| t.to_string()), Some("2024-02-29T12:34:56Z".into()));
//! assert_eq!(entry.fact(b"SIZE"), Some(&b"4096"[..])); // fact names ignore case
//!
//! // `ls -l` prints no year for the last six months: `now` says which year that is.
//! let options = ListOptions::default().with_now(Timestamp::new(2024, 3, 1, 0, 0, 0, 0)?);
//! let entry = listing::list(b"-rw-r--r-- 1 ftp ftp 4096 Feb 29 12:34 notes 2024.txt", &options)?;
//! assert_eq!((entry.name(), entry.size()), (&b"notes 2024.txt"[..], Some(4096)));
//! assert_eq!(entry.modified().map(|t| t.to_string()), Some("2024-02-29T12:34:00Z".into()));
//! // `total 8` and blank lines are no entries: skip them by their error's kind.
//! let total = listing::list(b"total 8", &options).unwrap_err();
//! assert_eq!(total.kind(), listing::ListingErrorKind::NotAnEntry);
//!
//! // A name a client would write to disk must be one plain path component.
//! assert!(listing::is_one_component(entry.name()));
//! assert!(!listing::is_one_component(b"../etc/passwd"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
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
