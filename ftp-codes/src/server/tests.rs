//! The session against scripted clients: each script fed whole and split at every byte,
//! with one reply per line, every reply in its command's row, and paths inside the root.
// Test code adds offsets freely; the crate-wide guard is for code that sees network input.
#![allow(clippy::arithmetic_side_effects)]

use super::{Event, Request, ServerError, Session};
use crate::reply::{ParseOptions, Parser, Status};
use crate::{Code, Command, Outcome};
use std::string::String;
use std::vec::Vec;

/// What a small server decides for a request: one account (`alice`/`pw`), directories `/`
/// and `/pub`, every file 3 bytes long; transfers finish at once. (A request borrows the
/// session: the decision is taken before answering, as servers do.)
#[derive(Clone, Copy, Debug)]
enum Decision {
    Succeed,
    Refuse(Code),
    Size,
    Passive,
    Transfer,
    Status,
    Abort,
}

fn decide(request: Request<'_>) -> Decision {
    match request {
        Request::Login { user, password } if user == b"alice" && password == b"pw" => {
            Decision::Succeed
        }
        Request::Login { .. } => Decision::Refuse(Code::NotLoggedIn),
        Request::ChangeDirectory(b"/" | b"/pub") => Decision::Succeed,
        Request::ChangeDirectory(path) => {
            assert!(path.starts_with(b"/"));
            Decision::Refuse(Code::FileUnavailable)
        }
        Request::Size(..) => Decision::Size,
        Request::Passive(_) => Decision::Passive,
        Request::Retrieve { .. } | Request::Store { .. } | Request::List { .. } => {
            Decision::Transfer
        }
        Request::Status(_) => Decision::Status,
        Request::Abort => Decision::Abort,
        _ => Decision::Succeed,
    }
}

fn answer(session: &mut Session<64>, decision: Decision, out: &mut [u8]) -> usize {
    let result = match decision {
        Decision::Succeed => session.succeed(out),
        Decision::Refuse(code) => session.refuse(out, code),
        Decision::Size => session.answer(out, |w| w.size(3)),
        Decision::Passive => session.passive(out, "127.0.0.1:2000".parse().unwrap()),
        Decision::Transfer => {
            let first = session.succeed(out).unwrap();
            let second = session.succeed(&mut out[first..]).unwrap();
            Ok(first + second)
        }
        Decision::Status => session.reply(out, Code::SystemStatus, "All well."),
        Decision::Abort => session.aborted(out),
    };
    result.unwrap()
}

/// What a client sees for `script` fed in pieces of `chunk` bytes through a 600-byte read
/// buffer, and each reply's command (for the row check).
fn transcript(script: &[u8], chunk: usize) -> String {
    let mut session = Session::<64>::default();
    let mut out = [0u8; 1024];
    let mut seen = Vec::new();
    let n = session.greet(&mut out).unwrap();
    seen.extend_from_slice(&out[..n]);
    let mut buffer = Vec::new();
    let mut pieces = script.chunks(chunk.max(1));
    for _ in 0..script.len() * 4 + 8 {
        let read = match session.read(&buffer, &mut out) {
            Ok(read) => read,
            Err(ServerError::Closed) => break,
            Err(error) => panic!("{error}"),
        };
        let used = read.used;
        let n = match read.event {
            Event::Partial => {
                buffer.drain(..used);
                match pieces.next() {
                    Some(piece) => buffer.extend_from_slice(piece),
                    None => break,
                }
                continue;
            }
            Event::Reply(n) | Event::Close(n) => n,
            Event::Request(request) => {
                let decision = decide(request);
                answer(&mut session, decision, &mut out)
            }
            Event::Busy => panic!("no transfer runs here"),
            Event::StartTls(_) => panic!("TLS is off in these scripts"),
        };
        buffer.drain(..used);
        seen.extend_from_slice(&out[..n]);
    }
    String::from_utf8(seen).unwrap()
}

/// Every split gives the same replies as the whole script.
fn replies(script: &[u8]) -> String {
    let whole = transcript(script, script.len());
    for chunk in 1..script.len() {
        assert_eq!(
            transcript(script, chunk),
            whole,
            "split every {chunk} bytes"
        );
    }
    whole
}

fn codes(replies: &str) -> Vec<&str> {
    replies.lines().map(|line| &line[..3]).collect()
}

