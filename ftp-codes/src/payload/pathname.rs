//! 257 replies: the quoted pathname of MKD and PWD.

use super::{PayloadError, text_of};
use crate::reply::Reply;
use core::iter::FusedIterator;

/// The pathname of a 257 reply, still in the reply buffer.
///
/// RFC 959 quotes the name and doubles any `"` inside it; some servers do not double them.
/// Both are read: a quote that cannot close the name (it is followed by neither a space nor
/// the end of the line) means the server did not double, and the name runs to the last quote
/// that can close it. [`chunks`](Self::chunks) and [`copy_to`](Self::copy_to) give the name
/// unescaped without allocating.
///
/// ```
/// use ftp_codes::{payload, reply::{self, ParseOptions}};
///
/// let (reply, _) = reply::parse(b"257 \"/say \"\"hi\"\"\" is current directory.\r\n", &ParseOptions::default())?
///     .complete().unwrap();
/// let name = payload::pathname(&reply)?;
/// assert_eq!(name.raw(), br#"/say ""hi"""#);
/// let mut buf = [0u8; 64];
/// assert_eq!(name.copy_to(&mut buf)?, br#"/say "hi""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pathname<'a> {
    raw: &'a [u8],
    doubled: bool,
}

/// Reads the pathname of a 257 reply; text before the opening quote is tolerated. The name may
/// hold any byte but CR, LF and NUL, as [`Writer::pathname`](crate::write::Writer::pathname)
/// writes it.
pub fn pathname<'a>(reply: &Reply<'a>) -> Result<Pathname<'a>, PayloadError> {
    let text = text_of(reply, 257)?;
    let open = text
        .iter()
        .position(|&b| b == b'"')
        .ok_or(PayloadError::Missing)?;
    let body = text.get(open.saturating_add(1)..).unwrap_or_default();
    let (raw, doubled) = match rfc_close(body) {
        Some(close) if can_close(body, close) => (body.get(..close), true),
        _ => (last_close(body).and_then(|close| body.get(..close)), false),
    };
    let raw = raw.ok_or(PayloadError::Malformed)?;
    // A name may hold any byte but these (a tab is legal): the writer refuses the same three.
    if raw.iter().any(|&b| matches!(b, b'\r' | b'\n' | b'\0')) {
        return Err(PayloadError::ControlCharacter);
    }
    Ok(Pathname { raw, doubled })
}

/// The closing quote by RFC 959's rule: the first `"` not doubled.
fn rfc_close(body: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(quote) = body.get(i..)?.iter().position(|&b| b == b'"') {
        let at = i.saturating_add(quote);
        if body.get(at.saturating_add(1)) == Some(&b'"') {
            i = at.saturating_add(2);
        } else {
            return Some(at);
        }
    }
    None
}

/// A quote can close the name if the line ends or a space follows it.
fn can_close(body: &[u8], quote: usize) -> bool {
    matches!(body.get(quote.saturating_add(1)), None | Some(b' '))
}

/// The last quote that can close the name (for servers that do not double quotes).
fn last_close(body: &[u8]) -> Option<usize> {
    (0..body.len())
        .rev()
        .find(|&i| body.get(i) == Some(&b'"') && can_close(body, i))
}

impl<'a> Pathname<'a> {
    /// The name as sent, between the quotes (doubled quotes still doubled).
    pub const fn raw(&self) -> &'a [u8] {
        self.raw
    }

    /// Whether the server doubled quotes inside the name, as RFC 959 says.
    pub const fn is_doubled(&self) -> bool {
        self.doubled
    }

    /// The unescaped name, in pieces that borrow from the reply.
    pub fn chunks(&self) -> Chunks<'a> {
        Chunks {
            rest: self.raw,
            doubled: self.doubled,
        }
    }

    /// The length of the unescaped name.
    pub fn len(&self) -> usize {
        self.chunks().map(<[u8]>::len).sum()
    }

    /// Whether the name is empty.
    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// Copies the unescaped name into `buf`; the part of `buf` it fills.
    pub fn copy_to<'b>(&self, buf: &'b mut [u8]) -> Result<&'b [u8], PayloadError> {
        let mut used: usize = 0;
        for chunk in self.chunks() {
            let end = used
                .checked_add(chunk.len())
                .ok_or(PayloadError::BufferTooSmall)?;
            buf.get_mut(used..end)
                .ok_or(PayloadError::BufferTooSmall)?
                .copy_from_slice(chunk);
            used = end;
        }
        buf.get(..used).ok_or(PayloadError::BufferTooSmall)
    }
}

/// The unescaped pieces of a [`Pathname`]; see [`Pathname::chunks`].
#[derive(Clone, Debug)]
pub struct Chunks<'a> {
    rest: &'a [u8],
    doubled: bool,
}

impl<'a> Iterator for Chunks<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let (chunk, rest) = if self.doubled {
            crate::undouble::next_piece(self.rest, b'"')?
        } else {
            (Some(self.rest).filter(|rest| !rest.is_empty())?, &[][..])
        };
        self.rest = rest;
        Some(chunk)
    }
}

impl FusedIterator for Chunks<'_> {}
