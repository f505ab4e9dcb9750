//! How the server answers a request through the session: the reply is written, checked
//! against the command's row, and the session's state follows it (a 230 logs in, a 250 to
//! CWD moves, a 350 to RNFR arms RNTO, a 227 readies the data connection).

use super::error::ServerError;
use super::session::{Data, Login, Session, write_line};
use crate::command::is_transfer;
use crate::write::{WriteError, Writer};
use crate::{Category, Code, Command, Outcome, ReplyCode};
use core::net::SocketAddr;

impl<const N: usize> Session<N> {
    /// The greeting: `220 Service ready for new user.`
    pub fn greet(&mut self, out: &mut [u8]) -> Result<usize, ServerError> {
        self.set_answered(None);
        self.own(out, Code::ServiceReady, "Service ready for new user.")
    }

    /// 421 and the end of the session, at any time (an idle timeout, a shutdown): RFC 959
    /// §4.2.2 allows it as the reply to any command, and unsolicited.
    pub fn close(&mut self, out: &mut [u8], text: &str) -> Result<usize, ServerError> {
        let len = self.own(out, Code::ServiceNotAvailable, text)?;
        self.set_answered(None);
        self.closed = true;
        Ok(len)
    }

    /// Answers the request waiting for it (or the running transfer) with the reply `write`
    /// writes into `out`, one reply. The code is checked against the command's row of the
    /// catalogue and the order of a transfer's replies; one that does not fit is refused
    /// ([`ServerError::NotInRow`]) in every build, nothing is sent and the request stays
    /// due, to be answered again. The bytes written into `out` to send.
    ///
    /// ```
    /// use ftp_codes::server::{Event, Request, ServerError, Session};
    /// use ftp_codes::{Code, Command};
    ///
    /// let mut session = Session::<64>::default();
    /// let mut out = [0u8; 128];
    /// let _ = session.read(b"USER a\r\n", &mut out)?;
    /// let _ = session.read(b"PASS b\r\n", &mut out)?;
    /// session.succeed(&mut out)?;
    /// let read = session.read(b"SIZE x\r\n", &mut out)?;
    /// assert!(matches!(read.event, Event::Request(Request::Size(b"/x", _))));
    /// // SIZE never gets a 257: refused, and SIZE still waits for its answer.
    /// let error = session.answer(&mut out, |w| w.pathname(b"/x", b"")).unwrap_err();
    /// assert!(matches!(error, ServerError::NotInRow { command: Command::Size, .. }));
    /// let n = session.answer(&mut out, |w| w.size(12))?;
    /// assert_eq!(&out[..n], b"213 12\r\n");
    /// # Ok::<(), ServerError>(())
    /// ```
    pub fn answer(
        &mut self,
        out: &mut [u8],
        write: impl FnOnce(&mut Writer<'_>) -> Result<usize, WriteError>,
    ) -> Result<usize, ServerError> {
        if self.closed {
            return Err(ServerError::Closed);
        }
        let (command, started) = self.answering().ok_or(ServerError::NothingToAnswer)?;
        let len = write(&mut Writer::new(out, self.config.write_options))?;
        self.settle(out, command, started, len)
    }

    /// An answer of this module's own: a constant text, written without the writer's check,
    /// then checked against the row as any answer is.
    fn answer_own(&mut self, out: &mut [u8], code: Code, text: &str) -> Result<usize, ServerError> {
        if self.closed {
            return Err(ServerError::Closed);
        }
        let (command, started) = self.answering().ok_or(ServerError::NothingToAnswer)?;
        let len = write_line(out, code, text.as_bytes())?;
        self.settle(out, command, started, len)
    }

    /// The answer written at the start of `out` is checked against `command`'s row; the
    /// session's state follows it if it fits.
    fn settle(
        &mut self,
        out: &[u8],
        command: Command,
        started: bool,
        len: usize,
    ) -> Result<usize, ServerError> {
        let code = out
            .first_chunk::<3>()
            .and_then(|digits| ReplyCode::from_digits(*digits))
            .ok_or(ServerError::Write(WriteError::Unrepresentable))?;
        if !fits(command, code, started) {
            return Err(ServerError::NotInRow { command, code });
        }
        self.follow(command, code, started);
        self.set_answered(Some(command));
        Ok(len)
    }

    /// Answers with `code` and one line of text.
    pub fn reply(&mut self, out: &mut [u8], code: Code, text: &str) -> Result<usize, ServerError> {
        self.answer(out, |w| w.reply(code, &[text]))
    }

    /// Answers with `code` and the catalogue's text for it (`550 Requested action not taken.
    /// File unavailable (e.g., file not found, no access).`), refusal or not.
    pub fn refuse(&mut self, out: &mut [u8], code: Code) -> Result<usize, ServerError> {
        self.answer(out, |w| w.write(code))
    }

    /// Answers with the command's usual success: 230 to PASS, 250 to CWD, DELE, RMD and RNTO,
    /// 200 to CDUP, PORT and EPRT, 257 with the path to MKD, 350 to RNFR, 150 to a transfer
    /// not started yet and 226 to one that has; to any other command, the first completion
    /// code of its row.
    pub fn succeed(&mut self, out: &mut [u8]) -> Result<usize, ServerError> {
        let (command, started) = self.answering().ok_or(ServerError::NothingToAnswer)?;
        let (code, text) = match command {
            Command::Pass => (Code::UserLoggedIn, "User logged in, proceed."),
            Command::Mkd | Command::Xmkd => {
                // The path is copied out of the session, which `answer` borrows: only here.
                let path = self.target;
                return self.answer(out, |w| w.pathname(path.as_bytes(), b"created."));
            }
            Command::Rnfr => (Code::FileActionPending, "Ready for RNTO."),
            Command::Cdup | Command::Xcup | Command::Port | Command::Eprt | Command::Lprt => {
                (Code::CommandOk, "Command okay.")
            }
            _ if started => (Code::ClosingDataConnection, "Transfer complete."),
            _ if is_transfer(command) => return self.answer(out, |w| w.transfer_starting(None)),
            Command::Abor => (Code::ClosingDataConnection, "ABOR command successful."),
            Command::Cwd
            | Command::Xcwd
            | Command::Dele
            | Command::Rmd
            | Command::Xrmd
            | Command::Rnto => (Code::FileActionOk, "Requested file action okay, completed."),
            // The rest: the first completion of the command's row, with the catalogue's text.
            _ => {
                let code = command.replies().completion.first().and_then(|c| c.known());
                return self.refuse(out, code.unwrap_or(Code::CommandOk));
            }
        };
        self.answer_own(out, code, text)
    }

    /// Answers PASV (`227`, IPv4 only) or EPSV (`229`, the port alone) with the address the
    /// server listens at.
    pub fn passive(&mut self, out: &mut [u8], address: SocketAddr) -> Result<usize, ServerError> {
        match (self.pending, address) {
            (Some(Command::Pasv), SocketAddr::V4(v4)) => self.answer(out, |w| w.pasv(v4)),
            (Some(Command::Pasv), SocketAddr::V6(_)) => {
                Err(ServerError::Write(WriteError::Unrepresentable))
            }
            _ => self.answer(out, |w| w.epsv(address.port())),
        }
    }

    /// Answers ABOR while a transfer ran: `426` for the transfer, then `226` for ABOR (RFC
    /// 959 §4.1.3), into `out`.
    pub fn aborted(&mut self, out: &mut [u8]) -> Result<usize, ServerError> {
        let first = self.reply(out, Code::TransferAborted, "Transfer aborted.")?;
        let rest = out.get_mut(first..).unwrap_or_default();
        let second = self.reply(
            rest,
            Code::ClosingDataConnection,
            "ABOR command successful.",
        )?;
        Ok(first.saturating_add(second))
    }

    /// Which command the next answer goes to, and whether it already got its 1yz. ABOR's
    /// first answer goes to the transfer it stops.
    fn answering(&self) -> Option<(Command, bool)> {
        match (self.pending, self.transfer) {
            (Some(Command::Abor) | None, Some(transfer)) => Some((transfer, true)),
            (Some(command), _) => Some((command, false)),
            (None, None) => None,
        }
    }

    /// The session's state after `code` answered `command`.
    fn follow(&mut self, command: Command, code: ReplyCode, started: bool) {
        let category = code.category();
        if code == Code::ServiceNotAvailable {
            self.closed = true;
        }
        if category == Category::PositivePreliminary {
            self.transfer = Some(command);
            self.pending = None;
            return;
        }
        if started {
            self.transfer = None;
            self.data = Data::None;
            return;
        }
        self.pending = None;
        let success = matches!(
            category,
            Category::PositiveCompletion | Category::PositiveIntermediate
        );
        match command {
            Command::Pass if success && category == Category::PositiveCompletion => {
                self.login = Login::LoggedIn;
            }
            Command::Pass => self.login = Login::Nobody,
            Command::Cwd | Command::Xcwd | Command::Cdup | Command::Xcup if success => {
                self.cwd.copy_from(&self.target);
            }
            Command::Rnfr if success => self.renaming = Some(self.target),
            Command::Rnto => self.renaming = None,
            Command::Pasv | Command::Epsv if success => self.data = Data::Passive,
            Command::Port | Command::Eprt | Command::Lprt if success => self.data = Data::Active,
            _ if is_transfer(command) => self.data = Data::None,
            _ => {}
        }
    }
}

/// Whether `code` may answer `command` now: in its row (or a rule across commands), and in
/// a transfer's order (one 1yz, then a reply that may follow one).
pub(super) fn fits(command: Command, code: ReplyCode, started: bool) -> bool {
    let outcome = command.classify(code);
    match outcome {
        Outcome::Unexpected => false,
        Outcome::Preliminary => !started,
        _ => started || !command.only_after_preliminary(code),
    }
}
