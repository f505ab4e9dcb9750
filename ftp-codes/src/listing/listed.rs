//! `Listed`: what a server knows of a directory entry, to write as an MLSx or a LIST line.

use super::Kind;
use crate::payload::Timestamp;

/// What a server knows of one directory entry: the input of
/// [`Writer::mlsx_entry`](crate::write::Writer::mlsx_entry),
/// [`Writer::mlst`](crate::write::Writer::mlst) and
/// [`Writer::ls_entry`](crate::write::Writer::ls_entry).
///
/// ```
/// use ftp_codes::listing::{Kind, Listed};
///
/// let file = Listed::new(b"notes.txt", Kind::File).with_size(12).with_mode(0o640);
/// assert_eq!((file.name(), file.size(), file.mode()), (&b"notes.txt"[..], Some(12), 0o640));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Listed<'a> {
    name: &'a [u8],
    kind: Kind,
    size: Option<u64>,
    modified: Option<Timestamp>,
    link_target: Option<&'a [u8]>,
    perm: Option<&'a [u8]>,
    mode: Option<u16>,
}

impl<'a> Listed<'a> {
    /// An entry named `name` (the bytes as the client should see them) of `kind`.
    pub const fn new(name: &'a [u8], kind: Kind) -> Self {
        Self {
            name,
            kind,
            size: None,
            modified: None,
            link_target: None,
            perm: None,
            mode: None,
        }
    }

    /// Its size in bytes.
    #[must_use]
    pub const fn with_size(mut self, size: u64) -> Self {
        self.size = Some(size);
        self
    }

    /// When it was last modified, in UTC.
    #[must_use]
    pub const fn with_modified(mut self, time: Timestamp) -> Self {
        self.modified = Some(time);
        self
    }

    /// Where the link points (for [`Kind::Link`]).
    #[must_use]
    pub const fn with_link_target(mut self, target: &'a [u8]) -> Self {
        self.link_target = Some(target);
        self
    }

    /// RFC 3659's `perm` letters for the user (`adfrw`, `elcmp`, ...).
    #[must_use]
    pub const fn with_perm(mut self, perm: &'a [u8]) -> Self {
        self.perm = Some(perm);
        self
    }

    /// The Unix permission bits (`0o644`), for `UNIX.mode` and the LIST line's mode.
    #[must_use]
    pub const fn with_mode(mut self, mode: u16) -> Self {
        self.mode = Some(mode & 0o7777);
        self
    }

    /// The name.
    pub const fn name(&self) -> &'a [u8] {
        self.name
    }

    /// The kind.
    pub const fn kind(&self) -> Kind {
        self.kind
    }

    /// The size, if known.
    pub const fn size(&self) -> Option<u64> {
        self.size
    }

    /// The modification time, if known.
    pub const fn modified(&self) -> Option<Timestamp> {
        self.modified
    }

    /// The link's target, if given.
    pub const fn link_target(&self) -> Option<&'a [u8]> {
        self.link_target
    }

    /// The `perm` letters, if given.
    pub const fn perm(&self) -> Option<&'a [u8]> {
        self.perm
    }

    /// The Unix permission bits: as given, or 0o755 for directories and 0o644 for the rest.
    pub const fn mode(&self) -> u16 {
        match (self.mode, self.kind) {
            (Some(mode), _) => mode,
            (None, Kind::Directory | Kind::CurrentDirectory | Kind::ParentDirectory) => 0o755,
            (None, Kind::Link) => 0o777,
            (None, _) => 0o644,
        }
    }
}
