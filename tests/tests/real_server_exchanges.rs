//! Whole sessions against real servers on 127.0.0.1 (pyftpdlib, and vsftpd where installed)
//! driven the way a client built on ftp-codes drives them: every command line written by
//! `Writer::command`, every reply framed by the resumable parser, and every exchange run by
//! `exchange::Exchange` to the outcome the command catalogue gives. No mocks.

mod support;

use ftp_codes::client::exchange::{Exchange, Next};
use ftp_codes::payload;
use ftp_codes::reply::{ParseOptions, Parser, Status};
use ftp_codes::write::{WriteOptions, Writer};
use ftp_codes::{Command, Outcome};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;
use support::control::read_data;
use support::{scratch_dir, servers, unavailable};

const CONTENT: &[u8] = b"a file for the exchanges\n";
const TIMEOUT: Duration = Duration::from_secs(10);
/// Reads per reply before giving up: every loop in a test is bounded.
const MAX_READS: usize = 10_000;

/// A client's control connection: the writer for commands, the resumable parser for replies.
struct Client {
    stream: TcpStream,
    buf: Vec<u8>,
    parser: Parser,
    /// Every (command, reply code) of the session, for the report on failure.
    transcript: Vec<(String, u16)>,
}

impl Client {
    fn connect(address: SocketAddr) -> Self {
        let stream = TcpStream::connect_timeout(&address, TIMEOUT).expect("connect");
        stream
            .set_read_timeout(Some(TIMEOUT))
            .expect("a read timeout");
        Self {
            stream,
            buf: Vec::new(),
            parser: Parser::new(ParseOptions::strict()),
            transcript: Vec::new(),
        }
    }

    /// The next reply's code and first line.
    fn reply(&mut self) -> (u16, String) {
        for _ in 0..MAX_READS {
            if let Status::Complete((reply, used)) = self.parser.parse(&self.buf).expect("a reply")
            {
                let found = (
                    reply.code().as_u16(),
                    String::from_utf8_lossy(reply.text()).into_owned(),
                );
                self.buf.drain(..used);
                return found;
            }
            let mut chunk = [0u8; 1460];
            let n = self.stream.read(&mut chunk).expect("read");
            assert!(n > 0, "the server closed the connection mid-reply");
            self.buf.extend_from_slice(&chunk[..n]);
        }
        panic!("no reply after {MAX_READS} reads");
    }

    fn send(&mut self, command: Command, argument: &str) {
        let mut line = [0u8; 512];
        let mut out = Writer::new(&mut line, WriteOptions::default());
        out.command(command, argument.as_bytes())
            .expect("a command line");
        self.stream.write_all(out.written()).expect("send");
    }

    /// Runs one command's whole exchange; `arguments` answers each `Next::Send`. The
    /// outcome, and the first line of the last reply.
    fn run(
        &mut self,
        command: Command,
        argument: &str,
        arguments: &[(Command, &str)],
    ) -> (Outcome, String) {
        self.send(command, argument);
        let mut exchange = Exchange::new(command);
        for _ in 0..8 {
            let (code, text) = self.reply();
            self.transcript.push((exchange.command().to_string(), code));
            match exchange.reply(ftp_codes::ReplyCode::from_u16(code).unwrap()) {
                Next::AwaitReply => {}
                Next::Send(next) => {
                    let (_, argument) = arguments
                        .iter()
                        .find(|(c, _)| *c == next)
                        .unwrap_or_else(|| panic!("no argument for {next}"));
                    self.send(next, argument);
                }
                Next::Done(outcome) => return (outcome, text),
            }
        }
        panic!(
            "the exchange of {command} did not end: {:?}",
            self.transcript
        );
    }
}

