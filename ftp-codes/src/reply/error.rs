//! `ParseError`: what went wrong while framing a reply, and where.

use core::fmt;

/// Why a reply could not be framed, and the byte offset where the problem is.
///
/// ```
/// use ftp_codes::reply::{self, ErrorKind, ParseOptions};
///
/// let error = reply::parse(b"22x Hello\r\n", &ParseOptions::strict()).unwrap_err();
/// assert_eq!(error.kind(), ErrorKind::InvalidCode);
/// assert_eq!(error.offset(), 0);
/// assert_eq!(error.to_string(), "invalid reply code at byte 0: a line must start with three digits, 1 to 6 first");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ParseError {
    kind: ErrorKind,
    offset: usize,
}

/// What kind of problem a [`ParseError`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum ErrorKind {
    /// A reply's first line (or a bare terminator) does not start with a reply code.
    InvalidCode,
    /// The code is followed by something other than a space or a hyphen.
    InvalidSeparator,
    /// A bare `DDD` line, which these options refuse.
    BareCode,
    /// A line ends in LF without CR, which these options refuse.
    BareLineFeed,
    /// A control character in the reply text, which these options refuse.
    ControlCharacter,
    /// A line is longer than [`ParseOptions::max_line_len`](crate::reply::ParseOptions::max_line_len).
    LineTooLong,
    /// A reply has more lines than [`ParseOptions::max_lines`](crate::reply::ParseOptions::max_lines).
    TooManyLines,
    /// A reply is longer than [`ParseOptions::max_reply_len`](crate::reply::ParseOptions::max_reply_len).
    ReplyTooLong,
    /// A line given to [`LineParser::feed`](crate::reply::LineParser::feed) does not end in LF.
    UnterminatedLine,
    /// [`LineParser::feed`](crate::reply::LineParser::feed) was given more than one line.
    MoreThanOneLine,
}

impl ParseError {
    pub(crate) const fn new(kind: ErrorKind, offset: usize) -> Self {
        Self { kind, offset }
    }

    /// What went wrong.
    pub const fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The byte offset of the problem: from the start of the buffer given to
    /// [`parse`](crate::reply::parse), or from the start of the reply for
    /// [`LineParser`](crate::reply::LineParser).
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

impl ErrorKind {
    const fn describe(self) -> (&'static str, &'static str) {
        match self {
            Self::InvalidCode => (
                "invalid reply code",
                "a line must start with three digits, 1 to 6 first",
            ),
            Self::InvalidSeparator => (
                "invalid separator",
                "the code must be followed by a space or a hyphen",
            ),
            Self::BareCode => (
                "bare reply code",
                "a code without a following space is refused",
            ),
            Self::BareLineFeed => ("bare line feed", "lines must end in CRLF"),
            Self::ControlCharacter => (
                "control character",
                "reply text may not contain control characters",
            ),
            Self::LineTooLong => ("line too long", "the line exceeds the maximum line length"),
            Self::TooManyLines => (
                "too many lines",
                "the reply exceeds the maximum number of lines",
            ),
            Self::ReplyTooLong => (
                "reply too long",
                "the reply exceeds the maximum reply length",
            ),
            Self::UnterminatedLine => (
                "unterminated line",
                "a whole line, ending in LF, was expected",
            ),
            Self::MoreThanOneLine => (
                "more than one line",
                "one line, ending at its first LF, was expected",
            ),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, why) = self.kind.describe();
        write!(f, "{what} at byte {}: {why}", self.offset)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe().0)
    }
}

impl core::error::Error for ParseError {}
