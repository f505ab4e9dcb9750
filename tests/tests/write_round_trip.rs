//! The writer against the parser: every payload builder is the exact inverse of its parser, and
//! multi-line text of any shape comes back line for line.

use ftp_codes::payload::{self, Timestamp};
use ftp_codes::reply::{self, ParseOptions, Reply, Status};
use ftp_codes::write::{Style, WriteError, WriteOptions, Writer};
use ftp_codes::{Code, ReplyCode};
use proptest::prelude::*;
use std::net::{Ipv4Addr, SocketAddrV4};

/// Writes one reply with `write` into a fresh buffer, parses it back strictly, and hands the
/// reply to `check`.
fn round_trip<R>(
    write: impl FnOnce(&mut Writer<'_>) -> Result<usize, WriteError>,
    check: impl FnOnce(&Reply<'_>) -> R,
) -> R {
    round_trip_with(&ParseOptions::strict(), write, check)
}

/// [`round_trip`] for text that may hold any byte the writer accepts (control characters
/// included): parsed back with `options`, which must keep them.
fn round_trip_with<R>(
    options: &ParseOptions,
    write: impl FnOnce(&mut Writer<'_>) -> Result<usize, WriteError>,
    check: impl FnOnce(&Reply<'_>) -> R,
) -> R {
    let mut buf = vec![0u8; 64 * 1024];
    let mut out = Writer::new(&mut buf, WriteOptions::default());
    let len = write(&mut out).expect("the value can be written");
    assert_eq!(len, out.len());
    let written = out.written();
    let Ok(Status::Complete((reply, used))) = reply::parse(written, options) else {
        panic!(
            "the writer wrote something the strict parser rejects: {:?}",
            String::from_utf8_lossy(written)
        );
    };
    assert_eq!(used, written.len(), "exactly one reply");
    check(&reply)
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (
        0u16..=9999,
        1u8..=12,
        1u8..=31,
        0u8..=23,
        0u8..=59,
        0u8..=60,
        prop_oneof![
            Just(0u32),
            0u32..1_000_000_000,
            (1u32..10).prop_map(|n| n * 100_000_000)
        ],
        0u8..=9,
    )
        .prop_filter_map("a real date", |(y, mo, d, h, mi, s, ns, digits)| {
            Timestamp::new(y, mo, d, h, mi, s, ns)
                .ok()
                .map(|time| time.with_fraction_digits(digits))
        })
}

/// Any bytes, every value from 0 to 255, with quotes and spaces (which the 257 form escapes
/// or ends at) more often than chance would give.
fn any_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![6 => any::<u8>(), 1 => Just(b'"'), 1 => Just(b' ')],
        0..40,
    )
}

/// What the writer refuses in any text by default: the bytes that would end a line on the
/// wire, and 0xFF, which a Telnet peer would read as IAC (doubled only on request).
fn forbidden(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .any(|b| matches!(b, b'\r' | b'\n' | b'\0' | 0xFF))
}

/// Every byte value, alone and between two letters: the exhaustive half of the properties.
fn every_byte() -> impl Iterator<Item = Vec<u8>> {
    (0..=255u8).flat_map(|b| [vec![b], vec![b'a', b, b'z']])
}

/// A line of reply text: printable ASCII, digits and spaces at the start included.
fn text_line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,30}",
        (100u16..700, "[ -]", "[ -~]{0,10}").prop_map(|(c, s, t)| format!("{c}{s}{t}"))
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn pasv(ip in any::<u32>(), port in any::<u16>()) {
        let address = SocketAddrV4::new(Ipv4Addr::from(ip), port);
        if port == 0 {
            let mut buf = [0u8; 64];
            prop_assert_eq!(Writer::new(&mut buf, WriteOptions::default()).pasv(address), Err(WriteError::Unrepresentable));
        } else {
            prop_assert_eq!(round_trip(|w| w.pasv(address), payload::pasv), Ok(address));
        }
    }

    #[test]
    fn epsv(port in 1u16..) {
        prop_assert_eq!(round_trip(|w| w.epsv(port), payload::epsv), Ok(port));
    }

    #[test]
    fn pathname(name in any_bytes(), comment in any_bytes()) {
        prop_assert!(agree(&pathname_back(&name, &comment), &expected(&name, &comment)));
    }

    #[test]
    fn size(size in any::<u64>()) {
        prop_assert_eq!(round_trip(|w| w.size(size), payload::size), Ok(size));
    }

    #[test]
    fn mdtm(time in timestamp()) {
        let back = round_trip(|w| w.mdtm(time), payload::mdtm).expect("a written time parses");
        prop_assert_eq!(back, time);
        prop_assert_eq!(back.fraction_digits(), time.fraction_digits());
        prop_assert_eq!(back.to_string(), time.to_string());
    }

    #[test]
    fn transfer_size(size in prop::option::of(any::<u64>())) {
        prop_assert_eq!(round_trip(|w| w.transfer_starting(size), payload::transfer_size), Ok(size));
    }

    #[test]
    fn minutes(minutes in any::<u32>()) {
        prop_assert_eq!(round_trip(|w| w.ready_in(minutes), payload::minutes), Ok(minutes));
    }

    #[test]
    fn mark(user in any_bytes(), server in any_bytes()) {
        prop_assert!(agree(&mark_back(&user, &server), &expected_mark(&user, &server)));
    }

    #[test]
    fn features(features in prop::collection::vec(any_bytes(), 0..8)) {
        prop_assert!(agree(&features_back(&features), &expected_features(&features)));
    }

    #[test]
    fn any_text_bytes_come_back(code in 100u16..700, lines in prop::collection::vec(any_bytes(), 1..6), every_line in any::<bool>()) {
        prop_assert!(agree(&text_back(code, &lines, every_line), &expected_text(&lines, every_line)));
    }

    #[test]
    fn multi_line_text_comes_back(code in 100u16..700, lines in prop::collection::vec(text_line(), 1..8), every_line in any::<bool>()) {
        let code = ReplyCode::from_u16(code).unwrap();
        let style = if every_line { Style::PrefixEveryLine } else { Style::Rfc959 };
        let mut buf = vec![0u8; 4096];
        let mut out = Writer::new(&mut buf, WriteOptions::default().with_style(style));
        out.reply(code, &lines).unwrap();
        let (reply, used) = reply::parse(out.written(), &ParseOptions::strict()).unwrap().complete().unwrap();
        prop_assert_eq!(used, out.len());
        prop_assert_eq!(reply.code(), code);
        let back: Vec<String> = reply.lines().map(|l| String::from_utf8(l.to_vec()).unwrap()).collect();
        let last = lines.len() - 1;
        let expected: Vec<String> = lines.iter().enumerate().map(|(i, line)| {
            // RFC 959 padding: an intermediate line that starts with a digit gets a space.
            let padded = !every_line && i != 0 && i != last && line.starts_with(|c: char| c.is_ascii_digit());
            if padded { format!(" {line}") } else { line.clone() }
        }).collect();
        prop_assert_eq!(back, expected);
    }

    #[test]
    fn fmt_and_buffer_writers_agree(code in 100u16..700, lines in prop::collection::vec(text_line(), 0..5)) {
        let code = ReplyCode::from_u16(code).unwrap();
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let mut text = String::new();
        ftp_codes::write::to_fmt(&mut text, code, &refs, &WriteOptions::default()).unwrap();
        let mut buf = vec![0u8; 4096];
        let mut out = Writer::new(&mut buf, WriteOptions::default());
        out.reply(code, &refs).unwrap();
        prop_assert_eq!(text.as_bytes(), out.written());
    }

    #[test]
    fn nothing_is_written_past_the_buffer_or_kept_on_failure(size in 0usize..80, lines in prop::collection::vec(text_line(), 1..4)) {
        let mut buf = vec![0xAAu8; size + 16];
        let (head, guard) = buf.split_at_mut(size);
        let mut out = Writer::new(head, WriteOptions::default());
        let result = out.reply(Code::HelpMessage, &lines);
        match result {
            Ok(n) => prop_assert_eq!(n, out.len()),
            Err(error) => {
                prop_assert_eq!(error, WriteError::BufferTooSmall);
                prop_assert!(out.written().is_empty());
            }
        }
        prop_assert!(guard.iter().all(|&b| b == 0xAA));
    }
}

