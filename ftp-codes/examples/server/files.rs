//! The served directory: virtual paths that cannot leave the root, and listings.

use ftp_codes::payload::Timestamp;
use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// A path as clients see it: absolute, `/`-separated, normalised, inside the root.
#[derive(Clone, Debug)]
pub(crate) struct VirtualPath(Vec<String>);

impl VirtualPath {
    pub(crate) fn root() -> Self {
        Self(Vec::new())
    }

    /// `arg` relative to `self` (or absolute), with `.` and `..` resolved; `..` stops at `/`.
    pub(crate) fn join(&self, arg: &str) -> Self {
        let mut parts = if arg.starts_with('/') {
            Vec::new()
        } else {
            self.0.clone()
        };
        for part in arg.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                name => parts.push(name.to_owned()),
            }
        }
        Self(parts)
    }

    pub(crate) fn parent(&self) -> Self {
        let mut parts = self.0.clone();
        parts.pop();
        Self(parts)
    }

    /// As a client sees it: `/pub/docs`.
    pub(crate) fn display(&self) -> String {
        format!("/{}", self.0.join("/"))
    }

    /// The file it names under `root`, if it exists and lies inside `root` after following
    /// links.
    pub(crate) fn resolve(&self, root: &Path) -> Option<PathBuf> {
        let real = self
            .0
            .iter()
            .fold(root.to_path_buf(), |path, part| path.join(part))
            .canonicalize()
            .ok()?;
        real.starts_with(root).then_some(real)
    }
}

/// The modification time of a file, for MDTM and listings.
pub(crate) fn modified(metadata: &Metadata) -> Option<Timestamp> {
    let since_epoch = metadata.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Timestamp::from_unix(since_epoch.as_secs(), 0).ok()
}

/// A LIST line in the common Unix `ls -l` form.
pub(crate) fn list_line(name: &str, metadata: &Metadata) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let kind = if metadata.is_dir() { 'd' } else { '-' };
    let when = modified(metadata).map_or_else(
        || "Jan  1 00:00".to_owned(),
        |t| {
            let month = MONTHS
                .get(usize::from(t.month().saturating_sub(1)))
                .unwrap_or(&"Jan");
            format!("{month} {:>2} {:02}:{:02}", t.day(), t.hour(), t.minute())
        },
    );
    format!(
        "{kind}r--r--r--    1 ftp      ftp      {:>12} {when} {name}\r\n",
        metadata.len()
    )
}
