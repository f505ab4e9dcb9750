//! The examples of the `ftp-codes` package, run as programs by the tests of this package.

use std::ffi::OsStr;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

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

/// An example server running, killed when dropped.
pub struct Listening {
    pub child: Child,
    /// Where it said it listens.
    pub address: SocketAddr,
}

impl Drop for Listening {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the example `name` with `args`, and waits (20 seconds at most) for the line
/// `listening on ADDRESS` it prints once ready.
pub fn listening<I: AsRef<OsStr>>(name: &str, args: impl IntoIterator<Item = I>) -> Listening {
    let mut child = Command::new(example(name))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the example");
    let stdout = child.stdout.take().expect("its stdout");
    let line = super::first_line(stdout, Duration::from_secs(20))
        .expect("the example reports its address");
    let address = line
        .trim()
        .strip_prefix("listening on ")
        .expect("\"listening on ADDRESS\"")
        .parse()
        .expect("an address");
    Listening { child, address }
}
