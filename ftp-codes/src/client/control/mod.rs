//! The control connection over a real transport: [`Control`] reads replies into a buffer the
//! caller owns, writes command lines, and runs whole exchanges, on the resumable parser, the
//! command writer and [`Exchange`](crate::client::exchange::Exchange). No allocation; any buffer size.
//!
//! Blocking over `embedded_io::{Read, Write}` (feature `embedded-io`), and so over anything
//! `std::io::{Read, Write}` through `embedded_io_adapters::std::FromStd` (feature `std`, which
//! re-exports it as `FromStd`); async over `embedded_io_async::{Read, Write}` (feature
//! `embedded-io-async`: [`AsyncControl`], an embassy-net socket plugs in as it is), and so over
//! tokio's streams through `FromTokio` (feature `tokio`). One implementation of each, on one
//! transport-free core.
//!
//! Timeouts are the caller's, as everywhere in the embedded-io world: set them on the socket
//! (`TcpStream::set_read_timeout`), or wrap the transport. A read that fails ends the call with
//! [`ControlError::Io`]; nothing is lost from the buffer, and a reply that was due stays due
//! ([`Connection::finish`] reads it). [`Connection`] says how the connection stays in step.
//!
//! ```
//! # #[cfg(feature = "std")]
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use ftp_codes::client::control::{Control, FromStd};
//! use ftp_codes::reply::ParseOptions;
//! use ftp_codes::{Code, Command, Outcome};
//! use std::io::Write;
//! use std::net::{TcpListener, TcpStream};
//!
//! // A server on loopback that greets, then answers one NOOP.
//! let listener = TcpListener::bind("127.0.0.1:0")?;
//! let address = listener.local_addr()?;
//! let server = std::thread::spawn(move || -> std::io::Result<Vec<u8>> {
//!     let (mut client, _) = listener.accept()?;
//!     client.write_all(b"220-Welcome\r\n220 Ready\r\n")?;
//!     let mut line = [0u8; 6];
//!     std::io::Read::read_exact(&mut client, &mut line)?;
//!     client.write_all(b"200 NOOP ok\r\n")?;
//!     Ok(line.to_vec())
//! });
//!
//! let mut buffer = [0u8; 256];
//! let stream = FromStd::new(TcpStream::connect(address)?);
//! let mut control = Control::new(stream, &mut buffer, ParseOptions::default());
//! let (outcome, greeting) = control.greeting()?;
//! assert_eq!((outcome, greeting.known()), (Outcome::Completed, Some(Code::ServiceReady)));
//! let (outcome, reply) = control.run(Command::Noop, b"", &[])?;
//! assert_eq!((outcome, reply.code().as_u16()), (Outcome::Completed, 200));
//! assert_eq!(server.join().unwrap()?, b"NOOP\r\n");
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "std"))]
//! # fn main() {}
//! ```

#[cfg(feature = "embedded-io-async")]
mod asynchronous;
#[cfg(feature = "embedded-io")]
mod blocking;
mod buffer;
mod connection;
mod core;
mod error;

pub use connection::{Async, AsyncControl, Blocking, Connection, Control};

#[cfg(all(test, feature = "embedded-io", feature = "embedded-io-async"))]
mod tests;
pub use error::ControlError;

/// `std::io` streams as `embedded_io` ones: `Control::new(FromStd::new(tcp_stream), ...)`.
#[cfg(feature = "std")]
pub use embedded_io_adapters::std::FromStd;

/// tokio streams as `embedded_io_async` ones: `AsyncControl::new(FromTokio::new(stream), ...)`.
#[cfg(feature = "tokio")]
pub use embedded_io_adapters::tokio_1::FromTokio;