#[test]
fn login_gates_every_command() {
    let replies = replies(b"PWD\r\nPASS pw\r\nUSER alice\r\nPASS nope\r\nSIZE a\r\nUSER alice\r\nPASS pw\r\nPWD\r\nQUIT\r\n");
    assert_eq!(
        codes(&replies),
        [
            "220", "530", "503", "331", "530", "530", "331", "230", "257", "221"
        ]
    );
}

#[test]
fn bad_lines_get_one_reply_each_however_split() {
    let long = [b'A'; 700];
    let mut script = Vec::new();
    script.extend_from_slice(b"USER alice\r\nPASS pw\r\n");
    script.extend_from_slice(b"XYZZ\r\n"); // unknown verb: 500
    script.extend_from_slice(b"SIZE a\0b\r\n"); // NUL in a path: 501
    script.extend_from_slice(b"SIZE evil\rDELE x\r\n"); // CR: 501, and DELE never runs
    script.extend_from_slice(b"RETR ");
    script.extend_from_slice(&long); // too long: 500 once
    script.extend_from_slice(b"\r\n");
    script.extend_from_slice(b"PWD x\r\n"); // an argument PWD does not take: 501
    script.extend_from_slice(b"NOOP x\r\n"); // NOOP's row has no 501: 500
    script.extend_from_slice(b"NOOP\n"); // a lone LF ends a line
    script.extend_from_slice(b"\xff\xf4\xff\xf2ABOR\r\n"); // Telnet IP DM: ABOR's own reply
    script.extend_from_slice(b"SMNT x\r\n"); // not implemented: 502
    script.extend_from_slice(b"NOOP\r\n");
    let replies = replies(&script);
    assert_eq!(
        codes(&replies),
        [
            "220", "331", "230", "500", "501", "501", "500", "501", "500", "200", "225", "502",
            "200"
        ]
    );
}

#[test]
fn sequences_and_their_refusals() {
    let replies = replies(
        b"USER alice\r\nPASS pw\r\nRNTO b\r\nRNFR a\r\nNOOP\r\nRNTO b\r\nRNFR a\r\nRNTO b\r\n\
          REST 10\r\nDELE a\r\nRETR a\r\nPASV\r\nREST 5\r\nRETR a\r\nREST x\r\nPROT P\r\n",
    );
    assert_eq!(
        codes(&replies),
        [
            "220", "331", "230", "503", "350", "200", "503", "350", "250", "350", "503", "425",
            "227", "350", "150", "226", "501", "502",
        ]
    );
}

#[test]
fn settings_say_what_they_set() {
    let replies = replies(b"USER alice\r\nPASS pw\r\nTYPE I\r\nMODE S\r\nSTRU F\r\nSTRU R\r\n");
    let texts: Vec<&str> = replies.lines().skip(3).collect();
    assert_eq!(
        texts,
        [
            "200 Type set.",
            "200 Mode set.",
            "200 Structure set.",
            "504 Not implemented for that parameter."
        ]
    );
}

#[test]
fn paths_never_leave_the_root() {
    let replies = replies(b"USER alice\r\nPASS pw\r\nCWD ../../..\r\nPWD\r\nCWD pub\r\nPWD\r\nCDUP\r\nCDUP\r\nPWD\r\nCWD /etc\r\n");
    assert!(replies.contains("257 \"/\" is"), "{replies}");
    assert!(replies.contains("257 \"/pub\" is"), "{replies}");
    assert_eq!(codes(&replies).last(), Some(&"550"));
}

#[test]
fn data_connections_and_epsv_all() {
    let replies = replies(
        b"USER alice\r\nPASS pw\r\nLIST\r\nEPSV\r\nLIST -la\r\nLIST\r\nEPSV 3\r\nEPSV ALL\r\n\
          PASV\r\nPORT 127,0,0,1,4,1\r\nEPSV\r\nNLST\r\nTYPE A\r\nTYPE X\r\nMODE B\r\n",
    );
    assert_eq!(
        codes(&replies),
        [
            "220", "331", "230", "425", "229", "150", "226", "425", "522", "200", "501", "501",
            "229", "150", "226", "200", "501", "504",
        ]
    );
}

