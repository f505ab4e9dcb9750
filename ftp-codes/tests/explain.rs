//! The README's first command, `cargo run --example explain -- 421 227 299 abc`, run for real.

// A test helper states its expectations by panicking, like the tests themselves.
#![allow(clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::{Command, Output};

/// `cargo test` builds the package's examples before its tests run, next to `deps/`.
fn explain(args: &[&str]) -> Output {
    let exe = std::env::current_exe().expect("the test's path");
    let dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>/");
    let example: PathBuf = dir
        .join("examples")
        .join(format!("explain{}", std::env::consts::EXE_SUFFIX));
    Command::new(&example)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("run {}: {e}", example.display()))
}

#[test]
fn explains_catalogued_and_uncatalogued_codes_and_rejects_bad_input() {
    let out = explain(&["421", "227", "299", "abc", "1234", "700"]);
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");

    assert_eq!(
        out.status.code(),
        Some(2),
        "bad input must give exit status 2"
    );
    assert!(
        stdout.contains("421 Service not available, closing control connection."),
        "{stdout}"
    );
    assert!(stdout.contains("4yz TransientNegative"), "{stdout}");
    assert!(stdout.contains("x2z Connections"), "{stdout}");
    assert!(stdout.contains("source    RFC 959 §4.2.2"), "{stdout}");
    assert!(
        stdout.contains("227 Entering Passive Mode (h1,h2,h3,h4,p1,p2)."),
        "{stdout}"
    );
    assert!(stdout.contains("299 (not in the catalogue"), "{stdout}");
    assert!(stdout.contains("x9z: none"), "{stdout}");
    for bad in ["abc", "1234", "700"] {
        assert!(stderr.contains(&format!("error: `{bad}`")), "{stderr}");
        assert!(
            !stdout.contains(bad),
            "bad input {bad} must not reach stdout"
        );
    }
}

#[test]
fn good_input_exits_zero_and_no_input_is_a_usage_error() {
    let out = explain(&["220"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("220 Service ready for new user.\n"));

    let out = explain(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage"));
}
