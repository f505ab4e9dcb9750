//! Finding and reading the catalogue file of the calling crate.

use std::path::{Path, PathBuf};

/// A catalogue file as read from disk.
pub(crate) struct Source {
    /// Where the file was found; emitted in an `include_bytes!` so that Cargo rebuilds the
    /// calling crate when the file changes.
    pub(crate) resolved: PathBuf,
    pub(crate) text: String,
}

/// Resolves `written` against the calling crate's manifest directory and reads it.
///
/// `CARGO_MANIFEST_DIR` is read when the macro runs, so it names the crate being compiled,
/// not this macro crate. An absolute path is used as it is.
pub(crate) fn read(written: &str) -> Result<Source, String> {
    let resolved = resolve(written)?;
    match std::fs::read_to_string(&resolved) {
        Ok(text) => Ok(Source { resolved, text }),
        // The path as written leads the message; a relative one is resolved against the
        // calling crate's directory, which the message names without its absolute form, so
        // that it reads the same wherever the crate and its target directory are.
        Err(error) if Path::new(written).is_relative() => Err(format!(
            "cannot read the catalogue file: {error}; a relative path is resolved against the \
             directory of the calling crate's Cargo.toml (CARGO_MANIFEST_DIR)"
        )),
        Err(error) => Err(format!("cannot read the catalogue file: {error}")),
    }
}

fn resolve(written: &str) -> Result<PathBuf, String> {
    let path = Path::new(written);
    if path.is_absolute() {
        return Ok(path.to_path_buf());
    }
    match std::env::var_os("CARGO_MANIFEST_DIR") {
        Some(dir) => Ok(Path::new(&dir).join(path)),
        None => Err(
            "CARGO_MANIFEST_DIR is not set, so a relative catalogue path cannot be resolved; \
             build with Cargo or give an absolute path"
                .to_owned(),
        ),
    }
}
