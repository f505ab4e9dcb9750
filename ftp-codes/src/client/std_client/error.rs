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
    /// The TLS handshake of [`Client::secure`](super::Client::secure) failed (feature
    /// `rustls`): the server's certificate was not trusted or not for the name, or the
    /// handshake broke. Nothing more was sent.
    Tls(io::Error),
    /// The reader or writer given to a transfer failed; the transfer was aborted (ABOR).
    Local(io::Error),
    /// The session failed otherwise: the control or data connection, an unreadable reply, a
    /// transfer stopped by the progress hook.
    Session(SessionError<io::Error>),
}

/// Why a server refused a transfer's data connection with 522, which means more than one
/// thing: RFC 4217 §10.2 gives it to a failed or unacceptable TLS negotiation, and vsftpd
/// sends it too when a data connection did not resume the control connection's TLS session
/// (its `require_ssl_reuse`) and when a transfer is asked for without `PROT P`. Told apart by
/// the reply's text, the only place servers say which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DataTlsRefusal {
    /// The data connection's TLS session was not resumed from the control connection's
    /// (the text mentions reuse: `522 SSL connection failed: session reuse required`).
    SessionNotResumed,
    /// The data connection was not protected at all (the text mentions encryption or
    /// protection: `522 Data connections must be encrypted.`): TLS without `PROT P`.
    NotProtected,
    /// RFC 4217's own meaning: the TLS negotiation on the data connection failed or was not
    /// acceptable to the server.
    NegotiationFailed,
}

impl DataTlsRefusal {
    /// What the refusal means, for the error's message.
    fn explain(self) -> &'static str {
        match self {
            Self::SessionNotResumed => {
                "the server requires each data connection to resume the control connection's TLS session, and this one did not"
            }
            Self::NotProtected => "the server requires data connections over TLS (PROT P)",
            Self::NegotiationFailed => {
                "the TLS negotiation on the data connection failed or was not acceptable (RFC 4217 §10.2)"
            }
        }
    }
}

impl Error {
    /// For a 522 refusing a transfer (RETR, STOR, STOU, APPE, LIST, NLST, MLSD): which of its
    /// meanings the server gave. `None` for any other error (a 522 to EPRT or EPSV is RFC
    /// 2428's "network protocol not supported").
    pub fn data_tls_refusal(&self) -> Option<DataTlsRefusal> {
        let Self::Refused {
            command: Some(command),
            code,
            reply,
        } = self
        else {
            return None;
        };
        if code.as_u16() != 522 || !crate::command::is_transfer(*command) {
            return None;
        }
        let text = reply.to_ascii_lowercase();
        Some(if text.contains("reuse") || text.contains("resum") {
            DataTlsRefusal::SessionNotResumed
        } else if text.contains("encrypt") || text.contains("protect") {
            DataTlsRefusal::NotProtected
        } else {
            DataTlsRefusal::NegotiationFailed
        })
    }

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
            } => {
                write!(f, "{command} refused: {reply}")?;
                match self.data_tls_refusal() {
                    Some(refusal) => write!(f, " ({})", refusal.explain()),
                    None => Ok(()),
                }
            }
            Self::Refused {
                command: None,
                reply,
                ..
            } => write!(f, "the server is not ready: {reply}"),
            Self::Connect(error) => write!(f, "cannot connect: {error}"),
            Self::Tls(error) => write!(f, "TLS handshake failed: {error}"),
            Self::Local(error) => write!(f, "local file: {error}"),
            Self::Session(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Connect(error) | Self::Tls(error) | Self::Local(error) => Some(error),
            Self::Session(error) => error.source(),
            Self::Refused { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{DataTlsRefusal, Error};
    use crate::{Command, ReplyCode};
    use std::string::ToString;

    fn refused(command: Command, code: u16, text: &str) -> Error {
        Error::Refused {
            command: Some(command),
            code: ReplyCode::from_u16(code).unwrap(),
            reply: text.to_string(),
        }
    }

    /// The texts real servers send with 522 (vsftpd's from its source, RFC 4217 §10.2's own),
    /// and what each is read as.
    #[test]
    fn a_522_is_told_apart_by_its_text() {
        use DataTlsRefusal::{NegotiationFailed, NotProtected, SessionNotResumed};
        let table = [
            (
                Command::Retr,
                522,
                "522 SSL connection failed: session reuse required",
                Some(SessionNotResumed),
            ),
            (
                Command::Stor,
                522,
                "522 SSL connection failed; session reuse required: see require_ssl_reuse option in vsftpd.conf man page",
                Some(SessionNotResumed),
            ),
            (
                Command::List,
                522,
                "522 TLS session resumption required",
                Some(SessionNotResumed),
            ),
            (
                Command::Nlst,
                522,
                "522 Data connections must be encrypted.",
                Some(NotProtected),
            ),
            (
                Command::Mlsd,
                522,
                "522 TLS negotiation failed",
                Some(NegotiationFailed),
            ),
            // RFC 2428's 522 to EPRT and EPSV: another meaning, not TLS's.
            (
                Command::Eprt,
                522,
                "522 Network protocol not supported, use (1)",
                None,
            ),
            (Command::Retr, 550, "550 No such file: session reuse", None),
        ];
        for (command, code, text, expected) in table {
            let error = refused(command, code, text);
            assert_eq!(error.data_tls_refusal(), expected, "{text}");
            let plain = std::format!("{command} refused: {text}");
            let message = match expected {
                Some(refusal) => std::format!("{plain} ({})", refusal.explain()),
                None => plain,
            };
            assert_eq!(error.to_string(), message);
        }
    }
}
