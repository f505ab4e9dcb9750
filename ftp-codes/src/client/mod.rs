//! The client's side of the conversation, from the replies it classifies to a whole session:
//! the glue every client writes (a success check around every command, the data connection,
//! the 1yz / data / close / completion order of a transfer, refusals as errors) written once.
//!
//! From the bottom up (the layers shared with servers, codes, commands, framing, writing and
//! payloads, are the crate's other modules):
//! - [`exchange`] (sans-IO, always there): which replies a command gets and what each means
//!   (`Exchange`), and a whole control connection kept in step (`Conversation`: which
//!   reply answers which command).
//! - `control` (features `embedded-io`, `std`, `embedded-io-async`, `tokio`): the control
//!   connection over a transport and a buffer of yours, `Control` (blocking) and
//!   `AsyncControl`: the read loop, command writing, whole exchanges.
//! - The session: a sans-IO core that decides what to send next (TYPE when due, EPSV or PASV
//!   and the fallback, EPRT or PORT, REST, the transfer order, ABOR, which reply is a
//!   refusal), driven by `Session` (feature `embedded-io`) and `AsyncSession` (feature
//!   `embedded-io-async`) over a control connection and a data connection of the caller's
//!   ([`DataConnection`], [`AsyncDataConnection`]: an embassy-net socket, tokio's streams
//!   through `TokioData` with feature `tokio`). No allocation, `no_std`.
//! - `Client` (feature `std`): the session over `std::net`, with timeouts, owned results and
//!   errors that quote the server, as short to use as Python's ftplib; FTPS over rustls with
//!   feature `rustls` (`Client::secure`, `TlsSettings`).
//!
//! ```no_run
//! # #[cfg(feature = "std")]
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
//! # #[cfg(not(feature = "std"))]
//! # fn main() {}
//! ```

#[cfg(feature = "embedded-io-async")]
mod asynchronous;
#[cfg(feature = "embedded-io")]
mod blocking;
#[cfg(any(feature = "embedded-io", feature = "embedded-io-async"))]
pub mod control;
mod data;
#[cfg(any(feature = "embedded-io", feature = "embedded-io-async"))]
mod error;
pub mod exchange;
#[cfg(any(feature = "embedded-io", feature = "embedded-io-async"))]
mod operation;
#[cfg(any(feature = "embedded-io", feature = "embedded-io-async"))]
mod session;
#[cfg(any(feature = "embedded-io", feature = "embedded-io-async"))]
mod started;
mod state;
#[cfg(feature = "std")]
mod std_client;
#[cfg(all(test, feature = "embedded-io", feature = "embedded-io-async"))]
mod tests;
#[cfg(feature = "tokio")]
mod tokio_data;

pub use crate::TransferType;
#[cfg(feature = "std")]
pub use crate::stream::Stream;
pub use data::{AsyncDataConnection, DataConnection};
#[cfg(any(feature = "embedded-io", feature = "embedded-io-async"))]
pub use error::SessionError;
#[cfg(any(feature = "embedded-io", feature = "embedded-io-async"))]
pub use session::{AsyncSession, GenericSession, Session};
#[cfg(any(feature = "embedded-io", feature = "embedded-io-async"))]
pub use started::Started;
pub use state::DataMode;
#[cfg(feature = "rustls")]
pub use std_client::TlsSettings;
#[cfg(feature = "std")]
pub use std_client::{
    Client, DataTlsRefusal, Error, Progress, RemoteText, Response, StdData, Timeouts,
};
#[cfg(feature = "tokio")]
pub use tokio_data::TokioData;
