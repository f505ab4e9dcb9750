//! `Conversation`: the replies still due on one control connection, and the command each one
//! answers. What keeps a reply from ever reaching the wrong command.

use super::{ABOR, Exchange, Next};
use crate::{Command, CommandCatalogue, Outcome, ReplyCode};
use core::fmt;

/// Which command a reply answered, and what comes next: [`Conversation::reply`]'s answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Delivery<C = Command> {
    /// The server's greeting (RFC 959 §5.4: 220, or 120 then 220; 421 refuses service). Any
    /// 1yz keeps it open, as after a command.
    Greeting(Next<C>),
    /// A reply to `command`.
    Reply {
        /// The command the reply answers.
        command: C,
        /// What comes next in that command's exchange.
        next: Next<C>,
    },
    /// A reply to the command outside the catalogue sent last ([`Conversation::begin_verb`]):
    /// a 1yz keeps it open, any other reply ends it, with the outcome its first digit says.
    Verb(Next<C>),
    /// A reply that no command was waiting for: an idle timeout's 421, or a server out of
    /// step. Its outcome is [`Outcome::TransientFailure`] for 421, else
    /// [`Outcome::Unexpected`].
    Unsolicited(Outcome),
}

/// Why a command may not be sent now: [`Conversation::begin`]'s refusal. Nothing was sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum NotNow {
    /// The server's greeting has not been read yet.
    GreetingDue,
    /// A reply to an earlier command is still due (a transfer's completion after its 1yz, or
    /// a reply whose read failed or was cancelled): read it first. Only ABOR may be sent
    /// while a transfer runs.
    ReplyDue {
        /// The verb of the command whose reply is due.
        verb: &'static str,
    },
    /// A reply to a command outside the catalogue (`XCRC`, a site's own) is still due.
    VerbReplyDue,
}

impl fmt::Display for NotNow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::GreetingDue => f.write_str("the server's greeting has not been read yet"),
            Self::ReplyDue { verb } => write!(
                f,
                "a reply to {verb} is still due: read it first (only ABOR may interrupt a transfer)"
            ),
            Self::VerbReplyDue => f.write_str(
                "a reply to a command outside the catalogue is still due: read it first",
            ),
        }
    }
}

impl core::error::Error for NotNow {}

/// The control connection's conversation: what the client sent, which replies are still due,
/// and which command each reply answers, so that no reply is ever taken for another
/// command's.
///
/// One command at a time, as RFC 959 §4.2 has it, with one exception: ABOR while a transfer
/// runs (its 1yz came, its completion has not). Then two replies are due, in this order
/// (RFC 959 §4.1.3): the transfer's completion (426 when the abort broke it off, or its 226
/// when it had ended already, as vsftpd sends), then ABOR's own (226, or 225). Each goes to
/// its own command; [`aborted`](Self::aborted) keeps what the transfer came to.
///
/// Sans-IO and allocation-free: `begin` before writing a command, `reply` for each reply
/// read. `control::Control` and `control::AsyncControl` keep one.
///
/// ```
/// use ftp_codes::client::exchange::{Conversation, Delivery, Next, NotNow};
/// use ftp_codes::{Command, Outcome, ReplyCode};
///
/// let code = |n| ReplyCode::from_u16(n).unwrap();
/// let mut conversation = Conversation::new();
/// assert_eq!(conversation.reply(code(220)), Delivery::Greeting(Next::Done(Outcome::Completed)));
///
/// // RETR gets its 150; the data flows; the client sends ABOR before reading the 226.
/// conversation.begin(Command::Retr)?;
/// conversation.reply(code(150));
/// assert_eq!(conversation.begin(Command::Noop), Err(NotNow::ReplyDue { verb: "RETR" }));
/// conversation.begin(Command::Abor)?;
/// // vsftpd: 226 for RETR, then 225 for ABOR.
/// assert_eq!(
///     conversation.reply(code(226)),
///     Delivery::Reply { command: Command::Retr, next: Next::Done(Outcome::Completed) }
/// );
/// assert_eq!(
///     conversation.reply(code(225)),
///     Delivery::Reply { command: Command::Abor, next: Next::Done(Outcome::Completed) }
/// );
/// assert_eq!(conversation.aborted(), Some((Command::Retr, Outcome::Completed)));
/// assert!(conversation.is_idle());
/// # Ok::<(), NotNow>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conversation<C = Command> {
    /// Whether the greeting was read (a 1yz keeps it due).
    greeted: bool,
    /// The exchange of the command sent last (or the transfer that ABOR interrupts).
    current: Option<Exchange<C>>,
    /// The next command of `current`'s sequence (PASS after USER's 331), not yet sent.
    sequence: Option<C>,
    /// ABOR, sent while `current`'s transfer ran.
    abort: Option<Exchange<C>>,
    /// What the transfer interrupted by the last ABOR came to.
    aborted: Option<(C, Outcome)>,
    /// A command outside the catalogue whose replies are due: whether a 1yz came.
    verb: Option<bool>,
}

