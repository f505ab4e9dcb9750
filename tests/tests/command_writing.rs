//! The command writer against the command framer: every command line the writer accepts reads
//! back as the same verb and argument, for every byte value; PORT, EPRT and LPRT arguments are
//! the exact inverses of their parsers.

use ftp_codes::Command;
use ftp_codes::command::{self, Argument};
use ftp_codes::reply::{ParseOptions, Status};
use ftp_codes::write::{WriteError, WriteOptions, Writer};
use proptest::prelude::*;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};

/// Writes one command line with `write`, frames it back as a server would, and returns the
/// verb and the argument (undoubled when `double_iac`).
fn written_and_read(
    options: WriteOptions,
    write: impl FnOnce(&mut Writer<'_>) -> Result<usize, WriteError>,
) -> Result<(Vec<u8>, Vec<u8>, bool), WriteError> {
    let mut buf = vec![0u8; 4096];
    let mut out = Writer::new(&mut buf, options);
    write(&mut out)?;
    let written = out.written().to_vec();
    let Ok(Status::Complete((line, used))) = command::parse(&written, &ParseOptions::lenient())
    else {
        panic!("the writer wrote a line the framer refuses: {written:?}");
    };
    assert_eq!(used, written.len(), "exactly one line");
    let argument = if options.double_iac() {
        line.argument_chunks().flatten().copied().collect()
    } else {
        line.argument().to_vec()
    };
    Ok((line.verb().to_vec(), argument, line.telnet_interrupt()))
}

/// What the writer refuses in an argument: the bytes that end a line, and 0xFF (Telnet's
/// IAC) unless it is doubled.
fn forbidden(bytes: &[u8], double: bool) -> bool {
    bytes
        .iter()
        .any(|&b| matches!(b, b'\r' | b'\n' | b'\0') || (b == 0xFF && !double))
}

/// What writing `command` with `argument` must give: the refusal, or the line read back.
fn expected(
    command: Command,
    argument: &[u8],
    double: bool,
) -> Result<(Vec<u8>, Vec<u8>, bool), WriteError> {
    match (command.argument(), argument.is_empty()) {
        // An empty password goes out as ftplib sends it, `PASS ` and nothing.
        (Argument::Required, true) if command == Command::Pass => {
            Ok((b"PASS".to_vec(), Vec::new(), false))
        }
        (Argument::Required, true) => Err(WriteError::MissingArgument),
        (Argument::None, false) => Err(WriteError::UnexpectedArgument),
        _ if forbidden(argument, double) => Err(WriteError::ForbiddenArgumentByte { byte: 0 }),
        _ => Ok((command.verb().as_bytes().to_vec(), argument.to_vec(), false)),
    }
}

fn agree(
    back: &Result<(Vec<u8>, Vec<u8>, bool), WriteError>,
    expected: &Result<(Vec<u8>, Vec<u8>, bool), WriteError>,
) -> bool {
    match (back, expected) {
        (
            Err(WriteError::ForbiddenArgumentByte { .. }),
            Err(WriteError::ForbiddenArgumentByte { .. }),
        ) => true,
        _ => back == expected,
    }
}

fn any_command() -> impl Strategy<Value = Command> {
    prop::sample::select(Command::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn every_command_line_reads_back(command in any_command(), argument in prop::collection::vec(any::<u8>(), 0..24), double in any::<bool>()) {
        let options = WriteOptions::default().with_double_iac(double);
        // Without doubling, a 0xFF is refused; doubled, it reads back undoubled.
        let back = written_and_read(options, |w| w.command(command, &argument));
        prop_assert!(agree(&back, &expected(command, &argument, double)), "{back:?}");
    }

    #[test]
    fn port(ip in any::<u32>(), port in any::<u16>()) {
        let address = SocketAddrV4::new(Ipv4Addr::from(ip), port);
        let mut buf = [0u8; 64];
        let mut out = Writer::new(&mut buf, WriteOptions::default());
        if port == 0 {
            prop_assert_eq!(out.port(address), Err(WriteError::Unrepresentable));
        } else {
            out.port(address).unwrap();
            let (line, _) = command::parse(out.written(), &ParseOptions::strict()).unwrap().complete().unwrap();
            prop_assert_eq!(line.command(), Some(Command::Port));
            prop_assert_eq!(command::port(line.argument()), Ok(address));
        }
    }

    #[test]
    fn eprt_and_lprt(v4 in any::<u32>(), v6 in any::<u128>(), port in 1u16.., six in any::<bool>()) {
        let address = if six {
            SocketAddr::V6(SocketAddrV6::new(Ipv6Addr::from(v6), port, 0, 0))
        } else {
            SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::from(v4), port))
        };
        let mut buf = [0u8; 256];
        let mut out = Writer::new(&mut buf, WriteOptions::default());
        out.eprt(address).unwrap();
        let eprt_len = out.len();
        out.lprt(address).unwrap();
        let written = out.written();
        let (eprt, used) = command::parse(written, &ParseOptions::strict()).unwrap().complete().unwrap();
        prop_assert_eq!(used, eprt_len);
        prop_assert_eq!(eprt.verb(), b"EPRT");
        prop_assert_eq!(command::eprt(eprt.argument()), Ok(address));
        let (lprt, _) = command::parse(&written[used..], &ParseOptions::strict()).unwrap().complete().unwrap();
        prop_assert_eq!(lprt.verb(), b"LPRT");
        prop_assert_eq!(command::lprt(lprt.argument()), Ok(address));
    }
}

