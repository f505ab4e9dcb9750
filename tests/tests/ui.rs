//! Compile-fail UI tests: each bad catalogue under `ui/catalogues/` must fail to build with
//! the located message recorded in the case's `.stderr`; `ui-pass/` must build and run.
//!
//! trybuild compiles every case in a scratch crate under `<target>/tests/trybuild/`, which is
//! then the `CARGO_MANIFEST_DIR` the macro resolves catalogue paths against. The catalogues are
//! copied there first, so that a case names them as a user would: `"catalogues/x.toml"`.

use std::path::{Path, PathBuf};

#[test]
fn ui() {
    copy_catalogues_into(&scratch_crate_dir());
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
    t.pass("ui-pass/*.rs");
}

/// trybuild's scratch crate: `<target>/tests/trybuild/<this package>/`.
fn scratch_crate_dir() -> PathBuf {
    // Integration tests get `<target>/tmp`; its parent is the target directory.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR has a parent");
    target
        .join("tests")
        .join("trybuild")
        .join(env!("CARGO_PKG_NAME"))
}

fn copy_catalogues_into(dir: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("ui")
        .join("catalogues");
    let to = dir.join("catalogues");
    std::fs::create_dir_all(&to).expect("create the scratch catalogue directory");
    for entry in std::fs::read_dir(&from).expect("read ui/catalogues") {
        let path = entry.expect("list ui/catalogues").path();
        let name = path.file_name().expect("a file name");
        std::fs::copy(&path, to.join(name)).expect("copy a catalogue");
    }
}