impl<C: CommandCatalogue> Default for Conversation<C> {
    fn default() -> Self {
        Self::new()
    }
}

impl<C: CommandCatalogue> Conversation<C> {
    /// A new connection's conversation: the greeting is due.
    pub const fn new() -> Self {
        Self {
            greeted: false,
            current: None,
            sequence: None,
            abort: None,
            aborted: None,
            verb: None,
        }
    }

    /// A conversation whose greeting was read elsewhere (a control connection taken over
    /// after `AUTH TLS`, say): nothing is due.
    pub const fn greeted() -> Self {
        let mut conversation = Self::new();
        conversation.greeted = true;
        conversation
    }

    /// Whether `command` may be sent now; [`begin`](Self::begin) says the same and records it.
    pub fn may_begin(&self, command: C) -> Result<(), NotNow> {
        if !self.greeted {
            return Err(NotNow::GreetingDue);
        }
        if self.verb.is_some() {
            return Err(NotNow::VerbReplyDue);
        }
        if let Some(abort) = self.abort.filter(|a| !a.is_finished()) {
            return Err(NotNow::ReplyDue {
                verb: abort.command().verb(),
            });
        }
        match self.current {
            Some(current) if !current.is_finished() && self.sequence.is_none() => {
                // ABOR interrupts a transfer, not another ABOR (whose replies could not be
                // told apart from its own).
                let aborting = current.command().verb_key() == ABOR;
                if command.verb_key() == ABOR && current.is_started() && !aborting {
                    Ok(())
                } else {
                    Err(NotNow::ReplyDue {
                        verb: current.command().verb(),
                    })
                }
            }
            _ => Ok(()),
        }
    }

    /// Records that `command` was sent, or says why it may not be (nothing is recorded then).
    /// The next command of a sequence (PASS after USER's 331) continues its exchange; any
    /// other command abandons the sequence.
    pub fn begin(&mut self, command: C) -> Result<(), NotNow> {
        self.may_begin(command)?;
        let continues = self.sequence.take() == Some(command);
        match self.current {
            Some(current) if !current.is_finished() && !continues => {
                // may_begin allowed it: ABOR during a transfer.
                if current.is_started() {
                    self.abort = Some(Exchange::new(command));
                    self.aborted = None;
                } else {
                    self.current = Some(Exchange::new(command));
                }
            }
            Some(_) if continues => {}
            _ => {
                self.current = Some(Exchange::new(command));
                self.abort = None;
            }
        }
        Ok(())
    }

    /// Whether a command outside the catalogue may be sent now: only when no reply at all is
    /// due, since its replies are read by their first digit alone.
    pub fn may_begin_verb(&self) -> Result<(), NotNow> {
        self.may_begin_nothing_due()
    }

    fn may_begin_nothing_due(&self) -> Result<(), NotNow> {
        if !self.greeted {
            return Err(NotNow::GreetingDue);
        }
        if self.verb.is_some() {
            return Err(NotNow::VerbReplyDue);
        }
        match self.due() {
            Some(due) => Err(NotNow::ReplyDue { verb: due.verb() }),
            None => Ok(()),
        }
    }

    /// Records that a command outside the catalogue was sent (`XCRC`): its replies are
    /// [`Delivery::Verb`], a 1yz and then one more, or one reply.
    pub fn begin_verb(&mut self) -> Result<(), NotNow> {
        self.may_begin_nothing_due()?;
        self.current = None;
        self.sequence = None;
        self.abort = None;
        self.verb = Some(false);
        Ok(())
    }

    /// Takes the next reply's code: which command it answers, and what comes next.
    pub fn reply(&mut self, code: ReplyCode) -> Delivery<C> {
        if !self.greeted {
            return Delivery::Greeting(self.greet(code));
        }
        if self.verb.is_some() {
            return Delivery::Verb(if code.first_digit() == 1 {
                self.verb = Some(true);
                Next::AwaitReply
            } else {
                self.verb = None;
                Next::Done(crate::__private::outcome(code, true))
            });
        }
        if self.sequence.is_none() {
            if let Some(current) = self.current.as_mut().filter(|c| !c.is_finished()) {
                let command = current.command();
                let next = current.reply(code);
                match next {
                    Next::Send(following) => self.sequence = Some(following),
                    Next::Done(outcome) if self.abort.is_some() => {
                        self.aborted = Some((command, outcome));
                    }
                    _ => {}
                }
                return Delivery::Reply { command, next };
            }
        }
        if let Some(abort) = self.abort.as_mut().filter(|a| !a.is_finished()) {
            let command = abort.command();
            return Delivery::Reply {
                command,
                next: abort.reply(code),
            };
        }
        Delivery::Unsolicited(if code == 421 {
            Outcome::TransientFailure
        } else {
            Outcome::Unexpected
        })
    }

