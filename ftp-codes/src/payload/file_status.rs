//! 213 replies to SIZE and MDTM (RFC 3659).

use super::scan::{digit_runs, number};
use super::{PayloadError, Timestamp, text_of};
use crate::reply::Reply;

/// The size of a 213 reply to SIZE: the first number in the text, commentary around it
/// tolerated.
///
/// ```
/// use ftp_codes::{payload, reply::{self, Options}};
///
/// let (reply, _) = reply::parse(b"213 1048576\r\n", &Options::default())?.complete().unwrap();
/// assert_eq!(payload::size(&reply)?, 1_048_576);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn size(reply: &Reply<'_>) -> Result<u64, PayloadError> {
    let text = text_of(reply, 213)?;
    let start = digit_runs(text).next().ok_or(PayloadError::Missing)?;
    match number(text.get(start..).unwrap_or_default(), u64::MAX) {
        Some(Ok((size, _))) => Ok(size),
        Some(Err(())) => Err(PayloadError::OutOfRange),
        None => Err(PayloadError::Missing),
    }
}

/// The timestamp of a 213 reply to MDTM: `YYYYMMDDHHMMSS[.sss]`, commentary around it
/// tolerated.
///
/// ```
/// use ftp_codes::{payload, reply::{self, Options}};
///
/// let (reply, _) = reply::parse(b"213 20261124094319.25\r\n", &Options::default())?.complete().unwrap();
/// let time = payload::mdtm(&reply)?;
/// assert_eq!((time.year(), time.month(), time.day(), time.second()), (2026, 11, 24, 19));
/// assert_eq!(time.to_string(), "2026-11-24T09:43:19.250000000Z");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn mdtm(reply: &Reply<'_>) -> Result<Timestamp, PayloadError> {
    let text = text_of(reply, 213)?;
    let run = digit_runs(text)
        .filter_map(|start| text.get(start..))
        .find(|run| run.iter().take_while(|b| b.is_ascii_digit()).count() == 14)
        .ok_or(PayloadError::Missing)?;
    let Some((digits, rest)) = run.split_first_chunk::<14>() else {
        return Err(PayloadError::Missing);
    };
    let field = |range: core::ops::Range<usize>| -> u16 {
        digits
            .get(range)
            .unwrap_or_default()
            .iter()
            .fold(0u16, |acc, &d| {
                acc.wrapping_mul(10)
                    .wrapping_add(u16::from(d.wrapping_sub(b'0')))
            })
    };
    let small = |range| u8::try_from(field(range)).unwrap_or(u8::MAX);
    let nanosecond = match rest.split_first() {
        Some((b'.', fraction)) => fraction_nanos(fraction)?,
        _ => 0,
    };
    Timestamp::new(
        field(0..4),
        small(4..6),
        small(6..8),
        small(8..10),
        small(10..12),
        small(12..14),
        nanosecond,
    )
}

/// `.sss...` as nanoseconds: at least one digit; digits past the ninth are dropped.
fn fraction_nanos(fraction: &[u8]) -> Result<u32, PayloadError> {
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
    Ok(nanos)
}