#[test]
fn line_breaks_and_nul_are_refused_everywhere() {
    let mut buf = [0u8; 256];
    let mut out = Writer::new(&mut buf, WriteOptions::default());
    for evil in [&b"a\r\n230 ok"[..], b"a\nb", b"a\rb", b"a\0b"] {
        assert!(matches!(
            out.reply(Code::FileUnavailable, &[evil]),
            Err(WriteError::ForbiddenByte { .. })
        ));
        assert!(matches!(
            out.pathname(evil, b""),
            Err(WriteError::ForbiddenByte { .. })
        ));
        assert!(matches!(
            out.pathname(b"/ok", evil),
            Err(WriteError::ForbiddenByte { .. })
        ));
        assert!(matches!(
            out.features(&[evil]),
            Err(WriteError::ForbiddenByte { .. })
        ));
        assert!(matches!(
            out.mark(evil, b"1"),
            Err(WriteError::ForbiddenByte { .. })
        ));
    }
    assert!(out.written().is_empty());
    let mut text = String::new();
    let refused = ftp_codes::write::to_fmt(
        &mut text,
        Code::FileUnavailable,
        &["ok", "x\r\n230 ok"],
        &WriteOptions::default(),
    );
    assert_eq!(
        refused,
        Err(WriteError::ForbiddenByte {
            byte: b'\r',
            line: 1
        })
    );
    assert!(text.is_empty(), "nothing written before the check");
}

