//! Forming a reply on the wire: one code path for every kind of target.

use super::{Style, WriteError, WriteOptions};
use crate::ReplyCode;
use crate::line::scan::{forbidden_in_text, pieces_through};
use core::fmt;

/// Where reply bytes go.
pub(crate) trait Sink {
    fn put(&mut self, bytes: &[u8]) -> Result<(), WriteError>;

    /// Text, with 0xFF doubled (Telnet IAC) if asked; [`check`] has refused 0xFF otherwise.
    fn text(&mut self, text: &[u8], double_iac: bool) -> Result<(), WriteError> {
        if !double_iac {
            return self.put(text);
        }
        // Most texts have no 0xFF: one search, one copy.
        for piece in pieces_through(text, 0xFF) {
            self.put(piece)?;
            if piece.ends_with(&[0xFF]) {
                self.put(&[0xFF])?;
            }
        }
        Ok(())
    }
}

/// The first CR, LF or NUL in `lines`, or 0xFF when it is not doubled, as the error that
/// rejects them. A lone 0xFF is Telnet's IAC: a peer that speaks Telnet on the control
/// connection (ProFTPD, netkit, BSD) reads it and the byte after it as a command, and so reads
/// other text than was checked (`keep\xff\xf4.txt` became `keep.txt` on ProFTPD).
pub(crate) fn check<T: AsRef<[u8]>>(lines: &[T], double_iac: bool) -> Result<(), WriteError> {
    for (line, text) in lines.iter().enumerate() {
        let text = text.as_ref();
        if let Some(byte) = forbidden_in_text(text, double_iac).and_then(|at| text.get(at)) {
            return Err(WriteError::ForbiddenByte { byte: *byte, line });
        }
    }
    Ok(())
}

/// Writes one reply: a single line for one line of text, else `DDD-` ... `DDD `.
pub(crate) fn emit<S: Sink + ?Sized, T: AsRef<[u8]>>(
    sink: &mut S,
    code: ReplyCode,
    lines: &[T],
    options: WriteOptions,
) -> Result<(), WriteError> {
    check(lines, options.double_iac)?;
    let digits = code.to_ascii();
    let Some((last, init)) = lines.split_last() else {
        // No text at all: the code and its space.
        sink.put(&digits)?;
        return sink.put(b" \r\n");
    };
    for (index, line) in init.iter().enumerate() {
        let line = line.as_ref();
        if index == 0 {
            sink.put(&digits)?;
            sink.put(b"-")?;
        } else {
            match options.style {
                Style::Rfc959 if line.first().is_some_and(u8::is_ascii_digit) => sink.put(b" ")?,
                Style::Rfc959 => {}
                Style::PrefixEveryLine => {
                    sink.put(&digits)?;
                    sink.put(b"-")?;
                }
            }
        }
        sink.text(line, options.double_iac)?;
        sink.put(b"\r\n")?;
    }
    sink.put(&digits)?;
    sink.put(b" ")?;
    sink.text(last.as_ref(), options.double_iac)?;
    sink.put(b"\r\n")
}

/// A `core::fmt::Write` as a [`Sink`]: every piece written is whole lines of `&str` text or
/// ASCII, so it is UTF-8.
struct FmtSink<'w, W: ?Sized>(&'w mut W);

impl<W: fmt::Write + ?Sized> Sink for FmtSink<'_, W> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), WriteError> {
        let text = core::str::from_utf8(bytes).map_err(|_| WriteError::Fmt)?;
        self.0.write_str(text).map_err(|_| WriteError::Fmt)
    }
}

/// Writes one reply to any `core::fmt::Write` (a `String`, a `heapless::String`, a UART
/// adapter). The text is checked before anything is written.
///
/// ```
/// use ftp_codes::{Code, write::{self, WriteOptions}};
///
/// let mut out = String::new();
/// write::to_fmt(&mut out, Code::HelpMessage, &["Commands:", "USER PASS QUIT", "Help OK."], &WriteOptions::default())?;
/// assert_eq!(out, "214-Commands:\r\nUSER PASS QUIT\r\n214 Help OK.\r\n");
/// # Ok::<(), ftp_codes::write::WriteError>(())
/// ```
pub fn to_fmt<W: fmt::Write + ?Sized>(
    out: &mut W,
    code: impl Into<ReplyCode>,
    lines: &[&str],
    options: &WriteOptions,
) -> Result<(), WriteError> {
    // IAC doubling does not apply: UTF-8 text has no 0xFF byte.
    emit(&mut FmtSink(out), code.into(), lines, *options)
}
