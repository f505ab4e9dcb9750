//! 213 replies to SIZE and MDTM (RFC 3659).

use super::scan::{digit_runs, number};
use super::{PayloadError, Timestamp, text_of};
use crate::reply::Reply;

/// The size of a 213 reply to SIZE: the text is the number (RFC 3659 §4, `213 SP 1*DIGIT`).
///
/// Beyond the RFC form, only a number that ends the line and follows a space, `:` or `=` is
/// read (`213 file.txt: 4096`, `213 Size =51`: what curl and suppaftp accept); a number is never
/// picked out of the middle of commentary, and digit groups (`1,048,576`) are refused rather
/// than read as 576.
///
/// ```
/// use ftp_codes::{payload::{self, PayloadError}, reply::{self, ParseOptions}};
///
/// let (reply, _) = reply::parse(b"213 1048576\r\n", &ParseOptions::default())?.complete().unwrap();
/// assert_eq!(payload::size(&reply)?, 1_048_576);
/// let (reply, _) = reply::parse(b"213 file2.txt: 4096\r\n", &ParseOptions::default())?.complete().unwrap();
/// assert_eq!(payload::size(&reply)?, 4096);
/// let (reply, _) = reply::parse(b"213 1,048,576\r\n", &ParseOptions::default())?.complete().unwrap();
/// assert_eq!(payload::size(&reply), Err(PayloadError::Malformed));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn size(reply: &Reply<'_>) -> Result<u64, PayloadError> {
    let text = text_of(reply, 213)?;
    let text = text.trim_ascii_end();
    let digits = text.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    let start = text.len().saturating_sub(digits);
    let (before, run) = text.split_at_checked(start).unwrap_or_default();
    if run.is_empty() {
        return Err(if text.iter().any(u8::is_ascii_digit) {
            PayloadError::Malformed
        } else {
            PayloadError::Missing
        });
    }
    if !matches!(before.last(), None | Some(b' ' | b'\t' | b':' | b'=')) {
        return Err(PayloadError::Malformed);
    }
    match number(run, u64::MAX) {
        Some(Ok((size, _))) => Ok(size),
        Some(Err(())) => Err(PayloadError::OutOfRange),
        None => Err(PayloadError::Missing),
    }
}

/// The timestamp of a 213 reply to MDTM: `YYYYMMDDHHMMSS[.sss]`, commentary around it
/// tolerated.
///
/// ```
/// use ftp_codes::{payload, reply::{self, ParseOptions}};
///
/// let (reply, _) = reply::parse(b"213 20261124094319.25\r\n", &ParseOptions::default())?.complete().unwrap();
/// let time = payload::mdtm(&reply)?;
/// assert_eq!((time.year(), time.month(), time.day(), time.second()), (2026, 11, 24, 19));
/// assert_eq!(time.to_string(), "2026-11-24T09:43:19.25Z"); // the fraction as sent
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn mdtm(reply: &Reply<'_>) -> Result<Timestamp, PayloadError> {
    let text = text_of(reply, 213)?;
    let run = digit_runs(text)
        .filter_map(|start| text.get(start..))
        .find(|run| run.iter().take_while(|b| b.is_ascii_digit()).count() == 14)
        .ok_or(PayloadError::Missing)?;
    time_val(run).map(|(time, _)| time)
}

/// RFC 3659's `time-val` at the start of `run`: `14DIGIT ["." 1*DIGIT]`, the time and how
/// many bytes it took. What follows is the caller's to judge.
pub(crate) fn time_val(run: &[u8]) -> Result<(Timestamp, usize), PayloadError> {
    let Some((digits, rest)) = run.split_first_chunk::<14>() else {
        return Err(PayloadError::Missing);
    };
    if !digits.iter().all(u8::is_ascii_digit) {
        return Err(PayloadError::Missing);
    }
    // Seven two-digit numbers (the year is two of them), read in one loop: smaller on a
    // microcontroller than a fold per field.
    let mut pairs = [0u8; 7];
    for (pair, chunk) in pairs.iter_mut().zip(digits.chunks_exact(2)) {
        if let [tens, ones] = *chunk {
            *pair = tens
                .wrapping_sub(b'0')
                .wrapping_mul(10)
                .wrapping_add(ones.wrapping_sub(b'0'));
        }
    }
    let [century, year, month, day, hour, minute, second] = pairs;
    let year = u16::from(century)
        .wrapping_mul(100)
        .wrapping_add(u16::from(year));
    let (nanosecond, digits, used) = match rest.split_first() {
        Some((b'.', fraction)) => {
            let (nanos, shown) = fraction_nanos(fraction)?;
            let sent = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
            (nanos, shown, 15usize.saturating_add(sent))
        }
        _ => (0, 0, 14),
    };
    Timestamp::new(year, month, day, hour, minute, second, nanosecond)
        .map(|time| (time.with_fraction_digits(digits), used))
}

/// `.sss...` as nanoseconds, and how many digits were sent (nine at most): at least one
/// digit; digits past the ninth are dropped.
fn fraction_nanos(fraction: &[u8]) -> Result<(u32, u8), PayloadError> {
    let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 {
        return Err(PayloadError::Malformed);
    }
    let mut nanos: u32 = 0;
    for position in 0..9 {
        let digit = fraction
            .get(position)
            .filter(|_| position < digits)
            .map_or(0, |d| u32::from(d.wrapping_sub(b'0')));
        nanos = nanos.wrapping_mul(10).wrapping_add(digit);
    }
    Ok((nanos, u8::try_from(digits.min(9)).unwrap_or(9)))
}
