//! Shared by the integration tests that run this package's examples.

use std::path::PathBuf;

/// An example binary of this package: `cargo test` builds examples before running tests, in
/// `target/<profile>/examples/`, next to the tests' own `deps/`.
pub(crate) fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test's path");
    let dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>/");
    dir.join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}
