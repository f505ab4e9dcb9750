//! `Reply`: one framed reply, borrowed from the caller's buffer, and its lines.

use super::framer::{Place, strip_ending, text_of};
use crate::{Catalogue, Code, ReplyCode};
use core::iter::FusedIterator;

/// One whole reply, borrowed from the buffer it was parsed from: nothing is copied.
///
/// ```
/// use ftp_codes::{Code, reply::{self, ParseOptions, Status}};
///
/// let buf = b"211-Features:\r\n MDTM\r\n SIZE\r\n211 End\r\n";
/// let Status::Complete((reply, used)) = reply::parse(buf, &ParseOptions::strict())? else { panic!() };
/// assert_eq!(used, buf.len());
/// assert_eq!(reply.code(), 211);
/// assert_eq!(reply.known(), Some(Code::SystemStatus));
/// let lines: Vec<&[u8]> = reply.lines().collect();
/// assert_eq!(lines, [&b"Features:"[..], b" MDTM", b" SIZE", b"End"]);
/// # Ok::<(), ftp_codes::reply::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reply<'a> {
    raw: &'a [u8],
    code: ReplyCode,
    lines: usize,
    mismatched: Option<ReplyCode>,
    control: bool,
}

impl<'a> Reply<'a> {
    pub(crate) const fn new(
        raw: &'a [u8],
        code: ReplyCode,
        lines: usize,
        mismatched: Option<ReplyCode>,
        control: bool,
    ) -> Self {
        Self {
            raw,
            code,
            lines,
            mismatched,
            control,
        }
    }

    /// The reply code, from the first line.
    pub const fn code(&self) -> ReplyCode {
        self.code
    }

    /// The standard catalogue's entry for the code, if it has one.
    pub const fn known(&self) -> Option<Code> {
        self.code.known()
    }

    /// The entry for the code in catalogue `C`, if it has one.
    pub fn known_in<C: Catalogue>(&self) -> Option<C> {
        self.code.known_in::<C>()
    }

    /// The text lines, without code prefixes and line endings: the first line's text after
    /// `DDD-`/`DDD `, the lines in between as sent (less a `DDD-` prefix of the reply's own
    /// code, which some servers put on every line), the last line's text after `DDD `.
    pub fn lines(&self) -> Lines<'a> {
        Lines {
            rest: self.raw,
            code: self.code,
            index: 0,
            count: self.lines,
        }
    }

    /// The text lines as `&str`, each checked to be UTF-8 (RFC 2640 servers send UTF-8;
    /// others may not: [`lines`](Self::lines) is the lossless form).
    pub fn str_lines(
        &self,
    ) -> impl Iterator<Item = Result<&'a str, core::str::Utf8Error>> + use<'a> {
        self.lines().map(core::str::from_utf8)
    }

    /// The text of the first line: for a single-line reply, the whole text.
    pub fn text(&self) -> &'a [u8] {
        self.lines().next().unwrap_or_default()
    }

    /// The reply's bytes as received, codes and line endings included.
    pub const fn raw(&self) -> &'a [u8] {
        self.raw
    }

    /// Whether the reply spans several lines (`DDD-` ... `DDD `).
    pub const fn is_multiline(&self) -> bool {
        self.lines > 1
    }

    /// How many lines the reply has.
    pub const fn line_count(&self) -> usize {
        self.lines
    }

    /// The code on the last line, when it differs from the first (accepted in lenient mode:
    /// glftpd ends a `553-` reply with `150 `).
    pub const fn mismatched_end(&self) -> Option<ReplyCode> {
        self.mismatched
    }

    /// Whether the text holds control characters (accepted unless
    /// [`ParseOptions::reject_control_characters`](super::ParseOptions::reject_control_characters)).
    pub const fn has_control_characters(&self) -> bool {
        self.control
    }
}

/// The text lines of a [`Reply`]; see [`Reply::lines`].
#[derive(Clone, Debug)]
pub struct Lines<'a> {
    rest: &'a [u8],
    code: ReplyCode,
    index: usize,
    count: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a [u8];

    // The last line (a single-line reply's only one) is the rest of the reply: no search.
    // Lines before it, which need one, are another function. (Not `#[inline]`: inlined, it
    // moved the linker's choices on the Cortex-M4 and grew the parsers by 500 bytes.)
    fn next(&mut self) -> Option<&'a [u8]> {
        if self.index >= self.count {
            return None;
        }
        if self.index.saturating_add(1) < self.count {
            return self.line_before_last();
        }
        let line = core::mem::take(&mut self.rest);
        self.index = self.count;
        // `DDD text` or a bare `DDD`, first line or last.
        Some(strip_ending(line).get(4..).unwrap_or_default())
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.count.saturating_sub(self.index);
        (left, Some(left))
    }
}

impl<'a> Lines<'a> {
    /// A line with more after it: up to the next LF.
    fn line_before_last(&mut self) -> Option<&'a [u8]> {
        let end = crate::line::newline::find(self.rest)
            .map_or(self.rest.len(), |lf| lf.saturating_add(1));
        let (line, rest) = self.rest.split_at_checked(end)?;
        self.rest = rest;
        let place = if self.index == 0 {
            Place::First
        } else {
            Place::Middle
        };
        self.index = self.index.saturating_add(1);
        Some(text_of(strip_ending(line), place, self.code))
    }
}

impl ExactSizeIterator for Lines<'_> {}
impl FusedIterator for Lines<'_> {}
