//! `Writer`: whole replies appended to a buffer the caller owns.

use super::emit::{Sink, check, emit};
use super::{WriteError, WriteOptions};
use crate::{Catalogue, ReplyCode};

/// Appends whole replies to a caller's buffer. A reply that does not fit, or whose text is
/// refused, leaves the buffer as it was: [`written`](Self::written) only ever holds whole
/// replies, and nothing is written past the buffer's end.
///
/// ```
/// use ftp_codes::{Code, write::{WriteOptions, Writer, WriteError}};
///
/// let mut buf = [0u8; 24];
/// let mut out = Writer::new(&mut buf, WriteOptions::default());
/// assert_eq!(out.write(Code::CommandOk), Ok(19)); // "200 Command okay.\r\n"
/// assert_eq!(out.write(Code::ServiceReady), Err(WriteError::BufferTooSmall));
/// assert_eq!(out.written(), b"200 Command okay.\r\n"); // the reply that did not fit left no trace
/// ```
#[derive(Debug)]
pub struct Writer<'b> {
    buf: &'b mut [u8],
    len: usize,
    options: WriteOptions,
}

impl<'b> Writer<'b> {
    /// A writer that appends to `buf`, starting at its beginning.
    pub fn new(buf: &'b mut [u8], options: WriteOptions) -> Self {
        Self {
            buf,
            len: 0,
            options,
        }
    }

    /// Appends a reply with the given text lines: one line makes a single-line reply, more
    /// make a multi-line one. The number of bytes appended.
    pub fn reply<T: AsRef<[u8]>>(
        &mut self,
        code: impl Into<ReplyCode>,
        lines: &[T],
    ) -> Result<usize, WriteError> {
        let (code, options) = (code.into(), self.options);
        if let [line] = lines {
            // One scan: a text with nothing to double takes the short way; a 0xFF to double
            // takes the general one.
            match check(lines, false) {
                Ok(()) => return self.single_line(code, line.as_ref()),
                Err(WriteError::ForbiddenByte { byte: 0xFF, .. }) if options.double_iac => {}
                Err(error) => return Err(error),
            }
        }
        self.transaction(|sink| emit(sink, code, lines, options))
    }

    /// The common case, `DDD text\r\n` with nothing to double, written with one check and one
    /// copy (a server writes one for nearly every command).
    fn single_line(&mut self, code: ReplyCode, text: &[u8]) -> Result<usize, WriteError> {
        let free = self.buf.get_mut(self.len..).unwrap_or_default();
        let total = put_line(free, code, text)?;
        self.len = self.len.saturating_add(total);
        Ok(total)
    }

    /// `DDD ` and `parts` and CRLF as one line, with one length check and a copy per part:
    /// the builders' common case, for parts already checked that need nothing doubled.
    pub(crate) fn parts_line(
        &mut self,
        code: ReplyCode,
        parts: &[&[u8]],
    ) -> Result<usize, WriteError> {
        let text = parts
            .iter()
            .try_fold(0usize, |len, part| len.checked_add(part.len()));
        let total = text
            .and_then(|len| len.checked_add(6))
            .ok_or(WriteError::BufferTooSmall)?;
        let free = self.buf.get_mut(self.len..).unwrap_or_default();
        let line = free.get_mut(..total).ok_or(WriteError::BufferTooSmall)?;
        let [d1, d2, d3] = code.to_ascii();
        let (head, mut rest) = line.split_at_mut(4);
        head.copy_from_slice(&[d1, d2, d3, b' ']);
        for part in parts {
            let Some((slot, after)) = rest.split_at_mut_checked(part.len()) else {
                return Err(WriteError::BufferTooSmall);
            };
            slot.copy_from_slice(part);
            rest = after;
        }
        // Exactly the two bytes left by the length above.
        if let Some(ending) = rest.first_chunk_mut::<2>() {
            *ending = *b"\r\n";
        }
        self.len = self.len.saturating_add(total);
        Ok(total)
    }

    /// Appends a reply with the catalogue's text: `out.write(Code::ServiceReady)` writes
    /// `220 Service ready for new user.`. Works with any catalogue, your own included.
    pub fn write<C: Catalogue>(&mut self, code: C) -> Result<usize, WriteError> {
        self.reply(code.reply_code(), &[code.text()])
    }

    /// The replies written so far.
    pub fn written(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }

    /// How many bytes have been written.
    pub const fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing has been written.
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many bytes are left.
    pub const fn remaining(&self) -> usize {
        self.buf.len().saturating_sub(self.len)
    }

    /// The options replies are written with.
    pub const fn options(&self) -> &WriteOptions {
        &self.options
    }

    /// Forgets what was written (after sending it, say), to reuse the buffer.
    pub fn clear(&mut self) {
        self.len = 0;
    }

    /// Runs `write` against the free part of the buffer; keeps what it wrote only if it
    /// succeeds. The number of bytes kept.
    pub(crate) fn transaction(
        &mut self,
        write: impl FnOnce(&mut dyn Sink) -> Result<(), WriteError>,
    ) -> Result<usize, WriteError> {
        let start = self.len;
        let mut sink = SliceSink {
            buf: self.buf,
            len: start,
        };
        write(&mut sink)?;
        self.len = sink.len;
        Ok(self.len.saturating_sub(start))
    }
}

/// The free part of a buffer, filled from `len`.
struct SliceSink<'s> {
    buf: &'s mut [u8],
    len: usize,
}

impl Sink for SliceSink<'_> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), WriteError> {
        let end = self
            .len
            .checked_add(bytes.len())
            .ok_or(WriteError::BufferTooSmall)?;
        let slot = self
            .buf
            .get_mut(self.len..end)
            .ok_or(WriteError::BufferTooSmall)?;
        slot.copy_from_slice(bytes);
        self.len = end;
        Ok(())
    }
}

/// `DDD text\r\n` at the start of `out`, for a text already checked: its length. Shared by
/// the writer's single-line replies and the server session's own. (`Writer::parts_line`
/// writes several parts; built on its loop instead, this line cost the session's own replies
/// about 55 instructions each on a Cortex-M4.)
pub(crate) fn put_line(out: &mut [u8], code: ReplyCode, text: &[u8]) -> Result<usize, WriteError> {
    let total = text
        .len()
        .checked_add(6)
        .ok_or(WriteError::BufferTooSmall)?;
    let line = out.get_mut(..total).ok_or(WriteError::BufferTooSmall)?;
    let (head, rest) = line.split_at_mut(4);
    let (body, tail) = rest.split_at_mut(text.len());
    let [d1, d2, d3] = code.to_ascii();
    head.copy_from_slice(&[d1, d2, d3, b' ']);
    body.copy_from_slice(text);
    tail.copy_from_slice(b"\r\n");
    Ok(total)
}
