//! Finding the next LF a machine word at a time, in safe code: the command parsers' inner
//! loop.

use super::scan::{first_flagged, zero_bytes};

/// The position of the first `\n` in `bytes`.
pub(crate) fn find(bytes: &[u8]) -> Option<usize> {
    const LFS: usize = usize::MAX / 0xFF * (b'\n' as usize);
    // A zero byte of `word ^ LFS` is an LF; the lowest flagged byte is exact.
    first_flagged(bytes, |word| zero_bytes(word ^ LFS), |b| b == b'\n')
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn agrees_with_a_plain_search_at_every_position_and_length() {
        for len in 0..40 {
            for at in 0..=len {
                let mut storage = [b'a'; 40];
                let bytes = &mut storage[..len];
                if at < len {
                    bytes[at] = b'\n';
                }
                // Bytes that trip naive word tricks: 0x0b (LF + 1), 0x8a, 0x00.
                if at + 1 < len {
                    bytes[at + 1] = 0x0b;
                }
                let expected = bytes.iter().position(|&b| b == b'\n');
                assert_eq!(find(bytes), expected, "len {len}, at {at}");
            }
        }
        assert_eq!(find(&[0x8a, 0x00, 0x0b, 0x09, 0x0a]), Some(4));
    }
}
