//! FTP reply codes as Rust, generated at compile time from a TOML catalogue checked against
//! the RFCs: `no_std`, no allocation, no `unsafe`.
//!
//! - [`Code`]: every reply code of RFC 959 and its extensions, with its RFC text, source,
//!   description, [`Category`] (first digit) and [`Group`] (second digit).
//! - [`ReplyCode`]: any well-formed code from 100 to 699, catalogued or not, classified by its
//!   digits.
//! - [`catalog!`]: the macro that generated [`Code`], for catalogues of your own codes.
//! - [`Command`]: the FTP commands, each with its argument and the replies its RFC allows;
//!   [`Command::classify`] says what a reply means as its answer ([`Outcome`]).
//!   [`command_catalog!`] generates catalogues of your own commands, which everything here
//!   takes through [`CommandCatalogue`].
//! - [`reply`]: framing replies from the bytes a client reads (sans-IO, zero-copy), strict or
//!   lenient, with hard limits.
//! - [`payload`]: what the text of 110, 120, 150, 211, 213, 227, 228, 229 and 257 replies says.
//! - [`listing`]: the entries of MLSD listings and MLST's fact line, zero-copy.
//! - [`command`]: framing the command lines a server reads, with the reply parser's line rules,
//!   and the address arguments of PORT, EPRT and LPRT.
//! - [`write`](mod@write): writing replies for servers, into a buffer or a `core::fmt::Write`, with the
//!   payload builders that the [`payload`] parsers read back; and command lines for clients.
//! - [`client`]: the client's side. [`client::exchange`] runs one command's whole sequence
//!   (`Exchange`) and keeps a whole control connection in step (`Conversation`: which reply
//!   answers which command); `client::control` (features `embedded-io`, `std`,
//!   `embedded-io-async`, `tokio`) is the control connection over a transport and a buffer of
//!   yours (`Control`, `AsyncControl`); `client::Session` and `client::AsyncSession` are a
//!   whole session, `no_std`, over it and a data connection of yours; `client::Client`
//!   (feature `std`) is that session over `std::net`, as short to use as Python's ftplib. The
//!   workspace's examples include a command-line client on it (`examples/client/`) and the
//!   embassy-net shape (`ftp-codes/examples/embedded_async.rs`).
//! - [`server`]: the server's side. [`server::Session`] is one control connection with no IO
//!   (`no_std`, no allocation): it frames command lines, answers what is not the server's
//!   business (syntax, sequence, login, 502 for what is not implemented, 425 without a data
//!   connection, FEAT, PWD, TYPE, ...) and hands out typed requests whose answers it checks
//!   against each command's row. `server::Server` (feature `std`) serves a listener over a
//!   `server::Directory` jail or a file system of yours; the examples include a read-write
//!   server on it (`examples/server/`, FTPS with feature `rustls`) and a data logger's server on a
//!   microcontroller (`ftp-codes/examples/embedded_server.rs`).
//!
//! ```
//! use ftp_codes::{Category, Code, ReplyCode};
//!
//! // A code read off the wire, catalogued or not.
//! let code = ReplyCode::from_ascii(b"421")?;
//! assert_eq!(code.category(), Category::TransientNegative);
//!
//! // Its catalogue entry.
//! let entry = code.known().unwrap();
//! assert_eq!(entry, Code::ServiceNotAvailable);
//! assert_eq!(entry.text(), "Service not available, closing control connection.");
//! assert_eq!(entry.source(), "RFC 959 §4.2.2");
//!
//! // What a server sends.
//! assert_eq!(Code::ServiceReady.to_string(), "220 Service ready for new user.");
//! assert!(code == Code::ServiceNotAvailable && Code::ServiceNotAvailable == code);
//! # Ok::<(), ftp_codes::InvalidCode>(())
//! ```
//!
//! # Reading replies from a connection
//!
//! The parsers do no I/O (`client::control`, behind features, is the loop below done for you):
//! you read into a buffer you own, and [`reply::Parser`] says whether a whole reply is there. A reply may arrive in many reads, and one read may hold the end of
//! one reply and the start of the next: keep the bytes after each reply for the next call.
//! Here a real TCP connection on loopback, with a server that sends its greeting a few bytes
//! at a time:
//!
//! ```
//! use ftp_codes::reply::{ParseOptions, Parser, Status};
//! use ftp_codes::Code;
//! use std::io::{Read, Write};
//! use std::net::{TcpListener, TcpStream};
//!
//! /// The code of the next reply on `stream`; `buf[..*filled]` holds what was read but not
//! /// used yet, and keeps what follows the reply.
//! fn read_reply(
//!     stream: &mut impl Read,
//!     buf: &mut [u8],
//!     filled: &mut usize,
//! ) -> Result<Code, Box<dyn std::error::Error>> {
//!     let mut parser = Parser::new(ParseOptions::default());
//!     loop {
//!         if let Status::Complete((reply, used)) = parser.parse(&buf[..*filled])? {
//!             // `reply` borrows `buf`: read what you need from it before moving bytes.
//!             let code = reply.known().ok_or("a code outside the catalogue")?;
//!             buf.copy_within(used..*filled, 0); // the bytes after the reply: keep them
//!             *filled -= used;
//!             return Ok(code);
//!         }
//!         if *filled == buf.len() {
//!             return Err("a reply longer than the buffer".into());
//!         }
//!         let n = stream.read(&mut buf[*filled..])?;
//!         if n == 0 {
//!             return Err("the connection closed in the middle of a reply".into());
//!         }
//!         *filled += n;
//!     }
//! }
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let listener = TcpListener::bind("127.0.0.1:0")?;
//! let address = listener.local_addr()?;
//! let server = std::thread::spawn(move || -> std::io::Result<()> {
//!     let (mut client, _) = listener.accept()?;
//!     let greeting = b"220-Welcome\r\n220 Ready\r\n331 Password required\r\n";
//!     for piece in greeting.chunks(5) {
//!         client.write_all(piece)?;
//!         client.flush()?;
//!     }
//!     Ok(())
//! });
//! let mut stream = TcpStream::connect(address)?;
//! let mut buf = [0u8; 512];
//! let mut filled = 0;
//! assert_eq!(read_reply(&mut stream, &mut buf, &mut filled)?, Code::ServiceReady);
//! assert_eq!(read_reply(&mut stream, &mut buf, &mut filled)?, Code::NeedPassword);
//! server.join().unwrap()?;
//! # Ok(())
//! # }
//! ```
//!
//! # Features
//! - `serde`: `Serialize` and `Deserialize` for the code types and [`ReplyCode`], as their
//!   number (for [`Category`] and [`Group`], their digit); `Serialize` for the error types
//!   (a framing error as `{"kind", "offset"}`, the others as their message).
//! - `defmt`: `defmt::Format` for the code types, [`ReplyCode`], the options and the error
//!   types, for logging on microcontrollers.
//! - `embedded-io`: `control::Control`, the control connection over blocking `embedded_io`
//!   transports; `std`: the same over `std::io` streams (`control::FromStd`), the std client
//!   (`client::Client`) and the std server (`server::Server`, `Directory`, `Users`);
//!   `rustls`: FTPS for the std server (`server::Server::with_tls`, `server::TlsSettings`).
//!   `embedded-io-async`: `control::AsyncControl` over `embedded_io_async` transports; `tokio`: the
//!   same over tokio's streams (`control::FromTokio`). The crate stays `no_std` without `std` and
//!   `tokio`.