#[test]
fn every_byte_value_in_an_argument_reads_back_or_is_refused() {
    for b in 0..=255u8 {
        for argument in [vec![b], vec![b'a', b, b'z']] {
            for double in [false, true] {
                let options = WriteOptions::default().with_double_iac(double);
                let back = written_and_read(options, |w| w.command(Command::Retr, &argument));
                assert!(
                    agree(&back, &expected(Command::Retr, &argument, double)),
                    "{argument:x?}: {back:?}"
                );
                let back = written_and_read(options, |w| w.command_verb(b"XCRC", &argument));
                let want = if forbidden(&argument, double) {
                    Err(WriteError::ForbiddenArgumentByte { byte: 0 })
                } else {
                    Ok((b"XCRC".to_vec(), argument.clone(), false))
                };
                assert!(agree(&back, &want), "{argument:x?}: {back:?}");
            }
        }
    }
}

#[test]
fn abor_gets_the_telnet_interrupt_on_request() {
    let options = WriteOptions::default().with_interrupt_before_abor(true);
    let mut buf = [0u8; 64];
    let mut out = Writer::new(&mut buf, options);
    out.command(Command::Abor, b"").unwrap();
    out.command(Command::Noop, b"").unwrap();
    assert_eq!(out.written(), b"\xff\xf4\xff\xf2ABOR\r\nNOOP\r\n");
    let (line, _) = command::parse(out.written(), &ParseOptions::strict())
        .unwrap()
        .complete()
        .unwrap();
    assert!(line.telnet_interrupt() && line.command() == Some(Command::Abor));
    let mut plain = [0u8; 16];
    let mut out = Writer::new(&mut plain, WriteOptions::default());
    out.command(Command::Abor, b"").unwrap();
    assert_eq!(out.written(), b"ABOR\r\n");
}

#[test]
fn address_arguments_refuse_what_is_not_their_form() {
    let malformed = [
        &b"127,0,0,1,4"[..],
        b"127,0,0,1,4,1,9",
        b" 127,0,0,1,4,1",
        b"127,0,0,1,4,1 ",
        b"127,0,0,1,,4,1",
        b"(127,0,0,1,4,1)",
    ];
    for bad in malformed {
        assert!(command::port(bad).is_err(), "{bad:?}");
    }
    assert!(command::port(b"256,0,0,1,4,1").is_err());
    assert!(command::port(b"127,0,0,1,0,0").is_err());
    for bad in [
        &b"|1|127.0.0.1|0|"[..],
        b"|1|127.0.0.1|65536|",
        b"|1|127.0.0.1|21",
        b"|1|127.0.0.1|21|x",
        b"|3|127.0.0.1|21|",
        b"|1|::1|21|",
        b"|2|127.0.0.1|21|",
        b"|1|127.0.0.1!21|",
        b"\x01|1|127.0.0.1|21|",
        b"",
    ] {
        assert!(command::eprt(bad).is_err(), "{bad:?}");
    }
    assert_eq!(
        command::eprt(b"!1!127.0.0.1!21!"),
        Ok("127.0.0.1:21".parse().unwrap())
    );
    for bad in [
        &b"4,4,127,0,0,1,2,0,0"[..],
        b"4,16,127,0,0,1,2,4,1",
        b"4,4,127,0,0,1,2,4,1,9",
        b"",
    ] {
        assert!(command::lprt(bad).is_err(), "{bad:?}");
    }
}
