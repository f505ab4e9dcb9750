//! `Path`: a session's paths, absolute and normalised byte for byte, in a fixed buffer.

use crate::command::Unescaped;
use crate::line::scan::pieces_through;
use core::fmt;

/// An absolute, normalised session path of at most `N` bytes: `/`, or `/` and components
/// separated by single `/`, none of them empty, `.` or `..`. Bytes are the client's, with no
/// UTF-8 assumption; `..` at the root stays at the root, so no path names anything above it.
///
/// ```
/// use ftp_codes::server::Path;
///
/// let cwd = Path::<64>::root().join(b"pub/docs").unwrap();
/// assert_eq!(cwd.as_bytes(), b"/pub/docs");
/// assert_eq!(cwd.join(b"../../../etc/passwd").unwrap().as_bytes(), b"/etc/passwd");
/// assert_eq!(cwd.join(b"/a//b/./c/").unwrap().as_bytes(), b"/a/b/c");
/// assert_eq!(cwd.parent().as_bytes(), b"/pub");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Path<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

/// A path longer than the session's buffer for paths.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct PathTooLong;

impl fmt::Display for PathTooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("path too long for the session's buffer")
    }
}

impl core::error::Error for PathTooLong {}

impl<const N: usize> Path<N> {
    /// `/`. (With `N == 0` it is empty: such a session can hold no path.)
    pub const fn root() -> Self {
        let mut bytes = [0; N];
        if let Some(first) = bytes.first_mut() {
            *first = b'/';
        }
        Self {
            bytes,
            len: if N == 0 { 0 } else { 1 },
        }
    }

    /// The path's bytes: `/pub/docs`.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }

    /// Whether this is `/`.
    pub fn is_root(&self) -> bool {
        self.len <= 1
    }

    /// `argument` read against this directory: from the root when it starts with `/`, each
    /// `.` and empty component dropped, each `..` taking one component off (none above the
    /// root).
    pub fn join(&self, argument: &[u8]) -> Result<Self, PathTooLong> {
        let mut path = Self::root();
        self.join_into(argument, &mut path)?;
        Ok(path)
    }

    /// [`join`](Self::join) into `into` (the root after an error): the session's paths are
    /// joined in place, and only their used bytes copied.
    pub(crate) fn join_into(&self, argument: &[u8], into: &mut Self) -> Result<(), PathTooLong> {
        let rest = if let Some(absolute) = argument.strip_prefix(b"/") {
            into.make_root();
            absolute
        } else {
            into.copy_from(self);
            argument
        };
        for piece in pieces_through(rest, b'/') {
            let component = piece.strip_suffix(b"/").unwrap_or(piece);
            if let Err(error) = into.push(component) {
                into.make_root();
                return Err(error);
            }
        }
        Ok(())
    }

    fn make_root(&mut self) {
        self.len = match self.bytes.first_mut() {
            Some(first) => {
                *first = b'/';
                1
            }
            None => 0,
        };
    }

    /// Makes this path `other`, copying only its used bytes.
    pub(crate) fn copy_from(&mut self, other: &Self) {
        let len = other.len.min(N);
        if let (Some(to), Some(from)) = (self.bytes.get_mut(..len), other.bytes.get(..len)) {
            to.copy_from_slice(from);
            self.len = len;
        }
    }

    /// As [`join_into`](Self::join_into), with a doubled 0xFF (Telnet's escape) read as one:
    /// the argument of a command line as [`CommandLine::argument_chunks`] gives it.
    ///
    /// [`CommandLine::argument_chunks`]: crate::command::CommandLine::argument_chunks
    pub(crate) fn join_unescaped_into(
        &self,
        argument: &[u8],
        into: &mut Self,
    ) -> Result<(), PathTooLong> {
        if !argument.contains(&0xFF) {
            return self.join_into(argument, into);
        }
        let mut unescaped = Self {
            bytes: [0; N],
            len: 0,
        };
        for chunk in Unescaped::new(argument) {
            unescaped.extend(chunk)?;
        }
        self.join_into(unescaped.as_bytes(), into)
    }

    /// The directory above (the root's is the root).
    #[must_use]
    pub fn parent(&self) -> Self {
        let mut parent = *self;
        parent.pop();
        parent
    }

    /// The last component (empty for the root).
    pub fn name(&self) -> &[u8] {
        let bytes = self.as_bytes();
        let start = bytes
            .iter()
            .rposition(|&b| b == b'/')
            .map_or(0, |slash| slash.saturating_add(1));
        bytes.get(start..).unwrap_or_default()
    }

