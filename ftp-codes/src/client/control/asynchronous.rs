//! `AsyncControl` over `embedded_io_async` transports: the blocking layer's calls, awaited.

use super::core::{Framed, Sent, Step, answers, step};
use super::{Async, Connection, ControlError};
use crate::client::exchange::{Delivery, Next};
use crate::reply::Reply;
use crate::{CommandCatalogue, Outcome};
use embedded_io_async::{Error as _, ErrorKind, Read, Write};

impl<T: Read + Write, C: CommandCatalogue> Connection<'_, T, Async, C> {
    /// The next whole reply, whoever it answers: from bytes already read, or read until it is
    /// whole. The conversation takes note of it (the greeting, a reply due, or an unsolicited
    /// one such as an idle timeout's 421).
    ///
    /// # Cancel safety
    /// Cancel-safe where the transport's `read` is (tokio's streams, embassy-net's sockets):
    /// bytes are kept only once a read returned them, and a reply is framed and given to its
    /// command in one step. Dropped, the call loses nothing; the next call reads on.
    pub async fn read_reply(&mut self) -> Result<Reply<'_>, ControlError<T::Error>> {
        self.core.usable()?;
        let framed = self.read_framed().await?;
        Ok(self.core.reply(framed))
    }

    /// Reads the server's greeting: 220, or 120 then 220 (RFC 959 §5.4). The outcome
    /// ([`Outcome::Completed`] for 220, [`Outcome::TransientFailure`] for 421) and the last
    /// reply.
    ///
    /// # Cancel safety
    /// As [`read_reply`](Self::read_reply): dropped, the greeting (or its rest) stays due.
    pub async fn greeting(&mut self) -> Result<(Outcome, Reply<'_>), ControlError<T::Error>> {
        self.core.usable()?;
        if !self.core.conversation.greeting_due() {
            return Err(ControlError::NothingDue);
        }
        loop {
            let framed = self.read_framed().await?;
            if let Delivery::Greeting(Next::Done(outcome)) = framed.delivery {
                return Ok((outcome, self.core.reply(framed)));
            }
        }
    }

    /// Writes `command` with `argument` (checked before anything is sent) and reads the first
    /// reply to it. After ABOR during a transfer, the transfer's completion is read first
    /// ([`aborted`](Self::aborted) says what it was). After a 1yz, the rest is due:
    /// [`finish`](Self::finish) reads it.
    ///
    /// # Cancel safety
    /// Not cancel-safe while the line is being written: dropped with part of it taken by the
    /// transport, the connection is broken (every later call is [`ControlError::Broken`]),
    /// since the next line would complete the half-sent one on the server's side. Dropped
    /// before the first byte went out, nothing happened. Dropped once the line is out, its
    /// reply stays due: [`finish`](Self::finish) reads it, and other commands are refused
    /// until then ([`ControlError::NotNow`]).
    pub async fn send(
        &mut self,
        command: C,
        argument: &[u8],
    ) -> Result<Reply<'_>, ControlError<T::Error>> {
        self.write_command(Ok(command), argument).await?;
        self.first_reply(Sent::Command(command)).await
    }

    /// [`send`](Self::send) for a verb outside the catalogue: sent only when no reply is due;
    /// a 1yz to it keeps it open for [`finish`](Self::finish), as for any command.
    ///
    /// # Cancel safety
    /// As [`send`](Self::send).
    pub async fn send_verb(
        &mut self,
        verb: &[u8],
        argument: &[u8],
    ) -> Result<Reply<'_>, ControlError<T::Error>> {
        self.write_command(Err(verb), argument).await?;
        self.first_reply(Sent::Verb).await
    }

    /// Runs `command`'s whole exchange: sends it, reads every reply due (the one after a 1yz,
    /// ABOR's after the interrupted transfer's), and sends the next command of a sequence when
    /// its argument is in `then` (PASS after USER's 331). The outcome and the last reply. A
    /// sequence that asks for a command `then` lacks stops there, with
    /// [`Outcome::Intermediate`].
    ///
    /// A transfer's data connection is the caller's: run the transfer command from the thread
    /// that does not move the data, or read the first reply with [`send`](Self::send) and the
    /// rest with [`finish`](Self::finish).
    ///
    /// # Cancel safety
    /// As [`send`](Self::send), at each command of the sequence: a half-written line breaks
    /// the connection; otherwise every reply still due stays due, for
    /// [`finish`](Self::finish), and no later command is given one of them.
    pub async fn run(
        &mut self,
        command: C,
        argument: &[u8],
        then: &[(C, &[u8])],
    ) -> Result<(Outcome, Reply<'_>), ControlError<T::Error>> {
        self.write_command(Ok(command), argument).await?;
        let mut waiting = Sent::Command(command);
        loop {
            let framed = self.read_framed().await?;
            match step(&mut waiting, framed.delivery, then) {
                Step::Read => {}
                Step::Write(next, argument) => self.write_command(Ok(next), argument).await?,
                Step::Done(outcome) => return Ok((outcome, self.core.reply(framed))),
            }
        }
    }

    /// Reads the replies still due until the exchange in progress is over: a transfer's
    /// completion after [`send`](Self::send) got its 1yz, or the reply of a call that failed
    /// or timed out while waiting. [`ControlError::NothingDue`] when no reply is due.
    ///
    /// # Cancel safety
    /// As [`read_reply`](Self::read_reply): dropped, the replies still due stay due; call it
    /// again.
    pub async fn finish(&mut self) -> Result<(Outcome, Reply<'_>), ControlError<T::Error>> {
        self.core.usable()?;
        let mut waiting = self.core.due()?;
        loop {
            let framed = self.read_framed().await?;
            if let Step::Done(outcome) = step(&mut waiting, framed.delivery, &[]) {
                return Ok((outcome, self.core.reply(framed)));
            }
        }
    }

    /// Reads replies until the first one to `sent` (a transfer's completion before ABOR's).
    async fn first_reply(&mut self, sent: Sent<C>) -> Result<Reply<'_>, ControlError<T::Error>> {
        loop {
            let framed = self.read_framed().await?;
            if answers(sent, framed.delivery) {
                return Ok(self.core.reply(framed));
            }
        }
    }

    async fn read_framed(&mut self) -> Result<Framed<C>, ControlError<T::Error>> {
        // Bounded by the buffer: every turn reads at least one byte or ends, and a full buffer
        // without a whole reply is an error.
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
        command: Result<C, &[u8]>,
        argument: &[u8],
    ) -> Result<(), ControlError<T::Error>> {
        self.core
            .command_line(command, argument, self.write_options)?;
        loop {
            let line = self.core.unsent_line();
            if line.is_empty() {
                break;
            }
            match self.transport.write(line).await {
                Ok(n) => self.core.took(n)?,
                // Nothing was taken: try again, as `std::io::Write::write_all` does.
                Err(error) if error.kind() == ErrorKind::Interrupted => {}
                Err(error) => {
                    self.core.write_failed();
                    return Err(ControlError::Io(error));
                }
            }
        }
        self.transport.flush().await.map_err(ControlError::Io)
    }
}
