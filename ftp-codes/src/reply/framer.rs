//! The framing rules of RFC 959 §4.2, one line at a time. `parse` and `LineParser` both run
//! this machine, so they share every rule and every error.

use super::{ErrorKind, ParseError, ParseOptions};
use crate::ReplyCode;
use crate::line::{bare_line_feed, first_control, split_ending};

/// Where one line stands in its reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// The first line of a reply (`DDD-` or `DDD ` or a bare `DDD`).
    First,
    /// A line between the first and the last of a multi-line reply.
    Middle,
    /// The line that ends a multi-line reply.
    Last,
}

/// How a reply ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct End {
    pub(crate) code: ReplyCode,
    pub(crate) lines: usize,
    pub(crate) mismatched: Option<ReplyCode>,
    pub(crate) control: bool,
}

/// What one line did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Step {
    pub(crate) place: Place,
    pub(crate) code: ReplyCode,
    /// `Some` when this line completed the reply.
    pub(crate) end: Option<End>,
}

/// The state between lines (the options are the caller's, passed to each call: a parser keeps
/// one copy, and a one-shot `parse` none, so that nothing copies them per reply).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Framer {
    /// The code of the multi-line reply under way, if any.
    open: Option<ReplyCode>,
    lines: usize,
    len: usize,
    control: bool,
}

impl Framer {
    pub(crate) const fn new() -> Self {
        Self {
            open: None,
            lines: 0,
            len: 0,
            control: false,
        }
    }

    /// Whether a multi-line reply is under way.
    pub(crate) const fn in_reply(&self) -> bool {
        self.open.is_some()
    }

    /// Lines of the current reply taken so far.
    pub(crate) const fn lines(&self) -> usize {
        self.lines
    }

    /// Takes one whole line, its LF included. Offsets in errors count from the reply's start.
    pub(crate) fn line(&mut self, line: &[u8], options: &ParseOptions) -> Result<Step, ParseError> {
        let control = first_control(strip_ending(line));
        self.scanned_line(line, control, options)
    }

    /// [`line`](Self::line), for a line whose first control character the caller found in
    /// its own pass over the bytes: `control`, its position in the line (not the CR of the
    /// line's CRLF).
    pub(crate) fn scanned_line(
        &mut self,
        line: &[u8],
        control: Option<usize>,
        options: &ParseOptions,
    ) -> Result<Step, ParseError> {
        let start = self.len;
        let Some((content, crlf)) = split_ending(line) else {
            self.limits(line, None, options)?;
            return Err(ParseError::new(
                ErrorKind::UnterminatedLine,
                start.saturating_add(line.len()),
            ));
        };
        // The length limits first: they are the errors a prefix of this line would give.
        self.limits(line, Some(content.len()), options)?;
        if !crlf && !options.accept_lf {
            return Err(bare_line_feed(content, start));
        }
        self.lines = self.lines.saturating_add(1);
        if self.lines > options.max_lines {
            return Err(ParseError::new(ErrorKind::TooManyLines, start));
        }
        self.len = self.len.saturating_add(line.len());
        let step = match self.open {
            None => self.first_line(content, start, control, options)?,
            Some(code) => self.later_line(code, content, start, control, options)?,
        };
        if step.end.is_some() {
            *self = Self::new();
        }
        Ok(step)
    }

    /// Checks a line that has not ended yet (no LF), for the errors that are already certain:
    /// a line too long however it ends, or a reply already past `max_reply_len`.
    pub(crate) fn partial(&self, rest: &[u8], options: &ParseOptions) -> Result<(), ParseError> {
        self.limits(rest, None, options)
    }

    /// The two length limits, for the current line's bytes so far (`content_len` once the line
    /// has ended). Whichever limit the byte stream passes first is the error, so a reply gives
    /// the same error however much of it has arrived.
    #[inline]
    fn limits(
        &self,
        line: &[u8],
        content_len: Option<usize>,
        options: &ParseOptions,
    ) -> Result<(), ParseError> {
        let start = self.len;
        let max_line = options.max_line_len;
        let max_reply = options.max_reply_len;
        // The common case, in two comparisons: within both limits whatever the line's ending.
        if line.len() <= max_line.saturating_add(1) && start.saturating_add(line.len()) <= max_reply
        {
            return Ok(());
        }
        self.over_limits(line, content_len, options)
    }

