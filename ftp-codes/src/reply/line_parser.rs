//! `LineParser`: the same framing, for callers that read one line at a time.

use super::framer::{Framer, Place, strip_ending, text_of};
use super::{ErrorKind, ParseError, ParseOptions, Reply};
use crate::ReplyCode;

/// Frames replies from lines handed over one at a time, for callers that read line by line
/// (`BufRead::read_until(b'\n')`, a UART line buffer). Same rules and errors as
/// [`parse`](super::parse); offsets in errors count from the start of the reply. Each call
/// takes exactly one line: bytes after its first LF are an error, never merged into it.
///
/// The payload parsers read a [`Reply`]: [`Line::reply`] gives one for each line that carries
/// the reply's code (a single-line reply, or the first or last line of a multi-line one).
///
/// ```
/// use ftp_codes::reply::{LineParser, ParseOptions};
///
/// let mut parser = LineParser::new(ParseOptions::strict());
/// let first = parser.feed(b"230-Welcome\r\n")?;
/// assert_eq!((first.code(), first.text(), first.is_last()), (230.try_into()?, &b"Welcome"[..], false));
/// let last = parser.feed(b"230 Logged in\r\n")?;
/// assert!(last.is_last());
/// assert_eq!(last.line_count(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct LineParser {
    options: ParseOptions,
    framer: Framer,
}

/// One line as [`LineParser::feed`] read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    raw: &'a [u8],
    place: Place,
    code: ReplyCode,
    text: &'a [u8],
    first: bool,
    count: usize,
    last: bool,
    mismatched: Option<ReplyCode>,
    control: bool,
}

impl LineParser {
    /// A parser waiting for the first line of a reply.
    pub const fn new(options: ParseOptions) -> Self {
        Self {
            options,
            framer: Framer::new(),
        }
    }

    /// Takes one whole line, its LF included. After the last line of a reply, the parser
    /// waits for the next reply. After an error, call [`reset`](Self::reset) to start over.
    pub fn feed<'a>(&mut self, line: &'a [u8]) -> Result<Line<'a>, ParseError> {
        if let Some(lf) = crate::line::newline::find(line) {
            let after = lf.saturating_add(1);
            if after < line.len() {
                return Err(ParseError::new(ErrorKind::MoreThanOneLine, after));
            }
        }
        let lines_before = self.framer_lines();
        let step = self.framer.line(line, &self.options)?;
        let text = text_of(strip_ending(line), step.place, step.code);
        Ok(Line {
            raw: line,
            place: step.place,
            code: step.code,
            text,
            first: step.place == Place::First,
            count: step
                .end
                .map_or(lines_before.saturating_add(1), |end| end.lines),
            last: step.end.is_some(),
            mismatched: step.end.and_then(|end| end.mismatched),
            control: step.end.is_some_and(|end| end.control),
        })
    }

    /// Whether a multi-line reply is under way.
    pub const fn in_reply(&self) -> bool {
        self.framer.in_reply()
    }

    /// Forgets any reply under way.
    pub fn reset(&mut self) {
        self.framer = Framer::new();
    }

    fn framer_lines(&self) -> usize {
        self.framer.lines()
    }
}

impl<'a> Line<'a> {
    /// The code of the reply this line belongs to.
    pub const fn code(&self) -> ReplyCode {
        self.code
    }

    /// The line's text, without code prefix and line ending (as [`Reply::lines`](super::Reply::lines)).
    pub const fn text(&self) -> &'a [u8] {
        self.text
    }

    /// The line as fed, its code and ending included.
    pub const fn raw(&self) -> &'a [u8] {
        self.raw
    }

    /// This line as a one-line [`Reply`], for the payload parsers: `Some` for a line that
    /// starts with the reply's code (the first line of a reply, or the last line of a
    /// multi-line one, which is where servers put a 227 address after a `227-` note), `None`
    /// for a line in between.
    ///
    /// ```
    /// use ftp_codes::{payload, reply::{LineParser, ParseOptions}};
    ///
    /// let mut parser = LineParser::new(ParseOptions::default());
    /// let line = parser.feed(b"227 Entering Passive Mode (127,0,0,1,4,1).\r\n")?;
    /// assert_eq!(payload::pasv_port(&line.reply().unwrap())?, 1025);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reply(&self) -> Option<Reply<'a>> {
        let code = match self.place {
            Place::First => self.code,
            Place::Last => self.mismatched.unwrap_or(self.code),
            Place::Middle => return None,
        };
        Some(Reply::new(self.raw, code, 1, None, self.control))
    }

    /// Whether this is the first line of a reply.
    pub const fn is_first(&self) -> bool {
        self.first
    }

    /// Whether this line completed the reply.
    pub const fn is_last(&self) -> bool {
        self.last
    }

    /// How many lines the reply has had so far, this one included.
    pub const fn line_count(&self) -> usize {
        self.count
    }

    /// On the last line: the code it carried, when it differs from the reply's.
    pub const fn mismatched_end(&self) -> Option<ReplyCode> {
        self.mismatched
    }

    /// On the last line: whether the reply's text held control characters.
    pub const fn has_control_characters(&self) -> bool {
        self.control
    }
}
