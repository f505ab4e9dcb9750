//! `Config`: what a server tells its sessions: the commands it implements, the longest line
//! it reads, the MLSx facts it writes, how replies are written.

use super::commands::Commands;
use crate::Command;
use crate::listing::FactSet;
use crate::write::WriteOptions;

/// A session's settings, built as [`ParseOptions`](crate::reply::ParseOptions) are.
///
/// ```
/// use ftp_codes::Command;
/// use ftp_codes::server::{Commands, Config};
///
/// let config = Config::new()
///     .with_commands(Commands::STANDARD.without(&[Command::Stor, Command::Appe]))
///     .with_max_line_len(1024);
/// assert_eq!(config.max_line_len(), 1024);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    pub(super) commands: Commands,
    pub(super) max_line_len: usize,
    pub(super) facts: FactSet,
    pub(super) write_options: WriteOptions,
    pub(super) tls: Tls,
}

/// Whether the server offers TLS on the control connection (RFC 4217), and whether it
/// insists on it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Tls {
    /// No AUTH, PBSZ, PROT or CCC (the session answers them 502).
    #[default]
    Off,
    /// `AUTH TLS` accepted; plain sessions too.
    Offered,
    /// `AUTH TLS` before a login (USER, PASS and ACCT are refused 530 before it, as vsftpd
    /// does), and `PROT P` before a transfer (521, RFC 4217 §10.2).
    Required,
}

impl Config {
    /// [`Commands::STANDARD`], lines of up to 512 bytes (RFC 959 sets no limit; vsftpd reads
    /// 4 KiB, pyftpdlib 2 KiB), the facts type, size, modify, perm and UNIX.mode, replies
    /// as RFC 959 writes them with 0xFF doubled (Telnet's escape, which the session undoes
    /// in arguments).
    pub const fn new() -> Self {
        Self {
            commands: Commands::STANDARD,
            max_line_len: 512,
            facts: FactSet::SUPPORTED,
            // The session reads a doubled 0xFF in an argument as one (Telnet's escape), so it
            // doubles one in what it writes back (a path in PWD's or MKD's 257).
            write_options: WriteOptions::new().with_double_iac(true),
            tls: Tls::Off,
        }
    }

    /// Offers or requires TLS (RFC 4217): the session then answers `AUTH TLS` with 234 and
    /// [`Event::StartTls`](super::Event::StartTls), and PBSZ, PROT and CCC itself; FEAT lists
    /// `AUTH TLS`, `PBSZ` and `PROT`. The handshake is the caller's (no TLS library here).
    #[must_use]
    pub const fn with_tls(mut self, tls: Tls) -> Self {
        self.tls = tls;
        let security = [Command::Auth, Command::Pbsz, Command::Prot, Command::Ccc];
        self.commands = match tls {
            Tls::Off => self.commands.without(&security),
            Tls::Offered | Tls::Required => self.commands.with(&security),
        };
        self
    }

    /// Whether TLS is offered or required.
    pub const fn tls(&self) -> Tls {
        self.tls
    }

    /// The commands the server carries out; the session answers the others 502.
    #[must_use]
    pub const fn with_commands(mut self, commands: Commands) -> Self {
        self.commands = commands;
        self
    }

    /// The commands the server carries out.
    pub const fn commands(&self) -> Commands {
        self.commands
    }

    /// The longest command line read, without its line end; a longer one gets 500 and is
    /// skipped. At least the longest path the session holds, plus the verb.
    #[must_use]
    pub const fn with_max_line_len(mut self, len: usize) -> Self {
        self.max_line_len = len;
        self
    }

    /// The longest command line read.
    pub const fn max_line_len(&self) -> usize {
        self.max_line_len
    }

    /// The MLSx facts the server writes, listed in FEAT; `OPTS MLST` selects among them.
    #[must_use]
    pub const fn with_facts(mut self, facts: FactSet) -> Self {
        self.facts = facts;
        self
    }

    /// The MLSx facts the server writes.
    pub const fn facts(&self) -> FactSet {
        self.facts
    }

    /// How replies are written (doubling 0xFF for Telnet, the multi-line style).
    #[must_use]
    pub const fn with_write_options(mut self, options: WriteOptions) -> Self {
        self.write_options = options;
        self
    }
}

impl Default for Config {
    fn default() -> Self {
        Self::new()
    }
}
