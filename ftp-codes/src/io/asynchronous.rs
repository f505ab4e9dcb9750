//! `Control` over `embedded_io_async` transports: the blocking layer's calls, awaited.

use super::core::{Framed, Step, step, unsent};
use super::{Async, Connection, ControlError};
use crate::exchange::Exchange;
use crate::reply::{ParseOptions, Reply};
use crate::{Command, Outcome};
use embedded_io_async::{Read, Write};

impl<'b, T> Connection<'b, T, Async> {
    /// A control connection over an async `transport` (an embassy-net `TcpSocket`, tokio's
    /// `TcpStream` in `FromTokio`), reading into `buffer`.
    pub fn new(transport: T, buffer: &'b mut [u8], options: ParseOptions) -> Self {
        Self::with_parts(transport, buffer, options)
    }
}

impl<T: Read + Write> Connection<'_, T, Async> {
    /// The next whole reply: from bytes already read, or read until it is whole.
    pub async fn read_reply(&mut self) -> Result<Reply<'_>, ControlError<T::Error>> {
        let framed = self.read_framed().await?;
        Ok(self.core.reply(framed))
    }

    /// Writes `command` with `argument` (checked before anything is sent) and reads its first
    /// reply.
    pub async fn send(
        &mut self,
        command: Command,
        argument: &[u8],
    ) -> Result<Reply<'_>, ControlError<T::Error>> {
        self.write_command(Ok(command), argument).await?;
        self.read_reply().await
    }

    /// `send` for a verb outside the catalogue.
    pub async fn send_verb(
        &mut self,
        verb: &[u8],
        argument: &[u8],
    ) -> Result<Reply<'_>, ControlError<T::Error>> {
        self.write_command(Err(verb), argument).await?;
        self.read_reply().await
    }

    /// Runs `command`'s whole exchange, as the blocking `run` does.
    pub async fn run(
        &mut self,
        command: Command,
        argument: &[u8],
        then: &[(Command, &[u8])],
    ) -> Result<(Outcome, Reply<'_>), ControlError<T::Error>> {
        self.write_command(Ok(command), argument).await?;
        let mut exchange = Exchange::new(command);
        loop {
            let framed = self.read_framed().await?;
            match step(&mut exchange, framed, then) {
                Step::Read => {}
                Step::Write(next, argument) => self.write_command(Ok(next), argument).await?,
                Step::Done(outcome) => return Ok((outcome, self.core.reply(framed))),
            }
        }
    }

    async fn read_framed(&mut self) -> Result<Framed, ControlError<T::Error>> {
        // Bounded by the buffer, as in the blocking layer.
        loop {
            if let Some(framed) = self.core.poll()? {
                return Ok(framed);
            }
            let n = self
                .transport
                .read(self.core.spare())
                .await
                .map_err(ControlError::Io)?;
            self.core.advance(n)?;
        }
    }

    async fn write_command(
        &mut self,
        command: Result<Command, &[u8]>,
        argument: &[u8],
    ) -> Result<(), ControlError<T::Error>> {
        let mut line = self
            .core
            .command_line(command, argument, self.write_options)
            .map_err(ControlError::Write)?;
        while !line.is_empty() {
            let n = self.transport.write(line).await.map_err(ControlError::Io)?;
            line = unsent(line, n)?;
        }
        self.transport.flush().await.map_err(ControlError::Io)
    }
}
