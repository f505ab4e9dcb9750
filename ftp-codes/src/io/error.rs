//! `ControlError`: what ends a call on the control connection.

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
    /// The command line was refused before anything was sent (CR, LF or NUL in the argument,
    /// a missing argument, ...).
    Write(WriteError),
    /// The transport accepted no byte of a write.
    WriteZero,
}

impl<E: fmt::Debug> fmt::Display for ControlError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io(error) => write!(f, "transport error: {error:?}"),
            Self::Closed => f.write_str("the server closed the control connection"),
            Self::ClosedMidReply => {
                f.write_str("the server closed the control connection in the middle of a reply")
            }
            Self::ReplyLongerThanBuffer => f.write_str("a reply is longer than the buffer"),
            Self::Parse(error) => write!(f, "unreadable reply: {error}"),
            Self::Write(error) => write!(f, "command not sent: {error}"),
            Self::WriteZero => f.write_str("the transport accepted no byte of a write"),
        }
    }
}

impl<E: fmt::Debug> core::error::Error for ControlError<E> {}
