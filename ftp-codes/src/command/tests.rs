//! Command-line framing: verbs, arguments, Telnet bytes and the reply parser's line rules, as a
//! table next to the framer.
// Test code adds offsets freely; the crate-wide guard is for code that sees network input.
#![allow(clippy::arithmetic_side_effects)]

use crate::command::{self, CommandErrorKind, CommandLine};
use crate::reply::{ParseOptions, Status};
use std::string::String;
use std::vec::Vec;

fn complete<'a>(buf: &'a [u8], options: &ParseOptions) -> (CommandLine<'a>, usize) {
    match command::parse(buf, options) {
        Ok(Status::Complete(done)) => done,
        other => panic!("{:?}: {other:?}", String::from_utf8_lossy(buf)),
    }
}

fn error(buf: &[u8], options: &ParseOptions) -> (CommandErrorKind, usize) {
    let e = command::parse(buf, options).unwrap_err();
    (e.kind(), e.offset())
}

#[test]
fn verbs_in_any_case_with_and_without_arguments() {
    let (line, used) = complete(b"retr my file.txt\r\nNOOP\r\n", &ParseOptions::strict());
    assert!(line.is("RETR") && line.is("retr") && !line.is("RET"));
    assert_eq!(
        (line.verb(), line.argument(), used),
        (&b"retr"[..], &b"my file.txt"[..], 18)
    );
    assert_eq!(line.argument_str(), Ok("my file.txt"));
    assert!(!line.telnet_interrupt() && !line.has_control_characters());
    let (line, _) = complete(b"NOOP\r\n", &ParseOptions::strict());
    assert!(line.is("noop") && line.argument().is_empty());
    let (line, _) = complete(b"CWD \r\n", &ParseOptions::strict());
    assert!(line.is("CWD") && line.argument().is_empty());
}

#[test]
fn line_rules_are_the_reply_parsers() {
    assert_eq!(
        command::parse(b"QUIT", &ParseOptions::strict()),
        Ok(Status::Partial)
    );
    assert_eq!(
        error(b"QUIT\n", &ParseOptions::strict()),
        (CommandErrorKind::BareLineFeed, 4)
    );
    assert!(complete(b"QUIT\n", &ParseOptions::lenient()).0.is("QUIT"));
    let small = ParseOptions::strict().with_max_line_len(8);
    assert_eq!(
        error(b"RETR a-long-name\r\n", &small),
        (CommandErrorKind::LineTooLong, 0)
    );
    assert_eq!(
        error(b"RETR a-long-name", &small),
        (CommandErrorKind::LineTooLong, 0),
        "known before the line ends"
    );
}

#[test]
fn cr_and_nul_inside_a_line_are_errors_in_every_mode() {
    for options in [ParseOptions::strict(), ParseOptions::lenient()] {
        let cases: &[(&[u8], usize)] = &[
            (b"SIZE evil\rDELE x\r\n", 9),
            (b"RETR a\x00b\r\n", 6),
            (b"RETR a\r\r\n", 6),
            (b"RE\x00TR\r\n", 2),
            (b"RETR a\x00b", 6), // known before the line ends
        ];
        for &(buf, at) in cases {
            assert_eq!(
                error(buf, &options),
                (CommandErrorKind::ForbiddenByte, at),
                "{buf:?}"
            );
        }
    }
}

#[test]
fn other_control_characters_are_flagged_or_refused() {
    let (line, _) = complete(b"RETR a\x01b\r\n", &ParseOptions::lenient());
    assert!(line.has_control_characters());
    assert_eq!(line.argument(), b"a\x01b");
    assert_eq!(
        error(b"RETR a\x01b\r\n", &ParseOptions::strict()),
        (CommandErrorKind::ControlCharacter, 6)
    );
}

#[test]
fn telnet_interrupt_before_the_verb_is_skipped() {
    for options in [ParseOptions::strict(), ParseOptions::lenient()] {
        let (line, used) = complete(b"\xff\xf4\xff\xf2ABOR\r\n", &options);
        assert!(line.is("ABOR") && line.telnet_interrupt());
        assert_eq!(used, 10);
        let (line, _) = complete(b"\xff\xf4\xff\xf2STAT x\r\n", &options);
        assert_eq!((line.verb(), line.argument()), (&b"STAT"[..], &b"x"[..]));
    }
    // A literal 0xFF is no Telnet command, and no verb either.
    assert_eq!(
        error(b"\xff\xffABOR\r\n", &ParseOptions::lenient()),
        (CommandErrorKind::InvalidVerb, 0)
    );
}

#[test]
fn a_doubled_iac_in_an_argument_is_read_undoubled() {
    let (line, _) = complete(b"STOR caf\xff\xffe\r\n", &ParseOptions::strict());
    assert_eq!(line.argument(), b"caf\xff\xffe");
    let undoubled: Vec<u8> = line.argument_chunks().flatten().copied().collect();
    assert_eq!(undoubled, b"caf\xffe");
}

#[test]
fn malformed_verbs_are_errors() {
    for bad in [&b"\r\n"[..], b"12 x\r\n", b"TOOLONG x\r\n", b" USER x\r\n"] {
        assert_eq!(
            error(bad, &ParseOptions::lenient()).0,
            CommandErrorKind::InvalidVerb,
            "{:?}",
            String::from_utf8_lossy(bad)
        );
    }
    assert_eq!(
        error(b"USER\tx\r\n", &ParseOptions::lenient()),
        (CommandErrorKind::InvalidSeparator, 4)
    );
}

#[test]
fn errors_speak_of_commands() {
    let error = command::parse(b"RETR a\x01\r\n", &ParseOptions::strict()).unwrap_err();
    let message = std::format!("{error}");
    assert!(message.contains("command"), "{message}");
    assert!(!message.contains("reply"), "{message}");
}
