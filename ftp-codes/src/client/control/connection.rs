//! `Connection`: what the blocking [`Control`] and the async [`AsyncControl`] share.

use super::buffer::Buffer;
use super::core::Core;
use crate::client::exchange::Conversation;
use crate::reply::{ParseOptions, Reply};
use crate::write::WriteOptions;
use crate::{Command, CommandCatalogue, Outcome};
use core::marker::PhantomData;

/// Marks a [`Connection`] over a blocking `embedded_io` transport: see [`Control`].
#[derive(Clone, Copy, Debug)]
pub struct Blocking;

/// Marks a [`Connection`] over an `embedded_io_async` transport: see [`AsyncControl`].
#[derive(Clone, Copy, Debug)]
pub struct Async;

/// A control connection over a blocking `embedded_io` transport (`std` streams through
/// `FromStd`).
pub type Control<'b, T, C = Command> = Connection<'b, T, Blocking, C>;

/// A control connection over an `embedded_io_async` transport (an embassy-net socket; tokio's
/// streams through `FromTokio`): the same API as [`Control`], async.
pub type AsyncControl<'b, T, C = Command> = Connection<'b, T, Async, C>;

/// A control connection: a transport, a buffer of the caller's, and the parser over it.
///
/// Replies are borrowed from the buffer until the next call. Bytes that arrive after a reply
/// stay for the next one; [`buffered`](Self::buffered) shows them and
/// [`discard_buffered`](Self::discard_buffered) drops them (after `AUTH TLS`, before the
/// handshake). The buffer bounds everything: a reply longer than it is an error, never a hang.
/// `M` says whether the transport blocks ([`Blocking`]: [`Control`]) or is async ([`Async`]:
/// [`AsyncControl`]); `C` is the command catalogue ([`Command`] unless you made your own with
/// [`command_catalog!`](crate::command_catalog!)).
///
/// # Staying in step
/// The connection keeps a [`Conversation`]: which replies are still due, and which command
/// each one answers. A reply is never handed to a command it does not answer:
/// - a new connection's greeting is due first ([`greeting`](Self::greeting), or
///   [`read_reply`](Self::read_reply)); [`greeted`](Self::greeted) says it was read
///   elsewhere;
/// - while a reply is due (a transfer's completion after its 1yz, or a reply whose read
///   failed or was cancelled), a new command is refused with [`ControlError::NotNow`](super::ControlError::NotNow):
///   [`finish`](Self::finish) reads it. Only ABOR may interrupt a transfer; `run(ABOR)` then
///   gives the transfer its completion (see [`aborted`](Self::aborted)) and ABOR its own
///   reply, in the order of RFC 959 §4.1.3;
/// - a command line that the transport took only in part (a write error or timeout, a
///   cancelled future) leaves the connection broken: every later call is
///   [`ControlError::Broken`](super::ControlError::Broken), since the next line would complete the half-sent one on the
///   server's side. A write that took nothing changes nothing; `Interrupted` is retried.
///
/// A failed or cancelled read loses nothing: the bytes read stay in the buffer and the reply
/// due stays due, so the caller may keep waiting (a long transfer's 226 after a read
/// timeout).
pub struct Connection<'b, T, M, C = Command> {
    pub(super) transport: T,
    pub(super) core: Core<'b, C>,
    pub(super) write_options: WriteOptions,
    mode: PhantomData<M>,
}

/// The transport by its type name: the embedded-io adapters (`FromStd`, `FromTokio`) are not
/// `Debug` themselves, and a connection should be, whatever it runs over.
impl<T, M, C: CommandCatalogue> core::fmt::Debug for Connection<'_, T, M, C> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Connection")
            .field("transport", &core::any::type_name::<T>())
            .field("core", &self.core)
            .field("write_options", &self.write_options)
            .finish()
    }
}

impl<'b, T, M> Connection<'b, T, M> {
    /// A control connection over `transport` (blocking for [`Control`]; async for
    /// [`AsyncControl`]: an embassy-net `TcpSocket`, tokio's `TcpStream` in `FromTokio`),
    /// reading into `buffer`. The server's greeting is due first.
    pub fn new(transport: T, buffer: &'b mut [u8], options: ParseOptions) -> Self {
        Self::with_parts(transport, Buffer::Borrowed(buffer), options)
    }
}

