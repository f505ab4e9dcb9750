//! Command-line framing for servers: verbs, arguments, and the reply parser's line rules.

use ftp_codes::command::{self, Command};
use ftp_codes::reply::{ErrorKind, Options, Status};
use proptest::prelude::*;

fn complete<'a>(buf: &'a [u8], options: &Options) -> (Command<'a>, usize) {
    match command::parse(buf, options) {
        Ok(Status::Complete(done)) => done,
        other => panic!("{:?}: {other:?}", String::from_utf8_lossy(buf)),
    }
}

fn error(buf: &[u8], options: &Options) -> (ErrorKind, usize) {
    let e = command::parse(buf, options).unwrap_err();
    (e.kind(), e.offset())
}

#[test]
fn verbs_in_any_case_with_and_without_arguments() {
    let (cmd, used) = complete(b"retr my file.txt\r\nNOOP\r\n", &Options::strict());
    assert!(cmd.is("RETR") && cmd.is("retr") && !cmd.is("RET"));
    assert_eq!(
        (cmd.verb(), cmd.argument(), used),
        (&b"retr"[..], &b"my file.txt"[..], 18)
    );
    assert_eq!(cmd.argument_str(), Ok("my file.txt"));
    let (cmd, _) = complete(b"NOOP\r\n", &Options::strict());
    assert!(cmd.is("noop") && cmd.argument().is_empty());
    let (cmd, _) = complete(b"CWD \r\n", &Options::strict());
    assert!(cmd.is("CWD") && cmd.argument().is_empty());
}

#[test]
fn line_rules_are_the_reply_parsers() {
    assert_eq!(
        command::parse(b"QUIT", &Options::strict()),
        Ok(Status::Partial)
    );
    assert_eq!(
        error(b"QUIT\n", &Options::strict()),
        (ErrorKind::BareLineFeed, 4)
    );
    assert!(complete(b"QUIT\n", &Options::lenient()).0.is("QUIT"));
    let small = Options::strict().max_line_len(8);
    assert_eq!(
        error(b"RETR a-long-name\r\n", &small),
        (ErrorKind::LineTooLong, 0)
    );
    assert_eq!(
        error(b"RETR a-long-name", &small),
        (ErrorKind::LineTooLong, 0),
        "known before the line ends"
    );
    assert_eq!(
        error(b"RETR a\x00b\r\n", &Options::strict()),
        (ErrorKind::ControlCharacter, 6)
    );
    assert_eq!(
        complete(b"RETR a\x00b\r\n", &Options::lenient())
            .0
            .argument(),
        b"a\x00b"
    );
}

#[test]
fn malformed_verbs_are_errors() {
    for bad in [&b"\r\n"[..], b"12 x\r\n", b"TOOLONG x\r\n", b" USER x\r\n"] {
        assert_eq!(
            error(bad, &Options::lenient()).0,
            ErrorKind::InvalidCommand,
            "{:?}",
            String::from_utf8_lossy(bad)
        );
    }
    assert_eq!(
        error(b"USER\tx\r\n", &Options::lenient()),
        (ErrorKind::InvalidCommand, 4)
    );
}

proptest! {
    #[test]
    fn never_panics_and_prefixes_are_partial_or_the_whole(buf in prop::collection::vec(any::<u8>(), 0..48), lf in any::<bool>()) {
        let options = Options::strict().lf_line_endings(lf).max_line_len(24);
        let whole = command::parse(&buf, &options);
        if let Ok(Status::Complete((_, used))) = whole {
            prop_assert!(used <= buf.len());
        }
        for end in 0..buf.len() {
            let prefix = command::parse(&buf[..end], &options);
            prop_assert!(prefix == Ok(Status::Partial) || prefix == whole, "{end}: {prefix:?} vs {whole:?}");
        }
    }
}
