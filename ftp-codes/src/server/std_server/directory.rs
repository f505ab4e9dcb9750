//! `Directory`: the files under a root directory of the machine, as a jail: no session path
//! reaches outside it, through `..` (the session's paths have none) or through a link.

use super::file_system::{FileInfo, FileSystem};
use crate::listing::Kind;
use crate::payload::Timestamp;
use std::boxed::Box;
use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;
use std::vec::Vec;

/// A [`FileSystem`] over the directory `root`: the session path `/a/b` is `root/a/b`. Every
/// path is resolved with its links followed and refused (`PermissionDenied`, a 550) unless
/// it stays under `root`: a link inside the root that points out is not followed out. A file
/// about to be created is checked through its directory, and a link in its place is followed
/// and checked too.
///
/// Not hardened against a local user who swaps directories for links while the server runs
/// (the check and the use are two steps).
///
/// ```no_run
/// use ftp_codes::server::Directory;
///
/// let files = Directory::new("/srv/ftp")?.read_only();
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Directory {
    root: PathBuf,
    writable: bool,
}

impl Directory {
    /// The directory `root` (which must exist), read-write.
    pub fn new(root: impl AsRef<Path>) -> io::Result<Self> {
        let root = root.as_ref().canonicalize()?;
        if !root.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::NotADirectory,
                "not a directory",
            ));
        }
        Ok(Self {
            root,
            writable: true,
        })
    }

    /// Refuses every change, whoever is logged in.
    #[must_use]
    pub fn read_only(mut self) -> Self {
        self.writable = false;
        self
    }

    /// The root, with its links resolved.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The file `path` names, which exists and lies under the root once links are followed.
    pub fn resolve(&self, path: &[u8]) -> io::Result<PathBuf> {
        self.inside(self.local(path)?.canonicalize()?)
    }

    /// Where a new entry `path` goes: its directory resolved as [`resolve`](Self::resolve)
    /// does, its name as given (a link already there is followed and checked).
    fn resolve_new(&self, path: &[u8]) -> io::Result<PathBuf> {
        let local = self.local(path)?;
        let (Some(parent), Some(name)) = (local.parent(), local.file_name()) else {
            return Err(io::ErrorKind::PermissionDenied.into());
        };
        let target = self.inside(parent.canonicalize()?)?.join(name);
        match fs::symlink_metadata(&target) {
            Ok(meta) if meta.file_type().is_symlink() => match target.canonicalize() {
                Ok(real) => self.inside(real),
                // A dangling link: whatever it names may be outside.
                Err(_) => Err(io::ErrorKind::PermissionDenied.into()),
            },
            _ => Ok(target),
        }
    }

    fn inside(&self, real: PathBuf) -> io::Result<PathBuf> {
        if real.starts_with(&self.root) {
            Ok(real)
        } else {
            Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "outside the root",
            ))
        }
    }

    /// `root` joined with each component of the session path.
    fn local(&self, path: &[u8]) -> io::Result<PathBuf> {
        let mut local = self.root.clone();
        for component in path.split(|&b| b == b'/').filter(|c| !c.is_empty()) {
            if matches!(component, b"." | b"..") || component.contains(&0) {
                return Err(io::ErrorKind::InvalidInput.into());
            }
            local.push(os_name(component)?);
        }
        Ok(local)
    }

    fn writable(&self) -> io::Result<()> {
        if self.writable {
            Ok(())
        } else {
            Err(io::Error::new(io::ErrorKind::PermissionDenied, "read-only"))
        }
    }
}

impl FileSystem for Directory {
    fn info(&self, path: &[u8]) -> io::Result<FileInfo> {
        Ok(info(&fs::metadata(self.resolve(path)?)?))
    }

    fn list(&self, dir: &[u8]) -> io::Result<Vec<(Vec<u8>, FileInfo)>> {
        let real = self.resolve(dir)?;
        let meta = fs::metadata(&real)?;
        if !meta.is_dir() {
            let name = real.file_name().map(name_bytes).unwrap_or_default();
            return Ok(std::vec![(name, info(&meta))]);
        }
        let mut entries = Vec::new();
        for entry in fs::read_dir(&real)?.flatten() {
            // A link is listed as what it points to, if that is inside the root.
            let inside = entry
                .path()
                .canonicalize()
                .ok()
                .and_then(|p| self.inside(p).ok());
            if let Some(meta) = inside.and_then(|p| fs::metadata(p).ok()) {
                entries.push((name_bytes(&entry.file_name()), info(&meta)));
            }
        }
        Ok(entries)
    }

    fn read(&self, path: &[u8], offset: u64) -> io::Result<Box<dyn Read + Send>> {
        let real = self.resolve(path)?;
        let mut file = File::open(real)?;
        if !file.metadata()?.is_file() {
            return Err(io::Error::new(io::ErrorKind::IsADirectory, "not a file"));
        }
        file.seek(SeekFrom::Start(offset))?;
        Ok(Box::new(file))
    }

    fn write(&self, path: &[u8], offset: u64, append: bool) -> io::Result<Box<dyn Write + Send>> {
        self.writable()?;
        let real = self.resolve_new(path)?;
        let mut options = OpenOptions::new();
        if append {
            options.append(true).create(true);
        } else {
            options.write(true).create(true).truncate(offset == 0);
        }
        let mut file = options.open(real)?;
        if !append && offset > 0 {
            file.set_len(offset)?;
            file.seek(SeekFrom::Start(offset))?;
        }
        Ok(Box::new(file))
    }

