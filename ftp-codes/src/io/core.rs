//! The transport-free part of the control connection: the caller's buffer, what in it is read
//! and not yet used, and the resumable parser over it. The blocking and async layers only move
//! bytes in and out.

use super::ControlError;
use crate::exchange::{Exchange, Next};
use crate::reply::{ParseOptions, Parser, Reply, Status};
use crate::write::{WriteError, WriteOptions, Writer};
use crate::{Command, Outcome, ReplyCode};

/// A reply framed in the buffer: where it is and what the parser found, so that the reply can
/// be handed out once the reading loop, which needs `&mut self`, is over.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Framed {
    at: usize,
    used: usize,
    code: ReplyCode,
    lines: usize,
    mismatched: Option<ReplyCode>,
    control: bool,
}

impl Framed {
    pub(crate) const fn code(&self) -> ReplyCode {
        self.code
    }
}

/// The buffer and the parser.
///
/// `buf[start..start + consumed]` is the reply handed out last, `buf[start + consumed..filled]`
/// what was read after it. The bytes move to the front only when a read needs the room and
/// something is left to keep: one reply's tail at most, not every reply's successors.
#[derive(Debug)]
pub(crate) struct Core<'b> {
    buf: &'b mut [u8],
    start: usize,
    consumed: usize,
    filled: usize,
    parser: Parser,
}

impl<'b> Core<'b> {
    pub(crate) fn new(buf: &'b mut [u8], options: ParseOptions) -> Self {
        Self {
            buf,
            start: 0,
            consumed: 0,
            filled: 0,
            parser: Parser::new(options),
        }
    }

    /// Forgets the reply handed out last; with nothing left after it, the buffer is empty.
    fn release(&mut self) {
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
    pub(crate) fn poll<E>(&mut self) -> Result<Option<Framed>, ControlError<E>> {
        self.release();
        let unread = self.buf.get(self.start..self.filled).unwrap_or_default();
        match self.parser.parse(unread) {
            Ok(Status::Complete((reply, used))) => {
                let framed = Framed {
                    at: self.start,
                    used,
                    code: reply.code(),
                    lines: reply.line_count(),
                    mismatched: reply.mismatched_end(),
                    control: reply.has_control_characters(),
                };
                self.consumed = used;
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
    pub(crate) fn reply(&self, framed: Framed) -> Reply<'_> {
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

    /// Writes a command line into the free part of the buffer; the bytes to send. The reply
    /// read after it lands in the same space, which is why nothing else needs a buffer.
    pub(crate) fn command_line(
        &mut self,
        command: Result<Command, &[u8]>,
        argument: &[u8],
        options: WriteOptions,
    ) -> Result<&[u8], WriteError> {
        // The last reply is done with once the next command goes out.
        self.release();
        self.compact();
        let free = self.buf.get_mut(self.filled..).unwrap_or_default();
        let mut writer = Writer::new(free, options);
        match command {
            Ok(command) => writer.command(command, argument)?,
            Err(verb) => writer.command_verb(verb, argument)?,
        };
        let len = writer.len();
        let end = self.filled.saturating_add(len);
        Ok(self.buf.get(self.filled..end).unwrap_or_default())
    }
}

/// What is left of `line` once a write took `n` bytes of it; a write that took none is an
/// error, so that the write loops end.
pub(crate) fn unsent<E>(line: &[u8], n: usize) -> Result<&[u8], ControlError<E>> {
    match n {
        0 => Err(ControlError::WriteZero),
        n => Ok(line.get(n..).unwrap_or_default()),
    }
}

/// What a layer does next while running an exchange.
pub(crate) enum Step<'t> {
    /// Read the next reply.
    Read,
    /// Write this command, then read.
    Write(Command, &'t [u8]),
    /// The exchange is over.
    Done(Outcome),
}

/// One reply of a `run`: what comes next, the sequence's next command taken from `then` (a
/// command it lacks ends the run as [`Outcome::Intermediate`]).
pub(crate) fn step<'t>(
    exchange: &mut Exchange,
    framed: Framed,
    then: &[(Command, &'t [u8])],
) -> Step<'t> {
    match exchange.reply(framed.code()) {
        Next::AwaitReply => Step::Read,
        Next::Send(next) => match then.iter().find(|(command, _)| *command == next) {
            Some(&(command, argument)) => Step::Write(command, argument),
            None => Step::Done(Outcome::Intermediate),
        },
        Next::Done(outcome) => Step::Done(outcome),
    }
}
