//! Small scanners over reply text: digit runs and separators, checked, never panicking.

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

/// A comma-separated list of byte values (0..=255) at the start of `text`, spaces allowed
/// after commas, into `out`; how many were read. `Err` if a value is over 255 or `out` is full.
pub(crate) fn byte_list<'a>(mut text: &'a [u8], out: &mut [u8]) -> Result<(usize, &'a [u8]), ()> {
    let mut count = 0;
    loop {
        let (value, rest) = match number(text, 255) {
            Some(Ok(found)) => found,
            Some(Err(())) => return Err(()),
            None => return Ok((count, text)),
        };
        *out.get_mut(count).ok_or(())? = u8::try_from(value).map_err(|_| ())?;
        count = count.saturating_add(1);
        match rest.split_first() {
            Some((b',', after)) => text = skip_spaces(after),
            _ => return Ok((count, rest)),
        }
    }
}
