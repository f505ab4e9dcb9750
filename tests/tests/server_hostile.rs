//! `ftp_codes::server::Server` on 127.0.0.1 against hostile input over a raw socket, and
//! under load: after each attack the session answers the next command correctly.

mod support;

use ftp_codes::reply::{self, ParseOptions, Status};
use ftp_codes::server::{Directory, Server, Users};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::time::Duration;

/// How long a test waits for any reply: a reply that needs longer is a failure.
const WAIT: Duration = Duration::from_secs(5);

/// A server in this process over a fresh directory (`pub/hello.txt`, a 64 KiB `data.bin`),
/// for `alice`/`secret`, with a 2-second data deadline and a 3-second idle time.
fn start(name: &str) -> (SocketAddr, support::Scratch) {
    let dir = support::scratch_dir(&format!("hostile-{name}"));
    let root = dir.join("root");
    std::fs::create_dir_all(root.join("pub")).unwrap();
    std::fs::write(root.join("pub/hello.txt"), b"hello\n").unwrap();
    std::fs::write(root.join("data.bin"), data()).unwrap();
    std::fs::write(dir.join("secret.txt"), b"outside the root\n").unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.join("secret.txt"), root.join("leak")).unwrap();
        std::os::unix::fs::symlink(&dir, root.join("up")).unwrap();
        // A name that would put a reply line on the control connection if it were written.
        std::fs::write(root.join("pub/evil\r\n226 done"), b"").unwrap();
    }
    let server = Server::new(
        Directory::new(&root).unwrap(),
        Users::none().with_user("alice", "secret"),
    )
    .with_data_timeout(Duration::from_secs(2))
    .with_idle_timeout(Duration::from_secs(3));
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || server.serve(&listener));
    (address, dir)
}

