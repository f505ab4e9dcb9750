//! The control connection's buffer: the caller's slice, or (with `std`) one the connection owns,
//! so that a connection can live in a struct of its own without a lifetime.

/// Where replies are read and command lines written.
pub(crate) enum Buffer<'b> {
    /// The caller's: no allocation (the embedded case).
    Borrowed(&'b mut [u8]),
    /// Owned by the connection ([`Connection::with_owned_buffer`](super::Connection)).
    #[cfg(feature = "std")]
    Owned(std::boxed::Box<[u8]>),
}

impl core::ops::Deref for Buffer<'_> {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Self::Borrowed(buf) => buf,
            #[cfg(feature = "std")]
            Self::Owned(buf) => buf,
        }
    }
}

impl core::ops::DerefMut for Buffer<'_> {
    fn deref_mut(&mut self) -> &mut [u8] {
        match self {
            Self::Borrowed(buf) => buf,
            #[cfg(feature = "std")]
            Self::Owned(buf) => buf,
        }
    }
}
