//! `Session`: the server's side of one control connection, with no IO. Command lines in;
//! out, a reply the session gives itself or a [`Request`] for the server.

use super::arguments::{self, Setting};
use super::config::{Config, Tls};
use super::error::ServerError;
use super::path::Path;
use super::request::{ListFormat, Passive, Request};
use super::text::Text;
use crate::command::{self, Argument, CommandErrorKind, CommandLine, is_transfer};
use crate::line::newline;
use crate::listing::FactSet;
use crate::reply::{ParseOptions, Status};
use crate::write::Writer;
use crate::{Code, Command, Outcome, TransferType};

/// The server's side of one control connection, as a state machine with no IO (the model of
/// `h11` and `quinn-proto`): give it the bytes read from the client with
/// [`read`](Self::read) and it frames the next command line and either answers it itself
/// (syntax, sequence, login, the commands that need no server: 500, 501, 502, 503, 530, 425,
/// NOOP, FEAT, PWD, TYPE, ...) or hands the server a [`Request`] with checked, typed
/// arguments, which the server answers through [`answer`](Self::answer). Every answer is
/// checked against the command's row of the catalogue (RFC 959 §5.4).
///
/// `N` bounds each path the session holds (the working directory, the request's path, a
/// pending rename's) and the user name; nothing is allocated. A line longer than
/// [`Config::with_max_line_len`] gets one 500 and is skipped up to its end.
///
/// ```
/// use ftp_codes::server::{Event, Request, Session};
///
/// let mut session = Session::<64>::default();
/// let mut out = [0u8; 256];
/// let n = session.greet(&mut out)?;
/// assert_eq!(&out[..n], b"220 Service ready for new user.\r\n");
///
/// // A pipelined read: each call frames one line.
/// let input = b"USER alice\r\nPASS secret\r\nPWD\r\n";
/// let read = session.read(input, &mut out)?;
/// assert!(matches!(read.event, Event::Reply(n) if &out[..n] == b"331 User name okay, need password.\r\n"));
/// let used = read.used;
/// let read = session.read(&input[used..], &mut out)?;
/// let consumed = used + read.used;
/// let Event::Request(Request::Login { user, password }) = read.event else { panic!() };
/// assert_eq!((user, password), (&b"alice"[..], &b"secret"[..]));
/// let n = session.succeed(&mut out)?; // the server checked the password
/// assert_eq!(&out[..n], b"230 User logged in, proceed.\r\n");
/// let read = session.read(&input[consumed..], &mut out)?;
/// assert!(matches!(read.event, Event::Reply(n) if &out[..n] == b"257 \"/\" is the current directory.\r\n"));
/// # Ok::<(), ftp_codes::server::ServerError>(())
/// ```
#[derive(Clone, Debug)]
#[allow(clippy::struct_excessive_bools)] // independent flags, each set once, not states
pub struct Session<const N: usize = 256> {
    pub(super) config: Config,
    pub(super) cwd: Path<N>,
    /// The path of the request in progress.
    pub(super) target: Path<N>,
    /// RNFR's path, once the server answered it 350.
    pub(super) renaming: Option<Path<N>>,
    pub(super) user: Text<N>,
    pub(super) login: Login,
    pub(super) rest: Option<u64>,
    pub(super) data: Data,
    pub(super) epsv_all: bool,
    /// The control connection is protected (AUTH TLS answered 234).
    pub(super) tls: bool,
    pub(super) protection_size: bool,
    /// PROT P: data connections are protected.
    pub(super) private: bool,
    pub(super) facts: FactSet,
    pub(super) transfer_type: TransferType,
    /// The command whose answer is due.
    pub(super) pending: Option<Command>,
    /// The transfer that got its 1yz and waits for its 2yz or 4yz.
    pub(super) transfer: Option<Command>,
    /// The command the last reply answered.
    answered: Option<Command>,
    /// Inside a line already answered (a bad or overlong one): skip to its end.
    skipping: bool,
    pub(super) closed: bool,
}

/// How far login has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Login {
    Nobody,
    Named,
    LoggedIn,
}

