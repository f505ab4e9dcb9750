//! The client session: a whole FTP client, from the greeting to QUIT, with the glue every
//! client writes (a success check around every command, the data connection, the 1yz / data /
//! close / completion order of a transfer, refusals as errors) written once.
//!
//! Three layers, one decision-maker:
//! - a sans-IO core (no IO, no allocation, `no_std`): what to send next, which reply is a
//!   refusal, when TYPE is due, EPSV or PASV, EPRT or PORT, REST, ABOR;
//! - [`Session`] (feature `embedded-io`) and [`AsyncSession`] (feature `embedded-io-async`):
//!   the core over a control connection ([`io::Control`](crate::io::Control),
//!   [`io::AsyncControl`](crate::io::AsyncControl)) and a data connection of the caller's
//!   ([`DataConnection`], [`AsyncDataConnection`]): an embassy-net user's sockets, tokio's
//!   streams ([`TokioData`], feature `tokio`);
//! - [`Client`] (feature `std`): the session over `std::net`, with timeouts, owned results and
//!   [`Error`]s that quote the server, as short to use as Python's ftplib.
//!
//! ```no_run
//! # fn main() -> Result<(), ftp_codes::client::Error> {
//! use ftp_codes::client::Client;
//!
//! let mut ftp = Client::connect("127.0.0.1:2121")?; // TCP + greeting; timeouts on by default
//! ftp.login("alice", "secret")?;
//! ftp.mkdir("reports")?;
//! let sent = ftp.put("r.bin", &mut &b"data"[..])?;
//! assert_eq!(ftp.size("r.bin")?, sent);
//! ftp.quit()?;
//! # Ok(())
//! # }
//! ```

#[cfg(feature = "embedded-io-async")]
mod asynchronous;
#[cfg(feature = "embedded-io")]
mod blocking;
mod data;
#[cfg(any(feature = "embedded-io", feature = "embedded-io-async"))]
mod error;
mod operation;
mod state;
#[cfg(feature = "std")]
mod std_client;
#[cfg(all(test, feature = "embedded-io", feature = "embedded-io-async"))]
mod tests;
#[cfg(feature = "tokio")]
mod tokio_data;

#[cfg(feature = "embedded-io-async")]
pub use asynchronous::AsyncSession;
#[cfg(feature = "embedded-io")]
pub use blocking::Session;
pub use data::{AsyncDataConnection, DataConnection};
#[cfg(any(feature = "embedded-io", feature = "embedded-io-async"))]
pub use error::SessionError;
pub use state::{DataMode, TransferType};
#[cfg(feature = "std")]
pub use std_client::{Client, Error, Progress, RemoteText, Response, StdData, Timeouts};
#[cfg(feature = "tokio")]
pub use tokio_data::TokioData;
