//! `Commands`: the set of commands a server carries out; the session answers the others 502.

use crate::Command;

/// A set of [`Command`]s: what a server implements. The session answers every command
/// outside it with 502 (RFC 959 §4.2.2), before looking at its argument.
///
/// ```
/// use ftp_codes::Command;
/// use ftp_codes::server::Commands;
///
/// let read_only = Commands::STANDARD.without(&[Command::Stor, Command::Appe, Command::Dele]);
/// assert!(read_only.contains(Command::Retr) && !read_only.contains(Command::Stor));
/// assert!(!Commands::STANDARD.contains(Command::Smnt));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Commands(u128);

/// The commands that change files, which [`Commands::READ_ONLY`] leaves out.
const CHANGE_FILES: &[Command] = &[
    Command::Stor,
    Command::Appe,
    Command::Dele,
    Command::Mkd,
    Command::Xmkd,
    Command::Rmd,
    Command::Xrmd,
    Command::Rnfr,
    Command::Rnto,
];

impl Commands {
    /// No command.
    pub const NONE: Self = Self(0);

    /// What a read-write file server carries out, the session's own commands included: USER
    /// PASS QUIT SYST FEAT OPTS HELP NOOP STAT ALLO, PWD CWD CDUP (and their X forms), TYPE MODE
    /// STRU, PASV EPSV PORT EPRT, LIST NLST MLSD MLST, RETR STOR APPE REST ABOR, SIZE MDTM, DELE
    /// MKD RMD RNFR RNTO. Not ACCT, SMNT, REIN, STOU, SITE, LPRT, LPSV, LANG, HOST or the
    /// security commands.
    pub const STANDARD: Self = Self::NONE
        .with(&[
            Command::User,
            Command::Pass,
            Command::Quit,
            Command::Syst,
            Command::Feat,
            Command::Opts,
            Command::Help,
            Command::Noop,
            Command::Stat,
            Command::Allo,
            Command::Pwd,
            Command::Xpwd,
            Command::Cwd,
            Command::Xcwd,
            Command::Cdup,
            Command::Xcup,
            Command::Type,
            Command::Mode,
            Command::Stru,
            Command::Pasv,
            Command::Epsv,
            Command::Port,
            Command::Eprt,
            Command::List,
            Command::Nlst,
            Command::Mlsd,
            Command::Mlst,
            Command::Retr,
            Command::Rest,
            Command::Abor,
            Command::Size,
            Command::Mdtm,
        ])
        .with(CHANGE_FILES);

    /// [`STANDARD`](Self::STANDARD) without the commands that change files: STOR, APPE, DELE,
    /// MKD, RMD (and their X forms), RNFR and RNTO. For a server that only serves (the session
    /// answers those 502; a server that refuses them per user answers 550 instead).
    pub const READ_ONLY: Self = Self::STANDARD.without(CHANGE_FILES);

    /// This set and `commands`.
    #[must_use]
    pub const fn with(self, commands: &[Command]) -> Self {
        Self(self.0 | mask(commands))
    }

    /// This set without `commands`.
    #[must_use]
    pub const fn without(self, commands: &[Command]) -> Self {
        Self(self.0 & !mask(commands))
    }

    /// Whether `command` is in the set.
    pub const fn contains(self, command: Command) -> bool {
        self.0 & bit(command) != 0
    }

    /// The set's commands, in the catalogue's order.
    pub fn iter(self) -> impl Iterator<Item = Command> {
        Command::ALL
            .iter()
            .copied()
            .filter(move |&command| self.contains(command))
    }
}

impl Default for Commands {
    fn default() -> Self {
        Self::STANDARD
    }
}

/// The bits of `commands`.
const fn mask(commands: &[Command]) -> u128 {
    let (mut bits, mut rest) = (0, commands);
    while let [command, tail @ ..] = rest {
        bits |= bit(*command);
        rest = tail;
    }
    bits
}

/// The command's bit: its place in the catalogue (`Command` is `repr(u8)`, in `ALL`'s order,
/// fewer than 128 commands: a test below checks both).
const fn bit(command: Command) -> u128 {
    1u128 << (command as u8 % 128)
}

#[cfg(test)]
mod tests {
    use super::{Command, Commands};
    use std::vec::Vec;

    #[test]
    fn every_command_has_its_own_bit() {
        assert!(Command::ALL.len() <= 128);
        for (i, &command) in Command::ALL.iter().enumerate() {
            assert_eq!(usize::from(command as u8), i);
            let one = Commands::NONE.with(&[command]);
            assert_eq!(one.iter().collect::<Vec<_>>(), [command]);
            assert!(
                !Commands::NONE
                    .with(Command::ALL)
                    .without(&[command])
                    .contains(command)
            );
        }
    }
}