#[test]
fn feat_help_and_opts() {
    let replies = replies(b"FEAT\r\nOPTS UTF8 ON\r\nOPTS MLST size;type;x;\r\nFEAT\r\nHELP\r\n");
    assert!(
        replies.contains(" MLST type*;size*;modify*;perm;UNIX.mode;\r\n"),
        "{replies}"
    );
    assert!(
        replies.contains("200 MLST OPTS type;size;\r\n"),
        "{replies}"
    );
    assert!(
        replies.contains(" MLST type*;size*;modify;perm;UNIX.mode;\r\n"),
        "{replies}"
    );
    assert!(replies.contains(" REST STREAM\r\n") && replies.contains(" UTF8\r\n"));
    assert!(replies.contains(" ABOR ALLO APPE"), "{replies}");
    assert!(replies.ends_with("214 Help okay.\r\n"), "{replies}");
}

#[test]
fn abor_and_stat_during_a_transfer() {
    let mut session = Session::<64>::default();
    let mut out = [0u8; 256];
    for line in [
        &b"USER alice\r\n"[..],
        b"PASS pw\r\n",
        b"EPSV\r\n",
        b"RETR f\r\n",
    ] {
        let read = session.read(line, &mut out).unwrap();
        if let Event::Request(request) = read.event {
            let _ = match decide(request) {
                Decision::Transfer => session.succeed(&mut out).unwrap(), // 150 only
                decision => answer(&mut session, decision, &mut out),
            };
        }
    }
    assert_eq!(session.transfer(), Some(Command::Retr));
    // Another command waits; STAT is answered at once; ABOR stops the transfer.
    let read = session.read(b"NOOP\r\n", &mut out).unwrap();
    assert_eq!((read.used, read.event), (0, Event::Busy));
    let read = session.read(b"STAT\r\n", &mut out).unwrap();
    assert_eq!(read.event, Event::Request(Request::Status(None)));
    let n = session
        .reply(&mut out, Code::SystemStatus, "Sending.")
        .unwrap();
    assert_eq!(&out[..n], b"211 Sending.\r\n");
    let read = session.read(b"\xff\xf4\xff\xf2ABOR\r\n", &mut out).unwrap();
    assert_eq!(read.event, Event::Request(Request::Abort));
    let n = session.aborted(&mut out).unwrap();
    assert_eq!(
        &out[..n],
        b"426 Transfer aborted.\r\n226 ABOR command successful.\r\n"
    );
    // The data connection is gone with the transfer.
    let read = session.read(b"RETR f\r\n", &mut out).unwrap();
    assert!(matches!(read.event, Event::Reply(n) if out[..n].starts_with(b"425")));
}

#[test]
fn answers_outside_the_row_are_refused_and_change_nothing() {
    let mut session = Session::<64>::default();
    let mut out = [0u8; 256];
    let _ = session.read(b"USER alice\r\n", &mut out).unwrap();
    let _ = session.read(b"PASS pw\r\n", &mut out).unwrap();
    // PASS never gets a 226.
    let error = session
        .reply(&mut out, Code::ClosingDataConnection, "x")
        .unwrap_err();
    assert_eq!(
        error,
        ServerError::NotInRow {
            command: Command::Pass,
            code: Code::ClosingDataConnection.reply_code(),
        }
    );
    assert!(!session.logged_in());
    assert_eq!(
        session.read(b"NOOP\r\n", &mut out),
        Err(ServerError::AnswerDue)
    );
    session.succeed(&mut out).unwrap();
    assert!(session.logged_in());
    // A 226 before any 150 is out of order.
    let _ = session.read(b"EPSV\r\n", &mut out).unwrap();
    session
        .passive(&mut out, "127.0.0.1:9".parse().unwrap())
        .unwrap();
    let _ = session.read(b"RETR a\r\n", &mut out).unwrap();
    assert!(matches!(
        session.reply(&mut out, Code::ClosingDataConnection, "x"),
        Err(ServerError::NotInRow { .. })
    ));
    let n = session.succeed(&mut out).unwrap();
    assert_eq!(
        &out[..n],
        b"150 File status okay; about to open data connection.\r\n"
    );
    assert_eq!(
        session.succeed(&mut out).map(|n| &out[..n]),
        Ok(&b"226 Transfer complete.\r\n"[..])
    );
    assert_eq!(session.succeed(&mut out), Err(ServerError::NothingToAnswer));
}