#[test]
fn telnet_iac_is_doubled_on_request() {
    let mut buf = [0u8; 64];
    let mut out = Writer::new(&mut buf, WriteOptions::default().with_double_iac(true));
    out.reply(Code::FileUnavailable, &[&b"caf\xff"[..]])
        .unwrap();
    out.pathname(b"/\xff", b"").unwrap();
    assert_eq!(out.written(), b"550 caf\xff\xff\r\n257 \"/\xff\xff\"\r\n");
    // By default a lone IAC is refused: a Telnet client would read it and the next byte as a
    // command.
    let mut plain = [0u8; 64];
    let mut out = Writer::new(&mut plain, WriteOptions::default());
    assert_eq!(
        out.reply(Code::FileUnavailable, &[&b"caf\xff"[..]]),
        Err(WriteError::ForbiddenByte {
            byte: 0xFF,
            line: 0
        })
    );
    assert_eq!(
        out.pathname(b"/\xff\xf4x", b""),
        Err(WriteError::ForbiddenByte {
            byte: 0xFF,
            line: 0
        })
    );
    assert!(out.written().is_empty());
}

#[test]
fn values_that_have_no_wire_form_are_refused() {
    let mut buf = [0u8; 64];
    let mut out = Writer::new(&mut buf, WriteOptions::default());
    assert_eq!(out.epsv(0), Err(WriteError::Unrepresentable));
    assert_eq!(out.mark(b"", b"1"), Err(WriteError::Unrepresentable));
    assert_eq!(out.mark(b"a b", b"1"), Err(WriteError::Unrepresentable));
    assert_eq!(
        out.features(&[" leading"]),
        Err(WriteError::Unrepresentable)
    );
    assert_eq!(out.features(&[""]), Err(WriteError::Unrepresentable));
    out.features::<&str>(&[]).unwrap();
    assert_eq!(out.written(), b"211 No features.\r\n");
}

#[test]
fn every_catalogued_code_writes_its_catalogue_text() {
    let mut buf = [0u8; 256];
    for &code in Code::ALL {
        let mut out = Writer::new(&mut buf, WriteOptions::default());
        out.write(code).unwrap();
        assert_eq!(out.written(), format!("{code}\r\n").as_bytes());
    }
}

/// A 257 written with `name` and `comment`, parsed back: the name, or the writer's refusal.
fn pathname_back(name: &[u8], comment: &[u8]) -> Result<Vec<u8>, WriteError> {
    if forbidden(name) || forbidden(comment) {
        let mut buf = [0u8; 256];
        let mut out = Writer::new(&mut buf, WriteOptions::default());
        return out.pathname(name, comment).map(|_| Vec::new());
    }
    Ok(round_trip_with(
        &ParseOptions::default(),
        |w| w.pathname(name, comment),
        |reply| {
            let parsed = payload::pathname(reply).expect("a written pathname parses");
            let mut buf = vec![0u8; 256];
            parsed.copy_to(&mut buf).expect("room").to_vec()
        },
    ))
}

/// What a round trip must give: the name, unless a byte that ends a line makes the writer
/// refuse it.
fn expected(name: &[u8], comment: &[u8]) -> Result<Vec<u8>, WriteError> {
    if forbidden(name) || forbidden(comment) {
        Err(WriteError::ForbiddenByte { byte: 0, line: 0 })
    } else {
        Ok(name.to_vec())
    }
}

fn mark_back(user: &[u8], server: &[u8]) -> Result<(Vec<u8>, Vec<u8>), WriteError> {
    let mut buf = [0u8; 256];
    let written = Writer::new(&mut buf, WriteOptions::default()).mark(user, server);
    written?;
    Ok(round_trip_with(
        &ParseOptions::default(),
        |w| w.mark(user, server),
        |reply| {
            let mark = payload::mark(reply).expect("a written mark parses");
            (mark.user.to_vec(), mark.server.to_vec())
        },
    ))
}

