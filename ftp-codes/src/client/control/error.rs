//! `ControlError`: what ends a call on the control connection.

use crate::client::exchange::NotNow;
use crate::reply::ParseError;
use crate::write::WriteError;
use core::fmt;

/// Why a call on a [`Control`](super::Control) failed. `E` is the transport's error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ControlError<E> {
    /// The transport failed (a timeout the caller set, a reset, ...).
    Io(E),
    /// The peer closed the connection between replies.
    Closed,
    /// The peer closed the connection in the middle of a reply.
    ClosedMidReply,
    /// A reply is longer than the caller's buffer. (A command line longer than the buffer's
    /// free part is `Write(WriteError::BufferTooSmall)`.)
    ReplyLongerThanBuffer,
    /// The bytes are no reply.
    Parse(ParseError),
    /// The command line was refused before anything was sent (CR, LF, NUL or 0xFF in the
    /// argument, a missing argument, ...).
    Write(WriteError),
    /// The transport accepted no byte of a write.
    WriteZero,
    /// The command may not be sent now (the greeting or another command's reply is due);
    /// nothing was sent.
    NotNow(NotNow),
    /// No reply is due: `finish` or `greeting` with nothing to read.
    NothingDue,
    /// A command line went out only in part (a write failed or was cancelled half-way): the
    /// server holds half a line that the next one would complete, so the connection cannot
    /// be used any more. Close it.
    Broken,
}

impl<E: fmt::Display> fmt::Display for ControlError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io(error) => write!(f, "transport error: {error}"),
            Self::Closed => f.write_str("the server closed the control connection"),
            Self::ClosedMidReply => {
                f.write_str("the server closed the control connection in the middle of a reply")
            }
            Self::ReplyLongerThanBuffer => f.write_str("a reply is longer than the buffer"),
            Self::Parse(error) => write!(f, "unreadable reply: {error}"),
            Self::Write(error) => write!(f, "command not sent: {error}"),
            Self::WriteZero => f.write_str("the transport accepted no byte of a write"),
            Self::NotNow(why @ (NotNow::ReplyDue { .. } | NotNow::VerbReplyDue)) => {
                write!(f, "command not sent: {why}; `finish()` reads it")
            }
            Self::NotNow(why) => write!(f, "command not sent: {why}"),
            Self::NothingDue => f.write_str("no reply is due"),
            Self::Broken => f.write_str(
                "the connection is broken: a command line went out only in part; close it",
            ),
        }
    }
}

impl<E: core::error::Error + 'static> core::error::Error for ControlError<E> {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            Self::Io(error) => Some(error),
            Self::Parse(error) => Some(error),
            Self::Write(error) => Some(error),
            Self::NotNow(error) => Some(error),
            _ => None,
        }
    }
}
