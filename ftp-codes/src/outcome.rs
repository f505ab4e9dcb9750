//! `Outcome`: what a reply means for the command it answers.

/// What a reply means as the answer to a command, from the command catalogue: see
/// `Command::classify`.
///
/// ```
/// use ftp_codes::{Command, Outcome, ReplyCode};
///
/// let code = |n| ReplyCode::from_u16(n).unwrap();
/// assert_eq!(Command::Retr.classify(code(150)), Outcome::Preliminary);
/// assert_eq!(Command::Retr.classify(code(226)), Outcome::Completed);
/// assert_eq!(Command::User.classify(code(331)), Outcome::Intermediate);
/// assert_eq!(Command::Dele.classify(code(550)), Outcome::PermanentFailure);
/// assert_eq!(Command::Noop.classify(code(421)), Outcome::TransientFailure); // at any time
/// assert_eq!(Command::Pwd.classify(code(227)), Outcome::Unexpected);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Outcome {
    /// 1yz: the action started; another reply to the same command follows.
    Preliminary,
    /// 3yz: accepted, and the next command of the sequence is due (PASS after USER).
    Intermediate,
    /// 2yz: the command succeeded.
    Completed,
    /// 4yz: the command failed; it may work later.
    TransientFailure,
    /// 5yz: the command failed.
    PermanentFailure,
    /// A code that neither the RFC table, the documented deviations nor the rules list for
    /// this command. The code's first digit still says what kind of reply it is.
    Unexpected,
}
