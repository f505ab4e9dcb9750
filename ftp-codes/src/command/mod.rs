//! Commands: framing the command lines a server reads (`VERB [argument]`, by the same line
//! rules as replies), the address arguments of PORT, EPRT and LPRT ([`port`], [`eprt`],
//! [`lprt`]), and the types the command catalogue is made of ([`Argument`], [`Replies`],
//! [`Tolerated`], [`Added`], [`Rule`]; the catalogue itself is [`Command`](crate::Command)).
//! Clients write command lines with [`Writer::command`](crate::write::Writer::command).
//!
//! A server reads bytes from the control connection into a buffer of its own and asks
//! [`parse`] whether a whole command line is at its start, as a client does with
//! [`reply::parse`](crate::reply::parse). The [`ParseOptions`](crate::reply::ParseOptions)
//! apply: line endings (CRLF, or LF too when lenient), the maximum line length, and control
//! characters. RFC 959 §5.3.1: a command is up to four letters, in any case, then an optional
//! argument after a space.
//!
//! ```
//! use ftp_codes::command;
//! use ftp_codes::reply::{ParseOptions, Status};
//!
//! let buf = b"retr notes.txt\r\nQUIT\r\n";
//! let Status::Complete((line, used)) = command::parse(buf, &ParseOptions::strict())? else { panic!() };
//! assert!(line.is("RETR"));
//! assert_eq!(line.argument(), b"notes.txt");
//! let Status::Complete((next, _)) = command::parse(&buf[used..], &ParseOptions::strict())? else { panic!() };
//! assert!(next.is("QUIT") && next.argument().is_empty());
//! # Ok::<(), ftp_codes::command::CommandError>(())
//! ```
//!
//! What a hostile or old client may send is handled without guessing:
//! - Telnet `IAC IP IAC DM` (0xFF 0xF4 0xFF 0xF2), which BSD and netkit clients send before
//!   `ABOR` (RFC 959 §4.1.3), is skipped and reported by [`CommandLine::telnet_interrupt`].
//! - A doubled 0xFF in an argument (Telnet's escape for a literal 0xFF) is read undoubled by
//!   [`CommandLine::argument_chunks`], without allocating.
//! - A CR or a NUL inside a line is an error in every mode: it is never handed on.

mod address;
mod catalogue;
mod error;
mod line;
mod telnet;

pub use address::{eprt, lprt, port};
pub use catalogue::{Added, Argument, Replies, Rule, Tolerated, UnknownVerb};
pub use error::{CommandError, CommandErrorKind};
pub use line::{CommandLine, parse};
pub use telnet::Unescaped;

/// The commands that move data over a data connection: a 1yz, then their last reply (the
/// server's sequencing and the client's reading of a 522 both turn on it).
pub(crate) const fn is_transfer(command: crate::Command) -> bool {
    use crate::Command::{Appe, List, Mlsd, Nlst, Retr, Stor, Stou};
    matches!(command, Retr | Stor | Stou | Appe | List | Nlst | Mlsd)
}

#[cfg(test)]
mod tests;
