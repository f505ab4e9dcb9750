//! `Parser`, the resumable reply framer, and `parse`, its one-shot form.

use super::framer::Framer;
use super::{ParseError, ParseOptions, Reply, Status};
use crate::ReplyCode;
use crate::line::is_control;
use crate::line::scan::special;

/// Frames the reply at the start of `buf`, without copying or allocating.
///
/// Returns `Complete((reply, used))` when a whole reply is there (`used` bytes: hand the rest
/// of the buffer to the next call), `Partial` when more bytes are needed, or the error that
/// makes the bytes unusable as a reply. Work is bounded by the [`ParseOptions`] limits.
///
/// Each call starts again from the first byte. A client that reads a reply in many pieces
/// should keep a [`Parser`], which remembers how far it has read.
///
/// ```
/// use ftp_codes::reply::{self, ParseOptions, Status};
///
/// let options = ParseOptions::default();
/// let mut buf = Vec::new();
/// buf.extend_from_slice(b"150 Opening data connection (4 bytes).\r\n226 Tra");
///
/// let Status::Complete((first, used)) = reply::parse(&buf, &options)? else { panic!() };
/// assert_eq!(first.code(), 150);
/// let rest = &buf[used..];
/// assert_eq!(reply::parse(rest, &options)?, Status::Partial); // "226 Tra" is not a whole line yet
/// # Ok::<(), ftp_codes::reply::ParseError>(())
/// ```
#[inline]
pub fn parse<'a>(
    buf: &'a [u8],
    options: &ParseOptions,
) -> Result<Status<(Reply<'a>, usize)>, ParseError> {
    // Most replies are one line: framed here, without the framer's set-up.
    if let Some(done) = single_line(buf, options) {
        return Ok(Status::Complete(done));
    }
    // One call: nothing to remember, and the options only borrowed.
    Progress::new().resume(buf, options)
}

/// The resumable reply framer: [`parse`] that remembers, between calls, how far it has read.
///
/// Call [`parse`](Self::parse) with the buffer each time more bytes arrive. The buffer must
/// start with the same bytes as on the previous call (append to it, do not drop from its
/// front) until the parser returns `Complete((reply, used))`; then drop the `used` bytes and
/// go on with what follows, which may already hold the next reply. Whole lines are checked
/// once, and the unfinished line is searched for its end once: a reply that arrives in many
/// pieces costs one pass over its bytes.
///
/// A read loop over any byte stream (here a slice, read 7 bytes at a time):
///
/// ```
/// use ftp_codes::reply::{ParseOptions, Parser, Status};
///
/// let mut stream = &b"220-Welcome\r\n220 Ready\r\n331 Password required\r\n"[..];
/// let mut buf = [0u8; 64];
/// let mut filled = 0;
/// let mut parser = Parser::new(ParseOptions::default());
/// let mut codes = Vec::new();
/// while codes.len() < 2 {
///     match parser.parse(&buf[..filled])? {
///         Status::Complete((reply, used)) => {
///             codes.push(reply.code().as_u16());
///             buf.copy_within(used..filled, 0); // keep what came after the reply
///             filled -= used;
///         }
///         Status::Partial => {
///             let n = stream.len().min(7);
///             assert!(n > 0 && filled + n <= buf.len(), "EOF, or a reply larger than the buffer");
///             buf[filled..filled + n].copy_from_slice(&stream[..n]);
///             stream = &stream[n..];
///             filled += n;
///         }
///     }
/// }
/// assert_eq!(codes, [220, 331]);
/// # Ok::<(), ftp_codes::reply::ParseError>(())
/// ```
///
/// After an error, or a buffer shorter than the part already read, the parser starts over
/// from the first byte on the next call.
#[derive(Clone, Copy, Debug)]
pub struct Parser {
    options: ParseOptions,
    progress: Progress,
}

/// How far the reply under way has been read.
#[derive(Clone, Copy, Debug)]
struct Progress {
    framer: Framer,
    /// Bytes at the start of the buffer taken as whole lines of the reply under way.
    start: usize,
    /// Bytes after `start` already searched for an LF, without finding one.
    scanned: usize,
    /// The first control character among them, from the line's start.
    control: Option<usize>,
}

impl Parser {
    /// A parser at the start of a reply.
    pub const fn new(options: ParseOptions) -> Self {
        Self {
            options,
            progress: Progress::new(),
        }
    }

    /// The options this parser frames with.
    pub const fn options(&self) -> ParseOptions {
        self.options
    }

    /// Forgets the reply under way: the next call starts from the first byte.
    pub fn reset(&mut self) {
        self.progress = Progress::new();
    }

