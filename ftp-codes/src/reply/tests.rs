//! Reply framing (RFC 959 §4.2) and the real-world deviations the lenient mode accepts: the
//! parser's table of cases, next to it.
// Test code adds offsets freely; the crate-wide guard is for code that sees network input.
#![allow(clippy::arithmetic_side_effects)]

use crate::Code;
use crate::reply::{self, ErrorKind, LineParser, ParseOptions, Parser, Reply, Status};
use std::string::String;
use std::vec;
use std::vec::Vec;

fn strict() -> ParseOptions {
    ParseOptions::strict()
}

fn lenient() -> ParseOptions {
    ParseOptions::lenient()
}

/// The reply at the start of `buf`, which must be complete.
fn whole<'a>(buf: &'a [u8], options: &ParseOptions) -> (Reply<'a>, usize) {
    match reply::parse(buf, options) {
        Ok(Status::Complete(done)) => done,
        other => panic!(
            "expected a complete reply from {:?}, got {other:?}",
            String::from_utf8_lossy(buf)
        ),
    }
}

fn error(buf: &[u8], options: &ParseOptions) -> (ErrorKind, usize) {
    match reply::parse(buf, options) {
        Err(e) => (e.kind(), e.offset()),
        other => panic!(
            "expected an error from {:?}, got {other:?}",
            String::from_utf8_lossy(buf)
        ),
    }
}

fn lines<'a>(reply: &Reply<'a>) -> Vec<&'a str> {
    reply
        .lines()
        .map(|l| std::str::from_utf8(l).unwrap())
        .collect()
}

#[test]
fn single_line_reply() {
    let (reply, used) = whole(b"220 Service ready\r\nrest", &strict());
    assert_eq!(used, 19);
    assert_eq!(reply.code(), 220);
    assert_eq!(reply.known(), Some(Code::ServiceReady));
    assert_eq!(reply.text(), b"Service ready");
    assert!(!reply.is_multiline());
    assert_eq!(reply.line_count(), 1);
    assert_eq!(reply.raw(), b"220 Service ready\r\n");
}

#[test]
fn multi_line_reply_ends_only_at_its_own_code_and_a_space() {
    let buf: &[u8] = concat!(
        "214-The following commands are recognized:\r\n",
        " USER PASS\r\n",
        "\r\n",
        "no code here\r\n",
        "200 another code, with a space\r\n",
        "214-the same code with a hyphen\r\n",
        "214 Help OK.\r\n",
    )
    .as_bytes();
    let (reply, used) = whole(buf, &strict());
    assert_eq!(used, buf.len());
    assert_eq!(
        lines(&reply),
        [
            "The following commands are recognized:",
            " USER PASS",
            "",
            "no code here",
            "200 another code, with a space",
            "the same code with a hyphen",
            "Help OK."
        ]
    );
    assert_eq!(reply.line_count(), 7);
    assert_eq!(reply.mismatched_end(), None);
}

#[test]
fn servers_that_prefix_every_line_have_the_prefix_removed() {
    let (reply, _) = whole(
        b"211-Features:\r\n211-MDTM\r\n211-SIZE\r\n211 End\r\n",
        &strict(),
    );
    assert_eq!(lines(&reply), ["Features:", "MDTM", "SIZE", "End"]);
}

#[test]
fn an_incomplete_reply_is_partial_at_every_prefix() {
    let buf = b"230-Welcome\r\nline\r\n230 Logged in\r\n";
    for end in 0..buf.len() {
        assert_eq!(
            reply::parse(&buf[..end], &strict()),
            Ok(Status::Partial),
            "prefix of {end} bytes"
        );
    }
    assert!(matches!(
        reply::parse(buf, &strict()),
        Ok(Status::Complete(_))
    ));
}

#[test]
fn consecutive_replies_are_framed_one_by_one() {
    let buf = b"150 Opening\r\n226 Done\r\n";
    let (first, used) = whole(buf, &strict());
    assert_eq!(first.code(), 150);
    let (second, used2) = whole(&buf[used..], &strict());
    assert_eq!(second.code(), 226);
    assert_eq!(used + used2, buf.len());
}