    /// Each component, from the root down.
    pub fn components(&self) -> impl Iterator<Item = &[u8]> {
        self.as_bytes()
            .split(|&b| b == b'/')
            .filter(|component| !component.is_empty())
    }

    fn push(&mut self, component: &[u8]) -> Result<(), PathTooLong> {
        match component {
            b"" | b"." => Ok(()),
            b".." => {
                self.pop();
                Ok(())
            }
            _ => {
                let saved = self.len;
                let result = if self.is_root() {
                    self.extend(component)
                } else {
                    self.extend(b"/").and_then(|()| self.extend(component))
                };
                if result.is_err() {
                    self.len = saved;
                }
                result
            }
        }
    }

    fn pop(&mut self) {
        let slash = self
            .as_bytes()
            .iter()
            .rposition(|&b| b == b'/')
            .unwrap_or(0);
        // Keep the root's `/`.
        self.len = slash.max(1).min(self.len);
    }

    fn extend(&mut self, bytes: &[u8]) -> Result<(), PathTooLong> {
        let end = self.len.checked_add(bytes.len()).ok_or(PathTooLong)?;
        let slot = self.bytes.get_mut(self.len..end).ok_or(PathTooLong)?;
        slot.copy_from_slice(bytes);
        self.len = end;
        Ok(())
    }
}

impl<const N: usize> Default for Path<N> {
    fn default() -> Self {
        Self::root()
    }
}

impl<const N: usize> fmt::Debug for Path<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Path({:?})", self.as_bytes().escape_ascii())
    }
}

#[cfg(test)]
mod tests {
    use super::{Path, PathTooLong};
    use std::vec::Vec;

    #[test]
    fn normalises_byte_for_byte() {
        let root = Path::<32>::root();
        let table: &[(&[u8], &[u8], &[u8])] = &[
            (b"/", b"", b"/"),
            (b"/", b".", b"/"),
            (b"/", b"..", b"/"),
            (b"/", b"../../..", b"/"),
            (b"/", b"a", b"/a"),
            (b"/a", b"b", b"/a/b"),
            (b"/a/b", b"..", b"/a"),
            (b"/a/b", b"../..", b"/"),
            (b"/a/b", b"/c", b"/c"),
            (b"/a", b"//x///y//", b"/x/y"),
            (b"/a", b"./b/./c/..", b"/a/b"),
            (b"/", b"\xff\xfe name ", b"/\xff\xfe name "),
            (b"/", b"...", b"/..."),
            (b"/", b"a\\..\\b", b"/a\\..\\b"),
        ];
        for &(cwd, argument, expected) in table {
            let cwd = root.join(cwd).unwrap();
            assert_eq!(
                cwd.join(argument).unwrap().as_bytes(),
                expected,
                "{argument:?}"
            );
        }
    }

    #[test]
    fn too_long_is_an_error_and_leaves_nothing_half_written() {
        let path = Path::<8>::root().join(b"abc").unwrap();
        assert_eq!(path.join(b"defgh"), Err(PathTooLong));
        assert_eq!(path.join(b"def").unwrap().as_bytes(), b"/abc/def");
        assert_eq!(Path::<0>::root().join(b"a"), Err(PathTooLong));
        assert_eq!(Path::<0>::root().as_bytes(), b"");
    }

    /// In place, as the session joins: what `into` held before never shows through.
    #[test]
    fn join_into_replaces_what_was_there() {
        let cwd = Path::<8>::root().join(b"ab").unwrap();
        let mut into = Path::<8>::root().join(b"xyz/uvw").unwrap();
        cwd.join_into(b"/c", &mut into).unwrap();
        assert_eq!(into.as_bytes(), b"/c");
        cwd.join_into(b"d", &mut into).unwrap();
        assert_eq!(into.as_bytes(), b"/ab/d");
        assert_eq!(cwd.join_into(b"toolong", &mut into), Err(PathTooLong));
        assert_eq!(into.as_bytes(), b"/");
    }

    #[test]
    fn doubled_iac_is_one_byte() {
        let mut path = Path::<16>::root();
        Path::<16>::root()
            .join_unescaped_into(b"a\xff\xffb", &mut path)
            .unwrap();
        assert_eq!(path.as_bytes(), b"/a\xffb");
    }

    #[test]
    fn parent_name_and_components() {
        let path = Path::<16>::root().join(b"a/bc").unwrap();
        assert_eq!(path.name(), b"bc");
        assert_eq!(path.parent().as_bytes(), b"/a");
        assert_eq!(path.parent().parent().as_bytes(), b"/");
        assert_eq!(Path::<16>::root().parent().as_bytes(), b"/");
        assert_eq!(path.components().collect::<Vec<_>>(), [&b"a"[..], b"bc"]);
    }
}
