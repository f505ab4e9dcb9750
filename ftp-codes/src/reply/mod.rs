//! Reply parsing for FTP clients: sans-IO, zero-copy, `no_std`, no allocation.
//!
//! A client reads bytes from the control connection into a buffer of its own and asks
//! [`parse`] whether a whole reply is at its start. Framing follows RFC 959 §4.2: a reply is
//! `DDD text` on one line, or starts with `DDD-` and ends at a line `DDD ` with the same code,
//! whatever lies between. [`ParseOptions`] chooses between the RFC's strict rules and the lenient
//! ones real servers need (the default), and bounds the work per reply.
//!
//! ```
//! use ftp_codes::reply::{self, ParseOptions, Status};
//!
//! let received = b"220-Welcome to the server\r\n220 Ready\r\n331 Password required\r\n";
//! let mut rest = &received[..];
//! let mut codes = Vec::new();
//! while let Status::Complete((reply, used)) = reply::parse(rest, &ParseOptions::default())? {
//!     codes.push(reply.code().as_u16());
//!     rest = &rest[used..];
//! }
//! assert_eq!(codes, [220, 331]);
//! assert!(rest.is_empty());
//! # Ok::<(), ftp_codes::reply::ParseError>(())
//! ```
//!
//! For callers that read a line at a time, [`LineParser`] applies the same rules line by line.

mod error;
mod framed;
pub(crate) mod framer;
mod line_parser;
pub(crate) mod newline;
mod options;
mod parse;

pub use error::{ErrorKind, ParseError};
pub use framed::{Lines, Reply};
pub use line_parser::{Line, LineParser};
pub use options::ParseOptions;
pub use parse::{Parser, parse};

/// The outcome of [`parse`]: a whole reply, or a need for more bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status<T> {
    /// A whole reply, and how many bytes of the buffer it took.
    Complete(T),
    /// The buffer holds the start of a reply: read more bytes and call again.
    Partial,
}

impl<T> Status<T> {
    /// The complete value, if there is one.
    pub fn complete(self) -> Option<T> {
        match self {
            Self::Complete(value) => Some(value),
            Self::Partial => None,
        }
    }

    /// Whether a whole value is there.
    pub const fn is_complete(&self) -> bool {
        matches!(self, Self::Complete(_))
    }

    /// Whether more bytes are needed.
    pub const fn is_partial(&self) -> bool {
        matches!(self, Self::Partial)
    }
}

#[cfg(test)]
mod tests;