#[test]
fn lf_only_endings_are_lenient_only() {
    let (reply, used) = whole(b"220-a\nb\n220 c\n", &lenient());
    assert_eq!((lines(&reply), used), (vec!["a", "b", "c"], 14));
    assert_eq!(
        error(b"220 Ready\n", &strict()),
        (ErrorKind::BareLineFeed, 9)
    );
    assert_eq!(
        error(b"220-a\r\nb\n", &strict()),
        (ErrorKind::BareLineFeed, 8)
    );
    // Mixed endings are fine in lenient mode.
    assert_eq!(whole(b"220-a\r\nb\n220 c\r\n", &lenient()).1, 16);
}

#[test]
fn a_bare_code_is_a_whole_reply_or_a_terminator_in_lenient_mode() {
    let (reply, _) = whole(b"200\r\n", &lenient());
    assert_eq!((reply.code().as_u16(), reply.text()), (200, &b""[..]));
    let (reply, _) = whole(b"211-Features\r\n UTF8\r\n211\r\n", &lenient());
    assert_eq!(lines(&reply), ["Features", " UTF8", ""]);
    assert_eq!(error(b"200\r\n", &strict()), (ErrorKind::BareCode, 3));
    // Strict: a bare `211` is text, so the reply goes on.
    assert_eq!(
        reply::parse(b"211-Features\r\n211\r\n", &strict()),
        Ok(Status::Partial)
    );
}

#[test]
fn a_reply_ends_only_at_its_own_code_by_default() {
    // A STAT reply whose text holds a line that looks like another reply: ftplib, Go's
    // textproto, basic-ftp, Cyberduck and nmap all read on to `211 End`.
    let buf = b"211-Status of /:\r\n200 files listed\r\n211 End\r\n230 next\r\n";
    for options in [lenient(), strict(), ParseOptions::default()] {
        let (reply, used) = whole(buf, &options);
        assert_eq!(
            (reply.code().as_u16(), reply.line_count(), used),
            (211, 3, 45)
        );
        assert_eq!(reply.mismatched_end(), None);
    }
}

#[test]
fn glftpd_ends_a_reply_with_another_code_on_request() {
    let buf = b"553-Permission denied\r\n553-not your directory\r\n150 Opening\r\n";
    let glftpd = ParseOptions::lenient().with_mismatched_ends(true);
    let (reply, used) = whole(buf, &glftpd);
    assert_eq!(used, buf.len());
    assert_eq!(reply.code(), 553);
    assert_eq!(
        reply.mismatched_end().map(crate::ReplyCode::as_u16),
        Some(150)
    );
    // By default, in both presets, `150 Opening` is a line of text and the reply goes on.
    assert_eq!(reply::parse(buf, &strict()), Ok(Status::Partial));
    assert_eq!(reply::parse(buf, &lenient()), Ok(Status::Partial));
}

#[test]
fn control_characters_are_reported_or_rejected() {
    let buf = b"220 Hello\x00there\r\n";
    let (reply, _) = whole(buf, &lenient());
    assert!(reply.has_control_characters());
    assert_eq!(error(buf, &strict()), (ErrorKind::ControlCharacter, 9));
    assert!(
        !whole(b"220 tab\tis fine\r\n", &strict())
            .0
            .has_control_characters()
    );
    assert_eq!(
        error(b"220-a\r\nb\x7fc\r\n220 d\r\n", &strict()),
        (ErrorKind::ControlCharacter, 8)
    );
}

#[test]
fn malformed_first_lines_are_errors_at_their_offset() {
    assert_eq!(
        error(b"22x Hi\r\n", &lenient()),
        (ErrorKind::InvalidCode, 0)
    );
    assert_eq!(
        error(b"720 Hi\r\n", &lenient()),
        (ErrorKind::InvalidCode, 0)
    );
    assert_eq!(error(b"\r\n", &lenient()), (ErrorKind::InvalidCode, 0));
    assert_eq!(
        error(b"220_Hi\r\n", &lenient()),
        (ErrorKind::InvalidSeparator, 3)
    );
    assert_eq!(
        error(b" 220 Hi\r\n", &lenient()),
        (ErrorKind::InvalidCode, 0)
    );
}