fn expected_mark(user: &[u8], server: &[u8]) -> Result<(Vec<u8>, Vec<u8>), WriteError> {
    let bad = |m: &[u8]| m.is_empty() || m.contains(&b' ');
    if forbidden(user) || forbidden(server) {
        Err(WriteError::ForbiddenByte { byte: 0, line: 0 })
    } else if bad(user) || bad(server) {
        Err(WriteError::Unrepresentable)
    } else {
        Ok((user.to_vec(), server.to_vec()))
    }
}

fn features_back(features: &[Vec<u8>]) -> Result<Vec<Vec<u8>>, WriteError> {
    let mut buf = vec![0u8; 4096];
    let written = Writer::new(&mut buf, WriteOptions::default()).features(features);
    written?;
    Ok(round_trip_with(
        &ParseOptions::default(),
        |w| w.features(features),
        |reply| {
            payload::features(reply)
                .expect("written features parse")
                .map(|f| f.line().to_vec())
                .collect()
        },
    ))
}

fn expected_features(features: &[Vec<u8>]) -> Result<Vec<Vec<u8>>, WriteError> {
    if features.iter().any(|f| forbidden(f)) {
        Err(WriteError::ForbiddenByte { byte: 0, line: 0 })
    } else if features
        .iter()
        .any(|f| f.first().is_none_or(|&b| b == b' '))
    {
        Err(WriteError::Unrepresentable)
    } else {
        Ok(features.to_vec())
    }
}

fn text_back(code: u16, lines: &[Vec<u8>], every_line: bool) -> Result<Vec<Vec<u8>>, WriteError> {
    let code = ReplyCode::from_u16(code).expect("a code");
    let style = if every_line {
        Style::PrefixEveryLine
    } else {
        Style::Rfc959
    };
    let mut buf = vec![0u8; 4096];
    let mut out = Writer::new(&mut buf, WriteOptions::default().with_style(style));
    out.reply(code, lines)?;
    let (reply, used) = reply::parse(out.written(), &ParseOptions::default())
        .expect("written text parses")
        .complete()
        .expect("a whole reply");
    assert_eq!(used, out.written().len());
    Ok(reply.lines().map(<[u8]>::to_vec).collect())
}

/// The lines as written, less nothing: RFC 959's style pads an intermediate line that starts
/// with a digit with a space, which is on the wire and so in what is read back.
fn expected_text(lines: &[Vec<u8>], every_line: bool) -> Result<Vec<Vec<u8>>, WriteError> {
    if lines.iter().any(|l| forbidden(l)) {
        return Err(WriteError::ForbiddenByte { byte: 0, line: 0 });
    }
    let last = lines.len() - 1;
    Ok(lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let padded =
                !every_line && i != 0 && i != last && line.first().is_some_and(u8::is_ascii_digit);
            if padded {
                [b" ", &line[..]].concat()
            } else {
                line.clone()
            }
        })
        .collect())
}

/// Whether two results agree, taking any `ForbiddenByte` for any other (which byte and line
/// are checked in `line_breaks_and_nul_are_refused_everywhere`).
fn agree<T: PartialEq>(back: &Result<T, WriteError>, expected: &Result<T, WriteError>) -> bool {
    match (back, expected) {
        (Err(WriteError::ForbiddenByte { .. }), Err(WriteError::ForbiddenByte { .. })) => true,
        _ => back == expected,
    }
}

fn same<T: PartialEq + std::fmt::Debug>(
    back: Result<T, WriteError>,
    expected: Result<T, WriteError>,
    what: &str,
) {
    assert!(agree(&back, &expected), "{what}: {back:?} vs {expected:?}");
}

#[test]
fn every_byte_value_round_trips_or_is_refused_for_a_reason() {
    for bytes in every_byte() {
        let what = format!("{bytes:x?}");
        same(pathname_back(&bytes, b"ok"), expected(&bytes, b"ok"), &what);
        same(pathname_back(b"/x", &bytes), expected(b"/x", &bytes), &what);
        same(mark_back(&bytes, b"1"), expected_mark(&bytes, b"1"), &what);
        same(mark_back(b"1", &bytes), expected_mark(b"1", &bytes), &what);
        let one = [bytes.clone()];
        same(features_back(&one), expected_features(&one), &what);
        for every_line in [false, true] {
            let lines = [b"first".to_vec(), bytes.clone(), b"last".to_vec()];
            same(
                text_back(211, &lines, every_line),
                expected_text(&lines, every_line),
                &what,
            );
            same(
                text_back(200, &one, every_line),
                expected_text(&one, every_line),
                &what,
            );
        }
    }
}
