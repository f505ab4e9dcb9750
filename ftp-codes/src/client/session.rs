//! `Session`: what the blocking and the async client session share (their state, the
//! accessors, and handing replies to the sans-IO core); `blocking.rs` and `asynchronous.rs`
//! add the calls that move bytes, one set each.

use super::error::SessionError;
use super::operation::Operation;
use super::state::{DataMode, State};
use crate::Outcome;
use crate::TransferType;
use crate::client::control::{Async, Blocking, Connection, ControlError};
use crate::reply::Reply;

/// The client session, blocking ([`Session`]) or async ([`AsyncSession`]): `M` says which
/// ([`Blocking`] or [`Async`]), as for [`Connection`]. Use it through those two names.
pub struct GenericSession<'b, T, D, M> {
    pub(super) control: Connection<'b, T, M>,
    pub(super) data: D,
    pub(super) state: State,
}

/// The data connection by its type name: the session should be `Debug` whatever it is.
impl<T, D, M> core::fmt::Debug for GenericSession<'_, T, D, M> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("GenericSession")
            .field("control", &self.control)
            .field("data", &core::any::type_name::<D>())
            .field("state", &self.state)
            .finish()
    }
}

/// A client session over a blocking control connection ([`Control`](crate::client::control::Control)) and a data connection of
/// the caller's ([`DataConnection`](super::DataConnection)): no allocation, `no_std`. Every method fails when the
/// server refuses ([`SessionError::Refused`]); the connection stays in step whatever fails.
///
/// What it keeps: the transfer type (`TYPE I` sent once, before the first SIZE or transfer, and
/// again only when [`set_transfer_type`](Self::set_transfer_type) changed it), the data mode
/// (EPSV, or PASV for the rest of the session once EPSV was refused; EPRT then PORT in active
/// mode). `Client` (feature `std`) is this session over `std::net`, with owned results.
/// [`AsyncSession`] is the same session over an async control connection.
///
/// ```no_run
/// # #[cfg(feature = "std")]
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use ftp_codes::client::control::{Control, FromStd};
/// use ftp_codes::client::{Session, StdData, Timeouts};
/// use ftp_codes::reply::ParseOptions;
/// use ftp_codes::Command;
/// use core::ops::ControlFlow;
/// use std::io::Read;
///
/// let stream = std::net::TcpStream::connect("127.0.0.1:2121")?;
/// let data = StdData::new(stream.peer_addr()?.ip(), stream.local_addr()?.ip(), Timeouts::default());
/// let mut buffer = [0u8; 512];
/// let control = Control::new(FromStd::new(stream), &mut buffer, ParseOptions::default());
/// let mut ftp = Session::start(control, data)?;
/// ftp.login(b"alice", b"secret")?;
/// let mut image = Vec::new();
/// ftp.transfer(Command::Retr, b"firmware.bin", 0, |data, started| {
///     println!("the server announced {:?} bytes", started.announced_size());
///     data.stream()?.read_to_end(&mut image)?;
///     Ok(ControlFlow::Continue(()))
/// })?;
/// ftp.quit()?;
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "std"))]
/// # fn main() {}
/// ```
pub type Session<'b, T, D> = GenericSession<'b, T, D, Blocking>;

/// The client session over an async control connection ([`AsyncControl`](crate::client::control::AsyncControl): an embassy-net
/// socket, tokio's streams through `FromTokio`) and an [`AsyncDataConnection`](super::AsyncDataConnection): the calls of
/// the blocking [`Session`], awaited, on the same sans-IO core. No allocation,
/// `no_std`.
///
/// # Cancel safety
/// No method is cancel-safe as a whole: dropped while a command line is being written, the
/// control connection is broken (every later call fails with [`ControlError::Broken`]);
/// dropped while a reply is awaited, that reply stays due, and the next operation first
/// closes the data connection and reads it. The connection is never out of step: no reply
/// is taken for another command's. Put timeouts on the transport rather than around a call
/// where you can.
pub type AsyncSession<'b, T, D> = GenericSession<'b, T, D, Async>;

impl<'b, T, D, M> GenericSession<'b, T, D, M> {
    /// A session on a control connection whose greeting was read already.
    pub fn greeted(control: Connection<'b, T, M>, data: D) -> Self {
        Self {
            control,
            data,
            state: State::default(),
        }
    }

    /// How data connections are opened from now on.
    pub fn set_mode(&mut self, mode: DataMode) {
        self.state.mode = mode;
    }

    /// Whether EPSV and EPRT (RFC 2428) are tried (the default) before PASV and PORT; off,
    /// only PASV and PORT are sent (curl's `--disable-epsv`, for a server or middlebox that
    /// mishandles them). A server's refusal turns them off for the session by itself.
    pub fn set_extended(&mut self, on: bool) {
        self.state.no_epsv = !on;
        self.state.no_eprt = !on;
    }

    /// The transfer type from now on (TYPE is sent before the next transfer or SIZE).
    pub fn set_transfer_type(&mut self, transfer_type: TransferType) {
        self.state.transfer_type = transfer_type;
    }

    /// The host the last 227 (PASV's reply) named. The session never connects there: data
    /// connections go to the control connection's peer (a server behind NAT names an address
    /// the client cannot reach; a hostile one, a host it should not: ftplib's CVE-2021-4189).
    /// Log it where it differs from the peer. `None` after EPSV's 229.
    pub fn passive_host(&self) -> Option<core::net::Ipv4Addr> {
        self.state.passive_host
    }

    /// The control connection: its last reply, its conversation.
    pub fn control(&self) -> &Connection<'b, T, M> {
        &self.control
    }

    /// The control connection, for a command of your own; it keeps the session in step.
    pub fn control_mut(&mut self) -> &mut Connection<'b, T, M> {
        &mut self.control
    }

    /// The same session over the TLS transport `wrap` makes of the control connection's:
    /// call it after [`auth_tls`](Session::auth_tls) (the 234), with the handshake in `wrap`
    /// (rustls, embedded-tls, ...: the session knows no TLS library). The bytes read after
    /// the 234 are dropped, never read as replies (CVE-2021-22947); see
    /// [`Connection::map_transport`]. Data connections are protected by the data connection
    /// of the caller's, after [`protect_data`](Session::protect_data).
    pub fn into_tls<U, E>(
        self,
        wrap: impl FnOnce(T) -> Result<U, E>,
    ) -> Result<GenericSession<'b, U, D, M>, E> {
        Ok(GenericSession {
            control: self.control.map_transport(wrap)?,
            data: self.data,
            state: self.state,
        })
    }

    /// The data connection.
    pub fn data_mut(&mut self) -> &mut D {
        &mut self.data
    }

    /// Hands the last reply and the conversation's next command of a sequence to the
    /// operation.
    pub(super) fn replied<E>(
        &mut self,
        operation: &mut Operation<'_>,
        outcome: Outcome,
    ) -> Result<(), SessionError<E>> {
        let next = self.control.conversation().sequence();
        // run() and finish() end with a reply, which nothing has released since.
        let reply = self
            .control
            .last_reply()
            .ok_or(SessionError::Control(ControlError::NothingDue))?;
        operation.replied(&mut self.state, outcome, &reply, next);
        Ok(())
    }

    pub(super) fn last<E>(&self) -> Result<Reply<'_>, SessionError<E>> {
        // run() ended with a reply, which nothing has released since.
        self.control
            .last_reply()
            .ok_or(SessionError::Control(ControlError::NothingDue))
    }
}
