//! `Started`: the reply that opened a transfer, handed to the code that moves its data.

use crate::payload;
use crate::reply::Reply;

/// The reply that opened a transfer (its 1yz), for the mover given to `Session::transfer`:
/// what the server said it would send. Read only if the mover asks: finding the size in the
/// text is a scan the session does not make for every transfer.
#[derive(Clone, Copy, Debug)]
pub struct Started<'r> {
    reply: Option<Reply<'r>>,
}

impl<'r> Started<'r> {
    pub(crate) fn new(reply: Option<Reply<'r>>) -> Self {
        Self { reply }
    }

    /// The 1yz reply (`150 Opening BINARY mode data connection for r.bin (5120 bytes).`).
    pub fn reply(&self) -> Option<Reply<'r>> {
        self.reply
    }

    /// The size the reply announces, `(N bytes)`, as many servers write in a 150; `None`
    /// when it says none (RFC 959 asks for none). A hint for a progress bar, no more.
    pub fn announced_size(&self) -> Option<u64> {
        self.reply
            .and_then(|reply| payload::transfer_size(&reply).ok().flatten())
    }
}
