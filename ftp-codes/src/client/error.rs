//! `SessionError`: why an operation of a [`Session`](super::Session) or
//! [`AsyncSession`](super::AsyncSession) failed.

use super::operation::Failure;
use crate::client::control::ControlError;
use crate::payload::PayloadError;
use crate::write::WriteError;
use crate::{Command, ReplyCode};
use core::fmt;

/// Why an operation failed. `E` is the transport's error (control and data connections).
///
/// A refusal carries the command and the code; the server's text is the control connection's
/// [`last_reply`](crate::client::control::Connection::last_reply) until the next call
/// (`Client`'s error keeps it).
#[derive(Debug)]
#[non_exhaustive]
pub enum SessionError<E> {
    /// The server is not ready: its greeting was not 220 (a 421).
    Unavailable {
        /// The greeting's code.
        code: ReplyCode,
    },
    /// The server refused `command` (a 4yz or 5yz, or a reply the command does not get).
    Refused {
        /// The command refused: for a login USER, PASS or ACCT, whichever the server
        /// refused; for a rename RNFR or RNTO.
        command: Command,
        /// The server's code.
        code: ReplyCode,
    },
    /// The control connection failed.
    Control(ControlError<E>),
    /// The data connection failed (opening, moving or closing it).
    Data(E),
    /// A reply lacks what it should carry (a 229 without a port, a 257 without a path).
    Unreadable {
        /// The command answered.
        command: Command,
        /// What is wrong with the reply.
        error: PayloadError,
    },
    /// The transfer was stopped by the caller: ABOR was sent and answered, the connection is
    /// in step.
    Aborted {
        /// The transfer command.
        command: Command,
    },
    /// The listener's address cannot be announced: PORT has no IPv6, and the server refused
    /// EPRT.
    Unannounceable(WriteError),
}

impl<E> SessionError<E> {
    /// The server's code, for a refusal (and for a greeting that was not 220).
    pub fn reply_code(&self) -> Option<ReplyCode> {
        match self {
            Self::Refused { code, .. } | Self::Unavailable { code } => Some(*code),
            _ => None,
        }
    }

    pub(crate) fn from_failure(failure: Failure, data: Option<E>) -> Self {
        match (failure, data) {
            (Failure::Refused { command, code }, _) => Self::Refused { command, code },
            (Failure::Unreadable { command, error }, _) => Self::Unreadable { command, error },
            (Failure::Aborted { command }, _) => Self::Aborted { command },
            (Failure::Unannounceable(error), _) => Self::Unannounceable(error),
            (Failure::DataFailed, Some(error)) => Self::Data(error),
            // The driver records every data error before it reports a failed move.
            (Failure::DataFailed, None) => Self::Control(ControlError::Closed),
        }
    }
}

impl<E> From<ControlError<E>> for SessionError<E> {
    fn from(error: ControlError<E>) -> Self {
        Self::Control(error)
    }
}

impl<E: fmt::Display> fmt::Display for SessionError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unavailable { code } => write!(f, "the server is not ready: {code}"),
            Self::Refused { command, code } => write!(f, "{command} refused: {code}"),
            Self::Control(error) => write!(f, "control connection: {error}"),
            Self::Data(error) => write!(f, "data connection: {error}"),
            Self::Unreadable { command, error } => {
                write!(f, "unreadable reply to {command}: {error}")
            }
            Self::Aborted { command } => write!(f, "{command} aborted"),
            Self::Unannounceable(error) => write!(f, "cannot announce the data address: {error}"),
        }
    }
}

impl<E: core::error::Error + 'static> core::error::Error for SessionError<E> {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            Self::Control(error) => Some(error),
            Self::Data(error) => Some(error),
            Self::Unreadable { error, .. } => Some(error),
            Self::Unannounceable(error) => Some(error),
            _ => None,
        }
    }
}