    #[cold]
    fn over_limits(
        &self,
        line: &[u8],
        content_len: Option<usize>,
        options: &ParseOptions,
    ) -> Result<(), ParseError> {
        let start = self.len;
        let max_line = options.max_line_len;
        // An unfinished line of `max_line + 2` bytes is too long however it ends (one more
        // byte may be the CR of a CRLF); a finished one is, at the same byte, if its text is.
        let over_line = match content_len {
            Some(len) => len > max_line,
            None => line.len() > max_line.saturating_add(1),
        };
        let line_at = over_line.then(|| start.saturating_add(max_line).saturating_add(2));
        let max_reply = options.max_reply_len;
        let reply_at =
            (start.saturating_add(line.len()) > max_reply).then(|| max_reply.saturating_add(1));
        let kind = match (line_at, reply_at) {
            (Some(line_at), Some(reply_at)) if reply_at < line_at => ErrorKind::ReplyTooLong,
            (Some(_), _) => ErrorKind::LineTooLong,
            (None, Some(_)) => ErrorKind::ReplyTooLong,
            (None, None) => return Ok(()),
        };
        Err(ParseError::new(kind, start))
    }

    fn first_line(
        &mut self,
        content: &[u8],
        start: usize,
        control: Option<usize>,
        options: &ParseOptions,
    ) -> Result<Step, ParseError> {
        let Some((code, rest)) = split_code(content) else {
            return Err(ParseError::new(ErrorKind::InvalidCode, start));
        };
        let multiline = match rest.first() {
            None if options.accept_bare_code => false,
            None => {
                return Err(ParseError::new(
                    ErrorKind::BareCode,
                    start.saturating_add(3),
                ));
            }
            Some(b' ') => false,
            Some(b'-') => true,
            Some(_) => {
                return Err(ParseError::new(
                    ErrorKind::InvalidSeparator,
                    start.saturating_add(3),
                ));
            }
        };
        // A control character in the code or as the separator was an error above.
        self.check_control(control, start, options)?;
        if multiline {
            self.open = Some(code);
            return Ok(Step {
                place: Place::First,
                code,
                end: None,
            });
        }
        Ok(Step {
            place: Place::First,
            code,
            end: Some(self.end(code, None)),
        })
    }

    fn later_line(
        &mut self,
        code: ReplyCode,
        content: &[u8],
        start: usize,
        control: Option<usize>,
        options: &ParseOptions,
    ) -> Result<Step, ParseError> {
        let end = match terminator(content, options) {
            Some(last) if last == code => Some(None),
            Some(last) if options.accept_mismatched_end => Some(Some(last)),
            _ => None,
        };
        self.check_control(control, start, options)?;
        Ok(match end {
            Some(mismatched) => Step {
                place: Place::Last,
                code,
                end: Some(self.end(code, mismatched)),
            },
            None => Step {
                place: Place::Middle,
                code,
                end: None,
            },
        })
    }

    /// The line's first control character (`control`: its position in the line that starts
    /// at `start`): an error, or noted for the reply.
    fn check_control(
        &mut self,
        control: Option<usize>,
        start: usize,
        options: &ParseOptions,
    ) -> Result<(), ParseError> {
        if let Some(at) = control {
            if options.reject_control {
                return Err(ParseError::new(
                    ErrorKind::ControlCharacter,
                    start.saturating_add(at),
                ));
            }
            self.control = true;
        }
        Ok(())
    }

    const fn end(&self, code: ReplyCode, mismatched: Option<ReplyCode>) -> End {
        End {
            code,
            lines: self.lines,
            mismatched,
            control: self.control,
        }
    }
}

/// The code of a line that can end a multi-line reply: `DDD ` (or a bare `DDD`, if accepted).
fn terminator(content: &[u8], options: &ParseOptions) -> Option<ReplyCode> {
    // The separator first: most lines inside a reply (`DDD-text`, ` FEAT line`) fail there,
    // before their first three bytes are read as a code.
    match content.get(3) {
        Some(b' ') => {}
        None if options.accept_bare_code => {}
        _ => return None,
    }
    split_code(content).map(|(code, _)| code)
}

/// The reply code at the start of a line, and what follows it.
pub(crate) fn split_code(content: &[u8]) -> Option<(ReplyCode, &[u8])> {
    let (digits, rest) = content.split_first_chunk::<3>()?;
    ReplyCode::from_digits(*digits).map(|code| (code, rest))
}

/// The text of a line once its code prefix is removed, as [`Lines`](super::Lines) yields it.
pub(crate) fn text_of(content: &[u8], place: Place, code: ReplyCode) -> &[u8] {
    match place {
        // `DDD-text`, `DDD text`, or a bare `DDD`.
        Place::First | Place::Last => content.get(4..).unwrap_or_default(),
        // Servers that prefix every line with `DDD-` (the reply's own code): drop the prefix.
        Place::Middle => match content.split_first_chunk::<4>() {
            Some(([a, b, c, b'-'], text)) if [*a, *b, *c] == code.to_ascii() => text,
            _ => content,
        },
    }
}

/// A line's content: without its LF and the CR before it.
pub(crate) fn strip_ending(line: &[u8]) -> &[u8] {
    match line {
        [content @ .., b'\r', b'\n'] | [content @ .., b'\n' | b'\r'] => content,
        _ => line,
    }
}
