//! The exchange of one command, and the conversation of a control connection: which replies
//! are still due, and which command each reply answers. Sans-IO: fed reply codes as they
//! arrive, they say what to do next.

mod conversation;

pub use conversation::{Conversation, Delivery, NotNow};

use crate::{Command, CommandCatalogue, Outcome, ReplyCode};

/// What an [`Exchange`] says after a reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Next<C = Command> {
    /// Another reply to the same command is due: read it and feed it (after a 1yz, or after
    /// the 426 that precedes ABOR's own reply).
    AwaitReply,
    /// The command's sequence goes on with this command: write it, then feed its replies (PASS
    /// after a 331 to USER, ACCT after a 332, RNTO after RNFR's 350, ADAT after AUTH's 334).
    Send(C),
    /// The exchange is over.
    Done(Outcome),
}

/// The state of one command's exchange, from the command sent to its last reply.
///
/// Follows RFC 959 §4.2 and §6:
/// - a 1yz is always followed by another reply to the same command, even where the
///   command's row lists no 1yz (NOOP answered 150 then 200 is one exchange); further 1yz
///   replies (110 restart markers, a 125 after a 150) keep the exchange open;
/// - a completion that may only follow a 1yz (RETR's 226, or a deviation documented so) is
///   [`Outcome::Unexpected`] when none came, while a failure the row lists after the 1yz
///   (vsftpd's `425 Use PORT or PASV first.` right after RETR) is that failure: RFC 959 §6
///   goes from the first wait straight to 4yz and 5yz;
/// - a 3yz to USER, PASS, RNFR, AUTH or ADAT continues the sequence with the next command;
/// - ABOR may get the aborted transfer's 426 before its own reply, when the caller does not
///   track the transfer ([`Conversation`] does, and gives the 426 to the transfer);
/// - 421 ends any exchange that is still open.
///
/// No I/O and no allocation: the caller reads and writes. Generic over the command catalogue
/// ([`CommandCatalogue`]), so a catalogue of your own works as [`Command`] does.
///
/// ```
/// use ftp_codes::{Command, Outcome, ReplyCode};
/// use ftp_codes::client::exchange::{Exchange, Next};
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
///
/// // Refused before the transfer started: the failure, not "unexpected".
/// let mut retr = Exchange::new(Command::Retr);
/// assert_eq!(retr.reply(code(425)), Next::Done(Outcome::TransientFailure));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exchange<C = Command> {
    command: C,
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

impl<C: CommandCatalogue> Exchange<C> {
    /// The exchange of `command`, just sent.
    pub const fn new(command: C) -> Self {
        Self {
            command,
            state: State::Sent,
        }
    }

    /// The command whose reply is due: the one sent, or the last [`Next::Send`] named.
    pub const fn command(&self) -> C {
        self.command
    }

    /// Whether the exchange is over.
    pub const fn is_finished(&self) -> bool {
        matches!(self.state, State::Finished)
    }

    /// Whether a 1yz came and the completion is still due: a transfer under way, which ABOR
    /// may interrupt.
    pub const fn is_started(&self) -> bool {
        matches!(self.state, State::Started)
    }

    /// Takes the next reply's code and says what comes next. After [`Next::Done`], every
    /// further reply is [`Outcome::Unexpected`], 421 included: it answers no command of this
    /// exchange.
    pub fn reply(&mut self, code: ReplyCode) -> Next<C> {
        let next = self.step(code);
        if let Next::Done(_) = next {
            self.state = State::Finished;
        }
        next
    }

