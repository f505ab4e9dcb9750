//! The payload parsers on the forms real servers send, and on malformed input.
// Test code adds offsets freely; the crate-wide guard is for code that sees network input.
#![allow(clippy::arithmetic_side_effects)]

use crate::payload::{self, PayloadError};
use crate::reply::{self, ParseOptions, Reply};
use core::net::{Ipv4Addr, SocketAddr, SocketAddrV4};
use std::format;
use std::string::{String, ToString};
use std::vec::Vec;

fn reply(text: &str) -> Reply<'_> {
    reply::parse(text.as_bytes(), &ParseOptions::default())
        .unwrap()
        .complete()
        .unwrap()
        .0
}

#[test]
fn pasv_in_every_common_form() {
    let expected = SocketAddrV4::new(Ipv4Addr::new(192, 168, 1, 2), 19 * 256 + 137);
    for text in [
        "227 Entering Passive Mode (192,168,1,2,19,137).\r\n",
        "227 Entering Passive Mode (192,168,1,2,19,137)\r\n",
        "227 Entering Passive Mode 192,168,1,2,19,137\r\n",
        "227 =192,168,1,2,19,137\r\n",
        "227 Entering passive mode (192, 168, 1, 2, 19, 137)\r\n",
        "227 Passive (port 5001) at 192,168,1,2,19,137\r\n",
    ] {
        assert_eq!(payload::pasv(&reply(text)), Ok(expected), "{text}");
        assert_eq!(payload::pasv_port(&reply(text)), Ok(5001), "{text}");
    }
}

#[test]
fn pasv_rejects_out_of_range_and_missing_numbers() {
    assert_eq!(
        payload::pasv(&reply(
            "227 Entering Passive Mode (192,168,1,256,19,137)\r\n"
        )),
        Err(PayloadError::OutOfRange)
    );
    assert_eq!(
        payload::pasv(&reply("227 Entering Passive Mode (1,2,3,4,5)\r\n")),
        Err(PayloadError::Missing)
    );
    assert_eq!(
        payload::pasv(&reply("227 Entering Passive Mode (127,0,0,1,0,0)\r\n")),
        Err(PayloadError::OutOfRange),
        "port 0"
    );
    assert_eq!(
        payload::pasv(&reply("227 Entering Passive Mode\r\n")),
        Err(PayloadError::Missing)
    );
    assert_eq!(
        payload::pasv(&reply("227 (99999999999999999999,1,1,1,1,1)\r\n")),
        Err(PayloadError::OutOfRange)
    );
    let wrong = payload::pasv(&reply("200 OK\r\n"));
    assert!(
        matches!(wrong, Err(PayloadError::WrongCode { expected: 227, .. })),
        "{wrong:?}"
    );
}

