//! `ListingError`: why a listing line could not be read, and where.

use core::fmt;

/// Why a listing line could not be read, and the byte offset of the problem in the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ListingError {
    kind: ListingErrorKind,
    offset: usize,
}

/// What kind of problem a [`ListingError`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum ListingErrorKind {
    /// No space separates the facts from the name (RFC 3659 §7.2: `[facts] SP pathname`).
    MissingSpace,
    /// The facts do not end in `;` before the space.
    MissingSemicolon,
    /// A fact without `=`.
    MissingEquals,
    /// A fact with an empty name.
    EmptyFactName,
    /// A fact named twice: the line says two things.
    DuplicateFact,
    /// A known fact whose value does not have its form (`size` not a number, `modify` not
    /// `YYYYMMDDHHMMSS[.sss]`).
    InvalidFactValue,
    /// The name is empty.
    EmptyName,
    /// A CR, LF or NUL in the line: the caller's line splitting went wrong, or the server's.
    ForbiddenByte,
    /// A line that is no entry: `total 12`, a blank line, a header. Skip it.
    NotAnEntry,
    /// A line that reads two ways: an MLST fact line after several leading spaces (facts, or
    /// a name that starts with spaces), a link whose name or target holds ` -> `.
    Ambiguous,
}

impl ListingError {
    pub(crate) const fn new(kind: ListingErrorKind, offset: usize) -> Self {
        Self { kind, offset }
    }

    /// What went wrong.
    pub const fn kind(&self) -> ListingErrorKind {
        self.kind
    }

    /// The byte offset of the problem in the line.
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

impl ListingErrorKind {
    const fn describe(self) -> &'static str {
        match self {
            Self::MissingSpace => "no space between the facts and the name",
            Self::MissingSemicolon => "the facts do not end in ';' before the name",
            Self::MissingEquals => "a fact without '='",
            Self::EmptyFactName => "a fact with an empty name",
            Self::DuplicateFact => "a fact named twice",
            Self::InvalidFactValue => "a fact whose value does not have its form",
            Self::EmptyName => "an entry without a name",
            Self::ForbiddenByte => "a CR, LF or NUL in a listing line",
            Self::NotAnEntry => "a line that is no entry",
            Self::Ambiguous => "a line that reads two ways",
        }
    }
}

impl fmt::Display for ListingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.kind.describe(), self.offset)
    }
}

impl fmt::Display for ListingErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

impl core::error::Error for ListingError {}
