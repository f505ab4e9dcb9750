//! The transport-free part of the control connection: the caller's buffer, what in it is read
//! and not yet used, and the resumable parser over it. The blocking and async layers only move
//! bytes in and out.

use super::ControlError;
use super::buffer::Buffer;
use crate::client::exchange::{Conversation, Delivery, Next};
use crate::reply::{ParseOptions, Parser, Reply, Status};
use crate::write::{WriteOptions, Writer};
use crate::{CommandCatalogue, Outcome, ReplyCode};

/// A reply framed in the buffer: where it is, what the parser found, and whom it answered,
/// so that the reply can be handed out once the reading loop, which needs `&mut self`, is
/// over.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Framed<C> {
    at: usize,
    used: usize,
    code: ReplyCode,
    lines: usize,
    mismatched: Option<ReplyCode>,
    control: bool,
    pub(crate) delivery: Delivery<C>,
}

/// What a call sent and waits for: a catalogued command, or a verb outside the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sent<C> {
    Command(C),
    Verb,
}

/// A command line being written: where it is in the buffer and how much the transport took.
/// Still there when the next call starts, the write failed or was cancelled half-way.
#[derive(Clone, Copy, Debug)]
struct InFlight<C> {
    sent_as: Sent<C>,
    start: usize,
    end: usize,
    sent: usize,
}

/// The buffer and the parser.
///
/// `buf[start..start + consumed]` is the reply handed out last, `buf[start + consumed..filled]`
/// what was read after it. The bytes move to the front only when a read needs the room and
/// something is left to keep: one reply's tail at most, not every reply's successors.
///
/// It also keeps the [`Conversation`] (which command each reply answers) and the state of the
/// command line being written: a line the transport took only part of leaves the connection
/// broken, since the next line would complete it on the server's side (`DELE impor` +
/// `NOOP` reaching it as `DELE imporNOOP`).
pub(crate) struct Core<'b, C> {
    buf: Buffer<'b>,
    start: usize,
    consumed: usize,
    filled: usize,
    parser: Parser,
    pub(crate) conversation: Conversation<C>,
    in_flight: Option<InFlight<C>>,
    broken: bool,
    /// The reply handed out last, while its bytes are still where it was framed.
    last: Option<Framed<C>>,
}

impl<C: CommandCatalogue> core::fmt::Debug for Core<'_, C> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Core")
            .field("capacity", &self.buf.len())
            .field("buffered", &self.buffered().len())
            .field("conversation", &self.conversation)
            .field("broken", &self.broken)
            .finish_non_exhaustive()
    }
}

impl<'b, C: CommandCatalogue> Core<'b, C> {
    pub(crate) fn new(buf: Buffer<'b>, options: ParseOptions) -> Self {
        Self {
            buf,
            last: None,
            start: 0,
            consumed: 0,
            filled: 0,
            parser: Parser::new(options),
            conversation: Conversation::new(),
            in_flight: None,
            broken: false,
        }
    }

    /// Before any call: settles a write that an earlier call left unfinished (a cancelled
    /// future), and refuses every call on a broken connection.
    pub(crate) fn usable<E>(&mut self) -> Result<(), ControlError<E>> {
        if let Some(line) = self.in_flight.take() {
            let whole = line.sent >= line.end.saturating_sub(line.start);
            if whole {
                // Only the flush was cut short: the line is the transport's, its reply due.
                self.commit(line.sent_as);
            } else if line.sent > 0 {
                self.broken = true;
            }
        }
        if self.broken {
            return Err(ControlError::Broken);
        }
        Ok(())
    }

    fn commit(&mut self, sent: Sent<C>) {
        // may_begin said yes before the line was written.
        let _ = match sent {
            Sent::Command(command) => self.conversation.begin(command),
            Sent::Verb => self.conversation.begin_verb(),
        };
    }

    /// What [`finish`](super::Connection::finish) waits for: ABOR's reply when it waits behind
    /// a transfer's, else the command whose reply is due.
    pub(crate) fn due<E>(&self) -> Result<Sent<C>, ControlError<E>> {
        let conversation = &self.conversation;
        if conversation.verb_due() {
            return Ok(Sent::Verb);
        }
        conversation
            .abort_due()
            .or(conversation.due())
            .map(Sent::Command)
            .ok_or(ControlError::NothingDue)
    }