    /// How many bytes of the reply under way have been read already (0 between replies).
    pub const fn pending(&self) -> usize {
        self.progress.start.saturating_add(self.progress.scanned)
    }

    /// Frames the reply at the start of `buf`, going on from where the previous call stopped;
    /// see the type's documentation for what `buf` must hold.
    pub fn parse<'a>(&mut self, buf: &'a [u8]) -> Result<Status<(Reply<'a>, usize)>, ParseError> {
        if buf.len() < self.pending() {
            self.reset();
        }
        // Nothing read of this reply yet: most replies are one line, framed at once.
        if self.pending() == 0 && self.progress.framer.lines() == 0 {
            if let Some(done) = single_line(buf, &self.options) {
                return Ok(Status::Complete(done));
            }
        }
        let result = self.progress.resume(buf, &self.options);
        // After a whole reply the progress starts over by itself; after an error, here.
        if result.is_err() {
            self.reset();
        }
        result
    }
}

impl Progress {
    const fn new() -> Self {
        Self {
            framer: Framer::new(),
            start: 0,
            scanned: 0,
            control: None,
        }
    }

    /// Frames on from where the last call stopped, line by line through the framer (the
    /// callers try the single-line form first).
    #[inline]
    fn resume<'a>(
        &mut self,
        buf: &'a [u8],
        options: &ParseOptions,
    ) -> Result<Status<(Reply<'a>, usize)>, ParseError> {
        // Locals, not fields, in the loop: they stay in registers.
        let (mut start, mut scanned, mut control) = (self.start, self.scanned, self.control);
        loop {
            let rest = buf.get(start..).unwrap_or_default();
            // One pass finds the line's end and its control characters together: the next
            // byte below 0x20 or DEL, a word at a time.
            let found =
                special(rest.get(scanned..).unwrap_or_default()).map(|i| scanned.saturating_add(i));
            let Some(at) = found.filter(|&at| {
                !(rest.get(at) == Some(&b'\r') && at.saturating_add(1) == rest.len())
            }) else {
                // No LF yet (or a CR that may be the CRLF's, read again with what follows).
                (self.start, self.scanned, self.control) =
                    (start, found.unwrap_or(rest.len()), control);
                // Offsets from the framer count from the reply's start, the buffer's start.
                self.framer.partial(rest, options)?;
                return Ok(Status::Partial);
            };
            let byte = rest.get(at).copied().unwrap_or_default();
            // The line ends at its LF, or at the LF right after a CR (the CRLF, found at its
            // CR); any other byte found is TAB (text) or a control character, of which the
            // framer wants the first.
            let lf = if byte == b'\n' {
                at
            } else if byte == b'\r' && rest.get(at.saturating_add(1)) == Some(&b'\n') {
                at.saturating_add(1)
            } else {
                if is_control(byte) && control.is_none() {
                    control = Some(at);
                }
                scanned = at.saturating_add(1);
                continue;
            };
            let end = start.saturating_add(lf).saturating_add(1);
            let line = buf.get(start..end).unwrap_or_default();
            let step = self.framer.scanned_line(line, control, options)?;
            (start, scanned, control) = (end, 0, None);
            if let Some(done) = step.end {
                (self.start, self.scanned, self.control) = (0, 0, None);
                let raw = buf.get(..end).unwrap_or_default();
                let reply = Reply::new(raw, done.code, done.lines, done.mismatched, done.control);
                return Ok(Status::Complete((reply, end)));
            }
        }
    }
}

/// A whole single-line reply at the start of `buf` (`DDD text` and its CRLF, no control
/// character, within the limits), framed without the framer: most replies a client reads are
/// this. `None` for anything else, which the framer decides, its errors included; where this
/// answers, the framer's answer is the same.
// Inlined into `parse` and the resumable parser alike (measured: as a call it cost a short
// reply a fifth of its instructions on x86-64).
#[allow(clippy::inline_always)]
#[inline(always)]
fn single_line<'a>(buf: &'a [u8], options: &ParseOptions) -> Option<(Reply<'a>, usize)> {
    let (digits, rest) = buf.split_first_chunk::<3>()?;
    let (b' ', text) = rest.split_first()? else {
        return None;
    };
    // The text's first byte below 0x20 or DEL must be the CR of its CRLF.
    let cr = special(text)?;
    if text.get(cr) != Some(&b'\r') || text.get(cr.saturating_add(1)) != Some(&b'\n') {
        return None;
    }
    let content_len = cr.saturating_add(4);
    let end = content_len.saturating_add(2);
    if content_len > options.max_line_len || end > options.max_reply_len || options.max_lines == 0 {
        return None;
    }
    let code = ReplyCode::from_digits(*digits)?;
    Some((Reply::new(buf.get(..end)?, code, 1, None, false), end))
}