/// Every reply the scripts above draw is in its command's row: checked by reading each
/// transcript back with the reply parser and the command that was answered.
#[test]
fn own_replies_fit_their_rows() {
    let cases: &[(&[u8], Command)] = &[
        (b"NOOP x\r\n", Command::Noop),
        (b"QUIT x\r\n", Command::Quit),
        (b"PWD x\r\n", Command::Pwd),
        (b"EPSV 9\r\n", Command::Epsv),
        (b"EPSV ALL\r\n", Command::Epsv),
        (b"REST 1\r\n", Command::Rest),
        (b"ABOR\r\n", Command::Abor),
        (b"TYPE E\r\n", Command::Type),
        (b"OPTS X\r\n", Command::Opts),
        (b"ALLO 5\r\n", Command::Allo),
        (b"SYST\r\n", Command::Syst),
        (b"HELP\r\n", Command::Help),
        (b"FEAT\r\n", Command::Feat),
        (b"RETR x\r\n", Command::Retr),
        (b"MLSD\r\n", Command::Mlsd),
        (b"RNTO x\r\n", Command::Rnto),
    ];
    for &(line, command) in cases {
        let mut session = Session::<64>::default();
        let mut out = [0u8; 1024];
        for login in [&b"USER alice\r\n"[..], b"PASS pw\r\n"] {
            let _ = session.read(login, &mut out).unwrap();
        }
        session.succeed(&mut out).unwrap();
        let read = session.read(line, &mut out).unwrap();
        let Event::Reply(n) = read.event else {
            panic!("{line:?}")
        };
        let mut parser = Parser::new(ParseOptions::strict());
        let Ok(Status::Complete((reply, _))) = parser.parse(&out[..n]) else {
            panic!()
        };
        assert_ne!(
            command.classify(reply.code()),
            Outcome::Unexpected,
            "{line:?}"
        );
    }
}

/// `succeed` gives a reply in the row of every command that can wait for an answer.
#[test]
fn success_fits_every_command() {
    for &command in Command::ALL {
        let mut session = Session::<64>::new(
            super::Config::new().with_commands(super::Commands::NONE.with(Command::ALL)),
        );
        // What `read` promises: 512 bytes hold any reply of the session's own.
        let mut out = [0u8; 512];
        for login in [&b"USER alice\r\n"[..], b"PASS pw\r\n"] {
            let _ = session.read(login, &mut out).unwrap();
        }
        session.succeed(&mut out).unwrap();
        for setup in [&b"EPSV\r\n"[..], b"RNFR a\r\n"] {
            let _ = session.read(setup, &mut out).unwrap();
            session.succeed(&mut out).unwrap();
        }
        let mut line = std::format!("{command} x\r\n").into_bytes();
        if command.argument() == crate::command::Argument::None {
            line = std::format!("{command}\r\n").into_bytes();
        }
        let read = session.read(&line, &mut out).unwrap();
        if let Event::Request(_) = read.event {
            let n = session.succeed(&mut out);
            // MIC, CONF and ENC (RFC 2228) succeed with protected 6yz replies only.
            let none = command.replies().completion.is_empty()
                && command.replies().intermediate.is_empty();
            assert_eq!(n.is_ok(), !none, "{command}: {n:?}");
        }
    }
}

/// A 0xFF in a path comes doubled (Telnet's escape), is one byte in the request, and goes back
/// doubled in PWD's 257.
#[test]
fn a_doubled_iac_in_a_path_round_trips() {
    let mut session = Session::<64>::default();
    let mut out = [0u8; 256];
    let _ = session.read(b"USER alice\r\n", &mut out).unwrap();
    let _ = session.read(b"PASS pw\r\n", &mut out).unwrap();
    session.succeed(&mut out).unwrap();
    let read = session.read(b"CWD caf\xff\xff\r\n", &mut out).unwrap();
    assert_eq!(
        read.event,
        Event::Request(Request::ChangeDirectory(b"/caf\xff"))
    );
    session.succeed(&mut out).unwrap();
    let read = session.read(b"PWD\r\n", &mut out).unwrap();
    let Event::Reply(n) = read.event else {
        panic!()
    };
    assert_eq!(
        &out[..n],
        b"257 \"/caf\xff\xff\" is the current directory.\r\n"
    );
}

