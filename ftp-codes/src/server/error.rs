//! `ServerError`: a session used out of turn, or an answer it refused.

use crate::write::WriteError;
use crate::{Command, ReplyCode};
use core::fmt;

/// Why the session refused a call. Nothing was written and its state did not change: a
/// refused answer can be given again, correctly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum ServerError {
    /// `read` while a request still waits for its answer.
    AnswerDue,
    /// An answer with no request waiting for one.
    NothingToAnswer,
    /// A code the catalogue says the command never gets (RFC 959 §5.4's row, the rules across
    /// commands), or one out of order (a 226 with no 150 before it, a second 150). Checked in
    /// every build.
    NotInRow {
        /// The command answered.
        command: Command,
        /// The code refused.
        code: ReplyCode,
    },
    /// The reply could not be written (the buffer is too small, a path holds CR or LF).
    Write(WriteError),
    /// The session is over (QUIT answered, or closed with 421).
    Closed,
}

impl fmt::Display for ServerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::AnswerDue => f.write_str("a request is waiting for its answer"),
            Self::NothingToAnswer => f.write_str("no request is waiting for an answer"),
            Self::NotInRow { command, code } => {
                write!(f, "{code} is not a reply {command} can get here")
            }
            Self::Write(_) => f.write_str("the reply could not be written"),
            Self::Closed => f.write_str("the session is over"),
        }
    }
}

impl core::error::Error for ServerError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            Self::Write(error) => Some(error),
            _ => None,
        }
    }
}

impl From<WriteError> for ServerError {
    fn from(error: WriteError) -> Self {
        Self::Write(error)
    }
}