fn session(address: SocketAddr, user: &str, password: &str) {
    let mut ftp = Client::connect(address);
    let (greeting, _) = ftp.reply();
    assert_eq!(greeting, 220);

    // A refused login: USER, 331, PASS, 530 (or 530 to USER straight away).
    let (outcome, _) = ftp.run(Command::User, "nobody", &[(Command::Pass, "wrong")]);
    assert_eq!(outcome, Outcome::PermanentFailure, "{:?}", ftp.transcript);

    // A good one, through the same chain.
    let (outcome, _) = ftp.run(Command::User, user, &[(Command::Pass, password)]);
    assert_eq!(outcome, Outcome::Completed, "{:?}", ftp.transcript);

    for (command, argument) in [
        (Command::Syst, ""),
        (Command::Pwd, ""),
        (Command::Type, "I"),
        (Command::Noop, ""),
    ] {
        let (outcome, text) = ftp.run(command, argument, &[]);
        assert_eq!(outcome, Outcome::Completed, "{command}: {text}");
    }

    // A missing directory and a missing file.
    let (outcome, _) = ftp.run(Command::Cwd, "no-such-dir", &[]);
    assert_eq!(outcome, Outcome::PermanentFailure, "{:?}", ftp.transcript);

    // A completed transfer: PASV, then RETR's 150 and 226 around the data.
    let (outcome, text) = ftp.run(Command::Pasv, "", &[]);
    assert_eq!(outcome, Outcome::Completed);
    let reply = format!("227 {text}\r\n");
    let (pasv, _) = ftp_codes::reply::parse(reply.as_bytes(), &ParseOptions::strict())
        .unwrap()
        .complete()
        .unwrap();
    let data = SocketAddr::new(address.ip(), payload::pasv_port(&pasv).unwrap());
    let mut reader = Some(std::thread::spawn(move || read_data(data)));
    let (outcome, _) = ftp.run(Command::Retr, "file.txt", &[]);
    assert_eq!(outcome, Outcome::Completed, "{:?}", ftp.transcript);
    assert_eq!(reader.take().unwrap().join().unwrap(), CONTENT);

    // The same through EPSV: the port only, on the control connection's host.
    let (outcome, text) = ftp.run(Command::Epsv, "", &[]);
    assert_eq!(outcome, Outcome::Completed);
    let reply = format!("229 {text}\r\n");
    let (epsv, _) = ftp_codes::reply::parse(reply.as_bytes(), &ParseOptions::strict())
        .unwrap()
        .complete()
        .unwrap();
    let data = SocketAddr::new(address.ip(), payload::epsv(&epsv).unwrap());
    let reader = std::thread::spawn(move || read_data(data));
    let (outcome, _) = ftp.run(Command::Retr, "file.txt", &[]);
    assert_eq!(outcome, Outcome::Completed, "{:?}", ftp.transcript);
    assert_eq!(reader.join().unwrap(), CONTENT);

    let (outcome, _) = ftp.run(Command::Size, "no-such-file.txt", &[]);
    assert_eq!(outcome, Outcome::PermanentFailure, "{:?}", ftp.transcript);

    // RETR of a missing file, with a passive connection ready as a client would have it.
    let (outcome, _) = ftp.run(Command::Pasv, "", &[]);
    assert_eq!(outcome, Outcome::Completed);
    let (outcome, _) = ftp.run(Command::Retr, "no-such-file.txt", &[]);
    assert_eq!(outcome, Outcome::PermanentFailure, "{:?}", ftp.transcript);

    // A command the server does not carry out: a permanent failure, by the row or the rules.
    let (outcome, _) = ftp.run(Command::Smnt, "/elsewhere", &[]);
    assert_eq!(outcome, Outcome::PermanentFailure, "{:?}", ftp.transcript);

    let (outcome, _) = ftp.run(Command::Quit, "", &[]);
    assert_eq!(outcome, Outcome::Completed);

    // Every reply of the session was in its command's table (or a rule's): none unexpected.
    for (verb, code) in &ftp.transcript {
        let command = Command::from_verb(verb.as_bytes()).unwrap();
        let outcome = command.classify(ftp_codes::ReplyCode::from_u16(*code).unwrap());
        assert_ne!(
            outcome,
            Outcome::Unexpected,
            "{verb} {code}: {:?}",
            ftp.transcript
        );
    }
}

fn root(name: &str) -> support::Scratch {
    let dir = scratch_dir(name);
    let root = dir.join("root");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(root.join("file.txt"), CONTENT).unwrap();
    dir
}

fn pyftpdlib_exchanges_classify_as_expected() {
    let dir = root("exchanges-pyftpdlib");
    match servers::pyftpdlib(&dir.join("root")) {
        Ok(server) => session(server.address, "alice", "secret"),
        Err(why) => unavailable("pyftpdlib", &why),
    }
}

fn vsftpd_exchanges_classify_as_expected() {
    let dir = root("exchanges-vsftpd");
    match servers::vsftpd(&dir.join("root"), &dir) {
        Ok(server) => session(server.address, "anonymous", "guest@example.com"),
        Err(why) => unavailable("vsftpd", &why),
    }
}

fn main() -> std::process::ExitCode {
    support::harness::run(tests![
        pyftpdlib_exchanges_classify_as_expected,
        vsftpd_exchanges_classify_as_expected,
    ])
}
