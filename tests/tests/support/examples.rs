//! The examples of the `ftp-codes` package, run as programs by the tests of this package.

use std::path::PathBuf;

/// An example binary of `ftp-codes`, in `target/<profile>/examples/`, next to the tests' own
/// `deps/`. `cargo test --workspace` builds every example before it runs any test; alone,
/// `cargo test -p ftp-codes-tests` does not, so a missing one says how to build it.
pub fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test's path");
    let dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>/");
    let path = dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} is not built: run `cargo test --workspace`, or `cargo build -p ftp-codes --examples` first",
        path.display()
    );
    path
}
