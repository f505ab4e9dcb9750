//! `WriteError`.

use core::fmt;

/// Why a reply was not written. When writing into a buffer, nothing of the reply is kept.
///
/// ```
/// use ftp_codes::Code;
/// use ftp_codes::write::{WriteOptions, WriteError, Writer};
///
/// let mut buf = [0u8; 64];
/// let mut out = Writer::new(&mut buf, WriteOptions::default());
/// let evil = b"x\r\n230 Logged in as root";
/// assert_eq!(out.reply(Code::FileUnavailable, &[evil]), Err(WriteError::ForbiddenByte { byte: b'\r', line: 0 }));
/// assert!(out.written().is_empty());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum WriteError {
    /// The buffer has no room for the whole reply.
    BufferTooSmall,
    /// A line of a reply holds CR, LF or NUL, which would end the line on the wire, or a
    /// 0xFF (Telnet IAC) that [`WriteOptions::with_double_iac`](super::WriteOptions) does not
    /// double.
    ForbiddenByte {
        /// The byte.
        byte: u8,
        /// The index of the line that holds it.
        line: usize,
    },
    /// A command's argument holds CR, LF or NUL, which would end the command line on the wire
    /// (and could start another: `x\r\nDELE y`), or a 0xFF (Telnet IAC) that
    /// [`WriteOptions::with_double_iac`](super::WriteOptions) does not double.
    ForbiddenArgumentByte {
        /// The byte.
        byte: u8,
    },
    /// A value cannot be written in the form clients parse (a year past 9999, port 0, an
    /// empty feature name, a marker with a space, ...).
    Unrepresentable,
    /// The `core::fmt::Write` target failed, or the text was not UTF-8 for it.
    Fmt,
    /// A command that needs an argument was given none.
    MissingArgument,
    /// A command that takes no argument was given one.
    UnexpectedArgument,
    /// A verb outside the catalogue that is not one to four ASCII letters.
    InvalidVerb,
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BufferTooSmall => f.write_str("the buffer is too small for the reply"),
            Self::ForbiddenByte { byte, line } => {
                if *byte == 0xFF {
                    write!(
                        f,
                        "line {line} holds byte 0xFF: a Telnet peer reads it as IAC (doubling is an option)"
                    )
                } else {
                    write!(
                        f,
                        "line {line} holds byte 0x{byte:02X}: CR, LF and NUL would end it on the wire"
                    )
                }
            }
            Self::ForbiddenArgumentByte { byte: 0xFF } => f.write_str(
                "the argument holds byte 0xFF: a Telnet server reads it as IAC, and so another name (doubling is an option)",
            ),
            Self::ForbiddenArgumentByte { byte } => write!(
                f,
                "the argument holds byte 0x{byte:02X}: CR, LF and NUL would end the command line on the wire"
            ),
            Self::Unrepresentable => f.write_str("the value cannot be written in the reply's form"),
            Self::Fmt => f.write_str("the formatter failed"),
            Self::MissingArgument => f.write_str("the command needs an argument"),
            Self::UnexpectedArgument => f.write_str("the command takes no argument"),
            Self::InvalidVerb => f.write_str("a command verb is one to four ASCII letters"),
        }
    }
}

impl core::error::Error for WriteError {}
