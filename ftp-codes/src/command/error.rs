//! `CommandError`: why a command line could not be framed, and where.

use core::fmt;

/// Why a command line could not be framed, and the byte offset of the problem in the buffer.
///
/// ```
/// use ftp_codes::command::{self, CommandErrorKind};
/// use ftp_codes::reply::ParseOptions;
///
/// let error = command::parse(b"SIZE evil\rDELE x\r\n", &ParseOptions::lenient()).unwrap_err();
/// assert_eq!(error.kind(), CommandErrorKind::ForbiddenByte);
/// assert_eq!(error.offset(), 9);
/// assert_eq!(error.to_string(), "forbidden byte at byte 9: a command may not hold CR or NUL before its line ends");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct CommandError {
    kind: CommandErrorKind,
    offset: usize,
}

/// What kind of problem a [`CommandError`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum CommandErrorKind {
    /// The line does not start with a verb of one to four ASCII letters.
    InvalidVerb,
    /// The verb is followed by something other than a space or the end of the line.
    InvalidSeparator,
    /// A CR or a NUL before the end of the line: refused in every mode, since a CR could end
    /// the line early for another program on the path and a NUL ends a C string.
    ForbiddenByte,
    /// Another control character in the argument, which these options refuse.
    ControlCharacter,
    /// A line ends in LF without CR, which these options refuse.
    BareLineFeed,
    /// The line is longer than
    /// [`ParseOptions::max_line_len`](crate::reply::ParseOptions::max_line_len).
    LineTooLong,
}

impl CommandError {
    pub(crate) const fn new(kind: CommandErrorKind, offset: usize) -> Self {
        Self { kind, offset }
    }

    /// What went wrong.
    pub const fn kind(&self) -> CommandErrorKind {
        self.kind
    }

    /// The byte offset of the problem, from the start of the buffer given to
    /// [`parse`](super::parse).
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

impl CommandErrorKind {
    const fn describe(self) -> (&'static str, &'static str) {
        match self {
            Self::InvalidVerb => (
                "invalid verb",
                "a command line must start with one to four ASCII letters",
            ),
            Self::InvalidSeparator => (
                "invalid separator",
                "the verb must be followed by a space or the end of the line",
            ),
            Self::ForbiddenByte => (
                "forbidden byte",
                "a command may not hold CR or NUL before its line ends",
            ),
            Self::ControlCharacter => (
                "control character",
                "a command argument may not contain control characters",
            ),
            Self::BareLineFeed => ("bare line feed", "command lines must end in CRLF"),
            Self::LineTooLong => (
                "command line too long",
                "the line exceeds the maximum line length",
            ),
        }
    }
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, why) = self.kind.describe();
        write!(f, "{what} at byte {}: {why}", self.offset)
    }
}

impl fmt::Display for CommandErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe().0)
    }
}

impl core::error::Error for CommandError {}