    fn greet(&mut self, code: ReplyCode) -> Next<C> {
        let next = match code.as_u16() {
            // RFC 959 §5.4: 120 then 220. Any 1yz is followed by another reply (§4.2), so
            // whatever 1yz a server greets with, the greeting is not over.
            _ if code.first_digit() == 1 => Next::AwaitReply,
            220 => Next::Done(Outcome::Completed),
            421 => Next::Done(Outcome::TransientFailure),
            _ => Next::Done(Outcome::Unexpected),
        };
        self.greeted = !matches!(next, Next::AwaitReply);
        next
    }

    /// Whether no reply is due.
    pub fn is_idle(&self) -> bool {
        self.greeted && self.due().is_none() && self.verb.is_none()
    }

    /// Whether a reply to a command outside the catalogue is due.
    pub fn verb_due(&self) -> bool {
        self.verb.is_some()
    }

    /// Whether the greeting is still due.
    pub fn greeting_due(&self) -> bool {
        !self.greeted
    }

    /// The command whose reply comes next, if one is due (the transfer's, while ABOR waits
    /// behind it).
    pub fn due(&self) -> Option<C> {
        let current = self
            .current
            .filter(|c| !c.is_finished() && self.sequence.is_none());
        current
            .or(self.abort.filter(|a| !a.is_finished()))
            .map(|e| e.command())
    }

    /// ABOR, when it was sent during a transfer and its own reply is still due (behind the
    /// transfer's, or next).
    pub fn abort_due(&self) -> Option<C> {
        self.abort.filter(|a| !a.is_finished()).map(|e| e.command())
    }

    /// The next command of a sequence that a 3yz asked for and that was not sent yet (PASS
    /// after USER's 331).
    pub fn sequence(&self) -> Option<C> {
        self.sequence
    }

    /// What the transfer that the last ABOR interrupted came to: its command and the outcome
    /// of its completion reply (426 when the abort broke it off, 226 when it had ended).
    pub fn aborted(&self) -> Option<(C, Outcome)> {
        self.aborted
    }
}

#[cfg(test)]
mod tests {
    use super::{Conversation, Delivery, NotNow};
    use crate::client::exchange::Next::{AwaitReply, Done, Send};
    use crate::{Command, Outcome, ReplyCode};

    fn code(n: u16) -> ReplyCode {
        ReplyCode::from_u16(n).unwrap()
    }

    fn greeted() -> Conversation {
        Conversation::greeted()
    }

    fn answers(command: Command, next: crate::client::exchange::Next) -> Delivery {
        Delivery::Reply { command, next }
    }

    #[test]
    fn greetings_of_rfc_959() {
        let cases: &[(&[u16], &[Delivery])] = &[
            (&[220], &[Delivery::Greeting(Done(Outcome::Completed))]),
            (
                &[120, 220],
                &[
                    Delivery::Greeting(AwaitReply),
                    Delivery::Greeting(Done(Outcome::Completed)),
                ],
            ),
            (
                &[421],
                &[Delivery::Greeting(Done(Outcome::TransientFailure))],
            ),
            (
                &[120, 150, 220],
                &[
                    Delivery::Greeting(AwaitReply),
                    Delivery::Greeting(AwaitReply),
                    Delivery::Greeting(Done(Outcome::Completed)),
                ],
            ),
            (
                &[150, 500],
                &[
                    Delivery::Greeting(AwaitReply),
                    Delivery::Greeting(Done(Outcome::Unexpected)),
                ],
            ),
            (&[200], &[Delivery::Greeting(Done(Outcome::Unexpected))]),
        ];
        for (codes, expected) in cases {
            let mut conversation: Conversation = Conversation::new();
            assert_eq!(conversation.begin(Command::User), Err(NotNow::GreetingDue));
            let got: std::vec::Vec<Delivery> =
                codes.iter().map(|&n| conversation.reply(code(n))).collect();
            assert_eq!(got, *expected, "{codes:?}");
            assert!(!conversation.greeting_due());
        }
    }

