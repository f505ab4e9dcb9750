//! Reply parsing for FTP clients: sans-IO, zero-copy, `no_std`, no allocation.
//!
//! A client reads bytes from the control connection into a buffer of its own and asks
//! [`parse`] whether a whole reply is at its start. Framing follows RFC 959 §4.2: a reply is
//! `DDD text` on one line, or starts with `DDD-` and ends at a line `DDD ` with the same code,
//! whatever lies between. [`ParseOptions`] chooses between the RFC's strict rules and the lenient
//! ones real servers need (the default), and bounds the work per reply.
//!
//! A read loop over any `std::io::Read` (a `TcpStream`, or here a reader that hands out three
//! bytes at a time): read into your buffer until [`Parser`] says `Complete`, use the reply, then
//! keep the bytes after it, which may already be the next reply.
//!
//! ```
//! use ftp_codes::reply::{ParseOptions, Parser, Status};
//! use std::io::Read;
//!
//! /// A stream that delivers its bytes in pieces, as a network does.
//! struct Trickle<'a>(&'a [u8]);
//! impl Read for Trickle<'_> {
//!     fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
//!         let n = self.0.len().min(out.len()).min(3);
//!         out[..n].copy_from_slice(&self.0[..n]);
//!         self.0 = &self.0[n..];
//!         Ok(n)
//!     }
//! }
//!
//! let mut stream = Trickle(b"220-Welcome to the server\r\n220 Ready\r\n331 Password required\r\n");
//! let mut buf = [0u8; 256]; // any size: a reply longer than this is an error, not a hang
//! let mut filled = 0;
//! let mut parser = Parser::new(ParseOptions::default().with_max_reply_len(buf.len()));
//! let mut codes = Vec::new();
//! while codes.len() < 2 {
//!     match parser.parse(&buf[..filled])? {
//!         Status::Complete((reply, used)) => {
//!             codes.push(reply.code().as_u16()); // use the reply while it borrows `buf`
//!             buf.copy_within(used..filled, 0); // then keep what came after it
//!             filled -= used;
//!         }
//!         Status::Partial => {
//!             let n = stream.read(&mut buf[filled..])?;
//!             assert!(n > 0, "the connection closed in the middle of a reply");
//!             filled += n;
//!         }
//!     }
//! }
//! assert_eq!(codes, [220, 331]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! [`parse`] is the one-shot form, for a buffer that holds whole replies already.
//!
//! For callers that read a line at a time, [`LineParser`] applies the same rules line by line.

mod error;
mod framed;
mod framer;
mod line_parser;
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