/// The data connection the next transfer uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Data {
    None,
    Passive,
    Active,
}

/// What [`Session::read`] did with the input: how many bytes it used (drop them, keep the
/// rest for the next call) and what happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[must_use]
pub struct Read<'a> {
    /// Bytes of the input used up: a whole line, or part of a bad line the session skips.
    pub used: usize,
    /// What to do.
    pub event: Event<'a>,
}

/// What the caller does after [`Session::read`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Event<'a> {
    /// No whole line yet: read more bytes (after dropping `used`).
    Partial,
    /// The session answered the line itself: send the first `n` bytes of the output buffer.
    Reply(usize),
    /// QUIT answered: send the first `n` bytes, then close the connection.
    Close(usize),
    /// The server's part: carry it out and answer through the session.
    Request(Request<'a>),
    /// `AUTH TLS` accepted: send the first `n` bytes (the 234) in the clear, then run the TLS
    /// handshake on the connection and read the next command through it. Every byte of the
    /// input is used: whatever the client sent after AUTH before the handshake is dropped,
    /// never read as a command (the STARTTLS injection of CVE-2011-0411). A failed handshake
    /// ends the connection (RFC 4217 §10.1).
    StartTls(usize),
    /// A transfer is running and this line (neither ABOR nor STAT) waits for its end: read
    /// again once the transfer's last reply is sent. Nothing was used.
    Busy,
}

impl<const N: usize> Default for Session<N> {
    fn default() -> Self {
        Self::new(Config::new())
    }
}

impl<const N: usize> Session<N> {
    /// A session at the greeting: nobody logged in, at `/`.
    pub const fn new(config: Config) -> Self {
        Self {
            config,
            cwd: Path::root(),
            target: Path::root(),
            renaming: None,
            user: Text::new(),
            login: Login::Nobody,
            rest: None,
            data: Data::None,
            epsv_all: false,
            tls: false,
            protection_size: false,
            private: false,
            facts: FactSet::DEFAULT,
            transfer_type: TransferType::Binary,
            pending: None,
            transfer: None,
            answered: None,
            skipping: false,
            closed: false,
        }
    }

    /// The working directory.
    pub fn cwd(&self) -> &Path<N> {
        &self.cwd
    }

    /// Whether a user is logged in.
    pub fn logged_in(&self) -> bool {
        self.login == Login::LoggedIn
    }

    /// The user who logged in (or gave USER), as sent.
    pub fn user(&self) -> Option<&[u8]> {
        (self.login != Login::Nobody).then(|| self.user.as_bytes())
    }

    /// The MLSx facts to write: what `OPTS MLST` selected, [`FactSet::DEFAULT`] before.
    pub fn facts(&self) -> FactSet {
        self.facts
    }

    /// TYPE's setting.
    pub fn transfer_type(&self) -> TransferType {
        self.transfer_type
    }

    /// The command whose answer is due, if any.
    pub fn pending(&self) -> Option<Command> {
        self.pending
    }

    /// The transfer between its 1yz and its last reply, if any.
    pub fn transfer(&self) -> Option<Command> {
        self.transfer
    }

    /// The command the last reply answered: `None` after the greeting, a 421 from
    /// [`close`](Self::close), or a line that names no command. For logs.
    pub fn answered(&self) -> Option<Command> {
        self.answered
    }

    pub(super) fn set_answered(&mut self, command: Option<Command>) {
        self.answered = command;
    }

    /// Whether the control connection is protected (`AUTH TLS` answered 234).
    pub fn control_protected(&self) -> bool {
        self.tls
    }

    /// Whether data connections are to be protected (`PROT P` in effect): the server runs
    /// TLS on each before moving data.
    pub fn data_protected(&self) -> bool {
        self.private
    }

    /// Whether the session is over (QUIT, or closed with 421).
    pub fn is_closed(&self) -> bool {
        self.closed
    }