/// A logged-out session with TLS `tls`, the replies to `lines` (each read whole), and each
/// read's event kind.
fn tls_script(tls: super::Tls, lines: &[&[u8]]) -> Vec<String> {
    let mut session = Session::<64>::new(super::Config::new().with_tls(tls));
    let mut out = [0u8; 512];
    let mut replies = Vec::new();
    for &line in lines {
        let read = session.read(line, &mut out).unwrap();
        let (n, what) = match read.event {
            Event::Reply(n) => (n, ""),
            Event::StartTls(n) => {
                assert_eq!(read.used, line.len(), "nothing after AUTH is read");
                (n, " (handshake)")
            }
            Event::Request(request) => {
                let decision = decide(request);
                (answer(&mut session, decision, &mut out), " (request)")
            }
            other => panic!("{other:?}"),
        };
        let code = &out[..3];
        let command = session.answered();
        let code = crate::ReplyCode::from_ascii(code).unwrap();
        if let Some(command) = command {
            assert_ne!(
                command.classify(code),
                Outcome::Unexpected,
                "{command} {code}"
            );
        }
        replies.push(std::format!(
            "{}{what}",
            String::from_utf8_lossy(&out[..n]).lines().last().unwrap()
        ));
    }
    replies
}

#[test]
fn auth_tls_pbsz_prot_and_ccc_in_sequence() {
    let replies = tls_script(
        super::Tls::Offered,
        &[
            b"PBSZ 0\r\n",
            b"PROT P\r\n",
            b"CCC\r\n",
            b"AUTH GSSAPI\r\n",
            // Pipelined after AUTH, before the handshake: dropped, never run.
            b"AUTH TLS\r\nUSER alice\r\nPASS pw\r\n",
            b"AUTH TLS\r\n",
            b"PROT P\r\n",
            b"PBSZ x\r\n",
            b"PBSZ 16384\r\n",
            b"PROT S\r\n",
            b"PROT Q\r\n",
            b"PROT P\r\n",
            b"CCC\r\n",
            b"PWD\r\n",
            b"USER alice\r\n",
            b"PASS pw\r\n",
            b"EPSV\r\n",
            b"LIST\r\n",
        ],
    );
    let codes: Vec<&str> = replies.iter().map(|r| &r[..3]).collect();
    assert_eq!(
        codes,
        [
            "503", "503", "533", "504", "234", "534", "503", "501", "200", "536", "504", "200",
            "534", "530", "331", "230", "229", "226"
        ],
        "{replies:#?}"
    );
    assert_eq!(replies[4], "234 AUTH TLS successful. (handshake)");
    assert_eq!(replies[8], "200 PBSZ=0");
}

#[test]
fn required_tls_refuses_logins_and_clear_data() {
    let replies = tls_script(
        super::Tls::Required,
        &[
            b"FEAT\r\n",
            b"USER alice\r\n",
            b"AUTH TLS\r\n",
            b"USER alice\r\n",
            b"PASS pw\r\n",
            b"EPSV\r\n",
            b"RETR a\r\n",
            b"PBSZ 0\r\n",
            b"PROT C\r\n",
            b"PROT P\r\n",
            b"EPSV\r\n",
            b"RETR a\r\n",
        ],
    );
    let codes: Vec<&str> = replies.iter().map(|r| &r[..3]).collect();
    assert_eq!(
        codes,
        [
            "211", "530", "234", "331", "230", "229", "521", "200", "534", "200", "229", "226"
        ],
        "{replies:#?}"
    );
}

#[test]
fn feat_lists_tls_only_when_offered() {
    let mut out = [0u8; 512];
    for (tls, listed) in [(super::Tls::Off, false), (super::Tls::Offered, true)] {
        let mut session = Session::<64>::new(super::Config::new().with_tls(tls));
        let Event::Reply(n) = session.read(b"FEAT\r\n", &mut out).unwrap().event else {
            panic!()
        };
        let text = String::from_utf8_lossy(&out[..n]).into_owned();
        assert_eq!(
            text.contains(" AUTH TLS\r\n PBSZ\r\n PROT\r\n"),
            listed,
            "{text}"
        );
        let Event::Reply(n) = session.read(b"AUTH TLS\r\n", &mut out).unwrap().event else {
            assert!(listed);
            continue;
        };
        assert!(!listed && out[..n].starts_with(b"502 "));
    }
}
