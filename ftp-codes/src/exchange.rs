//! The exchange of one command: which replies are still due, and what it came to. Sans-IO: it
//! is fed reply codes as they arrive and says what to do next.

use crate::{Command, Outcome, ReplyCode};

/// What an [`Exchange`] says after a reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Next {
    /// Another reply to the same command is due: read it and feed it (after a 1yz, or after
    /// the 426 that precedes ABOR's own reply).
    AwaitReply,
    /// The command's sequence goes on with this command: write it, then feed its replies (PASS
    /// after a 331 to USER, ACCT after a 332, RNTO after RNFR's 350, ADAT after AUTH's 334).
    Send(Command),
    /// The exchange is over.
    Done(Outcome),
}

/// The state of one command's exchange, from the command sent to its last reply.
///
/// Follows RFC 959 §5.4 and §6: a 1yz announces a second reply (at most one 1yz per command,
/// and 110 restart markers during a transfer); a reply that may only follow a 1yz is
/// [`Outcome::Unexpected`] when none came; a 3yz to USER, PASS, RNFR or AUTH continues the
/// sequence with the next command; ABOR may get the aborted transfer's 426 before its own
/// reply; 421 ends any exchange. No I/O and no allocation: the caller reads and writes.
///
/// ```
/// use ftp_codes::{Command, Outcome, ReplyCode};
/// use ftp_codes::exchange::{Exchange, Next};
///
/// let code = |n| ReplyCode::from_u16(n).unwrap();
///
/// // A download: 150, then 226.
/// let mut retr = Exchange::new(Command::Retr);
/// assert_eq!(retr.reply(code(150)), Next::AwaitReply);
/// assert_eq!(retr.reply(code(226)), Next::Done(Outcome::Completed));
///
/// // A login: USER, 331, PASS, 230.
/// let mut login = Exchange::new(Command::User);
/// assert_eq!(login.reply(code(331)), Next::Send(Command::Pass));
/// assert_eq!(login.command(), Command::Pass);
/// assert_eq!(login.reply(code(230)), Next::Done(Outcome::Completed));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exchange {
    command: Command,
    state: State,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Waiting for the first reply to `command`.
    Sent,
    /// A 1yz came; the completion reply is due.
    Started,
    /// ABOR got the aborted transfer's 426; ABOR's own reply is due.
    Aborted,
    /// The exchange is over.
    Finished,
}

impl Exchange {
    /// The exchange of `command`, just sent.
    pub const fn new(command: Command) -> Self {
        Self {
            command,
            state: State::Sent,
        }
    }

    /// The command whose reply is due: the one sent, or the last [`Next::Send`] named.
    pub const fn command(&self) -> Command {
        self.command
    }

    /// Whether the exchange is over.
    pub const fn is_finished(&self) -> bool {
        matches!(self.state, State::Finished)
    }

    /// Takes the next reply's code and says what comes next. After [`Next::Done`], every
    /// further reply is [`Outcome::Unexpected`]: it answers no command of this exchange.
    pub fn reply(&mut self, code: ReplyCode) -> Next {
        let next = self.step(code);
        if let Next::Done(_) = next {
            self.state = State::Finished;
        }
        next
    }

    fn step(&mut self, code: ReplyCode) -> Next {
        let command = self.command;
        let replies = command.replies();
        let outcome = command.classify(code);
        // The server is closing the connection, whatever was under way.
        if code == 421 {
            return Next::Done(Outcome::TransientFailure);
        }
        match self.state {
            State::Finished => Next::Done(Outcome::Unexpected),
            State::Sent | State::Aborted if command == Command::Abor && code == 426 => {
                if self.state == State::Aborted {
                    return Next::Done(Outcome::Unexpected);
                }
                self.state = State::Aborted;
                Next::AwaitReply
            }
            State::Sent | State::Aborted => {
                // A reply that may only follow a 1yz, with none before it: out of step.
                if replies.only_after_preliminary(code) {
                    return Next::Done(Outcome::Unexpected);
                }
                match outcome {
                    Outcome::Preliminary => {
                        self.state = State::Started;
                        Next::AwaitReply
                    }
                    Outcome::Intermediate => match continuation(command, code) {
                        Some(next) => {
                            self.command = next;
                            self.state = State::Sent;
                            Next::Send(next)
                        }
                        None => Next::Done(Outcome::Intermediate),
                    },
                    other => Next::Done(other),
                }
            }
            State::Started => match outcome {
                // Restart markers may repeat during a transfer; a second 1yz of another kind
                // may not (RFC 959 §6: at most one 100 series reply per command).
                Outcome::Preliminary if code == 110 => Next::AwaitReply,
                Outcome::Preliminary | Outcome::Intermediate => Next::Done(Outcome::Unexpected),
                other => Next::Done(other),
            },
        }
    }
}

