//! Byte searches a machine word at a time where a byte loop would be the main cost: the reply
//! parser's one pass over every byte (a client reads a reply for every command), the listing
//! parsers (thousands of lines a transfer) and the reply writer's check of every text. Plain
//! `usize` arithmetic (SWAR: eight bytes a step on 64-bit hosts, four on a Cortex-M, where
//! `u64` arithmetic costs two instructions for one), no `unsafe`, the same answer as a byte
//! loop on any input.

/// Bytes in a word.
pub(crate) const WORD: usize = size_of::<usize>();
/// 0x01 in every byte.
const ONES: usize = usize::MAX / 0xFF;
/// 0x80 in every byte.
const HIGHS: usize = ONES << 7;

/// `bytes` as a word, its first byte the lowest.
#[inline]
pub(crate) const fn word(bytes: [u8; WORD]) -> usize {
    usize::from_le_bytes(bytes)
}

/// The bytes of `word` that are zero, flagged by their high bit; the lowest flag is exact (the
/// classic test: a flag above it may be a borrow's false one).
#[inline]
pub(crate) const fn zero_bytes(word: usize) -> usize {
    word.wrapping_sub(ONES) & !word & HIGHS
}

/// Where the first byte below 0x20 or DEL is: a line's end (LF, and the CR before it) and
/// every control character, found in the one pass the reply parser makes over a line. (TAB
/// is found too; the caller passes over it.)
pub(crate) fn special(bytes: &[u8]) -> Option<usize> {
    const BLANKS: usize = ONES.wrapping_mul(0x20);
    const DELS: usize = ONES.wrapping_mul(0x7F);
    // Each test's lowest flag is exact (a borrow only flags bytes above a true one), so the
    // lowest of both is the first byte found.
    first_flagged(
        bytes,
        |word| (word.wrapping_sub(BLANKS) & !word & HIGHS) | zero_bytes(word ^ DELS),
        |b| b < 0x20 || b == 0x7F,
    )
}

/// The first byte whose flag `flags` sets, a word at a time; `flags` must flag each word's
/// first matching byte exactly (its high bit: the lowest flag of a "zero byte" or "byte below"
/// test is exact, a borrow only flagging bytes above a true one, so an OR of such tests is
/// too), and `byte_matches` says the same of the bytes past the last whole word.
#[inline]
pub(crate) fn first_flagged(
    bytes: &[u8],
    flags: impl Fn(usize) -> usize,
    byte_matches: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(WORD);
    let mut at = 0usize;
    for chunk in chunks.by_ref() {
        let Ok(chunk) = <[u8; WORD]>::try_from(chunk) else {
            break;
        };
        let flagged = flags(word(chunk));
        if flagged != 0 {
            return Some(at.saturating_add((flagged.trailing_zeros() / 8) as usize));
        }
        // Below `bytes.len()`: cannot wrap (and a saturating add costs two instructions a word).
        at = at.wrapping_add(WORD);
    }
    let tail = chunks.remainder();
    if tail.is_empty() {
        return None;
    }
    // On 64-bit hosts, the last whole word of the input, overlapping words already searched:
    // their bytes hold no match, so they raise no flag (a false flag only sits above a true
    // one), and the lowest flag is the tail's first match. Shorter inputs, and 32-bit
    // targets (three bytes at most, where code size counts), take a byte loop.
    if let Some(last) = bytes.last_chunk::<WORD>().filter(|_| WORD > 4) {
        let flagged = flags(word(*last));
        return (flagged != 0).then(|| {
            let in_last = (flagged.trailing_zeros() / 8) as usize;
            bytes.len().saturating_sub(WORD).saturating_add(in_last)
        });
    }
    tail.iter()
        .position(|&b| byte_matches(b))
        .map(|i| at.saturating_add(i))
}

/// The flags of the bytes of `word` that are `byte` (the lowest exact).
const fn flags_of(word: usize, byte: u8) -> usize {
    zero_bytes(word ^ ONES.wrapping_mul(byte as usize))
}

/// Where the first CR, LF or NUL is: bytes no line may hold.
pub(crate) fn forbidden(line: &[u8]) -> Option<usize> {
    first_flagged(
        line,
        |word| flags_of(word, b'\r') | flags_of(word, b'\n') | zero_bytes(word),
        |b| matches!(b, b'\r' | b'\n' | 0),
    )
}

/// Where the first byte no reply text may hold is: CR, LF, NUL, and 0xFF unless it will be
/// doubled (a lone one is Telnet's IAC).
pub(crate) fn forbidden_in_text(text: &[u8], double_iac: bool) -> Option<usize> {
    let iac = if double_iac { 0 } else { usize::MAX };
    first_flagged(
        text,
        |word| {
            flags_of(word, b'\r')
                | flags_of(word, b'\n')
                | zero_bytes(word)
                | (flags_of(word, 0xFF) & iac)
        },
        |b| matches!(b, b'\r' | b'\n' | 0) || (b == 0xFF && !double_iac),
    )
}

/// Where the first `needle` is.
pub(crate) fn find(line: &[u8], needle: u8) -> Option<usize> {
    first_flagged(line, |word| flags_of(word, needle), |b| b == needle)
}

/// The pieces of `bytes` that end at each `needle` (included), then what follows the last one
/// if anything does: `<[u8]>::split_inclusive`, each end found a word at a time. The writer
/// doubles the byte that ends a piece, and a path's components are the pieces less it.
pub(crate) fn pieces_through(bytes: &[u8], needle: u8) -> impl Iterator<Item = &[u8]> {
    let mut rest = bytes;
    core::iter::from_fn(move || {
        let end = find(rest, needle).map_or(rest.len(), |at| at.saturating_add(1));
        let (piece, after) = rest.split_at_checked(end)?;
        rest = after;
        (!piece.is_empty()).then_some(piece)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same answers as a byte loop, at every position and alignment, for every byte value
    /// next to the ones searched.
    #[test]
    fn agrees_with_a_byte_loop() {
        for len in 0..40 {
            for at in 0..len {
                for byte in 0..=255u8 {
                    // A TAB before the byte: a word with a false alarm must be passed over.
                    let mut line = [b'a'; 40];
                    line[at / 2] = b'\t';
                    line[at] = byte;
                    let line = &line[..len];
                    let expected = line.iter().position(|&b| matches!(b, b'\r' | b'\n' | 0));
                    assert_eq!(forbidden(line), expected, "{len} {at} {byte}");
                    assert_eq!(find(line, b' '), line.iter().position(|&b| b == b' '));
                    assert_eq!(find(line, byte), line.iter().position(|&b| b == byte));
                    assert!(
                        pieces_through(line, byte).eq(line.split_inclusive(|&b| b == byte)),
                        "{len} {at} {byte}"
                    );
                    let special_expected = line.iter().position(|&b| b < 0x20 || b == 0x7F);
                    assert_eq!(special(line), special_expected, "{len} {at} {byte}");
                    for double_iac in [false, true] {
                        let expected = line.iter().position(|&b| {
                            matches!(b, b'\r' | b'\n' | 0) || (b == 0xFF && !double_iac)
                        });
                        assert_eq!(forbidden_in_text(line, double_iac), expected);
                    }
                }
            }
        }
    }
}
