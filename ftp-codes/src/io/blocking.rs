//! `Control` over blocking `embedded_io` transports.

use super::core::{Framed, Step, step, unsent};
use super::{Blocking, Connection, ControlError};
use crate::exchange::Exchange;
use crate::reply::{ParseOptions, Reply};
use crate::{Command, Outcome};
use embedded_io::{Read, Write};

impl<'b, T> Connection<'b, T, Blocking> {
    /// A control connection over a blocking `transport`, reading into `buffer`.
    pub fn new(transport: T, buffer: &'b mut [u8], options: ParseOptions) -> Self {
        Self::with_parts(transport, buffer, options)
    }
}

impl<T: Read + Write> Connection<'_, T, Blocking> {
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
            match step(&mut exchange, framed, then) {
                Step::Read => {}
                Step::Write(next, argument) => self.write_command(Ok(next), argument)?,
                Step::Done(outcome) => return Ok((outcome, self.core.reply(framed))),
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
            self.core.advance(n)?;
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
            let n = self.transport.write(line).map_err(ControlError::Io)?;
            line = unsent(line, n)?;
        }
        self.transport.flush().map_err(ControlError::Io)
    }
}
