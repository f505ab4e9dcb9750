//! `TransferType`: TYPE's argument, shared by the client's and the server's sessions.

/// The representation type of transfers and SIZE (RFC 959 §3.1.1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransferType {
    /// `TYPE I`: the file's bytes as they are (and SIZE counts them).
    #[default]
    Binary,
    /// `TYPE A`: text, with line ends as CRLF on the wire.
    Ascii,
}

impl TransferType {
    /// TYPE's argument as a client sends it: `I` or `A`.
    pub const fn argument(self) -> &'static [u8] {
        match self {
            Self::Binary => b"I",
            Self::Ascii => b"A",
        }
    }
}
