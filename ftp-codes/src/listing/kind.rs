//! `Kind`: what an entry of a listing is.

/// What a listing's entry names, from MLSx's `type` fact (RFC 3659 §7.5.1) or a LIST line's
/// mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Kind {
    /// A file (`type=file`).
    File,
    /// A directory (`type=dir`).
    Directory,
    /// The listed directory itself (`type=cdir`).
    CurrentDirectory,
    /// The listed directory's parent (`type=pdir`).
    ParentDirectory,
    /// A symbolic link (`type=OS.unix=slink:target`, `OS.unix=symlink`).
    Link,
    /// Anything else, or no `type` fact at all.
    Other,
}