    /// Frames the next command line of `input` and deals with it: see [`Event`]. The
    /// session's own replies are written into `out` (512 bytes hold every one of them, HELP
    /// with every command included).
    ///
    /// A line is answered once however it was split across reads: a bad line (an unknown
    /// verb, CR or NUL inside, too long) gets one reply as soon as it is known to be bad, and
    /// the rest of it is skipped up to its LF.
    pub fn read<'s>(
        &'s mut self,
        input: &'s [u8],
        out: &mut [u8],
    ) -> Result<Read<'s>, ServerError> {
        if self.closed {
            return Err(ServerError::Closed);
        }
        if self.pending.is_some() {
            return Err(ServerError::AnswerDue);
        }
        self.answered = None;
        let mut used = 0;
        if self.skipping {
            let Some(lf) = newline::find(input) else {
                return Ok(Read {
                    used: input.len(),
                    event: Event::Partial,
                });
            };
            used = lf.saturating_add(1);
            self.skipping = false;
        }
        let rest = input.get(used..).unwrap_or_default();
        let options = ParseOptions::lenient().with_max_line_len(self.config.max_line_len);
        match command::parse(rest, &options) {
            Ok(Status::Partial) => Ok(Read {
                used,
                event: Event::Partial,
            }),
            Ok(Status::Complete((line, len))) => {
                let event = self.dispatch(line, out)?;
                used = match event {
                    Event::Busy => used,
                    // Nothing sent before the handshake is read after it.
                    Event::StartTls(_) => input.len(),
                    _ => used.saturating_add(len),
                };
                Ok(Read { used, event })
            }
            Err(_) if self.transfer.is_some() => Ok(Read {
                used,
                event: Event::Busy,
            }),
            Err(error) => {
                let len = self.bad_line(rest, error.kind(), error.offset(), out)?;
                let line_end = newline::find(rest).map(|lf| lf.saturating_add(1));
                self.skipping = line_end.is_none();
                used = used.saturating_add(line_end.unwrap_or(rest.len()));
                Ok(Read {
                    used,
                    event: Event::Reply(len),
                })
            }
        }
    }

    /// The reply to a line that could not be framed: 501 (or 502, 530) when a command the
    /// server knows has a CR, NUL or control character in its argument, 500 otherwise.
    fn bad_line(
        &mut self,
        line: &[u8],
        kind: CommandErrorKind,
        offset: usize,
        out: &mut [u8],
    ) -> Result<usize, ServerError> {
        let letters = line.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let in_argument = offset > letters && line.get(letters) == Some(&b' ');
        let command = match kind {
            CommandErrorKind::ForbiddenByte | CommandErrorKind::ControlCharacter if in_argument => {
                line.get(..letters).and_then(Command::from_verb)
            }
            _ => None,
        };
        self.answered = command;
        let Some(command) = command else {
            let text = match kind {
                CommandErrorKind::LineTooLong => "Command line too long.",
                _ => "Syntax error, command unrecognized.",
            };
            return self.own(out, Code::SyntaxError, text);
        };
        match self.gate(command, b"-") {
            Some((code, text)) => self.own(out, code, text),
            None => self.syntax_error(command, out),
        }
    }

    /// Whether the session refuses `command` before looking at what it asks: not implemented
    /// (502), before login (530), an argument missing or extra (501, or 500 where the row
    /// has no 501).
    fn gate(&self, command: Command, argument: &[u8]) -> Option<(Code, &'static str)> {
        if !self.config.commands.contains(command) {
            return Some((Code::CommandNotImplemented, "Command not implemented."));
        }
        // STAT before login says how the server is, never what a path holds.
        let listing = command == Command::Stat && !argument.is_empty();
        if self.login != Login::LoggedIn && (!before_login(command) || listing) {
            return Some((Code::NotLoggedIn, "Please log in with USER and PASS first."));
        }
        match (command.argument(), argument.is_empty()) {
            (Argument::None, false) | (Argument::Required, true) => {
                Some((syntax_code(command), "Syntax error in arguments."))
            }
            _ => None,
        }
    }

    fn syntax_error(&mut self, command: Command, out: &mut [u8]) -> Result<usize, ServerError> {
        self.own(out, syntax_code(command), "Syntax error in arguments.")
    }

    /// One framed line: a reply of the session's own, or a request.
    fn dispatch<'s>(
        &'s mut self,
        line: CommandLine<'s>,
        out: &mut [u8],
    ) -> Result<Event<'s>, ServerError> {
        let argument = line.argument();
        let command = line.command();
        self.answered = command;
        let Some(command) = command else {
            if self.transfer.is_some() {
                return Ok(Event::Busy);
            }
            return self
                .own(
                    out,
                    Code::SyntaxError,
                    "Syntax error, command unrecognized.",
                )
                .map(Event::Reply);
        };
        if self.transfer.is_some() {
            // Only ABOR and STAT are read while a transfer runs (RFC 959 §4.1.3, §5.4).
            return Ok(match command {
                Command::Abor if argument.is_empty() => self.request(command, Request::Abort),
                Command::Stat if argument.is_empty() => {
                    self.request(command, Request::Status(None))
                }
                _ => Event::Busy,
            });
        }
        if let Some((code, text)) = self.gate(command, argument) {
            return self.own(out, code, text).map(Event::Reply);
        }
        if self.config.tls == Tls::Required
            && !self.tls
            && matches!(command, Command::User | Command::Pass | Command::Acct)
        {
            return self
                .own(out, Code::NotLoggedIn, "TLS required: send AUTH TLS first.")
                .map(Event::Reply);
        }
        if self.rest.is_some() && !keeps_restart(command) {
            self.rest = None;
            return self
                .own(
                    out,
                    Code::BadSequence,
                    "REST must come right before RETR, STOR or APPE.",
                )
                .map(Event::Reply);
        }
        if command != Command::Rnto {
            self.renaming = None;
        }
        self.command(command, argument, out)
    }

    fn command<'s>(
        &'s mut self,
        command: Command,
        argument: &'s [u8],
        out: &mut [u8],
    ) -> Result<Event<'s>, ServerError> {
        match command {
            Command::User if self.login == Login::LoggedIn => {
                self.say(out, Code::NotLoggedIn, "Cannot change to another user.")
            }
            Command::User => match self.user.set(argument) {
                Ok(()) => {
                    self.login = Login::Named;
                    self.say(out, Code::NeedPassword, "User name okay, need password.")
                }
                Err(_) => self.syntax_error(command, out).map(Event::Reply),
            },
            Command::Pass if self.login != Login::Named => {
                self.say(out, Code::BadSequence, "Login with USER first.")
            }
            Command::Pass => {
                self.pending = Some(command);
                Ok(Event::Request(Request::Login {
                    user: self.user.as_bytes(),
                    password: argument,
                }))
            }
            Command::Quit => {
                self.closed = true;
                self.own(out, Code::ServiceClosing, "Goodbye.")
                    .map(Event::Close)
            }
            Command::Noop => self.say(out, Code::CommandOk, "NOOP okay."),
            Command::Syst => self.say(out, Code::SystemType, "UNIX Type: L8"),
            Command::Allo => self.say(
                out,
                Code::CommandSuperfluous,
                "No storage allocation necessary.",
            ),
            Command::Feat => self.features(out).map(Event::Reply),
            Command::Help => self.help(out).map(Event::Reply),
            Command::Opts => self.options(argument, out).map(Event::Reply),
            Command::Pwd | Command::Xpwd => {
                let len = Writer::new(out, self.config.write_options)
                    .pathname(self.cwd.as_bytes(), b"is the current directory.")?;
                Ok(Event::Reply(len))
            }
            Command::Type | Command::Mode | Command::Stru => {
                match arguments::setting(command, argument) {
                    Setting::Type(transfer_type) => {
                        self.transfer_type = transfer_type;
                        self.say(out, Code::CommandOk, "Type set.")
                    }
                    Setting::Accepted if command == Command::Stru => {
                        self.say(out, Code::CommandOk, "Structure set.")
                    }
                    Setting::Accepted => self.say(out, Code::CommandOk, "Mode set."),
                    Setting::Unsupported => self.say(
                        out,
                        Code::ParameterNotImplemented,
                        "Not implemented for that parameter.",
                    ),
                    Setting::Invalid => self.syntax_error(command, out).map(Event::Reply),
                }
            }
            _ => self.data_command(command, argument, out),
        }
    }

    /// REST, ABOR, the data connection's setup, and the transfers, whose connection it checks.
    fn data_command<'s>(
        &'s mut self,
        command: Command,
        argument: &'s [u8],
        out: &mut [u8],
    ) -> Result<Event<'s>, ServerError> {
        match command {
            Command::Rest => match arguments::restart_offset(argument) {
                Some(offset) => {
                    self.rest = Some(offset);
                    let len = Writer::new(out, self.config.write_options).reply(
                        Code::FileActionPending,
                        &[b"Restarting. Send RETR, STOR or APPE.".as_slice()],
                    )?;
                    Ok(Event::Reply(len))
                }
                None => self.syntax_error(command, out).map(Event::Reply),
            },
            Command::Abor => {
                self.data = Data::None;
                self.say(out, Code::DataConnectionOpen, "No transfer to abort.")
            }
            Command::Pasv | Command::Port | Command::Eprt | Command::Lprt if self.epsv_all => self
                .say(
                    out,
                    Code::SyntaxErrorInArguments,
                    "Not allowed after EPSV ALL.",
                ),
            Command::Pasv => Ok(self.request(command, Request::Passive(Passive::Pasv))),
            Command::Epsv => match arguments::epsv(argument) {
                arguments::Epsv::All => {
                    self.epsv_all = true;
                    self.say(out, Code::CommandOk, "EPSV ALL okay.")
                }
                arguments::Epsv::Protocol(protocol) => {
                    Ok(self.request(command, Request::Passive(Passive::Epsv(protocol))))
                }
                arguments::Epsv::Unsupported => self.say(
                    out,
                    Code::NetworkProtocolNotSupported,
                    "Network protocol not supported, use (1,2)",
                ),
                arguments::Epsv::Invalid => self.syntax_error(command, out).map(Event::Reply),
            },
            Command::Port | Command::Eprt | Command::Lprt => {
                let address = match command {
                    Command::Port => command::port(argument).map(Into::into),
                    Command::Eprt => command::eprt(argument),
                    _ => command::lprt(argument),
                };
                match address {
                    Ok(address) => Ok(self.request(command, Request::Active(address))),
                    Err(_) => self.syntax_error(command, out).map(Event::Reply),
                }
            }
            Command::Rnto if self.renaming.is_none() => {
                self.say(out, Code::BadSequence, "RNFR required first.")
            }
            Command::Auth | Command::Pbsz | Command::Prot | Command::Ccc => {
                self.security(command, argument, out)
            }
            _ if is_transfer(command) && self.config.tls == Tls::Required && !self.private => {
                self.rest = None;
                self.say(
                    out,
                    Code::AddressFamilyNotSupported,
                    "Data connection cannot be opened with this PROT setting.",
                )
            }
            _ if is_transfer(command) && self.data == Data::None => {
                self.rest = None;
                self.say(
                    out,
                    Code::CannotOpenDataConnection,
                    "Use PASV, EPSV, PORT or EPRT first.",
                )
            }
            _ => self.path_request(command, argument, out),
        }
    }

    /// The requests that name a path (the working directory without one), and those the
    /// session has no typed request for.
    fn path_request<'s>(
        &'s mut self,
        command: Command,
        argument: &'s [u8],
        out: &mut [u8],
    ) -> Result<Event<'s>, ServerError> {
        let path_argument = match command {
            Command::List | Command::Nlst => arguments::without_ls_options(argument),
            Command::Cdup | Command::Xcup => b"..",
            Command::Stat
            | Command::Mlst
            | Command::Mlsd
            | Command::Cwd
            | Command::Xcwd
            | Command::Retr
            | Command::Stor
            | Command::Appe
            | Command::Size
            | Command::Mdtm
            | Command::Dele
            | Command::Rmd
            | Command::Xrmd
            | Command::Mkd
            | Command::Xmkd
            | Command::Rnfr
            | Command::Rnto => argument,
            _ => {
                self.pending = Some(command);
                return Ok(Event::Request(Request::Other { command, argument }));
            }
        };
        if self
            .cwd
            .join_unescaped_into(path_argument, &mut self.target)
            .is_err()
        {
            return self.syntax_error(command, out).map(Event::Reply);
        }
        self.pending = Some(command);
        let path = self.target.as_bytes();
        let offset = if matches!(command, Command::Retr | Command::Stor | Command::Appe) {
            self.rest.take().unwrap_or(0)
        } else {
            0
        };
        let transfer_type = self.transfer_type;
        Ok(Event::Request(match command {
            Command::Stat if argument.is_empty() => Request::Status(None),
            Command::Stat => Request::Status(Some(path)),
            Command::Mlst => Request::Facts(path),
            Command::Mlsd => Request::List {
                path,
                format: ListFormat::Facts,
            },
            Command::List => Request::List {
                path,
                format: ListFormat::Long,
            },
            Command::Nlst => Request::List {
                path,
                format: ListFormat::Names,
            },
            Command::Cwd | Command::Xcwd | Command::Cdup | Command::Xcup => {
                Request::ChangeDirectory(path)
            }
            Command::Retr => Request::Retrieve {
                path,
                offset,
                transfer_type,
            },
            Command::Stor | Command::Appe => Request::Store {
                path,
                offset,
                append: command == Command::Appe,
                transfer_type,
            },
            Command::Size => Request::Size(path, transfer_type),
            Command::Mdtm => Request::Modified(path),
            Command::Dele => Request::Delete(path),
            Command::Rmd | Command::Xrmd => Request::RemoveDirectory(path),
            Command::Mkd | Command::Xmkd => Request::MakeDirectory(path),
            Command::Rnfr => Request::RenameFrom(path),
            _ => Request::Rename {
                from: self
                    .renaming
                    .as_ref()
                    .map_or(&b""[..], |from| from.as_bytes()),
                to: path,
            },
        }))
    }

    fn request<'s>(&'s mut self, command: Command, request: Request<'s>) -> Event<'s> {
        self.pending = Some(command);
        Event::Request(request)
    }

    /// A one-line reply of the session's own, as an event.
    fn say(
        &mut self,
        out: &mut [u8],
        code: Code,
        text: &str,
    ) -> Result<Event<'static>, ServerError> {
        self.own(out, code, text).map(Event::Reply)
    }

    /// A one-line reply of the session's own: its texts are constants of this module, without
    /// CR, LF, NUL or 0xFF (checked in debug builds and by the tests), so the line is copied
    /// without the writer's check. Whether the code fits the command is tested (every
    /// reply of the session's own, by the unit tests and the fuzz target).
    #[allow(clippy::unused_self)] // the session's own replies all go through here
    pub(super) fn own(
        &mut self,
        out: &mut [u8],
        code: Code,
        text: &str,
    ) -> Result<usize, ServerError> {
        debug_assert!(!text.bytes().any(|b| matches!(b, b'\r' | b'\n' | 0 | 0xFF)));
        write_line(out, code, text.as_bytes())
    }
}

