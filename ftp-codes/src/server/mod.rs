//! The server's side of the conversation: a session core with no IO that gates, sequences
//! and types every command (`no_std`, no allocation), and with feature `std` a whole server
//! over `std::net` and a directory.
//!
//! - [`Session`]: one control connection. It frames command lines from the bytes you read
//!   and decides everything that is not the server's business, from the command catalogue
//!   and RFC 959 §5.4 / §6: 500 for an unreadable line (one reply per line, however it was
//!   split), 502 for what the server does not implement, 501 for a bad argument, 530 before
//!   login, 503 out of sequence, 425 without a data connection; it answers NOOP, FEAT, HELP,
//!   PWD, TYPE, MODE, STRU, REST, OPTS, SYST and QUIT itself. The rest comes out as a
//!   [`Request`] with typed arguments (paths normalised against the working directory), which
//!   the server answers through the session; every answer is checked against the command's
//!   row.
//! - [`Path`]: paths byte for byte, `..` kept at the root.
//! - [`Config`]: the commands the server implements, the longest line, the MLSx facts, and
//!   FTPS ([`Tls`]: `AUTH TLS` answered with [`Event::StartTls`], then PBSZ, PROT and CCC by
//!   the session; the handshake is the caller's).
//! - With feature `std`: `Server` serves a listener, a thread per session, with passive and
//!   active data connections, ABOR and STAT during transfers and idle timeouts, over a
//!   `FileSystem` and an `Authenticator` of yours, or over `Directory` (a jail under a root
//!   directory, symlinks included) and `Users`; with feature `rustls`, FTPS
//!   (`Server::with_tls`, `TlsSettings`).
//!
//! ```
//! use ftp_codes::server::{Event, Request, Session};
//!
//! let mut session = Session::<128>::default();
//! let mut out = [0u8; 512];
//! let mut sent = Vec::new();
//! let n = session.greet(&mut out)?;
//! sent.extend_from_slice(&out[..n]);
//! let mut input: &[u8] = b"USER ftp\r\nPASS x\r\nRETR a.txt\r\nCWD ../../etc\r\n";
//! while !input.is_empty() {
//!     let read = session.read(input, &mut out)?;
//!     let used = read.used;
//!     let n = match read.event {
//!         Event::Reply(n) => n,
//!         Event::Request(Request::Login { .. }) => session.succeed(&mut out)?,
//!         Event::Request(Request::ChangeDirectory(path)) => {
//!             assert_eq!(path, b"/etc"); // never above the root
//!             session.succeed(&mut out)?
//!         }
//!         other => panic!("{other:?}"),
//!     };
//!     sent.extend_from_slice(&out[..n]);
//!     input = &input[used..];
//! }
//! assert_eq!(
//!     String::from_utf8(sent).unwrap(),
//!     "220 Service ready for new user.\r\n\
//!      331 User name okay, need password.\r\n\
//!      230 User logged in, proceed.\r\n\
//!      425 Use PASV, EPSV, PORT or EPRT first.\r\n\
//!      250 Requested file action okay, completed.\r\n"
//! );
//! # Ok::<(), ftp_codes::server::ServerError>(())
//! ```

mod answer;
mod arguments;
mod commands;
mod config;
mod error;
mod own_replies;
mod path;
mod request;
mod session;
#[cfg(feature = "std")]
mod std_server;
#[cfg(test)]
mod tests;
mod text;

pub use crate::TransferType;
pub use commands::Commands;
pub use config::{Config, Tls};
pub use error::ServerError;
pub use path::{Path, PathTooLong};
pub use request::{ListFormat, Passive, Request};
pub use session::{Event, Read, Session};
#[cfg(feature = "rustls")]
pub use std_server::TlsSettings;
#[cfg(feature = "std")]
pub use std_server::{Access, Authenticator, Directory, FileInfo, FileSystem, Server, Users};