    #[test]
    fn abort_after_a_finished_transfer_gives_each_reply_to_its_command() {
        // vsftpd's real order: RETR 150, data, ABOR sent before the 226 was read.
        let mut c = greeted();
        c.begin(Command::Retr).unwrap();
        assert_eq!(c.reply(code(150)), answers(Command::Retr, AwaitReply));
        c.begin(Command::Abor).unwrap();
        assert_eq!(c.due(), Some(Command::Retr));
        assert_eq!(
            c.reply(code(226)),
            answers(Command::Retr, Done(Outcome::Completed))
        );
        assert_eq!(c.due(), Some(Command::Abor));
        assert_eq!(
            c.reply(code(225)),
            answers(Command::Abor, Done(Outcome::Completed))
        );
        assert!(c.is_idle());
        // The next command gets its own reply, not ABOR's.
        c.begin(Command::Noop).unwrap();
        assert_eq!(
            c.reply(code(200)),
            answers(Command::Noop, Done(Outcome::Completed))
        );
    }

    #[test]
    fn abort_while_the_transfer_runs_426_then_226() {
        let mut c = greeted();
        c.begin(Command::Retr).unwrap();
        c.reply(code(150));
        c.begin(Command::Abor).unwrap();
        assert_eq!(
            c.reply(code(426)),
            answers(Command::Retr, Done(Outcome::TransientFailure))
        );
        assert_eq!(
            c.reply(code(226)),
            answers(Command::Abor, Done(Outcome::Completed))
        );
        assert_eq!(
            c.aborted(),
            Some((Command::Retr, Outcome::TransientFailure))
        );
        // A third reply answers nobody.
        assert_eq!(
            c.reply(code(226)),
            Delivery::Unsolicited(Outcome::Unexpected)
        );
    }

    #[test]
    fn one_command_at_a_time_but_abor_during_a_transfer() {
        let mut c = greeted();
        c.begin(Command::Pwd).unwrap();
        // No 1yz yet: not even ABOR may go.
        assert_eq!(
            c.begin(Command::Abor),
            Err(NotNow::ReplyDue { verb: "PWD" })
        );
        c.reply(code(257));
        c.begin(Command::Stor).unwrap();
        c.reply(code(150));
        assert_eq!(
            c.begin(Command::Stat),
            Err(NotNow::ReplyDue { verb: "STOR" })
        );
        c.begin(Command::Abor).unwrap();
        // While ABOR waits, nothing else may go, not a second ABOR.
        assert_eq!(
            c.begin(Command::Abor),
            Err(NotNow::ReplyDue { verb: "ABOR" })
        );
        c.reply(code(226));
        assert_eq!(
            c.begin(Command::Noop),
            Err(NotNow::ReplyDue { verb: "ABOR" })
        );
        c.reply(code(226));
        c.begin(Command::Noop).unwrap();
        // An ABOR that got a 1yz of its own is no transfer another ABOR could interrupt.
        c.reply(code(200));
        c.begin(Command::Abor).unwrap();
        c.reply(code(150));
        assert_eq!(
            c.begin(Command::Abor),
            Err(NotNow::ReplyDue { verb: "ABOR" })
        );
    }

    #[test]
    fn a_sequence_continues_with_its_command_or_is_abandoned() {
        let mut c = greeted();
        c.begin(Command::User).unwrap();
        assert_eq!(
            c.reply(code(331)),
            answers(Command::User, Send(Command::Pass))
        );
        assert_eq!((c.due(), c.sequence()), (None, Some(Command::Pass)));
        c.begin(Command::Pass).unwrap();
        assert_eq!(
            c.reply(code(230)),
            answers(Command::Pass, Done(Outcome::Completed))
        );
        // Abandoned: USER 331, then QUIT instead of PASS.
        c.begin(Command::User).unwrap();
        c.reply(code(331));
        c.begin(Command::Quit).unwrap();
        assert_eq!(
            c.reply(code(221)),
            answers(Command::Quit, Done(Outcome::Completed))
        );
    }

    #[test]
    fn verbs_outside_the_catalogue_are_followed_too() {
        let mut c = greeted();
        c.begin_verb().unwrap();
        assert_eq!(c.begin(Command::Noop), Err(NotNow::VerbReplyDue));
        assert_eq!(c.begin_verb(), Err(NotNow::VerbReplyDue));
        assert_eq!(c.reply(code(150)), Delivery::Verb(AwaitReply));
        assert_eq!(c.reply(code(226)), Delivery::Verb(Done(Outcome::Completed)));
        assert!(c.is_idle());
        c.begin(Command::Retr).unwrap();
        c.reply(code(150));
        assert_eq!(c.begin_verb(), Err(NotNow::ReplyDue { verb: "RETR" }));
    }

    #[test]
    fn nothing_due_means_unsolicited() {
        let mut c = greeted();
        assert_eq!(
            c.reply(code(421)),
            Delivery::Unsolicited(Outcome::TransientFailure)
        );
        assert_eq!(
            c.reply(code(200)),
            Delivery::Unsolicited(Outcome::Unexpected)
        );
        assert!(c.is_idle());
    }
}
