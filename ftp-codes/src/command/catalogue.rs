//! The types the command catalogue is made of: what `Command::argument`, `replies`,
//! `tolerated` and `RULES` return.

use crate::ReplyCode;
use core::fmt;

/// Whether a command takes an argument (RFC 959 §5.3.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Argument {
    /// The command takes none: `PWD`.
    None,
    /// The command needs one: `RETR <pathname>`.
    Required,
    /// The command may take one: `LIST [<pathname>]`.
    Optional,
}

/// The replies an RFC allows to one command, by slot: RFC 959 §5.4's row (or the extension
/// RFC's), with the replies later RFCs add.
///
/// ```
/// use ftp_codes::{Code, Command};
///
/// let retr = Command::Retr.replies();
/// // 110 (restart markers) too, which only comes after the 125 or 150.
/// assert_eq!(retr.preliminary, [Code::RestartMarker, Code::DataConnectionAlreadyOpen, Code::FileStatusOk]);
/// assert!(retr.completion.contains(&Code::ClosingDataConnection.reply_code()));
/// // 226 and 250 come only after the 125 or 150 that starts the transfer.
/// assert!(retr.only_after_preliminary(Code::ClosingDataConnection.reply_code()));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Replies {
    /// 1yz: the action starts; another reply follows.
    pub preliminary: &'static [ReplyCode],
    /// 3yz: more is needed (the next command of a sequence).
    pub intermediate: &'static [ReplyCode],
    /// 2yz: done.
    pub completion: &'static [ReplyCode],
    /// 4yz: failed, may work later.
    pub transient: &'static [ReplyCode],
    /// 5yz: failed.
    pub permanent: &'static [ReplyCode],
    /// The replies of the slots above that can only come after a 1yz (the second reply of a
    /// transfer); each is also in its digit's slot.
    pub after_preliminary: &'static [ReplyCode],
}

impl Replies {
    /// Whether `code` is in any slot.
    pub fn contains(&self, code: ReplyCode) -> bool {
        [
            self.preliminary,
            self.intermediate,
            self.completion,
            self.transient,
            self.permanent,
        ]
        .iter()
        .any(|slot| slot.contains(&code))
    }

    /// Whether `code` can only come after a 1yz reply to the same command.
    pub fn only_after_preliminary(&self, code: ReplyCode) -> bool {
        self.after_preliminary.contains(&code)
    }
}

/// A documented deviation: a reply real servers send to a command where the RFC lists
/// another, with the evidence. It never changes the RFC table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Tolerated {
    /// The code servers send.
    pub code: ReplyCode,
    /// Which server software sends it.
    pub servers: &'static str,
    /// Public evidence: an issue or pull request.
    pub source: &'static str,
    /// What happens and why a client accepts it.
    pub description: &'static str,
    /// Whether the code only ever comes after a 1yz (the second reply of a transfer): alone,
    /// it is out of step, as the row's own `after_preliminary` codes are.
    pub after_preliminary: bool,
}

/// Replies a later RFC adds to a command defined by another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Added {
    /// The RFC and section.
    pub source: &'static str,
    /// The codes it adds.
    pub codes: &'static [ReplyCode],
}

/// A rule across commands: a code any command may get (421 at any time, 530 before login),
/// written once with its evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rule {
    /// The code.
    pub code: ReplyCode,
    /// When it applies.
    pub scope: &'static str,
    /// The RFC, or the public evidence.
    pub source: &'static str,
    /// What it means.
    pub description: &'static str,
}

/// A verb that is in no command catalogue (the error of `Command::from_str`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct UnknownVerb {
    _private: (),
}

impl UnknownVerb {
    #[doc(hidden)]
    pub const fn new() -> Self {
        Self { _private: () }
    }
}

impl fmt::Display for UnknownVerb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown command verb")
    }
}

impl core::error::Error for UnknownVerb {}