impl<'b, T, M, C: CommandCatalogue> Connection<'b, T, M, C> {
    /// [`new`](Connection::new) for a command catalogue of your own
    /// ([`command_catalog!`](crate::command_catalog!)): `Control::<_, SiteCommand>::with_catalogue(...)`.
    pub fn with_catalogue(transport: T, buffer: &'b mut [u8], options: ParseOptions) -> Self {
        Self::with_parts(transport, Buffer::Borrowed(buffer), options)
    }
}

#[cfg(feature = "std")]
impl<T, M, C: CommandCatalogue> Connection<'static, T, M, C> {
    /// A connection that owns its buffer of `capacity` bytes, to keep in a struct without a
    /// lifetime (what [`client::Client`](crate::client::Client) does). The greeting is due
    /// first; for a catalogue of your own, name it: `Control::<_, SiteCommand>::with_owned_buffer`.
    pub fn with_owned_buffer(transport: T, capacity: usize, options: ParseOptions) -> Self {
        let buffer = std::vec![0; capacity].into_boxed_slice();
        Self::with_parts(transport, Buffer::Owned(buffer), options)
    }
}

impl<'b, T, M, C: CommandCatalogue> Connection<'b, T, M, C> {
    pub(super) fn with_parts(transport: T, buffer: Buffer<'b>, options: ParseOptions) -> Self {
        Self {
            transport,
            core: Core::new(buffer, options),
            write_options: WriteOptions::default(),
            mode: PhantomData,
        }
    }

    /// The reply handed out last, until the next call reads or writes: after a refusal, the
    /// server's own words, for an error message. `None` once a later call began.
    pub fn last_reply(&self) -> Option<Reply<'_>> {
        self.core.last_reply()
    }

    /// Says that the greeting was read elsewhere (a connection taken over after `AUTH TLS`):
    /// commands may be sent at once.
    #[must_use]
    pub fn greeted(mut self) -> Self {
        self.core.conversation = Conversation::greeted();
        self
    }

    /// Which replies are due, and what the last ABOR interrupted.
    pub fn conversation(&self) -> &Conversation<C> {
        &self.core.conversation
    }

    /// What the transfer that the last ABOR interrupted came to: its command and the outcome
    /// of its completion reply (426: broken off; 226: it had ended before the abort).
    pub fn aborted(&self) -> Option<(C, Outcome)> {
        self.core.conversation.aborted()
    }

    /// How command lines are written: 0xFF refused or doubled, `IAC IP IAC DM` before ABOR.
    #[must_use]
    pub fn with_write_options(mut self, options: WriteOptions) -> Self {
        self.write_options = options;
        self
    }

    /// The bytes read after the last reply, not yet used.
    pub fn buffered(&self) -> &[u8] {
        self.core.buffered()
    }

    /// Drops the bytes read after the last reply. Call it after `AUTH TLS`'s 234, before the
    /// handshake: bytes a server (or an attacker) sent ahead must not be read as replies
    /// (curl's CVE-2021-22947).
    pub fn discard_buffered(&mut self) {
        self.core.discard_buffered();
    }

    /// The transport, to read its addresses.
    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// The transport, to set a timeout or wrap it in TLS.
    pub fn transport_mut(&mut self) -> &mut T {
        &mut self.transport
    }

    /// The transport back.
    pub fn into_transport(self) -> T {
        self.transport
    }

    /// The same connection (its buffer, the replies due, the options) over the transport
    /// `wrap` makes of this one: after `AUTH TLS`'s 234, the TLS session over the socket.
    /// The bytes read after the last reply are dropped first: a server (or an attacker) that
    /// sent them before the handshake must not have them read as replies after it (curl's
    /// CVE-2021-22947). If `wrap` fails the connection is gone with its transport, as a
    /// failed handshake leaves it in no state to go on (RFC 4217 §10.3).
    pub fn map_transport<U, E>(
        mut self,
        wrap: impl FnOnce(T) -> Result<U, E>,
    ) -> Result<Connection<'b, U, M, C>, E> {
        self.core.discard_buffered();
        Ok(Connection {
            transport: wrap(self.transport)?,
            core: self.core,
            write_options: self.write_options,
            mode: PhantomData,
        })
    }
}
