//! `Error`: why a [`Client`](super::Client) call failed, with the server's own words.

use super::text::printable;
use crate::client::SessionError;
use crate::{Command, ReplyCode};
use std::fmt;
use std::io;
use std::string::String;

/// Why a [`Client`](super::Client) call failed.
///
/// `Display` names the command and quotes the server's reply (control characters escaped):
/// `RETR refused: 550 missing.bin: No such file or directory.`
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The server refused.
    Refused {
        /// The command refused (for a login USER, PASS or ACCT, whichever the server
        /// refused; for a rename RNFR or RNTO); `None` for the greeting (a 421 instead of
        /// 220).
        command: Option<Command>,
        /// The reply's code.
        code: ReplyCode,
        /// The reply, as sent, made safe to print.
        reply: String,
    },
    /// The control connection could not be opened.
    Connect(io::Error),
    /// The reader or writer given to a transfer failed; the transfer was aborted (ABOR).
    Local(io::Error),
    /// The session failed otherwise: the control or data connection, an unreadable reply, a
    /// transfer stopped by the progress hook.
    Session(SessionError<io::Error>),
}

impl Error {
    /// The server's code, for a refusal.
    pub fn reply_code(&self) -> Option<ReplyCode> {
        match self {
            Self::Refused { code, .. } => Some(*code),
            Self::Session(error) => error.reply_code(),
            _ => None,
        }
    }

    /// `error`, with the reply's text when it is a refusal (`raw`: the reply as read).
    pub(crate) fn from_session(error: SessionError<io::Error>, raw: Option<&[u8]>) -> Self {
        let reply = raw.map(printable).unwrap_or_default();
        match error {
            SessionError::Refused { command, code } => Self::Refused {
                command: Some(command),
                code,
                reply,
            },
            SessionError::Unavailable { code } => Self::Refused {
                command: None,
                code,
                reply,
            },
            other => Self::Session(other),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Refused {
                command: Some(command),
                reply,
                ..
            } => write!(f, "{command} refused: {reply}"),
            Self::Refused {
                command: None,
                reply,
                ..
            } => write!(f, "the server is not ready: {reply}"),
            Self::Connect(error) => write!(f, "cannot connect: {error}"),
            Self::Local(error) => write!(f, "local file: {error}"),
            Self::Session(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Connect(error) | Self::Local(error) => Some(error),
            Self::Session(error) => error.source(),
            Self::Refused { .. } => None,
        }
    }
}
