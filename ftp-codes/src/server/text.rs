//! `Text`: a few bytes the session keeps (the user name), in a fixed buffer.

use super::path::PathTooLong;

/// At most `N` bytes, as given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Text<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> Text<N> {
    pub(super) const fn new() -> Self {
        Self {
            bytes: [0; N],
            len: 0,
        }
    }

    pub(super) fn set(&mut self, bytes: &[u8]) -> Result<(), PathTooLong> {
        let slot = self.bytes.get_mut(..bytes.len()).ok_or(PathTooLong)?;
        slot.copy_from_slice(bytes);
        self.len = bytes.len();
        Ok(())
    }

    pub(super) fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }
}
