//! One operation of the client (a login, a rename, a download) as a state machine without IO:
//! it says what to do next ([`Step`]), the blocking and async drivers do it and report back.
//! Everything a client decides lives here, once: when TYPE is due, EPSV or PASV (and the
//! fallback), EPRT or PORT, REST before the transfer, the 1yz / data / close / completion order,
//! ABOR, and which reply is a refusal.

use super::state::{DataMode, State};
use crate::payload::{self, PayloadError};
use crate::reply::Reply;
use crate::write::{Argument96, WriteError, eprt_argument, port_argument};
use crate::{Code, Command, Outcome, ReplyCode};
use core::net::SocketAddr;

/// What the caller asked for.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Request<'a> {
    /// One command and its whole exchange; `typed`: the transfer type must be set first (SIZE
    /// counts bytes of the current type).
    Command {
        command: Command,
        argument: &'a [u8],
        typed: bool,
    },
    /// USER, then PASS and ACCT as the server asks.
    Login {
        user: &'a [u8],
        password: &'a [u8],
        account: &'a [u8],
    },
    /// RNFR, then RNTO.
    Rename { from: &'a [u8], to: &'a [u8] },
    /// A transfer command (RETR, STOR, APPE, LIST, NLST, MLSD), from `offset` when not 0.
    Transfer {
        command: Command,
        argument: &'a [u8],
        offset: u64,
        typed: bool,
    },
}

impl<'a> Request<'a> {
    /// A transfer: typed (TYPE first when due) for RETR, STOR and APPE, whose bytes are the
    /// file's; listings go in whatever type is set.
    pub(crate) fn transfer(command: Command, argument: &'a [u8], offset: u64) -> Self {
        Self::Transfer {
            command,
            argument,
            offset,
            typed: matches!(command, Command::Retr | Command::Stor | Command::Appe),
        }
    }
}

/// What the driver does next.
#[derive(Debug)]
pub(crate) enum Step<'s> {
    /// Runs the command's exchange (`Connection::run`, no sequence: the operation sends the
    /// next command of a sequence itself, so that a refusal names the command refused), then
    /// [`Operation::replied`] with the conversation's next command of the sequence.
    Run {
        command: Command,
        argument: &'s [u8],
    },
    /// Sends the transfer command and reads its first reply (`Connection::send`), then
    /// [`Operation::started`].
    Start {
        command: Command,
        argument: &'s [u8],
    },
    /// Opens the data connection to the control connection's peer at `port`, then
    /// [`Operation::connected`]. An error there ends the operation with it.
    Connect { port: u16 },
    /// Opens a listener for the server to connect to (active mode), then
    /// [`Operation::listening`] with the address to announce.
    Listen,
    /// Accepts the server's data connection on the listener, then [`Operation::moved`]
    /// (`Failed` when it could not be accepted).
    Accept,
    /// Moves the data over the open data connection (the 1yz is the connection's last
    /// reply), closes it, then [`Operation::moved`].
    Move,
    /// Reads the rest of the exchange (`Connection::finish`), then [`Operation::replied`].
    Finish,
    /// The operation is over.
    Done(Result<(), Failure>),
}

/// How the data moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Moved {
    /// All of it; the data connection is closed.
    Whole,
    /// The data connection failed (the driver keeps the error); closed.
    Failed,
    /// The caller stopped it: ABOR follows.
    Stopped,
}

/// Why an operation failed, apart from the transport's errors (which the driver keeps).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Failure {
    /// The server refused `command` with `code`.
    Refused { command: Command, code: ReplyCode },
    /// The server's reply to `command` did not say what it should (a 229 without a port).
    Unreadable {
        command: Command,
        error: PayloadError,
    },
    /// The caller stopped the transfer; ABOR was sent and answered.
    Aborted { command: Command },
    /// The data connection failed; the driver has its error.
    DataFailed,
    /// The listener's address cannot be announced (PORT has no IPv6, and EPRT was refused).
    Unannounceable(WriteError),
}

/// Where an operation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Type,
    Main,
    /// The next command of the main command's sequence (PASS, ACCT, RNTO).
    Next(Command),
    Passive(Command),
    Connect(u16),
    Listen,
    Announce(Command),
    Rest,
    Start,
    Accept,
    Move,
    Finish,
    Abort,
    Done(Result<(), Failure>),
}

/// One operation: create it with [`new`](Self::new), then follow [`next`](Self::next) until
/// [`Step::Done`], reporting each step's result.
#[derive(Debug)]
pub(crate) struct Operation<'a> {
    request: Request<'a>,
    phase: Phase,
    /// EPRT's, PORT's or REST's argument, formed here (only then: most operations need none,
    /// and its 96 bytes are not written for them).
    argument: Option<Argument96>,
    /// Whether the data connection is open (passive) or the listener is (active).
    data_open: bool,
    data_failed: bool,
    /// The listener's address (active mode), for PORT after EPRT was refused.
    listener: Option<SocketAddr>,
}

