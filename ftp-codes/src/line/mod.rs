//! The line rules that replies and command lines share (RFC 959 §4.2 and §5.3: Telnet lines
//! ending in CRLF): where a line ends, a whole line's content after the checks every line
//! gets (its length, a bare LF), the error an unfinished line is certain to give, and which
//! bytes are control characters, and word-at-a-time searches for the bytes no line may hold.
//! The reply parser (`reply/`), the command-line parser (`command/`), the writer and the
//! listing parsers stand on this; none reaches into another.

pub(crate) mod newline;
pub(crate) mod scan;

use crate::reply::{ErrorKind, ParseError, ParseOptions};

/// A whole line (its LF included) without its ending, after the checks every line gets: its
/// length and, unless accepted, a bare LF.
pub(crate) fn line_content<'a>(
    line: &'a [u8],
    options: &ParseOptions,
    start: usize,
) -> Result<&'a [u8], ParseError> {
    let Some((content, crlf)) = split_ending(line) else {
        return Err(ParseError::new(
            ErrorKind::UnterminatedLine,
            start.saturating_add(line.len()),
        ));
    };
    if content.len() > options.max_line_len {
        return Err(ParseError::new(ErrorKind::LineTooLong, start));
    }
    if !crlf && !options.accept_lf {
        return Err(bare_line_feed(content, start));
    }
    Ok(content)
}

/// A line (its LF included) split into its content and whether it ended in CRLF; `None`
/// without the LF.
#[inline]
pub(crate) fn split_ending(line: &[u8]) -> Option<(&[u8], bool)> {
    let (b'\n', before_lf) = line.split_last()? else {
        return None;
    };
    Some(match before_lf.split_last() {
        Some((b'\r', content)) => (content, true),
        _ => (before_lf, false),
    })
}

/// The error for a line that ends in LF alone, at the LF (right after the content).
pub(crate) fn bare_line_feed(content: &[u8], start: usize) -> ParseError {
    ParseError::new(ErrorKind::BareLineFeed, start.saturating_add(content.len()))
}

/// Checks a line that has not ended yet (no LF) for the error that is already certain.
pub(crate) fn unfinished_line(
    rest: &[u8],
    options: &ParseOptions,
    start: usize,
) -> Result<(), ParseError> {
    // One more byte may be the CR of a CRLF; past that, the line is too long however it ends.
    if rest.len() > options.max_line_len.saturating_add(1) {
        return Err(ParseError::new(ErrorKind::LineTooLong, start));
    }
    Ok(())
}

/// Where the first control character of `text` is (a word at a time, TABs passed over).
pub(crate) fn first_control(text: &[u8]) -> Option<usize> {
    let mut from = 0usize;
    loop {
        let at = from.saturating_add(scan::special(text.get(from..)?)?);
        if text.get(at) != Some(&b'\t') {
            return Some(at);
        }
        from = at.saturating_add(1);
    }
}

/// A control character in reply text: C0 (but tab, which listings use) and DEL.
pub(crate) const fn is_control(byte: u8) -> bool {
    (byte < 0x20 && byte != b'\t') || byte == 0x7f
}
