//! Finding the next LF eight bytes at a time, in safe code: the parser's inner loop.

/// The position of the first `\n` in `bytes`.
pub(crate) fn find(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const LFS: u64 = u64::from_ne_bytes([b'\n'; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0usize;
    for chunk in chunks.by_ref() {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(word) ^ LFS;
        // A zero byte of `x` is an LF; the lowest flagged byte is exact.
        let zero = x.wrapping_sub(ONES) & !x & HIGHS;
        if zero != 0 {
            return Some(offset.saturating_add((zero.trailing_zeros() / 8) as usize));
        }
        offset = offset.saturating_add(8);
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == b'\n')
        .map(|i| offset.saturating_add(i))
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
