//! `parse`: frame the reply at the start of a caller's buffer.

use super::framer::Framer;
use super::{Options, ParseError, Reply, Status};

/// Frames the reply at the start of `buf`, without copying or allocating.
///
/// Returns `Complete((reply, used))` when a whole reply is there (`used` bytes: hand the rest
/// of the buffer to the next call), `Partial` when more bytes are needed, or the error that
/// makes the bytes unusable as a reply. Work is bounded by the [`Options`] limits.
///
/// ```
/// use ftp_codes::reply::{self, Options, Status};
///
/// let options = Options::default();
/// let mut buf = Vec::new();
/// buf.extend_from_slice(b"150 Opening data connection (4 bytes).\r\n226 Tra");
///
/// let Status::Complete((first, used)) = reply::parse(&buf, &options)? else { panic!() };
/// assert_eq!(first.code(), 150);
/// let rest = &buf[used..];
/// assert_eq!(reply::parse(rest, &options)?, Status::Partial); // "226 Tra" is not a whole line yet
/// # Ok::<(), ftp_codes::reply::ParseError>(())
/// ```
pub fn parse<'a>(
    buf: &'a [u8],
    options: &Options,
) -> Result<Status<(Reply<'a>, usize)>, ParseError> {
    let mut framer = Framer::new(*options);
    let mut start = 0;
    loop {
        let rest = buf.get(start..).unwrap_or_default();
        let Some(lf) = super::newline::find(rest) else {
            // Offsets from the framer count from the reply's start, which is the buffer's start.
            framer.partial(rest)?;
            return Ok(Status::Partial);
        };
        let end = start.saturating_add(lf).saturating_add(1);
        let line = buf.get(start..end).unwrap_or_default();
        let step = framer.line(line)?;
        if let Some(done) = step.end {
            let raw = buf.get(..end).unwrap_or_default();
            let reply = Reply::new(raw, done.code, done.lines, done.mismatched, done.control);
            return Ok(Status::Complete((reply, end)));
        }
        start = end;
    }
}
