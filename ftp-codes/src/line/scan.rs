//! Byte searches eight bytes at a time where a byte loop would be the main cost: the listing
//! parsers (thousands of lines a transfer) and the reply writer's check of every text (a
//! server writes a reply for every command). Plain `u64` arithmetic (SWAR), no `unsafe`, the
//! same answer as a byte loop on any input.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Whether some byte of `word` is `byte` (exact: the classic "has zero byte" test on
/// `word ^ byte*ONES`, which never reports a byte that is not there).
const fn has(word: u64, byte: u8) -> bool {
    let x = word ^ (ONES.wrapping_mul(byte as u64));
    (x.wrapping_sub(ONES) & !x & HIGHS) != 0
}

/// Whether some byte of `word` is below `n` (exact for `n` up to 128).
const fn has_below(word: u64, n: u8) -> bool {
    (word.wrapping_sub(ONES.wrapping_mul(n as u64)) & !word & HIGHS) != 0
}

/// Where the first CR, LF or NUL is: bytes no line may hold. Eight bytes at a time, the
/// bytes below 14 (which a listing line holds none of, a TAB aside) send a word to the byte
/// check.
pub(crate) fn forbidden(line: &[u8]) -> Option<usize> {
    first(
        line,
        |word| has_below(word, b'\r' + 1),
        |b| matches!(b, b'\r' | b'\n' | 0),
    )
}

/// Where the first byte no reply text may hold is: CR, LF, NUL, and 0xFF unless it will be
/// doubled (a lone one is Telnet's IAC).
pub(crate) fn forbidden_in_text(text: &[u8], double_iac: bool) -> Option<usize> {
    first(
        text,
        |word| has_below(word, b'\r' + 1) || (!double_iac && has(word, 0xFF)),
        |b| matches!(b, b'\r' | b'\n' | 0) || (b == 0xFF && !double_iac),
    )
}

/// Where the first `needle` is.
pub(crate) fn find(line: &[u8], needle: u8) -> Option<usize> {
    first(line, |word| has(word, needle), |b| b == needle)
}

/// The first byte that `byte_matches`, skipping eight bytes at a time while `word_may_match`
/// says no byte of them can.
#[inline]
fn first(
    line: &[u8],
    word_may_match: impl Fn(u64) -> bool,
    byte_matches: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut chunks = line.chunks_exact(8);
    let mut at = 0usize;
    for chunk in chunks.by_ref() {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(chunk);
        // A word that may match is searched byte by byte; one that holds only a false alarm
        // (a TAB for `forbidden`) is passed over.
        if word_may_match(u64::from_le_bytes(bytes))
            && let Some(i) = chunk.iter().position(|&b| byte_matches(b))
        {
            return Some(at.saturating_add(i));
        }
        at = at.saturating_add(8);
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| byte_matches(b))
        .map(|i| at.saturating_add(i))
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