#[test]
fn pasv_takes_exactly_six_numbers_and_never_a_shorter_list_from_a_longer_one() {
    let expected = Ok(SocketAddrV4::new(Ipv4Addr::new(10, 0, 0, 7), 1025));
    let cases: &[(&str, Result<SocketAddrV4, PayloadError>)] = &[
        // Defects found in the wild: each of these used to give a wrong address.
        (
            "227 Entering Passive Mode (10,0,0,7,4,1,5).\r\n",
            Err(PayloadError::Malformed),
        ),
        (
            "227 Entering Passive Mode (256,10,0,0,7,4,1)\r\n",
            Err(PayloadError::Malformed),
        ),
        (
            "227 Entering Passive Mode (256,10,0,0,7,4)\r\n",
            Err(PayloadError::OutOfRange),
        ),
        ("227 127,0,0,1,1,1,1\r\n", Err(PayloadError::Malformed)),
        // RFC 1123 §4.1.2.6: the numbers without parentheses, text around them.
        ("227 Entering Passive Mode 10,0,0,7,4,1\r\n", expected),
        (
            "227 Entering Passive Mode (10,0,0,7,4,1). Timeout 300 s\r\n",
            expected,
        ),
        ("227 Mode 2 (10,0,0,7,4,1)\r\n", expected),
        // The same address twice is one address; two different ones are not guessed between.
        ("227 10,0,0,7,4,1 (10,0,0,7,4,1)\r\n", expected),
        (
            "227 10,0,0,7,4,1 (10,0,0,8,4,1)\r\n",
            Err(PayloadError::Ambiguous),
        ),
        (
            "227 (10,0,0,7,4,1) and (1,2,3,4,5,6,7)\r\n",
            Err(PayloadError::Malformed),
        ),
        // aioftp: a `227-` note first, the address on the last line.
        (
            "227-listen socket created\r\n227 (10,0,0,7,4,1)\r\n",
            expected,
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(payload::pasv(&reply(text)), *expected, "{text:?}");
    }
}

#[test]
fn lpsv_ipv4_and_ipv6() {
    assert_eq!(
        payload::lpsv(&reply("228 (4,4,127,0,0,1,2,0,0)\r\n")),
        Err(PayloadError::OutOfRange),
        "port 0"
    );
    assert_eq!(
        payload::lpsv(&reply(
            "228 Entering Long Passive Mode (4,4,127,0,0,1,2,4,1)\r\n"
        )),
        Ok("127.0.0.1:1025".parse::<SocketAddr>().unwrap())
    );
    assert_eq!(
        payload::lpsv(&reply(
            "228 Entering Long Passive Mode (6,16,32,1,13,184,0,0,0,0,0,0,0,0,0,0,0,1,2,0,21)\r\n"
        )),
        Ok("[2001:db8::1]:21".parse::<SocketAddr>().unwrap())
    );
    assert_eq!(
        payload::lpsv(&reply("228 (4,16,127,0,0,1,2,4,1)\r\n")),
        Err(PayloadError::Malformed)
    );
    assert_eq!(
        payload::lpsv(&reply("228 (4,4,127,0,0,1,3,4,1,1)\r\n")),
        Err(PayloadError::Malformed)
    );
    assert_eq!(
        payload::lpsv(&reply("228 (4,4,127,0,0,300,2,4,1)\r\n")),
        Err(PayloadError::OutOfRange)
    );
    assert_eq!(
        payload::lpsv(&reply("228 Entering Long Passive Mode\r\n")),
        Err(PayloadError::Missing)
    );
}

#[test]
fn epsv_any_delimiter_all_four_alike_port_in_range() {
    assert_eq!(
        payload::epsv(&reply("229 Entering Extended Passive Mode (|||6446|)\r\n")),
        Ok(6446)
    );
    assert_eq!(
        payload::epsv(&reply("229 Entering Extended Passive Mode (!!!65535!)\r\n")),
        Ok(65535)
    );
    assert_eq!(payload::epsv(&reply("229 (|||1|)\r\n")), Ok(1));
    assert_eq!(
        payload::epsv(&reply("229 (|!|6446|)\r\n")),
        Err(PayloadError::Malformed)
    );
    assert_eq!(
        payload::epsv(&reply("229 (|||6446!)\r\n")),
        Err(PayloadError::Malformed)
    );
    assert_eq!(
        payload::epsv(&reply("229 (11164461)\r\n")),
        Err(PayloadError::Malformed)
    );
    assert_eq!(
        payload::epsv(&reply("229 (|||0|)\r\n")),
        Err(PayloadError::OutOfRange)
    );
    assert_eq!(
        payload::epsv(&reply("229 (|||65536|)\r\n")),
        Err(PayloadError::OutOfRange)
    );
    assert_eq!(
        payload::epsv(&reply("229 (||||)\r\n")),
        Err(PayloadError::Malformed)
    );
    assert_eq!(
        payload::epsv(&reply("229 Extended Passive Mode\r\n")),
        Err(PayloadError::Missing)
    );
    // RFC 2428 §3: the group may follow text with parentheses of its own.
    assert_eq!(
        payload::epsv(&reply("229 some text (ha-ha) (|||665|)\r\n")),
        Ok(665)
    );
    assert_eq!(
        payload::epsv(&reply("229 (|||6446|) (|||6447|)\r\n")),
        Err(PayloadError::Ambiguous)
    );
    assert_eq!(
        payload::epsv(&reply("229 (|||6446|\r\n")),
        Err(PayloadError::Malformed),
        "the group ends with a parenthesis"
    );
}

#[test]
fn pathname_rfc_doubling_and_servers_that_do_not_double() {
    let name = |text: &str| {
        let reply = reply(text);
        let name = payload::pathname(&reply).unwrap();
        let mut buf = [0u8; 64];
        let copied = name.copy_to(&mut buf).unwrap().to_vec();
        assert_eq!(
            copied,
            name.chunks().flatten().copied().collect::<Vec<u8>>()
        );
        assert_eq!(copied.len(), name.len());
        (String::from_utf8(copied).unwrap(), name.is_doubled())
    };
    assert_eq!(
        name("257 \"/home/user\" is current directory.\r\n"),
        ("/home/user".into(), true)
    );
    assert_eq!(
        name("257 \"/a \"\"quoted\"\" dir\" created\r\n"),
        ("/a \"quoted\" dir".into(), true)
    );
    assert_eq!(
        name("257 \"/ends with quote\"\"\"\r\n"),
        ("/ends with quote\"".into(), true)
    );
    assert_eq!(
        name("257 MKD command successful: \"/new\"\r\n"),
        ("/new".into(), true)
    );
    assert_eq!(
        name("257 \"/not\"doubled\" is cwd\r\n"),
        ("/not\"doubled".into(), false)
    );
    assert_eq!(name("257 \"\" is the root\r\n"), (String::new(), true));
}

#[test]
fn pathname_errors() {
    assert_eq!(
        payload::pathname(&reply("257 no quotes\r\n")),
        Err(PayloadError::Missing)
    );
    assert_eq!(
        payload::pathname(&reply("257 \"/unclosed\r\n")),
        Err(PayloadError::Malformed)
    );
    // Only CR, LF and NUL are refused in a name; a tab or another control byte is a byte of it.
    assert_eq!(
        payload::pathname(&reply("257 \"/tab\there\"\r\n")).map(|n| n.raw()),
        Ok(&b"/tab\there"[..])
    );
    assert_eq!(
        payload::pathname(&reply("257 \"/bell\x07\"\r\n")).map(|n| n.raw()),
        Ok(&b"/bell\x07"[..])
    );
    assert_eq!(
        payload::pathname(&reply("257 \"/cr\rhere\"\r\n")),
        Err(PayloadError::ControlCharacter)
    );
    assert_eq!(
        payload::pathname(&reply("257 \"/nul\0here\"\r\n")),
        Err(PayloadError::ControlCharacter)
    );
    let reply = reply("257 \"/long/name\"\r\n");
    let name = payload::pathname(&reply).unwrap();
    assert_eq!(
        name.copy_to(&mut [0u8; 4]),
        Err(PayloadError::BufferTooSmall)
    );
}

#[test]
fn size_reads_the_rfc_form_or_a_number_ending_the_line_and_nothing_else() {
    let cases: &[(&str, Result<u64, PayloadError>)] = &[
        ("213 1234\r\n", Ok(1234)),
        ("213 0\r\n", Ok(0)),
        ("213 1234 \r\n", Ok(1234)),
        // Commentary before the number: the number that ends the line (curl, suppaftp).
        ("213 file2.txt: 4096\r\n", Ok(4096)),
        ("213 file: 213, Size =51\r\n", Ok(51)),
        ("213 Size\t77\r\n", Ok(77)),
        // A number that is not the whole of the line's end is never picked out.
        ("213 1,048,576\r\n", Err(PayloadError::Malformed)),
        ("213 1.5\r\n", Err(PayloadError::Malformed)),
        (
            "213 File size: 1234 bytes\r\n",
            Err(PayloadError::Malformed),
        ),
        ("213 file123\r\n", Err(PayloadError::Malformed)),
        ("213 -5\r\n", Err(PayloadError::Malformed)),
        ("213 unknown\r\n", Err(PayloadError::Missing)),
        ("213\r\n", Err(PayloadError::Missing)),
    ];
    for (text, expected) in cases {
        assert_eq!(payload::size(&reply(text)), *expected, "{text:?}");
    }
}

#[test]
fn size_limits() {
    assert_eq!(
        payload::size(&reply("213 18446744073709551615\r\n")),
        Ok(u64::MAX)
    );
    assert_eq!(
        payload::size(&reply("213 18446744073709551616\r\n")),
        Err(PayloadError::OutOfRange)
    );
}

#[test]
fn mdtm_checks_every_field() {
    let time = payload::mdtm(&reply("213 19980615100045.014\r\n")).unwrap();
    assert_eq!(
        (
            time.year(),
            time.month(),
            time.day(),
            time.hour(),
            time.minute(),
            time.second(),
            time.nanosecond()
        ),
        (1998, 6, 15, 10, 0, 45, 14_000_000)
    );
    // The fraction as received: three digits, not nine.
    assert_eq!(time.to_string(), "1998-06-15T10:00:45.014Z");
    assert_eq!(time.fraction_digits(), 3);
    assert_eq!(
        payload::mdtm(&reply("213 20240229235960\r\n"))
            .unwrap()
            .to_string(),
        "2024-02-29T23:59:60Z"
    );
    assert_eq!(
        payload::mdtm(&reply("213 Last modified 20261124094319 UTC\r\n"))
            .unwrap()
            .hour(),
        9
    );
    for bad in [
        "20231301000000",
        "20230229000000",
        "20230431000000",
        "20230101240000",
        "20230101006000",
        "20230101000061",
        "20230100000000",
    ] {
        assert_eq!(
            payload::mdtm(&reply(&format!("213 {bad}\r\n"))),
            Err(PayloadError::OutOfRange),
            "{bad}"
        );
    }
    assert_eq!(
        payload::mdtm(&reply("213 2023010100000\r\n")),
        Err(PayloadError::Missing)
    );
    assert_eq!(
        payload::mdtm(&reply("213 20230101000000.\r\n")),
        Err(PayloadError::Malformed)
    );
    assert_eq!(
        payload::mdtm(&reply("213 20230101000000.1234567891\r\n"))
            .unwrap()
            .nanosecond(),
        123_456_789
    );
}

#[test]
fn transfer_size_minutes_and_mark() {
    assert_eq!(
        payload::transfer_size(&reply(
            "150 Opening BINARY mode data connection for f (1234 bytes).\r\n"
        )),
        Ok(Some(1234))
    );
    assert_eq!(
        payload::transfer_size(&reply(
            "150 Opening data connection (mode) for f (1 byte)\r\n"
        )),
        Ok(Some(1))
    );
    assert_eq!(
        payload::transfer_size(&reply(
            "150 File status okay. About to open data connection.\r\n"
        )),
        Ok(None)
    );
    assert_eq!(
        payload::transfer_size(&reply("150 Opening (12 entries)\r\n")),
        Ok(None)
    );
    assert_eq!(
        payload::minutes(&reply("120 Service ready in 15 minutes.\r\n")),
        Ok(15)
    );
    assert_eq!(
        payload::minutes(&reply("120 Service ready soon.\r\n")),
        Err(PayloadError::Missing)
    );
    let reply110 = reply("110 MARK 4096 = r4096\r\n");
    let mark = payload::mark(&reply110).unwrap();
    assert_eq!((mark.user, mark.server), (&b"4096"[..], &b"r4096"[..]));
    assert_eq!(
        payload::mark(&reply("110 MARK 4096=4096\r\n")),
        Err(PayloadError::Malformed)
    );
    assert_eq!(
        payload::mark(&reply("110 Restart marker\r\n")),
        Err(PayloadError::Missing)
    );
}

#[test]
fn features_in_both_forms() {
    let names = |text: &str| -> Vec<String> {
        let reply = reply(text);
        payload::features(&reply)
            .unwrap()
            .map(|f| String::from_utf8(f.line().to_vec()).unwrap())
            .collect()
    };
    assert_eq!(
        names(
            "211-Extensions supported:\r\n MLST size*;modify*;\r\n SIZE\r\n\r\n UTF8\r\n211 End\r\n"
        ),
        ["MLST size*;modify*;", "SIZE", "UTF8"]
    );
    assert_eq!(
        names("211-Features:\r\n211-MDTM\r\n211-REST STREAM\r\n211 End\r\n"),
        ["MDTM", "REST STREAM"]
    );
    assert!(names("211 no-features\r\n").is_empty());
    assert!(matches!(
        payload::features(&reply("214 Help\r\n")),
        Err(PayloadError::WrongCode { expected: 211, .. })
    ));
}
