//! Support for the tests that talk FTP to real servers on 127.0.0.1.
#![allow(dead_code)] // each test binary uses a part of it

pub mod certificates;
pub mod control;
pub mod example_client;
pub mod examples;
pub mod harness;
pub mod servers;

/// Whether a missing server must fail the test rather than skip it (set by `.ci/run`).
pub fn servers_required() -> bool {
    std::env::var_os("FTP_CODES_REQUIRE_SERVERS").is_some_and(|v| v == "1")
}

/// Ends the test as ignored, with the reason, in the summary of `cargo test` (the binary runs
/// on [`harness::run`]); fails it under `FTP_CODES_REQUIRE_SERVERS=1`.
pub fn unavailable(what: &str, why: &str) -> ! {
    harness::skip(format!("{what} is unavailable: {why}; .ci/run installs it"))
}

/// Ends the test as ignored (or failed under CI) unless `program` runs with `probe`.
pub fn require(program: &str, probe: &[&str]) {
    let ok = std::process::Command::new(program)
        .args(probe)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        unavailable(program, "it does not run here");
    }
}

/// The first line a child process prints, if it comes within `wait` (its start-up report).
pub fn first_line(stdout: std::process::ChildStdout, wait: std::time::Duration) -> Option<String> {
    use std::io::BufRead;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = std::io::BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    rx.recv_timeout(wait).ok()
}

/// A fresh directory under the tests' target tmp directory, removed when the test ends or is
/// skipped (kept, with its path printed, when the test fails: it is the evidence).
pub fn scratch_dir(name: &str) -> Scratch {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("{name}-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create a scratch directory");
    Scratch(dir)
}

/// A test's scratch directory; see [`scratch_dir`]. Some tests write tens of megabytes, and a
/// full CI run once filled its disk with what earlier runs left.
#[derive(Debug)]
pub struct Scratch(std::path::PathBuf);

impl std::ops::Deref for Scratch {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        &self.0
    }
}

impl AsRef<std::path::Path> for Scratch {
    fn as_ref(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if std::thread::panicking() && !harness::skipping() {
            eprintln!("scratch directory kept: {}", self.0.display());
        } else {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}
