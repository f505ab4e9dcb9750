//! Replies that carry a number or markers in their text: 110, 120 and 150.

use super::scan::{digit_runs, number};
use super::{PayloadError, text_of};
use crate::reply::Reply;

/// The transfer size many servers add to a 150 reply, `(N bytes)`; `None` when the text has
/// none (RFC 959 does not require it).
///
/// ```
/// use ftp_codes::{payload, reply::{self, ParseOptions}};
///
/// let buf = b"150 Opening BINARY mode data connection for a.txt (5120 bytes).\r\n";
/// let (reply, _) = reply::parse(buf, &ParseOptions::default())?.complete().unwrap();
/// assert_eq!(payload::transfer_size(&reply)?, Some(5120));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn transfer_size(reply: &Reply<'_>) -> Result<Option<u64>, PayloadError> {
    let mut rest = text_of(reply, 150)?;
    // Each `(` in turn: a plain search per parenthesis, not a test per byte.
    while let Some(open) = rest.iter().position(|&b| b == b'(') {
        let inside = rest.get(open.saturating_add(1)..).unwrap_or_default();
        rest = inside;
        let (size, after) = match number(inside, u64::MAX) {
            Some(Ok(found)) => found,
            Some(Err(())) => return Err(PayloadError::OutOfRange),
            None => continue,
        };
        let unit = after.strip_prefix(b" ").unwrap_or(after);
        let is_bytes = unit
            .get(..5)
            .is_some_and(|word| word.eq_ignore_ascii_case(b"bytes"))
            || unit
                .get(..4)
                .is_some_and(|word| word.eq_ignore_ascii_case(b"byte"));
        if is_bytes {
            return Ok(Some(size));
        }
    }
    Ok(None)
}

/// The minutes of a 120 reply ("Service ready in nnn minutes.").
///
/// ```
/// use ftp_codes::{payload, reply::{self, ParseOptions}};
///
/// let (reply, _) = reply::parse(b"120 Service ready in 5 minutes.\r\n", &ParseOptions::default())?.complete().unwrap();
/// assert_eq!(payload::minutes(&reply)?, 5);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn minutes(reply: &Reply<'_>) -> Result<u32, PayloadError> {
    let text = text_of(reply, 120)?;
    let start = digit_runs(text).next().ok_or(PayloadError::Missing)?;
    match number(text.get(start..).unwrap_or_default(), u64::from(u32::MAX)) {
        Some(Ok((minutes, _))) => u32::try_from(minutes).map_err(|_| PayloadError::OutOfRange),
        Some(Err(())) => Err(PayloadError::OutOfRange),
        None => Err(PayloadError::Missing),
    }
}

/// The two restart markers of a 110 reply, `MARK yyyy = mmmm` (RFC 959 §4.2.2): the user
/// process's marker and the server's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark<'a> {
    /// The user-process data stream marker (`yyyy`).
    pub user: &'a [u8],
    /// The server's equivalent marker (`mmmm`).
    pub server: &'a [u8],
}

/// Reads the markers of a 110 reply.
///
/// ```
/// use ftp_codes::{payload, reply::{self, ParseOptions}};
///
/// let (reply, _) = reply::parse(b"110 MARK 1024 = 2048\r\n", &ParseOptions::default())?.complete().unwrap();
/// let mark = payload::mark(&reply)?;
/// assert_eq!((mark.user, mark.server), (&b"1024"[..], &b"2048"[..]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn mark<'a>(reply: &Reply<'a>) -> Result<Mark<'a>, PayloadError> {
    let text = text_of(reply, 110)?;
    let at = text
        .windows(5)
        .position(|w| w.eq_ignore_ascii_case(b"MARK "))
        .ok_or(PayloadError::Missing)?;
    let markers = text.get(at.saturating_add(5)..).unwrap_or_default();
    let equals = markers
        .windows(3)
        .position(|w| w == b" = ")
        .ok_or(PayloadError::Malformed)?;
    let user = markers.get(..equals).unwrap_or_default();
    let after = markers.get(equals.saturating_add(3)..).unwrap_or_default();
    let server = after.split(|&b| b == b' ').next().unwrap_or_default();
    if user.is_empty() || server.is_empty() || user.contains(&b' ') {
        return Err(PayloadError::Malformed);
    }
    Ok(Mark { user, server })
}
