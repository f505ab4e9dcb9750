//! Small scanners over reply text: digit runs and separators, checked, never panicking.

use super::PayloadError;

/// The number at the start of `text` and the rest after it: at least one digit, at most
/// `max`; `Err(())` if the digits are there but the number exceeds `max`.
pub(crate) fn number(text: &[u8], max: u64) -> Option<Result<(u64, &[u8]), ()>> {
    let digits = text.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 {
        return None;
    }
    let (run, rest) = text.split_at_checked(digits)?;
    let mut value: u64 = 0;
    for &digit in run {
        let next = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(digit.wrapping_sub(b'0'))));
        match next {
            Some(v) if v <= max => value = v,
            _ => return Some(Err(())),
        }
    }
    Some(Ok((value, rest)))
}

/// `text` as a number when it is digits and nothing else (`1*DIGIT`), fitting a `u64`. One
/// loop, with overflow checked only past 19 digits (which always fit): listings call this
/// for every size, day, hour and year.
pub(crate) fn whole_number(text: &[u8]) -> Option<u64> {
    if text.is_empty() {
        return None;
    }
    let mut value: u64 = 0;
    let checked = text.len() > 19;
    for &byte in text {
        let digit = byte.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        value = if checked {
            value.checked_mul(10)?.checked_add(u64::from(digit))?
        } else {
            // At most 19 digits: below 10^19 < 2^64, no overflow.
            value.wrapping_mul(10).wrapping_add(u64::from(digit))
        };
    }
    Some(value)
}

/// Where each run of digits in `text` starts.
pub(crate) fn digit_runs(text: &[u8]) -> impl Iterator<Item = usize> + '_ {
    (0..text.len()).filter(move |&i| {
        let here = text.get(i).is_some_and(u8::is_ascii_digit);
        let after_digit = i
            .checked_sub(1)
            .and_then(|p| text.get(p))
            .is_some_and(u8::is_ascii_digit);
        here && !after_digit
    })
}

/// `text` without leading spaces.
pub(crate) fn skip_spaces(text: &[u8]) -> &[u8] {
    let spaces = text.iter().take_while(|&&b| b == b' ').count();
    text.get(spaces..).unwrap_or_default()
}

/// How many numbers the comma-separated list at the start of `text` has (spaces allowed after
/// commas), whatever their values.
pub(crate) fn list_len(mut text: &[u8]) -> usize {
    let mut count: usize = 0;
    loop {
        let digits = text.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return count;
        }
        count = count.saturating_add(1);
        match text.get(digits..).unwrap_or_default().split_first() {
            Some((b',', after)) => text = skip_spaces(after),
            _ => return count,
        }
    }
}

/// Reads the first `out.len()` numbers of the list at the start of `text` (see [`list_len`])
/// as bytes; `OutOfRange` if one is over 255, `Malformed` if the list is shorter.
pub(crate) fn byte_list(mut text: &[u8], out: &mut [u8]) -> Result<(), PayloadError> {
    for slot in out {
        let (value, rest) = match number(text, 255) {
            Some(Ok(found)) => found,
            Some(Err(())) => return Err(PayloadError::OutOfRange),
            None => return Err(PayloadError::Malformed),
        };
        *slot = u8::try_from(value).map_err(|_| PayloadError::OutOfRange)?;
        text = match rest.split_first() {
            Some((b',', after)) => skip_spaces(after),
            _ => rest,
        };
    }
    Ok(())
}

/// The one value the candidates agree on: the first error among them, `Ambiguous` if two
/// differ, `Missing` if there is none.
pub(crate) fn unique<T: PartialEq>(
    candidates: impl Iterator<Item = Result<T, PayloadError>>,
) -> Result<T, PayloadError> {
    let mut found = None;
    for candidate in candidates {
        let value = candidate?;
        match &found {
            None => found = Some(value),
            Some(previous) if *previous == value => {}
            Some(_) => return Err(PayloadError::Ambiguous),
        }
    }
    found.ok_or(PayloadError::Missing)
}

#[cfg(test)]
mod tests {
    use super::whole_number;

    #[test]
    fn whole_numbers_to_the_last_digit_that_fits() {
        let cases: &[(&[u8], Option<u64>)] = &[
            (b"", None),
            (b"0", Some(0)),
            (b"007", Some(7)),
            (b"12a", None),
            (b"-1", None),
            (b" 1", None),
            (b"9999999999999999999", Some(9_999_999_999_999_999_999)),
            (b"18446744073709551615", Some(u64::MAX)),
            (b"18446744073709551616", None),
            (b"99999999999999999999", None),
            (b"000000000000000000000000001", Some(1)),
        ];
        for &(text, expected) in cases {
            assert_eq!(whole_number(text), expected, "{text:?}");
        }
    }
}
