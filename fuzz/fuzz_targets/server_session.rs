//! The server's session core against arbitrary client bytes in arbitrary splits, with a
//! server behind it that answers each request with codes the fuzzer picks (refused when they
//! are not in the command's row) and leaves transfers running or not. Invariants:
//! - exactly one last reply per line (a transfer's 1yz aside; an ABOR that stops a transfer
//!   also ends the transfer with its 426);
//! - every reply within the row of the command it answers (500 for a line that names none);
//! - no path outside the root: absolute, without empty, `.` or `..` components;
//! - with TLS offered or required, nothing sent before AUTH TLS's handshake is read after it.
#![no_main]

use ftp_codes::server::{Config, Event, Passive, Request, ServerError, Session, Tls};
use ftp_codes::{Code, Command, Outcome, ReplyCode};
use libfuzzer_sys::fuzz_target;

/// Codes the fuzzer's server tries; most fit few commands, so the session refuses them.
const CODES: [Code; 12] = [
    Code::CommandOk,
    Code::FileActionOk,
    Code::FileStatusOk,
    Code::ClosingDataConnection,
    Code::FileActionPending,
    Code::UserLoggedIn,
    Code::NotLoggedIn,
    Code::FileUnavailable,
    Code::LocalError,
    Code::CannotOpenDataConnection,
    Code::TransferAborted,
    Code::SyntaxErrorInArguments,
];

fn path_is_inside(path: &[u8]) -> bool {
    path.first() == Some(&b'/')
        && (path == b"/"
            || path[1..]
                .split(|&b| b == b'/')
                .all(|c| !matches!(c, b"" | b"." | b"..")))
}

/// Checks each reply in `bytes` against `command` (or, without one, the codes no command
/// gets); the number of last (non-1yz) replies.
fn check(bytes: &[u8], command: Option<Command>) -> usize {
    let mut finals = 0;
    for line in bytes
        .split(|&b| b == b'\n')
        .filter(|l| l.len() >= 4 && l[3] == b' ')
    {
        let Ok(code) = ReplyCode::from_ascii(&line[..3]) else {
            continue;
        };
        match command {
            Some(command) => assert_ne!(
                command.classify(code),
                Outcome::Unexpected,
                "{command} answered {code}"
            ),
            None => assert!(
                [220, 421, 500].contains(&code.as_u16()),
                "{code} answers nothing"
            ),
        }
        if code.as_u16() >= 200 {
            finals += 1;
        }
    }
    finals
}

fuzz_target!(|data: &[u8]| {
    let (control, client) = data.split_at(data.len().min(64));
    let mut control = control.iter().copied().cycle();
    let mut client = client.to_vec();
    client.extend_from_slice(b"\r\n"); // every line ends
    let tls = match control.next().unwrap_or(0) % 3 {
        0 => Tls::Off,
        1 => Tls::Offered,
        _ => Tls::Required,
    };
    let mut session = Session::<32>::new(Config::new().with_tls(tls));
    let mut out = [0u8; 2048];
    let mut buffer: Vec<u8> = Vec::new();
    let mut fed = 0;
    let (mut lines, mut finals, mut aborts) = (0usize, 0usize, 0usize);
    let n = session.greet(&mut out).unwrap();
    check(&out[..n], None);
    // Every pass feeds bytes, answers a line or finishes a transfer: bounded by the input.
    for _ in 0..client.len() * 8 + 64 {
        let read = match session.read(&buffer, &mut out) {
            Ok(read) => read,
            Err(ServerError::Closed) => break,
            Err(error) => panic!("{error}"),
        };
        let used = read.used;
        let mut consumed_lines = buffer[..used].iter().filter(|&&b| b == b'\n').count();
        let mut decision = None;
        let mut reply = None;
        let mut busy = false;
        match read.event {
            Event::Partial => {}
            Event::Reply(n) | Event::Close(n) => reply = Some(n),
            // AUTH TLS: the rest of what was read is dropped, unanswered, as sent before the
            // handshake; one line was answered.
            Event::StartTls(n) => {
                consumed_lines = 1;
                reply = Some(n);
            }
            Event::Busy => busy = true,
            Event::Request(request) => {
                let path = match request {
                    Request::ChangeDirectory(p)
                    | Request::MakeDirectory(p)
                    | Request::RemoveDirectory(p)
                    | Request::Delete(p)
                    | Request::RenameFrom(p)
                    | Request::Size(p, _)
                    | Request::Modified(p)
                    | Request::Facts(p)
                    | Request::Status(Some(p))
                    | Request::Retrieve { path: p, .. }
                    | Request::Store { path: p, .. }
                    | Request::List { path: p, .. } => Some(p),
                    Request::Rename { from, to } => {
                        assert!(path_is_inside(from), "{from:?}");
                        Some(to)
                    }
                    _ => None,
                };
                if let Some(path) = path {
                    assert!(path_is_inside(path), "{path:?}");
                }
                decision = Some(match request {
                    Request::Passive(Passive::Pasv) => 1,
                    Request::Passive(_) => 2,
                    Request::Abort => 3,
                    _ => 0,
                });
            }
            _ => panic!("an event this target does not know"),
        }
        if let Some(n) = reply {
            finals += check(&out[..n], session.answered());
        }
        buffer.drain(..used);
        lines += consumed_lines;
        if let Some(kind) = decision {
            let (pending, transfer) = (session.pending(), session.transfer());
            let n = match kind {
                1 => session.passive(&mut out, "127.0.0.1:2000".parse().unwrap()),
                2 => session.passive(&mut out, "[::1]:2000".parse().unwrap()),
                3 => {
                    aborts += 1;
                    session.aborted(&mut out)
                }
                _ => {
                    let code = CODES[usize::from(control.next().unwrap_or(0)) % CODES.len()];
                    session
                        .refuse(&mut out, code)
                        .or_else(|_| session.succeed(&mut out))
                }
            };
            let n = n.unwrap();
            if kind == 3 {
                // 426 for the transfer, then ABOR's own reply.
                let split = out[..n].iter().position(|&b| b == b'\n').unwrap() + 1;
                finals += check(&out[..split], transfer);
                finals += check(&out[split..n], Some(Command::Abor));
            } else {
                finals += check(&out[..n], pending);
            }
            // A transfer that started: finished now, or left running.
            if session.transfer().is_some() && control.next().unwrap_or(0).is_multiple_of(2) {
                let transfer = session.transfer();
                let n = session.succeed(&mut out).unwrap();
                finals += check(&out[..n], transfer);
            }
            continue;
        }
        if busy {
            let transfer = session.transfer();
            let n = session.succeed(&mut out).unwrap();
            finals += check(&out[..n], transfer);
            continue;
        }
        if reply.is_none() {
            if fed == client.len() {
                break;
            }
            let step = usize::from(control.next().unwrap_or(1)).max(1);
            let end = client.len().min(fed + step);
            buffer.extend_from_slice(&client[fed..end]);
            fed = end;
        }
    }
    if !session.is_closed()
        && session.transfer().is_none()
        && buffer.is_empty()
        && fed == client.len()
    {
        assert_eq!(finals, lines + aborts, "one last reply per line");
    }
});