    /// Forgets the reply handed out last; with nothing left after it, the buffer is empty.
    fn release(&mut self) {
        self.last = None;
        self.start = self.start.saturating_add(self.consumed).min(self.filled);
        self.consumed = 0;
        if self.start == self.filled {
            self.start = 0;
            self.filled = 0;
        }
    }

    /// Moves the unread bytes to the front of the buffer.
    fn compact(&mut self) {
        if self.start > 0 {
            self.buf.copy_within(self.start..self.filled, 0);
            self.filled = self.filled.saturating_sub(self.start);
            self.start = 0;
        }
    }

    /// The next whole reply in the buffer, if it is there; an error if the buffer is full and
    /// the reply still unfinished.
    ///
    /// A whole reply is given to the conversation at once, in the same call that frames it,
    /// so that no cancellation can come between a reply read and its command knowing it.
    // Inlined into each read loop: a firmware that links both the blocking and the async layer
    // (the client session's drivers) otherwise calls it, at 28 % more instructions per reply
    // on the Cortex-M4 (1,838 against 1,447; tests/qemu).
    #[allow(clippy::inline_always)] // measured: see above
    #[inline(always)]
    pub(crate) fn poll<E>(&mut self) -> Result<Option<Framed<C>>, ControlError<E>> {
        self.release();
        let unread = self.buf.get(self.start..self.filled).unwrap_or_default();
        match self.parser.parse(unread) {
            Ok(Status::Complete((reply, used))) => {
                let code = reply.code();
                let (lines, mismatched, control) = (
                    reply.line_count(),
                    reply.mismatched_end(),
                    reply.has_control_characters(),
                );
                let framed = Framed {
                    at: self.start,
                    used,
                    code,
                    lines,
                    mismatched,
                    control,
                    delivery: self.conversation.reply(code),
                };
                self.consumed = used;
                self.last = Some(framed);
                Ok(Some(framed))
            }
            Ok(Status::Partial) if self.start == 0 && self.filled >= self.buf.len() => {
                Err(ControlError::ReplyLongerThanBuffer)
            }
            Ok(Status::Partial) => Ok(None),
            Err(error) => Err(ControlError::Parse(error)),
        }
    }

    /// Where the next read goes (after [`poll`](Self::poll) said `None`): the free end of the
    /// buffer, made room for if it is full.
    pub(crate) fn spare(&mut self) -> &mut [u8] {
        if self.filled >= self.buf.len() {
            self.compact();
        }
        self.buf.get_mut(self.filled..).unwrap_or_default()
    }

    /// `n` more bytes were read into [`spare`](Self::spare); a read of none is the end of the
    /// connection, an error that says whether a reply was left unfinished.
    pub(crate) fn advance<E>(&mut self, n: usize) -> Result<(), ControlError<E>> {
        if n == 0 {
            let mid_reply = self.filled > self.start.saturating_add(self.consumed);
            return Err(if mid_reply {
                ControlError::ClosedMidReply
            } else {
                ControlError::Closed
            });
        }
        self.filled = self.filled.saturating_add(n).min(self.buf.len());
        Ok(())
    }

