//! Properties of the reply parser over generated input: it never panics and never reads past
//! its input, feeding a reply in pieces gives what feeding it whole gives, and `LineParser`
//! agrees with `parse`.

use ftp_codes::reply::{self, ErrorKind, LineParser, ParseOptions, Status};
use proptest::prelude::*;

/// Any combination of the framing choices, with small limits so that they are hit.
fn options() -> impl Strategy<Value = ParseOptions> {
    (any::<[bool; 4]>(), 0usize..48, 1usize..8, 0usize..160).prop_map(
        |([lf, bare, mismatched, reject], line, lines, len)| {
            ParseOptions::strict()
                .with_lf_line_endings(lf)
                .with_bare_codes(bare)
                .with_mismatched_ends(mismatched)
                .with_reject_control_characters(reject)
                .with_max_line_len(line)
                .with_max_lines(lines)
                .with_max_reply_len(len)
        },
    )
}

/// Bytes shaped like replies: coded lines, free text, CRLF, LF, stray CR, missing endings.
fn reply_like() -> impl Strategy<Value = Vec<u8>> {
    let line = prop_oneof![
        (
            100u16..700,
            prop_oneof![Just(" "), Just("-"), Just("")],
            "[ -~\t\u{0}\u{7f}\u{1b}\r]{0,12}"
        )
            .prop_map(|(code, sep, text)| format!("{code}{sep}{text}")),
        "[ -~]{0,12}",
    ];
    let ending = prop_oneof![6 => Just("\r\n"), 2 => Just("\n"), 1 => Just("\r"), 1 => Just("")];
    prop::collection::vec((line, ending), 0..8).prop_map(|lines| {
        lines
            .into_iter()
            .flat_map(|(line, ending)| [line, ending.to_owned()])
            .collect::<String>()
            .into_bytes()
    })
}

fn any_input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![3 => reply_like(), 1 => prop::collection::vec(any::<u8>(), 0..64)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn the_resumable_parser_agrees_with_parse_in_pieces(buf in reply_like(), options in options(), step in 1usize..9) {
        let whole = reply::parse(&buf, &options);
        let mut parser = reply::Parser::new(options);
        let mut end = 0;
        let outcome = loop {
            end = (end + step).min(buf.len());
            match parser.parse(&buf[..end]) {
                Ok(Status::Partial) if end < buf.len() => {}
                other => break other,
            }
        };
        prop_assert_eq!(outcome, whole);
    }

    #[test]
    fn never_panics_and_stays_inside_its_input(buf in any_input(), options in options()) {
        match reply::parse(&buf, &options) {
            Ok(Status::Complete((reply, used))) => {
                prop_assert!(used > 0 && used <= buf.len());
                prop_assert_eq!(reply.raw(), &buf[..used]);
                prop_assert_eq!(reply.lines().count(), reply.line_count());
                prop_assert!(reply.line_count() >= 1);
                prop_assert!(used <= ParseOptions::DEFAULT_MAX_REPLY_LEN);
                prop_assert!(reply.str_lines().count() == reply.line_count());
            }
            Ok(Status::Partial) => {}
            Err(error) => prop_assert!(error.offset() <= buf.len()),
        }
    }

    #[test]
    fn every_prefix_is_partial_or_the_whole_result(buf in reply_like(), options in options()) {
        let whole = reply::parse(&buf, &options);
        for end in 0..buf.len() {
            let prefix = reply::parse(&buf[..end], &options);
            prop_assert!(
                prefix == Ok(Status::Partial) || prefix == whole,
                "prefix {end}: {prefix:?}, whole: {whole:?}"
            );
        }
    }

    #[test]
    fn the_line_parser_agrees_with_parse(buf in reply_like(), options in options()) {
        let whole = reply::parse(&buf, &options);
        let mut parser = LineParser::new(options);
        let mut texts: Vec<Vec<u8>> = Vec::new();
        let mut outcome = None;
        for line in buf.split_inclusive(|&b| b == b'\n').filter(|l| l.ends_with(b"\n")) {
            match parser.feed(line) {
                Err(error) => { outcome = Some(Err(error)); break; }
                Ok(line) => {
                    texts.push(line.text().to_vec());
                    if line.is_last() { outcome = Some(Ok(line.line_count())); break; }
                }
            }
        }
        match (outcome, whole) {
            (Some(Err(error)), whole) => prop_assert_eq!(whole, Err(error)),
            (Some(Ok(count)), Ok(Status::Complete((reply, _)))) => {
                prop_assert_eq!(reply.line_count(), count);
                let expected: Vec<Vec<u8>> = reply.lines().map(<[u8]>::to_vec).collect();
                prop_assert_eq!(texts, expected);
            }
            (None, Ok(Status::Partial)) => {}
            // An unfinished line that is already too long: only `parse` sees it.
            (None, Err(error)) => prop_assert!(
                matches!(error.kind(), ErrorKind::LineTooLong | ErrorKind::ReplyTooLong),
                "{error:?}"
            ),
            (outcome, whole) => prop_assert!(false, "line parser {outcome:?}, parse {whole:?}"),
        }
    }
}