#[test]
fn limits_bound_the_work() {
    let options = ParseOptions::lenient()
        .with_max_line_len(8)
        .with_max_lines(3)
        .with_max_reply_len(30);
    assert_eq!(
        error(b"220 123456789\r\n", &options),
        (ErrorKind::LineTooLong, 0)
    );
    // Known before the line ends: no need to wait for a line that can only be too long.
    assert_eq!(error(b"220 1234567", &options), (ErrorKind::LineTooLong, 0));
    assert_eq!(reply::parse(b"220 1234\r", &options), Ok(Status::Partial));
    assert_eq!(
        error(b"220-a\r\nb\r\nc\r\nd\r\n220 e\r\n", &options),
        (ErrorKind::TooManyLines, 13)
    );
    let options = ParseOptions::lenient().with_max_reply_len(12);
    assert_eq!(
        error(b"220-abc\r\n220 def\r\n", &options),
        (ErrorKind::ReplyTooLong, 9)
    );
    // An unfinished reply past the limit is an error at once, not `Partial` until an LF: a
    // client whose buffer is the limit's size would wait for ever.
    let options = ParseOptions::lenient().with_max_reply_len(64);
    let long = [b'x'; 3004];
    let mut buf = b"220-".to_vec();
    buf.extend_from_slice(&long);
    assert_eq!(error(&buf, &options), (ErrorKind::ReplyTooLong, 0));
    assert_eq!(error(&buf[..65], &options), (ErrorKind::ReplyTooLong, 0));
    assert_eq!(reply::parse(&buf[..64], &options), Ok(Status::Partial));
    let two_lines = b"220-abcdefgh\r\n220 ijklmnopqrstuvwxyz";
    assert_eq!(
        error(two_lines, &ParseOptions::lenient().with_max_reply_len(30)),
        (ErrorKind::ReplyTooLong, 14)
    );
    // Exactly at the limits is fine.
    let options = ParseOptions::strict()
        .with_max_line_len(8)
        .with_max_lines(2)
        .with_max_reply_len(20);
    assert_eq!(whole(b"220-1234\r\n220 5678\r\n", &options).1, 20);
}

#[test]
fn text_is_bytes_with_a_checked_str_view() {
    let (reply, _) = whole(b"257 \"/caf\xc3\xa9\" ok\r\n", &strict());
    assert_eq!(reply.str_lines().next().unwrap(), Ok("\"/café\" ok"));
    let (reply, _) = whole(b"257 \"/caf\xe9\" latin-1\r\n", &strict());
    assert_eq!(reply.text(), b"\"/caf\xe9\" latin-1");
    assert!(reply.str_lines().next().unwrap().is_err());
}

#[test]
fn the_line_parser_frames_like_parse() {
    let buf: &[u8] = b"220-a\r\n 220 b\r\n\r\n220-c\r\n220 d\r\n331 pass\r\n";
    let mut parser = LineParser::new(strict());
    let mut texts = Vec::new();
    let mut ends = Vec::new();
    for line in buf.split_inclusive(|&b| b == b'\n') {
        let line = parser.feed(line).unwrap();
        texts.push(String::from_utf8(line.text().to_vec()).unwrap());
        if line.is_last() {
            ends.push((line.code().as_u16(), line.line_count()));
        }
    }
    assert_eq!(texts, ["a", " 220 b", "", "c", "d", "pass"]);
    assert_eq!(ends, [(220, 5), (331, 1)]);
    let (reply, used) = whole(buf, &strict());
    assert_eq!(lines(&reply), ["a", " 220 b", "", "c", "d"]);
    assert_eq!(reply.line_count(), 5);
    assert_eq!(used, buf.len() - b"331 pass\r\n".len());
}

#[test]
fn the_line_parser_reports_the_same_errors_from_the_reply_start() {
    let mut parser = LineParser::new(strict());
    parser.feed(b"220-a\r\n").unwrap();
    let error = parser.feed(b"b\n").unwrap_err();
    assert_eq!((error.kind(), error.offset()), (ErrorKind::BareLineFeed, 8));
    assert_eq!(error, reply::parse(b"220-a\r\nb\n", &strict()).unwrap_err());
    let error = LineParser::new(strict())
        .feed(b"220 no line feed")
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::UnterminatedLine);
    // Two lines at once are an error, never one line whose text holds the second.
    let error = LineParser::new(strict())
        .feed(b"230-Welcome\r\n230 Logged in\r\n")
        .unwrap_err();
    assert_eq!(
        (error.kind(), error.offset()),
        (ErrorKind::MoreThanOneLine, 13)
    );
    let mut parser = LineParser::new(lenient().with_mismatched_ends(true));
    let last = {
        parser.feed(b"553-denied\r\n").unwrap();
        parser.feed(b"150 Opening\r\n").unwrap()
    };
    assert!(last.is_last());
    assert_eq!(
        last.mismatched_end().map(crate::ReplyCode::as_u16),
        Some(150)
    );
    assert!(!parser.in_reply());
}