impl<const N: usize> Session<N> {
    /// AUTH, PBSZ, PROT and CCC (RFC 2228 §3, RFC 4217 §§ 4, 5, 9), answered by the session:
    /// only the handshake after AUTH's 234 is the caller's.
    fn security<'s>(
        &mut self,
        command: Command,
        argument: &[u8],
        out: &mut [u8],
    ) -> Result<Event<'s>, ServerError> {
        let is = |word: &[u8]| argument.eq_ignore_ascii_case(word);
        match command {
            Command::Auth if self.tls => {
                self.say(out, Code::RequestDeniedByPolicy, "Already protected.")
            }
            Command::Auth if is(b"TLS") || is(b"TLS-C") || is(b"SSL") => {
                // RFC 4217 §4.2: the session starts again, as after REIN, the AUTH aside.
                *self = Self {
                    tls: true,
                    ..Self::new(self.config)
                };
                let n = self.own(out, Code::SecurityExchangeComplete, "AUTH TLS successful.")?;
                self.answered = Some(Command::Auth);
                Ok(Event::StartTls(n))
            }
            Command::Auth => self.say(
                out,
                Code::ParameterNotImplemented,
                "Mechanism not supported: use AUTH TLS.",
            ),
            Command::Pbsz if !self.tls => {
                self.say(out, Code::BadSequence, "AUTH TLS required first.")
            }
            // RFC 4217 §9: TLS is a stream, the size is 0 whatever was asked.
            Command::Pbsz => match arguments::restart_offset(argument) {
                Some(_) => {
                    self.protection_size = true;
                    self.say(out, Code::CommandOk, "PBSZ=0")
                }
                None => self.syntax_error(command, out).map(Event::Reply),
            },
            Command::Prot if !self.protection_size => {
                self.say(out, Code::BadSequence, "PBSZ required first.")
            }
            Command::Prot if is(b"P") => {
                self.private = true;
                self.say(out, Code::CommandOk, "Protection set to Private.")
            }
            Command::Prot if is(b"C") && self.config.tls == Tls::Required => {
                self.say(out, Code::RequestDeniedByPolicy, "PROT P required.")
            }
            Command::Prot if is(b"C") => {
                self.private = false;
                self.say(out, Code::CommandOk, "Protection set to Clear.")
            }
            Command::Prot if is(b"S") || is(b"E") => self.say(
                out,
                Code::ProtLevelNotSupported,
                "PROT level not supported by TLS: use C or P.",
            ),
            Command::Prot => self.say(
                out,
                Code::ParameterNotImplemented,
                "Unknown PROT level: use C or P.",
            ),
            Command::Ccc if !self.tls => self.say(
                out,
                Code::CommandProtectionDenied,
                "The control connection is not protected.",
            ),
            _ => self.say(
                out,
                Code::RequestDeniedByPolicy,
                "The control connection stays protected.",
            ),
        }
    }
}

