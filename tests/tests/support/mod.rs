//! Support for the tests that talk FTP to real servers on 127.0.0.1.

pub mod control;
pub mod servers;

/// Whether a missing server must fail the test rather than skip it (set by `.ci/run`).
pub fn servers_required() -> bool {
    std::env::var_os("FTP_CODES_REQUIRE_SERVERS").is_some_and(|v| v == "1")
}

/// Skips loudly, or fails under `FTP_CODES_REQUIRE_SERVERS=1`.
pub fn unavailable(what: &str, why: &str) {
    assert!(
        !servers_required(),
        "{what} is required (FTP_CODES_REQUIRE_SERVERS=1) but unavailable: {why}"
    );
    eprintln!(
        "\n*** SKIPPED: {what} is unavailable: {why}\n*** (.ci/run installs it; set FTP_CODES_REQUIRE_SERVERS=1 to make this a failure)\n"
    );
}

/// A fresh directory under the tests' target tmp directory.
pub fn scratch_dir(name: &str) -> std::path::PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("{name}-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create a scratch directory");
    dir
}
