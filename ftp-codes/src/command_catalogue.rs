//! `CommandCatalogue`: what every generated command enum offers, so that the exchange, the
//! control connection and the command writer work with a user's own catalogue as with
//! [`Command`](crate::Command).

use crate::command::{Argument, Replies, Tolerated, UnknownVerb};
use crate::{Outcome, ReplyCode};
use core::fmt::{Debug, Display};
use core::hash::Hash;
use core::str::FromStr;

/// A command catalogue: [`Command`](crate::Command) and every enum that
/// [`command_catalog!`](crate::command_catalog!) generates implement it. Sealed: only
/// generated catalogues do, so that every implementation went through the macro's checks.
///
/// ```
/// use ftp_codes::client::exchange::{Exchange, Next};
/// use ftp_codes::{Command, CommandCatalogue, Outcome, ReplyCode};
///
/// /// Runs `codes` through `command`'s exchange, whatever catalogue it comes from.
/// fn outcome<C: CommandCatalogue>(command: C, codes: &[u16]) -> Option<Outcome> {
///     let mut exchange = Exchange::new(command);
///     codes.iter().find_map(|&n| match exchange.reply(ReplyCode::from_u16(n).ok()?) {
///         Next::Done(outcome) => Some(outcome),
///         _ => None,
///     })
/// }
/// assert_eq!(outcome(Command::Retr, &[150, 226]), Some(Outcome::Completed));
/// ```
///
/// It cannot be implemented by hand:
///
/// ```compile_fail
/// # use ftp_codes::command::{Argument, Replies, Tolerated, UnknownVerb};
/// # use ftp_codes::{Command, Outcome, ReplyCode};
/// #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
/// struct Mine;
/// # impl core::fmt::Display for Mine {
/// #     fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result { f.write_str("MINE") }
/// # }
/// # impl core::str::FromStr for Mine {
/// #     type Err = UnknownVerb;
/// #     fn from_str(_: &str) -> Result<Self, UnknownVerb> { Ok(Mine) }
/// # }
/// impl ftp_codes::CommandCatalogue for Mine {
///     fn only_after_preliminary(self, _: ReplyCode) -> bool { false }
///     fn verb_key(self) -> u32 { 0 }
///     const ALL: &'static [Self] = &[Mine];
///     fn from_verb(_: &[u8]) -> Option<Self> { Some(Mine) }
///     fn verb(self) -> &'static str { "MINE" }
///     fn argument(self) -> Argument { Argument::None }
///     fn replies(self) -> &'static Replies { Command::Noop.replies() }
///     fn tolerated(self) -> &'static [Tolerated] { &[] }
///     fn classify(self, code: ReplyCode) -> Outcome { Command::Noop.classify(code) }
/// }
/// ```
pub trait CommandCatalogue:
    crate::__private::Sealed + Copy + Eq + Hash + Debug + Display + FromStr<Err = UnknownVerb> + 'static
{
    /// Every command of the catalogue.
    const ALL: &'static [Self];

    /// The command for `verb`, ignoring ASCII case.
    fn from_verb(verb: &[u8]) -> Option<Self>;

    /// The verb, upper case, as sent.
    fn verb(self) -> &'static str;

    /// Whether the command takes no argument, needs one, or may take one.
    fn argument(self) -> Argument;

    /// The replies the RFC allows, by slot.
    fn replies(self) -> &'static Replies;

    /// Documented deviations of real servers.
    fn tolerated(self) -> &'static [Tolerated];

    /// What `code` means as a reply to this command.
    fn classify(self, code: ReplyCode) -> Outcome;

    /// Whether `code` can only come after a 1yz reply to this command: a reply the RFC row
    /// lists under a 1yz (RETR's 226), or a deviation documented as following one (STOR's
    /// 200 from em-ftpd). Alone, such a reply is out of step.
    fn only_after_preliminary(self, code: ReplyCode) -> bool;

    /// The verb's letters, upper case, packed into a `u32` (what `from_verb` hashes): compared
    /// instead of strings, so that code that asks which command it holds links no verb text.
    #[doc(hidden)]
    fn verb_key(self) -> u32;

    /// Whether this is the command whose verb is `verb` (ASCII case ignored).
    fn is(self, verb: &str) -> bool {
        crate::__private::verb_key(verb.as_bytes()) == Some(self.verb_key())
    }
}