/// `DDD text\r\n` into `out`, for a text known to need no check: its length.
pub(super) fn write_line(out: &mut [u8], code: Code, text: &[u8]) -> Result<usize, ServerError> {
    Ok(crate::write::put_line(out, code.reply_code(), text)?)
}

/// The commands a client may send before logging in (pyftpdlib's list; vsftpd's is shorter):
/// the login itself, QUIT, and what clients ask before it (FEAT, OPTS UTF8, SYST, the TLS
/// commands, which RFC 4217 §12 sends before USER).
const fn before_login(command: Command) -> bool {
    matches!(
        command,
        Command::User
            | Command::Pass
            | Command::Acct
            | Command::Quit
            | Command::Feat
            | Command::Opts
            | Command::Syst
            | Command::Help
            | Command::Noop
            | Command::Stat
            | Command::Auth
            | Command::Pbsz
            | Command::Prot
            | Command::Ccc
    )
}

/// The commands that may come between REST and its transfer and keep REST's offset: the
/// transfer's own setup (RFC 3659 §5.3 wants REST last; ftplib and curl send it last, this
/// tolerates a client that sets up the data connection after it), and QUIT and ABOR.
const fn keeps_restart(command: Command) -> bool {
    matches!(
        command,
        Command::Retr
            | Command::Stor
            | Command::Appe
            | Command::Rest
            | Command::Type
            | Command::Pasv
            | Command::Epsv
            | Command::Port
            | Command::Eprt
            | Command::Quit
            | Command::Abor
    )
}

/// 501 where the command's row has it, 500 where it does not (NOOP, QUIT).
fn syntax_code(command: Command) -> Code {
    let code = Code::SyntaxErrorInArguments;
    if command.classify(code.reply_code()) == Outcome::Unexpected {
        Code::SyntaxError
    } else {
        code
    }
}
