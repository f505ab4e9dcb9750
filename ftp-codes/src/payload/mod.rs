//! Payload parsers: what a reply's text says, for the replies whose text carries data.
//!
//! Each function takes a [`Reply`], checks that its code is the one the payload belongs to, and
//! reads the text without allocating. Servers format these texts loosely (text before the
//! numbers, parentheses or none, a trailing period); the parsers accept that, and range-check
//! every number.
//!
//! | reply | function | result |
//! | --- | --- | --- |
//! | 110 | [`mark`] | [`Mark`]: both restart markers |
//! | 120 | [`minutes`] | `u32` |
//! | 150 | [`transfer_size`] | `Option<u64>`, from `(N bytes)` |
//! | 211 | [`features`] | [`Features`]: the FEAT lines (RFC 2389) |
//! | 213 | [`size`], [`mdtm`] | `u64`; [`Timestamp`] (RFC 3659) |
//! | 227 | [`pasv`], [`pasv_port`] | `SocketAddrV4`; `u16` |
//! | 228 | [`lpsv`] | `SocketAddr` (RFC 1639) |
//! | 229 | [`epsv`] | `u16` (RFC 2428) |
//! | 257 | [`pathname`] | [`Pathname`]: the quoted name, `""` un-doubled |
//!
//! ```
//! use ftp_codes::{payload, reply::{self, ParseOptions}};
//!
//! let buf = b"227 Entering Passive Mode (192,168,1,20,19,137).\r\n";
//! let (reply, _) = reply::parse(buf, &ParseOptions::default())?.complete().unwrap();
//! assert_eq!(payload::pasv_port(&reply)?, 5001);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod features;
mod file_status;
mod notes;
pub(crate) mod passive;
mod pathname;
pub(crate) mod scan;
pub(crate) mod timestamp;

pub use features::{Feature, Features, features};
pub(crate) use file_status::time_val;
pub use file_status::{mdtm, size};
pub use notes::{Mark, mark, minutes, transfer_size};
pub use passive::{epsv, lpsv, pasv, pasv_port};
pub use pathname::{Chunks, Pathname, pathname};
pub(crate) use scan::whole_number;
pub use timestamp::Timestamp;

use crate::ReplyCode;
use crate::reply::Reply;
use core::fmt;

/// Why a payload could not be read from a reply.
///
/// ```
/// use ftp_codes::{payload::{self, PayloadError}, reply::{self, ParseOptions}};
///
/// let (reply, _) = reply::parse(b"227 Entering Passive Mode (10,0,0,300,4,1)\r\n", &ParseOptions::default())?
///     .complete().unwrap();
/// assert_eq!(payload::pasv(&reply), Err(PayloadError::OutOfRange));
/// let (reply, _) = reply::parse(b"200 OK\r\n", &ParseOptions::default())?.complete().unwrap();
/// assert!(matches!(payload::pasv(&reply), Err(PayloadError::WrongCode { expected: 227, .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum PayloadError {
    /// The reply has another code than the payload belongs to.
    WrongCode {
        /// The code the payload belongs to.
        expected: u16,
        /// The reply's code.
        found: ReplyCode,
    },
    /// The text holds nothing of the expected form.
    Missing,
    /// The payload is there but malformed (mismatched delimiters, an unclosed quote, ...).
    Malformed,
    /// A number is out of its range (a byte over 255, port 0, month 13, a year past 9999, ...).
    OutOfRange,
    /// A CR, LF or NUL where none may be (in a pathname).
    ControlCharacter,
    /// The caller's buffer is too small for the result.
    BufferTooSmall,
    /// The text holds two different values where one is expected (two addresses, say): the
    /// parser does not pick one.
    Ambiguous,
}

impl fmt::Display for PayloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::WrongCode { expected, found } => {
                write!(f, "expected a {expected} reply, got {found}")
            }
            Self::Missing => f.write_str("the reply text holds no payload of the expected form"),
            Self::Malformed => f.write_str("the payload is malformed"),
            Self::OutOfRange => f.write_str("a number in the payload is out of range"),
            Self::ControlCharacter => f.write_str("the payload contains a control character"),
            Self::BufferTooSmall => f.write_str("the buffer is too small for the payload"),
            Self::Ambiguous => f.write_str("the reply holds two different payloads"),
        }
    }
}

impl core::error::Error for PayloadError {}

/// `Ok` if the reply has the `expected` code, the payload's own.
fn expect_code(reply: &Reply<'_>, expected: u16) -> Result<(), PayloadError> {
    if reply.code() == expected {
        Ok(())
    } else {
        Err(PayloadError::WrongCode {
            expected,
            found: reply.code(),
        })
    }
}

/// The reply's first line, if the reply has the `expected` code.
fn text_of<'a>(reply: &Reply<'a>, expected: u16) -> Result<&'a [u8], PayloadError> {
    expect_code(reply, expected).map(|()| reply.text())
}

#[cfg(test)]
mod tests;