/// The command that a 3yz to `command` asks for next, in the sequences RFC 959 §6 and
/// RFC 2228 §3 draw; `None` where the next command is the caller's choice (REST's 350 before
/// a transfer of its choosing).
fn continuation(command: Command, code: ReplyCode) -> Option<Command> {
    match (command, code.as_u16()) {
        // 336 is RFC 2228's security-enhanced login: PASS answers a challenge.
        (Command::User, 331 | 336) => Some(Command::Pass),
        (Command::User | Command::Pass, 332) => Some(Command::Acct),
        (Command::Rnfr, 350) => Some(Command::Rnto),
        (Command::Auth, 334) | (Command::Adat, 335) => Some(Command::Adat),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{Exchange, Next};
    use crate::{Command, Outcome, ReplyCode};

    fn run(command: Command, codes: &[u16]) -> std::vec::Vec<Next> {
        let mut exchange = Exchange::new(command);
        codes
            .iter()
            .map(|&n| exchange.reply(ReplyCode::from_u16(n).unwrap()))
            .collect()
    }

    use Next::{AwaitReply, Done, Send};
    use Outcome::{Completed, Intermediate, PermanentFailure, TransientFailure, Unexpected};

    #[test]
    fn sequences_as_rfc_959_draws_them() {
        let cases: &[(Command, &[u16], &[Next])] = &[
            (Command::Noop, &[200], &[Done(Completed)]),
            (Command::Noop, &[150], &[Done(Unexpected)]),
            (Command::Retr, &[150, 226], &[AwaitReply, Done(Completed)]),
            (Command::Retr, &[125, 250], &[AwaitReply, Done(Completed)]),
            (
                Command::Retr,
                &[150, 110, 110, 226],
                &[AwaitReply, AwaitReply, AwaitReply, Done(Completed)],
            ),
            (
                Command::Retr,
                &[150, 426],
                &[AwaitReply, Done(TransientFailure)],
            ),
            (Command::Retr, &[550], &[Done(PermanentFailure)]),
            (Command::Retr, &[226], &[Done(Unexpected)]), // 226 only after a 1yz
            (Command::Retr, &[150, 150], &[AwaitReply, Done(Unexpected)]),
            (
                Command::Stor,
                &[150, 552],
                &[AwaitReply, Done(PermanentFailure)],
            ),
            (Command::Rein, &[120, 220], &[AwaitReply, Done(Completed)]),
            (Command::Rein, &[220], &[Done(Completed)]),
            (
                Command::User,
                &[331, 230],
                &[Send(Command::Pass), Done(Completed)],
            ),
            (
                Command::User,
                &[331, 332, 230],
                &[Send(Command::Pass), Send(Command::Acct), Done(Completed)],
            ),
            (
                Command::User,
                &[331, 530],
                &[Send(Command::Pass), Done(PermanentFailure)],
            ),
            (Command::User, &[230], &[Done(Completed)]),
            (
                Command::Rnfr,
                &[350, 250],
                &[Send(Command::Rnto), Done(Completed)],
            ),
            (Command::Rest, &[350], &[Done(Intermediate)]),
            (
                Command::Auth,
                &[334, 335, 235],
                &[Send(Command::Adat), Send(Command::Adat), Done(Completed)],
            ),
            (Command::Abor, &[426, 226], &[AwaitReply, Done(Completed)]),
            (Command::Abor, &[226], &[Done(Completed)]),
            (Command::Abor, &[426, 426], &[AwaitReply, Done(Unexpected)]),
            (
                Command::Retr,
                &[150, 421],
                &[AwaitReply, Done(TransientFailure)],
            ),
            (Command::Pwd, &[421], &[Done(TransientFailure)]),
            (
                Command::Pwd,
                &[257, 257],
                &[Done(Completed), Done(Unexpected)],
            ),
        ];
        for (command, codes, expected) in cases {
            assert_eq!(run(*command, codes), *expected, "{command} {codes:?}");
        }
    }

    #[test]
    fn the_exchange_says_where_it_is() {
        let mut login = Exchange::new(Command::User);
        assert!(!login.is_finished());
        login.reply(ReplyCode::from_u16(331).unwrap());
        assert_eq!(login.command(), Command::Pass);
        login.reply(ReplyCode::from_u16(230).unwrap());
        assert!(login.is_finished());
    }
}