    fn step(&mut self, code: ReplyCode) -> Next<C> {
        let command = self.command;
        let outcome = command.classify(code);
        let first_digit = code.first_digit();
        match self.state {
            State::Finished => Next::Done(Outcome::Unexpected),
            // The server is closing the connection, whatever was under way.
            _ if code == 421 => Next::Done(Outcome::TransientFailure),
            State::Sent | State::Aborted if command.verb_key() == ABOR && code == 426 => {
                if self.state == State::Aborted {
                    return Next::Done(Outcome::Unexpected);
                }
                self.state = State::Aborted;
                Next::AwaitReply
            }
            // RFC 959 §4.2: a 1yz is followed by another reply, whatever the row lists.
            State::Sent | State::Aborted if first_digit == 1 => {
                self.state = State::Started;
                Next::AwaitReply
            }
            State::Sent | State::Aborted => {
                // A completion that may only follow a 1yz, with none before it: out of step.
                // A failure listed after the 1yz is still that failure (RFC 959 §6).
                if first_digit == 2 && command.only_after_preliminary(code) {
                    return Next::Done(Outcome::Unexpected);
                }
                match outcome {
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
            State::Started => match first_digit {
                // Restart markers may repeat during a transfer, and some servers send a second
                // 1yz (150 then 125): the completion is still due.
                1 => Next::AwaitReply,
                // A 3yz after the 1yz continues nothing: out of step.
                3 => Next::Done(Outcome::Unexpected),
                _ => Next::Done(outcome),
            },
        }
    }
}

/// The command that a 3yz to `command` asks for next, in the sequences RFC 959 §6 and
/// RFC 2228 §3 draw; `None` where the next command is the caller's choice (REST's 350 before
/// a transfer of its choosing). By verb, so that a catalogue of one's own that extends the
/// standard one sequences as it does.
fn continuation<C: CommandCatalogue>(command: C, code: ReplyCode) -> Option<C> {
    let next = match (command.verb_key(), code.as_u16()) {
        // 336 is RFC 2228's security-enhanced login: PASS answers a challenge.
        (USER, 331 | 336) => b"PASS",
        (USER | PASS, 332) => b"ACCT",
        (RNFR, 350) => b"RNTO",
        (AUTH, 334) | (ADAT, 335) => b"ADAT",
        _ => return None,
    };
    C::from_verb(next)
}

/// The keys of the verbs that sequencing looks for: compared as numbers, so that it links no
/// verb text.
const fn key(verb: &[u8]) -> u32 {
    match crate::__private::verb_key(verb) {
        Some(key) => key,
        None => 0,
    }
}
const USER: u32 = key(b"USER");
const PASS: u32 = key(b"PASS");
const RNFR: u32 = key(b"RNFR");
const AUTH: u32 = key(b"AUTH");
const ADAT: u32 = key(b"ADAT");
pub(crate) const ABOR: u32 = key(b"ABOR");

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
            (Command::Noop, &[150, 200], &[AwaitReply, Done(Completed)]),
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
            (
                Command::Retr,
                &[150, 150, 226],
                &[AwaitReply, AwaitReply, Done(Completed)],
            ),
            (
                Command::Retr,
                &[150, 125, 226],
                &[AwaitReply, AwaitReply, Done(Completed)],
            ),
            (
                Command::List,
                &[150, 110, 226],
                &[AwaitReply, AwaitReply, Done(Completed)],
            ),
            (Command::Retr, &[150, 331], &[AwaitReply, Done(Unexpected)]),
            // Refused before the transfer started (RFC 959 §6: from the first wait to 4yz/5yz).
            (Command::Retr, &[425], &[Done(TransientFailure)]),
            (Command::Retr, &[426], &[Done(TransientFailure)]),
            (Command::Retr, &[451], &[Done(TransientFailure)]),
            (Command::List, &[550], &[Done(PermanentFailure)]),
            (Command::Stor, &[552], &[Done(PermanentFailure)]),
            (Command::Retr, &[250], &[Done(Unexpected)]),
            // A tolerated deviation keeps its place: em-ftpd's 200 only after the 150.
            (Command::Stor, &[200], &[Done(Unexpected)]),
            (Command::Stor, &[150, 200], &[AwaitReply, Done(Completed)]),
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
            // After Done, every reply is Unexpected, as the doc says: 421 too.
            (
                Command::Pwd,
                &[257, 421],
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
