//! Reading an escape by doubling: RFC 959 doubles `"` inside a 257 pathname, Telnet doubles
//! 0xFF inside a command. One rule for both, without allocating.

/// The next piece of `rest` with `byte` doubled: up to and including the first byte of the
/// first pair (the second is dropped), or all of `rest` when it has no pair; and what follows.
/// `None` once `rest` is empty.
pub(crate) fn next_piece(rest: &[u8], byte: u8) -> Option<(&[u8], &[u8])> {
    if rest.is_empty() {
        return None;
    }
    match rest.windows(2).position(|w| w == [byte, byte]) {
        Some(at) => Some((rest.get(..=at)?, rest.get(at.saturating_add(2)..)?)),
        None => Some((rest, &[][..])),
    }
}
