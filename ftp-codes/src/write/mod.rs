//! Writing for FTP servers and clients: replies, and command lines
//! ([`Writer::command`](Writer::command)); `no_std`, no allocation, nothing a hostile name can
//! inject.
//!
//! [`Writer`] appends whole replies to a buffer the caller owns; [`to_fmt`] writes one to any
//! `core::fmt::Write`. Multi-line replies are formed as RFC 959 §4.2 says (`DDD-` first,
//! `DDD ` last, intermediate lines that start with a digit padded with a space), or with
//! `DDD-` on every line ([`Style::PrefixEveryLine`]). CR, LF and NUL can never reach the wire:
//! text that holds one is **rejected** with [`WriteError::ForbiddenByte`], not escaped, so a
//! file name cannot smuggle in a reply line of its own.
//!
//! ```
//! use ftp_codes::Code;
//! use ftp_codes::write::{WriteOptions, Writer};
//!
//! let mut buf = [0u8; 256];
//! let mut out = Writer::new(&mut buf, WriteOptions::default());
//! out.write(Code::ServiceReady)?; // the catalogue's text
//! out.reply(Code::SystemStatus, &["Status:", "200 bytes sent", "End"])?;
//! assert_eq!(
//!     out.written(),
//!     b"220 Service ready for new user.\r\n211-Status:\r\n 200 bytes sent\r\n211 End\r\n"
//! );
//! # Ok::<(), ftp_codes::write::WriteError>(())
//! ```

mod argument;
mod builders;
mod command;
mod decimal;
mod emit;
mod error;
mod listing;
mod options;
mod writer;

#[cfg(any(feature = "embedded-io", feature = "embedded-io-async"))]
pub(crate) use argument::{Argument96, eprt_argument, port_argument};
pub use emit::to_fmt;
pub use error::WriteError;
pub use options::{Style, WriteOptions};
pub use writer::Writer;
pub(crate) use writer::put_line;