impl<'a> Operation<'a> {
    pub(crate) fn new(request: Request<'a>, state: State) -> Self {
        let mut operation = Self {
            request,
            phase: Phase::Main,
            argument: None,
            data_open: false,
            data_failed: false,
            listener: None,
        };
        operation.phase = match request {
            Request::Command { typed: true, .. } | Request::Transfer { typed: true, .. }
                if state.type_sent != Some(state.transfer_type) =>
            {
                Phase::Type
            }
            Request::Transfer { .. } => Self::data_phase(state),
            _ => Phase::Main,
        };
        operation
    }

    /// What to do now.
    pub(crate) fn next(&self, state: State) -> Step<'_> {
        let run = |command, argument| Step::Run { command, argument };
        match self.phase {
            Phase::Type => run(Command::Type, state.transfer_type.argument()),
            Phase::Main => match self.request {
                Request::Command {
                    command, argument, ..
                } => run(command, argument),
                Request::Login { user, .. } => run(Command::User, user),
                Request::Rename { from, .. } => run(Command::Rnfr, from),
                // Not reached: a transfer starts with its data connection.
                Request::Transfer { .. } => Step::Done(Ok(())),
            },
            Phase::Next(command) => run(command, self.argument_of(command)),
            Phase::Passive(command) => run(command, b""),
            Phase::Connect(port) => Step::Connect { port },
            Phase::Listen => Step::Listen,
            Phase::Announce(command) => run(command, self.formed()),
            Phase::Rest => run(Command::Rest, self.formed()),
            Phase::Start => match self.request {
                Request::Transfer {
                    command, argument, ..
                } => Step::Start { command, argument },
                _ => Step::Done(Ok(())),
            },
            Phase::Accept => Step::Accept,
            Phase::Move => Step::Move,
            Phase::Finish => Step::Finish,
            Phase::Abort => run(Command::Abor, b""),
            Phase::Done(result) => Step::Done(result),
        }
    }

    /// The outcome and last reply of a [`Step::Run`] or [`Step::Finish`], and the command the
    /// conversation expects next in the sequence (PASS after USER's 331), if any.
    pub(crate) fn replied(
        &mut self,
        state: &mut State,
        outcome: Outcome,
        reply: &Reply<'_>,
        next: Option<Command>,
    ) {
        let code = reply.code();
        self.phase = match self.phase {
            Phase::Type if outcome == Outcome::Completed => {
                state.type_sent = Some(state.transfer_type);
                match self.request {
                    Request::Transfer { .. } => Self::data_phase(*state),
                    _ => Phase::Main,
                }
            }
            Phase::Type => refused(Command::Type, code),
            Phase::Main | Phase::Next(_) if outcome == Outcome::Completed => Phase::Done(Ok(())),
            // A 3yz asking for the sequence's next command, when the caller gave its argument
            // (no ACCT without an account: the 332 is then the refusal).
            Phase::Main | Phase::Next(_)
                if outcome == Outcome::Intermediate
                    && next.is_some_and(|next| self.has_argument_for(next)) =>
            {
                next.map_or(Phase::Done(Ok(())), Phase::Next)
            }
            Phase::Passive(command) => Self::passive_reply(state, command, outcome, reply),
            Phase::Announce(_) if outcome == Outcome::Completed => self.after_data_setup(),
            Phase::Announce(Command::Eprt) if code.first_digit() == 5 => {
                state.no_eprt = true;
                self.announce(*state)
            }
            Phase::Next(command) | Phase::Announce(command) => refused(command, code),
            // REST's 350 asks for the transfer command (RFC 3659 §5.3).
            Phase::Rest if outcome == Outcome::Intermediate => Phase::Start,
            Phase::Rest => refused(Command::Rest, code),
            Phase::Finish if outcome == Outcome::Completed && !self.data_failed => {
                Phase::Done(Ok(()))
            }
            Phase::Finish if outcome == Outcome::Completed => Phase::Done(Err(Failure::DataFailed)),
            Phase::Main | Phase::Finish => refused(self.main_command(), code),
            Phase::Abort => Phase::Done(Err(Failure::Aborted {
                command: self.main_command(),
            })),
            other => other,
        };
    }

    /// The first reply to [`Step::Start`]: a 1yz opens the transfer; anything else refuses it.
    pub(crate) fn started(&mut self, state: State, reply: &Reply<'_>) {
        let code = reply.code();
        if code.first_digit() != 1 {
            self.phase = refused(self.main_command(), code);
            return;
        }
        self.phase = match state.mode {
            DataMode::Active => Phase::Accept,
            DataMode::Passive => Phase::Move,
        };
    }

    /// The data connection of [`Step::Connect`] is open.
    pub(crate) fn connected(&mut self) {
        self.data_open = true;
        self.phase = self.after_data_setup();
    }

    /// The listener of [`Step::Listen`] is open at `address`: announce it.
    pub(crate) fn listening(&mut self, state: State, address: SocketAddr) {
        self.data_open = true;
        self.listener = Some(address);
        self.phase = self.announce(state);
    }

    /// EPRT, or PORT once the server refused EPRT, for the listener's address.
    fn announce(&mut self, state: State) -> Phase {
        let Some(address) = self.listener else {
            return Phase::Listen;
        };
        let (command, argument) = match address {
            SocketAddr::V4(v4) if state.no_eprt => (Command::Port, port_argument(v4)),
            _ if state.no_eprt => (Command::Port, Err(WriteError::Unrepresentable)),
            _ => (Command::Eprt, eprt_argument(address)),
        };
        match argument {
            Ok(argument) => {
                self.argument = Some(argument);
                Phase::Announce(command)
            }
            Err(error) => Phase::Done(Err(Failure::Unannounceable(error))),
        }
    }

    /// How [`Step::Move`] or [`Step::Accept`] ended.
    pub(crate) fn moved(&mut self, moved: Moved) {
        self.data_open = false;
        self.phase = match moved {
            Moved::Whole => Phase::Finish,
            Moved::Failed => {
                self.data_failed = true;
                Phase::Finish
            }
            Moved::Stopped => Phase::Abort,
        };
    }

    /// The server's connection of [`Step::Accept`] came: move the data.
    pub(crate) fn accepted(&mut self) {
        self.phase = Phase::Move;
    }

    /// Whether a data connection or listener is open (the driver closes it when the operation
    /// ends before the data moved).
    pub(crate) fn data_open(&self) -> bool {
        self.data_open
    }

    /// The caller's argument for the next command of a sequence.
    fn argument_of(&self, command: Command) -> &'a [u8] {
        match (self.request, command) {
            (Request::Login { password, .. }, Command::Pass) => password,
            (Request::Login { account, .. }, Command::Acct) => account,
            (Request::Rename { to, .. }, Command::Rnto) => to,
            _ => &[],
        }
    }

    /// Whether the caller gave what `command` needs: PASS always (an empty password is sent
    /// empty), ACCT only with an account, RNTO in a rename.
    fn has_argument_for(&self, command: Command) -> bool {
        match (self.request, command) {
            (Request::Login { .. }, Command::Pass) | (Request::Rename { .. }, Command::Rnto) => {
                true
            }
            (Request::Login { account, .. }, Command::Acct) => !account.is_empty(),
            _ => false,
        }
    }

    /// The argument formed for EPRT, PORT or REST.
    fn formed(&self) -> &[u8] {
        self.argument.as_ref().map_or(&[], Argument96::as_bytes)
    }

    /// The command the operation is about (the transfer command, USER for a login).
    pub(crate) fn main_command(&self) -> Command {
        match self.request {
            Request::Command { command, .. } | Request::Transfer { command, .. } => command,
            Request::Login { .. } => Command::User,
            Request::Rename { .. } => Command::Rnfr,
        }
    }

    /// EPSV, PASV, or a listener, as the session's mode and the server's refusals say.
    fn data_phase(state: State) -> Phase {
        match state.mode {
            DataMode::Passive if state.no_epsv => Phase::Passive(Command::Pasv),
            DataMode::Passive => Phase::Passive(Command::Epsv),
            DataMode::Active => Phase::Listen,
        }
    }

    /// REST when the transfer starts at an offset, else the transfer command.
    fn after_data_setup(&mut self) -> Phase {
        match self.request {
            Request::Transfer { offset, .. } if offset > 0 => {
                let mut argument = Argument96::new();
                // 20 digits at most: always fits.
                let _ = argument.push_decimal(offset);
                self.argument = Some(argument);
                Phase::Rest
            }
            _ => Phase::Start,
        }
    }

    /// EPSV's or PASV's reply: the port to connect to, PASV after EPSV was refused (any 5yz:
    /// servers answer 500, 502 or 522), or the refusal.
    fn passive_reply(
        state: &mut State,
        command: Command,
        outcome: Outcome,
        reply: &Reply<'_>,
    ) -> Phase {
        let code = reply.code();
        if outcome != Outcome::Completed {
            if command == Command::Epsv && code.first_digit() == 5 {
                state.no_epsv = true;
                return Phase::Passive(Command::Pasv);
            }
            return refused(command, code);
        }
        // A 227 to EPSV is a documented deviation: read as PASV's. Only the port is used; the
        // host it names is kept for the caller to log (ftplib's CVE-2021-4189).
        let port = if code == Code::EnteringPassiveMode {
            payload::pasv(reply).map(|address| {
                state.passive_host = Some(*address.ip());
                address.port()
            })
        } else {
            state.passive_host = None;
            payload::epsv(reply)
        };
        match port {
            Ok(port) => Phase::Connect(port),
            Err(error) => Phase::Done(Err(Failure::Unreadable { command, error })),
        }
    }
}

fn refused(command: Command, code: ReplyCode) -> Phase {
    Phase::Done(Err(Failure::Refused { command, code }))
}