#[test]
fn status_says_which_it_is() {
    let complete: Status<u8> = Status::Complete(1);
    assert!(complete.is_complete() && !complete.is_partial());
    assert!(Status::<u8>::Partial.is_partial() && !Status::<u8>::Partial.is_complete());
    assert_eq!(complete.complete(), Some(1));
}

#[test]
fn line_parser_lines_carry_payloads() {
    let mut parser = LineParser::new(lenient());
    let first = parser.feed(b"227-listen socket created\r\n").unwrap();
    assert_eq!(first.reply().map(|r| r.code().as_u16()), Some(227));
    let last = parser.feed(b"227 (127,0,0,1,4,1)\r\n").unwrap();
    let reply = last.reply().unwrap();
    assert_eq!(crate::payload::pasv_port(&reply), Ok(1025));
    let mut parser = LineParser::new(lenient());
    parser.feed(b"211-Status\r\n").unwrap();
    assert_eq!(parser.feed(b" middle\r\n").unwrap().reply(), None);
}

/// Feeds `buf` to a resumable parser `step` bytes at a time; every reply and what it used.
fn in_pieces(buf: &[u8], step: usize, options: ParseOptions) -> Vec<(u16, usize, usize)> {
    let mut parser = Parser::new(options);
    let mut start = 0;
    let mut end = 0;
    let mut replies = Vec::new();
    while start < buf.len() {
        match parser.parse(&buf[start..end]).unwrap() {
            Status::Complete((reply, used)) => {
                replies.push((reply.code().as_u16(), reply.line_count(), used));
                start += used;
            }
            Status::Partial => {
                assert!(
                    end < buf.len(),
                    "a whole transcript left a reply unfinished"
                );
                end = (end + step).min(buf.len());
            }
        }
    }
    replies
}

#[test]
fn the_resumable_parser_agrees_with_parse_for_every_piece_size() {
    let buf: &[u8] = b"220-Welcome\r\n220-to the\r\n220 server\r\n331 Password\r\n211-Features:\n MDTM\n211 End\n";
    let mut expected = Vec::new();
    let mut rest = buf;
    while let Status::Complete((reply, used)) = reply::parse(rest, &lenient()).unwrap() {
        expected.push((reply.code().as_u16(), reply.line_count(), used));
        rest = &rest[used..];
    }
    assert_eq!(expected.len(), 3);
    for step in 1..=buf.len() {
        assert_eq!(
            in_pieces(buf, step, lenient()),
            expected,
            "pieces of {step}"
        );
    }
}

#[test]
fn the_resumable_parser_remembers_and_forgets() {
    let mut parser = Parser::new(strict());
    let buf = b"230-Welcome\r\n230 Logged in\r\n";
    assert_eq!(parser.parse(&buf[..5]), Ok(Status::Partial));
    assert_eq!(parser.pending(), 5);
    assert_eq!(parser.parse(&buf[..20]), Ok(Status::Partial));
    assert_eq!(parser.pending(), 20);
    let (reply, used) = parser.parse(buf).unwrap().complete().unwrap();
    assert_eq!(
        (reply.line_count(), used, parser.pending()),
        (2, buf.len(), 0)
    );
    // A shorter buffer than the part already read: the parser starts over, and still agrees.
    assert_eq!(parser.parse(&buf[..20]), Ok(Status::Partial));
    assert_eq!(parser.parse(b"331 x\r\n").unwrap().complete().unwrap().1, 7);
    // An error resets it too.
    assert!(parser.parse(b"2x0 bad\r\n").is_err());
    assert_eq!(parser.pending(), 0);
    assert!(parser.parse(b"200 OK\r\n").unwrap().is_complete());
    assert_eq!(parser.options(), strict());
}

#[test]
fn the_resumable_parser_keeps_every_limit() {
    let options = lenient().with_max_reply_len(64);
    let mut parser = Parser::new(options);
    let mut buf = b"220-".to_vec();
    buf.extend_from_slice(&[b'x'; 60]);
    assert_eq!(parser.parse(&buf), Ok(Status::Partial));
    buf.push(b'x');
    let error = parser.parse(&buf).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ReplyTooLong);
}