    /// The reply `framed` describes; valid until the next read.
    pub(crate) fn reply(&self, framed: Framed<C>) -> Reply<'_> {
        let end = framed.at.saturating_add(framed.used);
        let raw = self.buf.get(framed.at..end).unwrap_or_default();
        Reply::new(
            raw,
            framed.code,
            framed.lines,
            framed.mismatched,
            framed.control,
        )
    }

    /// The reply handed out last, until the next call reads or writes: after a refusal, the
    /// server's text.
    pub(crate) fn last_reply(&self) -> Option<Reply<'_>> {
        self.last.map(|framed| self.reply(framed))
    }

    /// The bytes read after the last reply handed out.
    pub(crate) fn buffered(&self) -> &[u8] {
        let from = self.start.saturating_add(self.consumed);
        self.buf.get(from..self.filled).unwrap_or_default()
    }

    /// Forgets the bytes read after the last reply (after `AUTH TLS`, they must not be read as
    /// replies: curl's CVE-2021-22947).
    pub(crate) fn discard_buffered(&mut self) {
        self.filled = self.start.saturating_add(self.consumed).min(self.filled);
        self.parser.reset();
    }

    /// Checks that `command` may be sent now and writes its line into the free part of the
    /// buffer, to be sent by [`unsent_line`](Self::unsent_line) and [`took`](Self::took). The
    /// reply read after it lands in the same space, which is why nothing else needs a buffer.
    /// `Err(verb)` is a verb outside the catalogue, which the conversation does not track:
    /// only allowed when nothing is due.
    pub(crate) fn command_line<E>(
        &mut self,
        command: Result<C, &[u8]>,
        argument: &[u8],
        options: WriteOptions,
    ) -> Result<(), ControlError<E>> {
        self.usable()?;
        match command {
            Ok(command) => self.conversation.may_begin(command),
            Err(_) => self.conversation.may_begin_verb(),
        }
        .map_err(ControlError::NotNow)?;
        // The last reply is done with once the next command goes out.
        self.release();
        self.compact();
        let free = self.buf.get_mut(self.filled..).unwrap_or_default();
        let mut writer = Writer::new(free, options);
        match command {
            Ok(command) => writer.command(command, argument),
            Err(verb) => writer.command_verb(verb, argument),
        }
        .map_err(ControlError::Write)?;
        let end = self.filled.saturating_add(writer.len());
        self.in_flight = Some(InFlight {
            sent_as: command.map_or(Sent::Verb, Sent::Command),
            start: self.filled,
            end,
            sent: 0,
        });
        Ok(())
    }

    /// What is left to send of the line being written.
    pub(crate) fn unsent_line(&self) -> &[u8] {
        match self.in_flight {
            Some(line) => {
                let from = line.start.saturating_add(line.sent).min(line.end);
                self.buf.get(from..line.end).unwrap_or_default()
            }
            None => &[],
        }
    }

    /// The transport took `n` more bytes of the line; a write that took none is an error,
    /// so that the write loops end. Once the whole line is taken, its command is due.
    pub(crate) fn took<E>(&mut self, n: usize) -> Result<(), ControlError<E>> {
        if n == 0 {
            self.write_failed();
            return Err(ControlError::WriteZero);
        }
        if let Some(line) = self.in_flight.as_mut() {
            line.sent = line.sent.saturating_add(n);
            if line.sent >= line.end.saturating_sub(line.start) {
                let sent = line.sent_as;
                self.in_flight = None;
                self.commit(sent);
            }
        }
        Ok(())
    }

    /// A write failed: with part of the line on the wire, the connection is broken; with none,
    /// nothing happened.
    pub(crate) fn write_failed(&mut self) {
        if let Some(line) = self.in_flight.take() {
            self.broken |= line.sent > 0;
        }
    }
}

/// What a layer does next while running an exchange.
pub(crate) enum Step<'t, C> {
    /// Read the next reply.
    Read,
    /// Write this command, then read.
    Write(C, &'t [u8]),
    /// The exchange is over.
    Done(Outcome),
}

/// The first reply to `sent` (for `send`): whether `delivery` answers it.
pub(crate) fn answers<C: CommandCatalogue>(sent: Sent<C>, delivery: Delivery<C>) -> bool {
    match (sent, delivery) {
        (Sent::Command(sent), Delivery::Reply { command, .. }) => command == sent,
        (Sent::Verb, Delivery::Verb(_)) => true,
        _ => false,
    }
}

/// One reply of a `run` or `finish` waiting for `*waiting`: what comes next, the sequence's
/// next command taken from `then` (a command it lacks ends the run as
/// [`Outcome::Intermediate`]). A reply to another command (the transfer that ABOR
/// interrupts) is passed over; the conversation has recorded it.
pub(crate) fn step<'t, C: CommandCatalogue>(
    waiting: &mut Sent<C>,
    delivery: Delivery<C>,
    then: &[(C, &'t [u8])],
) -> Step<'t, C> {
    let next = match (*waiting, delivery) {
        (Sent::Command(waiting), Delivery::Reply { command, next }) if command == waiting => next,
        (Sent::Verb, Delivery::Verb(next)) => next,
        _ => return Step::Read,
    };
    match next {
        Next::AwaitReply => Step::Read,
        Next::Send(next) => match then.iter().find(|(command, _)| *command == next) {
            Some(&(command, argument)) => {
                *waiting = Sent::Command(command);
                Step::Write(command, argument)
            }
            None => Step::Done(Outcome::Intermediate),
        },
        Next::Done(outcome) => Step::Done(outcome),
    }
}
