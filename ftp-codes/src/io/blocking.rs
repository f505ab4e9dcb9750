//! `Control` over blocking `embedded_io` transports.

use super::ControlError;
use super::core::{Core, Framed};
use crate::exchange::{Exchange, Next};
use crate::reply::{ParseOptions, Reply};
use crate::write::WriteOptions;
use crate::{Command, Outcome};
use embedded_io::{Read, Write};

/// A control connection: a transport, a buffer of the caller's, and the parser over it.
///
/// Replies are borrowed from the buffer until the next call. Bytes that arrive after a reply
/// stay for the next one; [`buffered`](Self::buffered) shows them and
/// [`discard_buffered`](Self::discard_buffered) drops them (after `AUTH TLS`, before the
/// handshake). The buffer bounds everything: a reply longer than it is an error, never a hang.
#[derive(Debug)]
pub struct Control<'b, T> {
    transport: T,
    core: Core<'b>,
    write_options: WriteOptions,
}

impl<'b, T> Control<'b, T> {
    /// A control connection over `transport`, reading into `buffer`.
    pub fn new(transport: T, buffer: &'b mut [u8], options: ParseOptions) -> Self {
        Self {
            transport,
            core: Core::new(buffer, options),
            write_options: WriteOptions::default(),
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

impl<T: Read + Write> Control<'_, T> {
    /// The next whole reply: from bytes already read, or read until it is whole.
    pub fn read_reply(&mut self) -> Result<Reply<'_>, ControlError<T::Error>> {
        let framed = self.read_framed()?;
        Ok(self.core.reply(framed))
    }

    /// Writes `command` with `argument` (checked before anything is sent) and reads its first
    /// reply.
    pub fn send(
        &mut self,
        command: Command,
        argument: &[u8],
    ) -> Result<Reply<'_>, ControlError<T::Error>> {
        self.write_command(Ok(command), argument)?;
        self.read_reply()
    }

    /// [`send`](Self::send) for a verb outside the catalogue.
    pub fn send_verb(
        &mut self,
        verb: &[u8],
        argument: &[u8],
    ) -> Result<Reply<'_>, ControlError<T::Error>> {
        self.write_command(Err(verb), argument)?;
        self.read_reply()
    }

    /// Runs `command`'s whole exchange: sends it, reads every reply due (the one after a 1yz,
    /// ABOR's after a 426), and sends the next command of a sequence when its argument is in
    /// `then` (PASS after USER's 331). The outcome and the last reply. A sequence that asks for
    /// a command `then` lacks stops there, with [`Outcome::Intermediate`].
    ///
    /// A transfer's data connection is the caller's: run the transfer command from the thread
    /// that does not move the data, or read the first reply with [`send`](Self::send) and the
    /// second with [`read_reply`](Self::read_reply).
    pub fn run(
        &mut self,
        command: Command,
        argument: &[u8],
        then: &[(Command, &[u8])],
    ) -> Result<(Outcome, Reply<'_>), ControlError<T::Error>> {
        self.write_command(Ok(command), argument)?;
        let mut exchange = Exchange::new(command);
        loop {
            let framed = self.read_framed()?;
            match exchange.reply(framed.code()) {
                Next::AwaitReply => {}
                Next::Send(next) => {
                    let Some((_, argument)) = then.iter().find(|(c, _)| *c == next) else {
                        return Ok((Outcome::Intermediate, self.core.reply(framed)));
                    };
                    self.write_command(Ok(next), argument)?;
                }
                Next::Done(outcome) => return Ok((outcome, self.core.reply(framed))),
            }
        }
    }

    fn read_framed(&mut self) -> Result<Framed, ControlError<T::Error>> {
        // Bounded by the buffer: every turn reads at least one byte or ends, and a full buffer
        // without a whole reply is an error.
        loop {
            if let Some(framed) = self.core.poll()? {
                return Ok(framed);
            }
            let n = self
                .transport
                .read(self.core.spare())
                .map_err(ControlError::Io)?;
            if n == 0 {
                return Err(if self.core.mid_reply() {
                    ControlError::ClosedMidReply
                } else {
                    ControlError::Closed
                });
            }
            self.core.advance(n);
        }
    }

    fn write_command(
        &mut self,
        command: Result<Command, &[u8]>,
        argument: &[u8],
    ) -> Result<(), ControlError<T::Error>> {
        let mut line = self
            .core
            .command_line(command, argument, self.write_options)
            .map_err(ControlError::Write)?;
        while !line.is_empty() {
            match self.transport.write(line).map_err(ControlError::Io)? {
                0 => return Err(ControlError::WriteZero),
                n => line = line.get(n..).unwrap_or_default(),
            }
        }
        self.transport.flush().map_err(ControlError::Io)
    }
}