#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
// Input reaches this crate from the network: no arithmetic that could overflow on it.
#![warn(clippy::arithmetic_side_effects)]

// Unit tests use the standard library (collections, formatting); the crate itself only with
// feature `std` (the client and the server over `std::net`, a control connection that owns
// its buffer).
#[cfg(any(test, feature = "std"))]
extern crate std;

mod catalogue;
mod class;
mod command_catalogue;
mod line;
mod meaning;
mod outcome;
mod reply_code;
mod standard;
mod standard_commands;
#[cfg(feature = "std")]
mod stream;
mod transfer_type;
mod undouble;

#[cfg(feature = "serde")]
mod serde_impls;

pub mod client;
pub mod command;
pub mod listing;
pub mod payload;
pub mod reply;
pub mod server;
pub mod write;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use catalogue::Catalogue;
pub use command_catalogue::CommandCatalogue;
pub use meaning::Meaning;
pub use outcome::Outcome;
pub use reply_code::{InvalidCode, ReplyCode};
pub use standard::{Category, Code, Group};
pub use standard_commands::Command;
pub use transfer_type::TransferType;

/// Generates a code enum from a TOML catalogue of reply codes, checked at compile time.
///
/// ```
/// ftp_codes::catalog! {
///     /// The codes of our site's server.
///     pub enum SiteCode from "examples/site-codes.toml"
/// }
///
/// assert_eq!(SiteCode::from_u16(210), Some(SiteCode::ZoneInfo));
/// assert_eq!(SiteCode::ZoneInfo.to_string(), "210 UTC offset is +0000.");
/// ```
///
/// The path is resolved against the calling crate's `CARGO_MANIFEST_DIR`, and an edit to the
/// file rebuilds the crate. The file has the format of `codes.toml`, described in the README:
/// `[[code]]` entries with `code`, `name`, `text`, `category`, `group`, `source` and
/// `description`. A catalogue inherits the standard digit rules ([`Category`], [`Group`]).
/// With `extends = "standard"` at the top of the file, the enum holds every standard code plus
/// the file's; an entry with `replaces = true` gives a standard code a site-specific text.
///
/// The enum gets the attributes and doc comments written before it, one variant per code, and
/// the API of [`Code`]: `ALL`, `from_u16`, `as_u16`, `reply_code`, `name`, `text`,
/// `description`, `source`, `alternatives`, `category`, `group`, `Display`, `FromStr`,
/// `TryFrom<u16>`, `PartialEq` with [`ReplyCode`] and `u16` both ways, and [`Catalogue`].
///
/// Every problem of a catalogue is a compile error that starts with `PATH:LINE:COLUMN:`, all
/// of them in one build: TOML syntax, unknown or missing keys, a code outside 100..=699, a
/// digit without a category or group, a declared category or group that disagrees with the
/// digits, duplicate codes or names, a name that is not an `UpperCamelCase` identifier, empty
/// text or text with control characters, an empty catalogue, and a file that cannot be read.
///
/// The generated code names this crate through `$crate`, so the macro works under any name
/// the dependency is given (`ftp = { package = "ftp-codes", ... }`).
#[macro_export]
macro_rules! catalog {
    ($($input:tt)*) => {
        $crate::__private::catalog! { $crate; $($input)* }
    };
}

/// Generates a command enum from a TOML catalogue of FTP commands, checked at compile time
/// against the reply catalogue: what generated [`Command`].
///
/// ```ignore
/// ftp_codes::command_catalog! {
///     /// Our server's commands.
///     pub enum SiteCommand from "site-commands.toml"
/// }
/// ```
///
/// The file has the format of `commands.toml`, described in the README: `[[command]]` entries
/// with `verb`, `argument`, `syntax`, `source`, `description` and the reply slots, and
/// `[[rule]]` entries for codes any command may get. Every reply code must be in the standard
/// reply catalogue and in the slot its first digit belongs to; every problem is a compile error
/// starting with `PATH:LINE:COLUMN:`, all of them in one build.
#[macro_export]
macro_rules! command_catalog {
    ($($input:tt)*) => {
        $crate::__private::command_catalog! { $crate; $($input)* }
    };
}

// The README's examples run as doc tests of `ftp-codes-tests` (tests/src/lib.rs), which has
// every transport feature and tokio.
