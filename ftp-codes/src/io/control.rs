//! `Connection`: what the blocking [`Control`] and the async [`AsyncControl`] share.

use super::core::Core;
use crate::reply::ParseOptions;
use crate::write::WriteOptions;
use core::marker::PhantomData;

/// Marks a [`Connection`] over a blocking `embedded_io` transport: see [`Control`].
#[derive(Clone, Copy, Debug)]
pub struct Blocking;

/// Marks a [`Connection`] over an `embedded_io_async` transport: see [`AsyncControl`].
#[derive(Clone, Copy, Debug)]
pub struct Async;

/// A control connection over a blocking `embedded_io` transport (`std` streams through
/// `FromStd`).
pub type Control<'b, T> = Connection<'b, T, Blocking>;

/// A control connection over an `embedded_io_async` transport (an embassy-net socket; tokio's
/// streams through `FromTokio`): the same API as [`Control`], async.
pub type AsyncControl<'b, T> = Connection<'b, T, Async>;

/// A control connection: a transport, a buffer of the caller's, and the parser over it.
///
/// Replies are borrowed from the buffer until the next call. Bytes that arrive after a reply
/// stay for the next one; [`buffered`](Self::buffered) shows them and
/// [`discard_buffered`](Self::discard_buffered) drops them (after `AUTH TLS`, before the
/// handshake). The buffer bounds everything: a reply longer than it is an error, never a hang.
/// `M` says whether the transport blocks ([`Blocking`]: [`Control`]) or is async ([`Async`]:
/// [`AsyncControl`]).
#[derive(Debug)]
pub struct Connection<'b, T, M> {
    pub(super) transport: T,
    pub(super) core: Core<'b>,
    pub(super) write_options: WriteOptions,
    mode: PhantomData<M>,
}

impl<'b, T, M> Connection<'b, T, M> {
    pub(super) fn with_parts(transport: T, buffer: &'b mut [u8], options: ParseOptions) -> Self {
        Self {
            transport,
            core: Core::new(buffer, options),
            write_options: WriteOptions::default(),
            mode: PhantomData,
        }
    }

    /// How command lines are written: 0xFF doubling, `IAC IP IAC DM` before ABOR.
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

    /// The transport, to set a timeout or wrap it in TLS.
    pub fn transport_mut(&mut self) -> &mut T {
        &mut self.transport
    }

    /// The transport back.
    pub fn into_transport(self) -> T {
        self.transport
    }
}