    fn make_dir(&self, path: &[u8]) -> io::Result<()> {
        self.writable()?;
        fs::create_dir(self.resolve_new(path)?)
    }

    fn remove_dir(&self, path: &[u8]) -> io::Result<()> {
        self.writable()?;
        fs::remove_dir(self.resolve(path)?)
    }

    fn remove_file(&self, path: &[u8]) -> io::Result<()> {
        self.writable()?;
        // The entry itself (a link, not what it points to), in a directory inside the root.
        let local = self.local(path)?;
        let parent = local.parent().ok_or(io::ErrorKind::PermissionDenied)?;
        let name = local.file_name().ok_or(io::ErrorKind::PermissionDenied)?;
        let entry = self.inside(parent.canonicalize()?)?.join(name);
        if fs::symlink_metadata(&entry)?.is_dir() {
            return Err(io::ErrorKind::IsADirectory.into());
        }
        fs::remove_file(entry)
    }

    fn rename(&self, from: &[u8], to: &[u8]) -> io::Result<()> {
        self.writable()?;
        let source = self.resolve(from)?;
        fs::rename(source, self.resolve_new(to)?)
    }
}

fn info(meta: &Metadata) -> FileInfo {
    let kind = if meta.is_dir() {
        Kind::Directory
    } else {
        Kind::File
    };
    let modified = meta
        .modified()
        .ok()
        .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
        .and_then(|since| Timestamp::from_unix(since.as_secs(), 0).ok());
    FileInfo {
        kind,
        size: if meta.is_dir() { 0 } else { meta.len() },
        modified,
        mode: mode(meta),
    }
}

#[cfg(unix)]
fn mode(meta: &Metadata) -> Option<u16> {
    use std::os::unix::fs::PermissionsExt;
    u16::try_from(meta.permissions().mode() & 0o7777).ok()
}

#[cfg(not(unix))]
fn mode(_: &Metadata) -> Option<u16> {
    None
}

/// A session path's component as a file name: the bytes themselves on Unix, UTF-8
/// elsewhere (and no `\`, Windows' separator).
#[cfg(unix)]
#[allow(clippy::unnecessary_wraps)] // the same signature as elsewhere, where it can fail
fn os_name(component: &[u8]) -> io::Result<&std::ffi::OsStr> {
    use std::os::unix::ffi::OsStrExt;
    Ok(std::ffi::OsStr::from_bytes(component))
}

#[cfg(not(unix))]
fn os_name(component: &[u8]) -> io::Result<&std::ffi::OsStr> {
    match core::str::from_utf8(component) {
        Ok(name) if !name.contains(['\\', ':']) => Ok(name.as_ref()),
        _ => Err(io::ErrorKind::InvalidInput.into()),
    }
}

#[cfg(unix)]
fn name_bytes(name: &std::ffi::OsStr) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    name.as_bytes().to_vec()
}

#[cfg(not(unix))]
fn name_bytes(name: &std::ffi::OsStr) -> Vec<u8> {
    name.to_string_lossy().as_bytes().to_vec()
}

#[cfg(test)]
mod tests {
    use super::Directory;
    use crate::server::FileSystem;
    use std::io::{ErrorKind, Read, Write};

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(std::format!("ftp-codes-jail-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("root/pub")).unwrap();
        std::fs::write(dir.join("secret"), b"outside").unwrap();
        std::fs::write(dir.join("root/pub/a.txt"), b"inside").unwrap();
        dir
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_root_are_refused() {
        let dir = scratch("links");
        std::os::unix::fs::symlink(dir.join("secret"), dir.join("root/out")).unwrap();
        std::os::unix::fs::symlink(dir.join("root/pub/a.txt"), dir.join("root/in")).unwrap();
        let jail = Directory::new(dir.join("root")).unwrap();
        let mut text = std::string::String::new();
        jail.read(b"/in", 0)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "inside");
        assert!(jail.read(b"/out", 0).is_err() && jail.read(b"/out/x", 0).is_err());
        assert_eq!(
            jail.info(b"/out").unwrap_err().kind(),
            ErrorKind::PermissionDenied
        );
        // Writing through the link is refused; the file outside is untouched.
        assert!(jail.write(b"/out", 0, false).is_err());
        assert_eq!(std::fs::read(dir.join("secret")).unwrap(), b"outside");
        // The listing leaves the link out.
        let names: std::vec::Vec<_> = jail
            .list(b"/")
            .unwrap()
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert!(names.contains(&b"in".to_vec()) && !names.contains(&b"out".to_vec()));
        // Deleting the link removes the link only.
        jail.remove_file(b"/out").unwrap();
        assert!(dir.join("secret").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn read_only_refuses_every_change() {
        let dir = scratch("read-only");
        let jail = Directory::new(dir.join("root")).unwrap().read_only();
        assert!(jail.write(b"/new", 0, false).is_err());
        assert!(jail.make_dir(b"/d").is_err());
        assert!(jail.remove_file(b"/pub/a.txt").is_err());
        assert!(jail.rename(b"/pub/a.txt", b"/b").is_err());
        assert!(dir.join("root/pub/a.txt").exists() && !dir.join("root/new").exists());
        let jail = Directory::new(dir.join("root")).unwrap();
        jail.write(b"/pub/a.txt", 2, false)
            .unwrap()
            .write_all(b"-x")
            .unwrap();
        assert_eq!(std::fs::read(dir.join("root/pub/a.txt")).unwrap(), b"in-x");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
