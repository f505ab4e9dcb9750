//! The server's own part: `FileSystem` (what the files are) and `Authenticator` (who may log
//! in, and whether they may write), with `FileInfo`, what a listing says of a file.

use crate::listing::{Kind, Listed};
use crate::payload::Timestamp;
use std::boxed::Box;
use std::io::{self, Read, Write};
use std::vec::Vec;

/// The files a [`Server`](super::Server) serves. Paths are session paths: absolute,
/// normalised, `/`-separated bytes, none above `/` ([`Path`](crate::server::Path)); the
/// implementation maps them to its files and refuses what it will not serve. Only the reading
/// half is required: the writing methods default to refusing (`PermissionDenied`, a 550).
///
/// [`Directory`](super::Directory) is the implementation over a directory of the machine.
///
/// ```
/// use ftp_codes::listing::Kind;
/// use ftp_codes::server::{FileInfo, FileSystem};
/// use std::io::{self, Read};
///
/// /// One read-only file, `/hello.txt`.
/// struct Hello;
///
/// impl FileSystem for Hello {
///     fn info(&self, path: &[u8]) -> io::Result<FileInfo> {
///         match path {
///             b"/" => Ok(FileInfo::new(Kind::Directory, 0)),
///             b"/hello.txt" => Ok(FileInfo::new(Kind::File, 6)),
///             _ => Err(io::ErrorKind::NotFound.into()),
///         }
///     }
///     fn list(&self, _dir: &[u8]) -> io::Result<Vec<(Vec<u8>, FileInfo)>> {
///         Ok(vec![(b"hello.txt".to_vec(), FileInfo::new(Kind::File, 6))])
///     }
///     fn read(&self, path: &[u8], offset: u64) -> io::Result<Box<dyn Read + Send>> {
///         let data: &'static [u8] = b"hello\n";
///         let start = usize::try_from(offset).unwrap_or(usize::MAX).min(data.len());
///         self.info(path).map(|_| Box::new(&data[start..]) as Box<dyn Read + Send>)
///     }
/// }
/// ```
pub trait FileSystem: Send + Sync + 'static {
    /// What `path` is (a link is followed).
    fn info(&self, path: &[u8]) -> io::Result<FileInfo>;

    /// The entries of the directory `dir` (or the one entry of a file), unsorted, without
    /// `.` and `..`.
    fn list(&self, dir: &[u8]) -> io::Result<Vec<(Vec<u8>, FileInfo)>>;

    /// The file's bytes from `offset`.
    fn read(&self, path: &[u8], offset: u64) -> io::Result<Box<dyn Read + Send>>;

    /// A writer into the file: truncated at `offset` (0: a new file) or appended to. It is
    /// flushed once the client's data ended, and the transfer reported complete only if that
    /// flush succeeds (a failed one is a 451); then it is dropped.
    fn write(&self, path: &[u8], offset: u64, append: bool) -> io::Result<Box<dyn Write + Send>> {
        let _ = (path, offset, append);
        Err(io::ErrorKind::PermissionDenied.into())
    }

    /// Creates the directory.
    fn make_dir(&self, path: &[u8]) -> io::Result<()> {
        let _ = path;
        Err(io::ErrorKind::PermissionDenied.into())
    }

    /// Removes the (empty) directory.
    fn remove_dir(&self, path: &[u8]) -> io::Result<()> {
        let _ = path;
        Err(io::ErrorKind::PermissionDenied.into())
    }

    /// Removes the file.
    fn remove_file(&self, path: &[u8]) -> io::Result<()> {
        let _ = path;
        Err(io::ErrorKind::PermissionDenied.into())
    }

    /// Renames `from` to `to`.
    fn rename(&self, from: &[u8], to: &[u8]) -> io::Result<()> {
        let _ = (from, to);
        Err(io::ErrorKind::PermissionDenied.into())
    }
}

/// What a listing says of a file: its kind, size, modification time and Unix mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileInfo {
    /// File, directory, link.
    pub kind: Kind,
    /// In bytes.
    pub size: u64,
    /// The last modification, if known.
    pub modified: Option<Timestamp>,
    /// The Unix permission bits, if any.
    pub mode: Option<u16>,
}

impl FileInfo {
    /// A `kind` of `size` bytes, with no time or mode.
    pub const fn new(kind: Kind, size: u64) -> Self {
        Self {
            kind,
            size,
            modified: None,
            mode: None,
        }
    }

    /// As the listing writers take it, under `name`.
    pub fn listed<'a>(&self, name: &'a [u8]) -> Listed<'a> {
        let mut listed = Listed::new(name, self.kind).with_size(self.size);
        if let Some(time) = self.modified {
            listed = listed.with_modified(time);
        }
        if let Some(mode) = self.mode {
            listed = listed.with_mode(mode);
        }
        listed
    }
}

/// Whether a logged-in user may change files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Access {
    /// Reading only: every write is refused with 550 before the file system sees it.
    ReadOnly,
    /// Reading and writing.
    ReadWrite,
}

/// Who may log in: checks USER's name and PASS's password.
pub trait Authenticator: Send + Sync + 'static {
    /// The user's access, or `None` to refuse the login (530).
    fn authenticate(&self, user: &[u8], password: &[u8]) -> Option<Access>;
}

/// Named accounts with passwords (read-write), or anonymous access (`anonymous` or `ftp`,
/// any password, read-only) when there are none.
///
/// ```
/// use ftp_codes::server::{Access, Authenticator, Users};
///
/// let anonymous = Users::anonymous();
/// assert_eq!(anonymous.authenticate(b"ftp", b"me@example.com"), Some(Access::ReadOnly));
/// let users = Users::none().with_user("alice", "secret");
/// assert_eq!(users.authenticate(b"alice", b"secret"), Some(Access::ReadWrite));
/// assert_eq!(users.authenticate(b"alice", b"guess"), None);
/// assert_eq!(users.authenticate(b"anonymous", b""), None);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Users {
    accounts: Vec<(Vec<u8>, Vec<u8>)>,
    anonymous: bool,
}

impl Users {
    /// Nobody.
    pub fn none() -> Self {
        Self::default()
    }

    /// Anonymous users only, read-only.
    pub fn anonymous() -> Self {
        Self {
            accounts: Vec::new(),
            anonymous: true,
        }
    }

    /// Adds an account that reads and writes.
    #[must_use]
    pub fn with_user(mut self, name: impl AsRef<[u8]>, password: impl AsRef<[u8]>) -> Self {
        self.accounts
            .push((name.as_ref().to_vec(), password.as_ref().to_vec()));
        self
    }
}

impl Authenticator for Users {
    fn authenticate(&self, user: &[u8], password: &[u8]) -> Option<Access> {
        if self.anonymous && (user.eq_ignore_ascii_case(b"anonymous") || user == b"ftp") {
            return Some(Access::ReadOnly);
        }
        let matches = |(name, secret): &(Vec<u8>, Vec<u8>)| {
            name.as_slice() == user && constant_time_eq(secret, password)
        };
        self.accounts
            .iter()
            .any(matches)
            .then_some(Access::ReadWrite)
    }
}

/// Compares without stopping at the first difference, so that the time taken does not tell
/// how much of a guessed password was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}
