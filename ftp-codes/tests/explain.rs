//! The README's first command, `cargo run --example explain -- 421 227 299 abc`, run for real.

// A test helper states its expectations by panicking, like the tests themselves.
#![allow(clippy::expect_used, clippy::panic)]

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn explain(args: &[&str], input: &[u8]) -> Output {
    let example = common::example("explain");
    let mut child = Command::new(&example)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("run {}: {e}", example.display()));
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input).expect("write the transcript");
    drop(stdin);
    child.wait_with_output().expect("wait for explain")
}

#[test]
fn explains_catalogued_and_uncatalogued_codes_and_rejects_bad_input() {
    let out = explain(&["421", "227", "299", "abc", "1234", "700"], b"");
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
fn good_input_exits_zero() {
    let out = explain(&["220"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("220 Service ready for new user.\n"));
}

#[test]
fn without_arguments_it_explains_a_transcript_from_stdin() {
    let transcript = b"USER anonymous\r\n331 Send password\r\nPASV\r\n227 Entering Passive Mode (127,0,0,1,4,1).\r\n\
        MDTM a\r\n213 20261124094319\r\nSIZE a\r\n213 5120\r\nFEAT\r\n211-Features:\r\n MDTM\r\n SIZE\r\n211 End\r\n\
        PWD\r\n257 \"/pub\" is the current directory\r\n299 odd\r\n";
    let out = explain(&[], transcript);
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    for expected in [
        "> USER anonymous",
        "< 331 Send password",
        "catalogue 331 User name okay, need password.",
        "payload   passive address 127.0.0.1:1025 (connect to the control connection's host, port 1025)",
        "payload   modified 2026-11-24T09:43:19Z",
        "payload   size 5120 bytes",
        "payload   2 features: MDTM, SIZE",
        "payload   pathname /pub",
        "< 299 odd",
        "catalogue (not catalogued)",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in:\n{stdout}"
        );
    }
}

#[test]
fn a_transcript_that_ends_inside_a_reply_is_an_error() {
    let out = explain(&[], b"220-Welcome\r\nstill welcoming\r\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ends inside a reply"));
}
