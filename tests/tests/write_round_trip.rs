//! The writer against the parser: every payload builder is the exact inverse of its parser, and
//! multi-line text of any shape comes back line for line.

use ftp_codes::payload::{self, Timestamp};
use ftp_codes::reply::{self, ParseOptions, Reply, Status};
use ftp_codes::write::{WriteOptions, Style, WriteError, Writer};
use ftp_codes::{Code, ReplyCode};
use proptest::prelude::*;
use std::net::{Ipv4Addr, SocketAddrV4};

/// Writes one reply with `write` into a fresh buffer, parses it back strictly, and hands the
/// reply to `check`.
fn round_trip<R>(
    write: impl FnOnce(&mut Writer<'_>) -> Result<usize, WriteError>,
    check: impl FnOnce(&Reply<'_>) -> R,
) -> R {
    let mut buf = vec![0u8; 64 * 1024];
    let mut out = Writer::new(&mut buf, WriteOptions::default());
    let len = write(&mut out).expect("the value can be written");
    assert_eq!(len, out.len());
    let written = out.written();
    let Ok(Status::Complete((reply, used))) = reply::parse(written, &ParseOptions::strict()) else {
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
        prop_oneof![Just(0u32), 0u32..1_000_000_000],
    )
        .prop_filter_map("a real date", |(y, mo, d, h, mi, s, ns)| {
            Timestamp::new(y, mo, d, h, mi, s, ns).ok()
        })
}

/// Bytes a pathname may hold: anything but CR, LF, NUL and the other control characters.
fn name_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![4 => 0x20u8..=0x7e, 1 => Just(b'"'), 1 => 0x80u8..=0xff],
        0..40,
    )
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
        prop_assert_eq!(round_trip(|w| w.pasv(address), payload::pasv), Ok(address));
    }

    #[test]
    fn epsv(port in 1u16..) {
        prop_assert_eq!(round_trip(|w| w.epsv(port), payload::epsv), Ok(port));
    }

    #[test]
    fn pathname(name in name_bytes(), comment in "[ -~]{0,20}") {
        let back = round_trip(|w| w.pathname(&name, comment.trim_start().as_bytes()), |reply| {
            let parsed = payload::pathname(reply).expect("a written pathname parses");
            let mut buf = vec![0u8; 256];
            parsed.copy_to(&mut buf).map(<[u8]>::to_vec)
        });
        prop_assert_eq!(back, Ok(name));
    }

    #[test]
    fn size(size in any::<u64>()) {
        prop_assert_eq!(round_trip(|w| w.size(size), payload::size), Ok(size));
    }

    #[test]
    fn mdtm(time in timestamp()) {
        prop_assert_eq!(round_trip(|w| w.mdtm(time), payload::mdtm), Ok(time));
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
    fn mark(user in "[!-~]{1,12}", server in "[!-~]{1,12}") {
        let back = round_trip(|w| w.mark(user.as_bytes(), server.as_bytes()), |reply| {
            payload::mark(reply).map(|m| (m.user.to_vec(), m.server.to_vec()))
        });
        prop_assert_eq!(back, Ok((user.into_bytes(), server.into_bytes())));
    }

    #[test]
    fn features(features in prop::collection::vec("[!-~][ -~]{0,15}", 0..8)) {
        let back = round_trip(|w| w.features(&features), |reply| {
            payload::features(reply).map(|list| list.map(|f| f.line().to_vec()).collect::<Vec<_>>())
        });
        let expected: Vec<Vec<u8>> = features.iter().map(|f| f.as_bytes().to_vec()).collect();
        prop_assert_eq!(back, Ok(expected));
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
    let mut plain = [0u8; 64];
    let mut out = Writer::new(&mut plain, WriteOptions::default());
    out.reply(Code::FileUnavailable, &[&b"caf\xff"[..]])
        .unwrap();
    assert_eq!(out.written(), b"550 caf\xff\r\n");
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