/// 64 KiB of every byte value.
fn data() -> Vec<u8> {
    (0..65_536u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect()
}

/// A raw control connection: bytes out, whole replies in.
struct Raw {
    stream: TcpStream,
    buf: Vec<u8>,
}

impl Raw {
    fn connect(address: SocketAddr) -> Self {
        let stream = TcpStream::connect(address).unwrap();
        stream.set_read_timeout(Some(WAIT)).unwrap();
        let mut raw = Self {
            stream,
            buf: Vec::new(),
        };
        assert_eq!(raw.reply().0, 220);
        raw
    }

    fn logged_in(address: SocketAddr) -> Self {
        let mut raw = Self::connect(address);
        assert_eq!(raw.ask(b"USER alice\r\n").0, 331);
        assert_eq!(raw.ask(b"PASS secret\r\n").0, 230);
        raw
    }

    fn send(&mut self, bytes: &[u8]) {
        self.stream.write_all(bytes).unwrap();
    }

    /// The next reply's code and text (a multi-line reply's text is all of it, as sent).
    fn reply(&mut self) -> (u16, String) {
        for _ in 0..10_000 {
            if let Status::Complete((reply, used)) =
                reply::parse(&self.buf, &ParseOptions::strict()).unwrap()
            {
                let text = if reply.raw().get(3) == Some(&b'-') {
                    String::from_utf8_lossy(reply.raw()).into_owned()
                } else {
                    String::from_utf8_lossy(reply.text()).into_owned()
                };
                let code = reply.code().as_u16();
                self.buf.drain(..used);
                return (code, text);
            }
            let mut chunk = [0u8; 4096];
            let n = self
                .stream
                .read(&mut chunk)
                .expect("a reply within the wait");
            assert!(n > 0, "the server closed the connection");
            self.buf.extend_from_slice(&chunk[..n]);
        }
        panic!("no whole reply")
    }

    fn ask(&mut self, line: &[u8]) -> (u16, String) {
        self.send(line);
        self.reply()
    }

    /// EPSV, then the data connection to the port it names.
    fn passive(&mut self) -> TcpStream {
        let (code, text) = self.ask(b"EPSV\r\n");
        assert_eq!(code, 229, "{text}");
        // `Entering Extended Passive Mode (|||port|)`.
        let port: u16 = text.split('|').nth(3).unwrap().parse().unwrap();
        let address = SocketAddr::new(self.stream.peer_addr().unwrap().ip(), port);
        TcpStream::connect(address).unwrap()
    }

    /// The session is in step: NOOP gets its own 200.
    fn in_step(&mut self) {
        assert_eq!(self.ask(b"NOOP\r\n").0, 200);
    }
}

fn bad_lines_get_one_reply_each_and_the_session_goes_on() {
    let (address, _dir) = start("lines");
    let mut ftp = Raw::logged_in(address);
    let mut long = b"RETR ".to_vec();
    long.extend(std::iter::repeat_n(b'a', 10_000));
    long.extend_from_slice(b"\r\n");
    // Sent in pieces, as a slow client would: still one reply.
    for piece in long.chunks(997) {
        ftp.send(piece);
        std::thread::sleep(Duration::from_millis(2));
    }
    assert_eq!(ftp.reply().0, 500);
    ftp.in_step();
    assert_eq!(ftp.ask(b"SIZE a\rb\r\n").0, 501, "CR in an argument");
    ftp.in_step();
    assert_eq!(ftp.ask(b"SIZE a\0b\r\n").0, 501, "NUL in a path");
    ftp.in_step();
    assert_eq!(ftp.ask(b"NOOP\n").0, 200, "a lone LF ends the line");
    assert_eq!(ftp.ask(b"XYZZ\r\n").0, 500);
    // Telnet IP and DM before ABOR, in band: ABOR's own reply (no transfer: 225).
    assert_eq!(ftp.ask(b"\xff\xf4\xff\xf2ABOR\r\n").0, 225);
    ftp.in_step();
}

fn commands_out_of_sequence_and_before_login() {
    let (address, _dir) = start("sequence");
    let mut ftp = Raw::connect(address);
    assert_eq!(ftp.ask(b"RETR data.bin\r\n").0, 530);
    assert_eq!(ftp.ask(b"CWD /\r\n").0, 530);
    assert_eq!(ftp.ask(b"STAT /\r\n").0, 530);
    assert_eq!(ftp.ask(b"PASS secret\r\n").0, 503);
    assert_eq!(ftp.ask(b"USER alice\r\n").0, 331);
    assert_eq!(ftp.ask(b"PASS guess\r\n").0, 530);
    assert_eq!(ftp.ask(b"PWD\r\n").0, 530);
    assert_eq!(ftp.ask(b"USER alice\r\n").0, 331);
    assert_eq!(ftp.ask(b"PASS secret\r\n").0, 230);
    assert_eq!(ftp.ask(b"PWD x\r\n").0, 501);
    assert_eq!(ftp.ask(b"RNTO x\r\n").0, 503);
    assert_eq!(ftp.ask(b"REST 10\r\n").0, 350);
    assert_eq!(ftp.ask(b"MKD x\r\n").0, 503);
    assert_eq!(ftp.ask(b"EPSV ALL\r\n").0, 200);
    assert_eq!(ftp.ask(b"PASV\r\n").0, 501);
    assert_eq!(ftp.ask(b"PORT 127,0,0,1,4,1\r\n").0, 501);
    ftp.in_step();
}

fn paths_stay_under_the_root() {
    let (address, _dir) = start("paths");
    let mut ftp = Raw::logged_in(address);
    assert_eq!(ftp.ask(b"CWD ../../..\r\n").0, 250);
    let (code, text) = ftp.ask(b"PWD\r\n");
    assert_eq!(
        (code, text.as_str()),
        (257, "\"/\" is the current directory.")
    );
    for path in [
        &b"../../etc/passwd"[..],
        b"/etc/passwd",
        b"leak",          // a link inside the root to a file outside
        b"up/secret.txt", // a link inside the root to the directory above it
    ] {
        let _data = ftp.passive();
        let mut line = b"RETR ".to_vec();
        line.extend_from_slice(path);
        line.extend_from_slice(b"\r\n");
        let (code, text) = ftp.ask(&line);
        assert_eq!(code, 550, "RETR {}: {text}", path.escape_ascii());
        ftp.in_step();
    }
    assert_eq!(ftp.ask(b"CWD up\r\n").0, 550);
    // STAT lists over the control connection: the name holding CR LF is left out.
    let (code, text) = ftp.ask(b"STAT pub\r\n");
    assert_eq!(code, 213, "{text}");
    assert!(
        text.contains("hello.txt") && !text.contains("evil"),
        "{text}"
    );
    let mut data = ftp.passive();
    assert_eq!(ftp.ask(b"NLST pub\r\n").0, 150);
    let mut names = Vec::new();
    data.read_to_end(&mut names).unwrap();
    assert_eq!(names, b"hello.txt\r\n");
    assert_eq!(ftp.reply().0, 226);
    assert_eq!(ftp.ask(b"SIZE leak\r\n").0, 550);
    // Nothing was written outside through the link either.
    let _data = ftp.passive();
    assert_eq!(ftp.ask(b"STOR leak\r\n").0, 550);
    ftp.in_step();
}

fn a_passive_connection_nobody_opens() {
    let (address, _dir) = start("nobody");
    let mut ftp = Raw::logged_in(address);
    assert_eq!(ftp.ask(b"PASV\r\n").0, 227);
    // The listener waits for the transfer: NOOP is answered at once.
    ftp.in_step();
    assert_eq!(ftp.ask(b"RETR data.bin\r\n").0, 150);
    // Then 425 once the 2-second deadline passes, within the test's wait.
    assert_eq!(ftp.reply().0, 425);
    ftp.in_step();
}

fn abor_and_stat_during_a_transfer() {
    let (address, root) = start("abort");
    // A file large enough that the transfer is still running when ABOR comes, since the
    // test reads none of it.
    std::fs::write(root.join("root/big.bin"), vec![7u8; 32 << 20]).unwrap();
    let mut ftp = Raw::logged_in(address);
    let data = ftp.passive();
    assert_eq!(ftp.ask(b"RETR big.bin\r\n").0, 150);
    let (code, text) = ftp.ask(b"STAT\r\n");
    assert_eq!(code, 211, "{text}");
    assert!(text.contains("bytes so far"), "{text}");
    assert_eq!(ftp.ask(b"\xff\xf4\xff\xf2ABOR\r\n").0, 426);
    assert_eq!(ftp.reply().0, 226, "ABOR's own reply");
    drop(data);
    ftp.in_step();
    // ABOR after a transfer that finished: one reply, 225, and the session in step.
    let mut data = ftp.passive();
    assert_eq!(ftp.ask(b"RETR pub/hello.txt\r\n").0, 150);
    let mut received = Vec::new();
    data.read_to_end(&mut received).unwrap();
    assert_eq!(received, b"hello\n");
    assert_eq!(ftp.reply().0, 226);
    assert_eq!(ftp.ask(b"ABOR\r\n").0, 225);
    ftp.in_step();
}

fn an_idle_session_is_closed_with_421() {
    let (address, _dir) = start("idle");
    let mut ftp = Raw::logged_in(address);
    // Nothing sent for longer than the 3-second idle time.
    assert_eq!(ftp.reply().0, 421);
    let mut rest = Vec::new();
    assert_eq!(
        ftp.stream.read_to_end(&mut rest).unwrap(),
        0,
        "closed after the 421"
    );
}

fn fifty_sessions_each_twenty_size_and_retr() {
    let (address, _dir) = start("load");
    let expected = data();
    let sessions: Vec<_> = (0..50)
        .map(|_| {
            let expected = expected.clone();
            std::thread::spawn(move || {
                let mut ftp = Raw::logged_in(address);
                for _ in 0..20 {
                    let (code, text) = ftp.ask(b"SIZE data.bin\r\n");
                    assert_eq!((code, text.as_str()), (213, "65536"));
                    let mut data = ftp.passive();
                    assert_eq!(ftp.ask(b"RETR data.bin\r\n").0, 150);
                    let mut received = Vec::new();
                    data.read_to_end(&mut received).unwrap();
                    assert!(received == expected, "a download differs");
                    assert_eq!(ftp.reply().0, 226);
                }
                assert_eq!(ftp.ask(b"QUIT\r\n").0, 221);
            })
        })
        .collect();
    for session in sessions {
        session.join().expect("a session failed");
    }
}

fn five_thousand_pipelined_noops_in_one_write() {
    let (address, _dir) = start("pipelined");
    let mut ftp = Raw::logged_in(address);
    let mut lines = Vec::new();
    for i in 0..5_000 {
        // Every 7th is a PWD, so that order shows.
        lines.extend_from_slice(if i % 7 == 0 { b"PWD\r\n" } else { b"NOOP\r\n" });
    }
    ftp.send(&lines);
    for i in 0..5_000 {
        let expected = if i % 7 == 0 { 257 } else { 200 };
        assert_eq!(ftp.reply().0, expected, "reply {i}");
    }
    ftp.in_step();
}

fn main() -> std::process::ExitCode {
    support::harness::run(tests![
        bad_lines_get_one_reply_each_and_the_session_goes_on,
        commands_out_of_sequence_and_before_login,
        paths_stay_under_the_root,
        a_passive_connection_nobody_opens,
        abor_and_stat_during_a_transfer,
        an_idle_session_is_closed_with_421,
        fifty_sessions_each_twenty_size_and_retr,
        five_thousand_pipelined_noops_in_one_write,
    ])
}
