//! `control::Control` over an in-memory transport that delivers a transcript in pieces of 1, 3, 7
//! and 64 bytes, and over a real TCP connection to pyftpdlib (and vsftpd where installed).

mod support;

use embedded_io::{ErrorKind, ErrorType, Read, Write};
use ftp_codes::client::control::{Control, ControlError, FromStd};
use ftp_codes::reply::ParseOptions;
use ftp_codes::{Code, Command, Outcome, payload};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;
use support::control::read_data;
use support::{scratch_dir, servers, unavailable};

/// A transport that serves `input` `step` bytes a read and records what is written.
struct Pieces<'a> {
    input: &'a [u8],
    step: usize,
    written: Vec<u8>,
}

#[derive(Debug, PartialEq, Eq)]
struct Never;

impl core::fmt::Display for Never {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("never")
    }
}
impl core::error::Error for Never {}
impl embedded_io::Error for Never {
    fn kind(&self) -> ErrorKind {
        ErrorKind::Other
    }
}

impl ErrorType for Pieces<'_> {
    type Error = Never;
}

impl Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Never> {
        let n = self.input.len().min(buf.len()).min(self.step);
        buf[..n].copy_from_slice(&self.input[..n]);
        self.input = &self.input[n..];
        Ok(n)
    }
}

impl Write for Pieces<'_> {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Never> {
        self.written.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> Result<(), Never> {
        Ok(())
    }
}

const TRANSCRIPT: &[u8] = b"220-Welcome to the server\r\n220 Ready\r\n331 Password required\r\n\
230 Logged in\r\n257 \"/home\" is the current directory\r\n150 Opening data connection\r\n\
226 Transfer complete\r\n421 Timeout\r\n";

fn a_whole_session_in_pieces_of_every_size() {
    for step in [1, 3, 7, 64] {
        let mut buffer = [0u8; 64];
        let transport = Pieces {
            input: TRANSCRIPT,
            step,
            written: Vec::new(),
        };
        let mut control = Control::new(transport, &mut buffer, ParseOptions::default());
        assert_eq!(
            control.read_reply().unwrap().known(),
            Some(Code::ServiceReady),
            "{step}"
        );
        let (outcome, _) = control
            .run(Command::User, b"alice", &[(Command::Pass, b"secret")])
            .unwrap();
        assert_eq!(outcome, Outcome::Completed);
        let pwd = control.send(Command::Pwd, b"").unwrap();
        assert_eq!(payload::pathname(&pwd).unwrap().raw(), b"/home");
        let (outcome, reply) = control.run(Command::Retr, b"file.txt", &[]).unwrap();
        assert_eq!((outcome, reply.code().as_u16()), (Outcome::Completed, 226));
        // 421 at any time.
        let (outcome, _) = control.run(Command::Noop, b"", &[]).unwrap();
        assert_eq!(outcome, Outcome::TransientFailure);
        assert_eq!(control.read_reply().unwrap_err(), ControlError::Closed);
        let written = control.into_transport().written;
        assert_eq!(
            written,
            b"USER alice\r\nPASS secret\r\nPWD\r\nRETR file.txt\r\nNOOP\r\n"
        );
    }
}

fn what_the_control_connection_refuses() {
    // A reply longer than the buffer: an error, never a loop.
    let mut small = [0u8; 16];
    let long = b"220 a greeting far longer than sixteen bytes\r\n";
    let mut control = Control::new(
        Pieces {
            input: long,
            step: 5,
            written: Vec::new(),
        },
        &mut small,
        ParseOptions::default(),
    );
    assert_eq!(
        control.read_reply().unwrap_err(),
        ControlError::ReplyLongerThanBuffer
    );

    // EOF in the middle of a reply.
    let mut buffer = [0u8; 64];
    let cut = b"220-Welcome\r\n220 Rea";
    let mut control = Control::new(
        Pieces {
            input: cut,
            step: 4,
            written: Vec::new(),
        },
        &mut buffer,
        ParseOptions::default(),
    );
    assert_eq!(
        control.read_reply().unwrap_err(),
        ControlError::ClosedMidReply
    );

    // A hostile argument: refused before anything is sent.
    let mut buffer = [0u8; 64];
    let mut control = Control::new(
        Pieces {
            input: b"",
            step: 4,
            written: Vec::new(),
        },
        &mut buffer,
        ParseOptions::default(),
    )
    .greeted();
    let refused = control
        .send(Command::Retr, b"x\r\nDELE important")
        .unwrap_err();
    assert!(matches!(refused, ControlError::Write(_)), "{refused:?}");
    assert!(control.into_transport().written.is_empty());

    // Bytes after AUTH TLS's 234 are shown and dropped on request.
    let mut buffer = [0u8; 64];
    let early = b"234 Proceed\r\n230 injected before the handshake\r\n";
    let mut control = Control::new(
        Pieces {
            input: early,
            step: 64,
            written: Vec::new(),
        },
        &mut buffer,
        ParseOptions::default(),
    )
    .greeted();
    let (outcome, _) = control.run(Command::Auth, b"TLS", &[]).unwrap();
    assert_eq!(outcome, Outcome::Completed);
    assert_eq!(control.buffered(), b"230 injected before the handshake\r\n");
    control.discard_buffered();
    assert!(control.buffered().is_empty());
    assert_eq!(control.read_reply().unwrap_err(), ControlError::Closed);
}

/// The same session through tokio: `AsyncControl` over `FromTokio<TcpStream>`.
async fn tokio_session(address: SocketAddr, user: &[u8], password: &[u8]) {
    use ftp_codes::client::control::{AsyncControl, FromTokio};
    let stream = tokio::time::timeout(
        Duration::from_secs(10),
        tokio::net::TcpStream::connect(address),
    )
    .await
    .expect("connect in time")
    .unwrap();
    let mut buffer = [0u8; 512];
    let mut control =
        AsyncControl::new(FromTokio::new(stream), &mut buffer, ParseOptions::strict());
    let within = Duration::from_secs(10);
    let greeting = tokio::time::timeout(within, control.read_reply())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(greeting.code(), Code::ServiceReady);
    let then = [(Command::Pass, password)];
    let login = control.run(Command::User, user, &then);
    let (outcome, _) = tokio::time::timeout(within, login).await.unwrap().unwrap();
    assert_eq!(outcome, Outcome::Completed);
    let (outcome, _) = control.run(Command::Type, b"I", &[]).await.unwrap();
    assert_eq!(outcome, Outcome::Completed);
    let size = control.send(Command::Size, b"file.txt").await.unwrap();
    assert_eq!(payload::size(&size), Ok(CONTENT.len() as u64));
    let epsv = control.send(Command::Epsv, b"").await.unwrap();
    let data = SocketAddr::new(address.ip(), payload::epsv(&epsv).unwrap());
    let reader = std::thread::spawn(move || read_data(data));
    let retr = control.run(Command::Retr, b"file.txt", &[]);
    let (outcome, _) = tokio::time::timeout(within, retr).await.unwrap().unwrap();
    assert_eq!(outcome, Outcome::Completed);
    assert_eq!(reader.join().unwrap(), CONTENT);

    // The client example's session: a mebibyte up and back (EPSV, then PASV), its size and
    // time, a directory whose name holds a double quote, and their removal.
    let upload: Vec<u8> = (0..1_048_576u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    for extended in [true, false] {
        let port = if extended {
            let (_, epsv) = control.run(Command::Epsv, b"", &[]).await.unwrap();
            payload::epsv(&epsv).unwrap()
        } else {
            let (_, pasv) = control.run(Command::Pasv, b"", &[]).await.unwrap();
            payload::pasv_port(&pasv).unwrap()
        };
        let data = SocketAddr::new(address.ip(), port);
        let bytes = upload.clone();
        let writer = std::thread::spawn(move || {
            let mut stream = TcpStream::connect_timeout(&data, within).unwrap();
            std::io::Write::write_all(&mut stream, &bytes).unwrap();
        });
        let stor = control.run(Command::Stor, b"up.bin", &[]);
        let (outcome, _) = tokio::time::timeout(within, stor).await.unwrap().unwrap();
        assert_eq!(outcome, Outcome::Completed);
        writer.join().unwrap();
        let (_, size) = control.run(Command::Size, b"up.bin", &[]).await.unwrap();
        assert_eq!(payload::size(&size), Ok(1_048_576));
        let (outcome, mdtm) = control.run(Command::Mdtm, b"up.bin", &[]).await.unwrap();
        assert_eq!(outcome, Outcome::Completed);
        assert!(payload::mdtm(&mdtm).unwrap().year() >= 2024);
        let (_, epsv) = control.run(Command::Epsv, b"", &[]).await.unwrap();
        let data = SocketAddr::new(address.ip(), payload::epsv(&epsv).unwrap());
        let reader = std::thread::spawn(move || read_data(data));
        let retr = control.run(Command::Retr, b"up.bin", &[]);
        let (outcome, _) = tokio::time::timeout(within, retr).await.unwrap().unwrap();
        assert_eq!(outcome, Outcome::Completed);
        assert!(
            reader.join().unwrap() == upload,
            "the download is the upload"
        );
        let (outcome, _) = control.run(Command::Dele, b"up.bin", &[]).await.unwrap();
        assert_eq!(outcome, Outcome::Completed);
    }
    let (outcome, made) = control.run(Command::Mkd, b"say \"hi\"", &[]).await.unwrap();
    assert_eq!(outcome, Outcome::Completed);
    let name: Vec<u8> = payload::pathname(&made)
        .unwrap()
        .chunks()
        .flatten()
        .copied()
        .collect();
    assert!(
        name.ends_with(b"/say \"hi\""),
        "{}",
        String::from_utf8_lossy(&name)
    );
    let (outcome, _) = control.run(Command::Rmd, b"say \"hi\"", &[]).await.unwrap();
    assert_eq!(outcome, Outcome::Completed);
    let refused = control.run(Command::Dele, b"x\r\nDELE file.txt", &[]).await;
    assert!(
        matches!(refused, Err(ControlError::Write(_))),
        "CR LF refused unsent"
    );
    let (outcome, _) = control.run(Command::Size, b"file.txt", &[]).await.unwrap();
    assert_eq!(outcome, Outcome::Completed, "file.txt is still there");

    let (outcome, _) = control.run(Command::Quit, b"", &[]).await.unwrap();
    assert_eq!(outcome, Outcome::Completed);
}

fn pyftpdlib_through_tokio() {
    let dir = root("control-tokio");
    match servers::pyftpdlib(&dir.join("root")) {
        Ok(server) => tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(tokio_session(server.address, b"alice", b"secret")),
        Err(why) => unavailable("pyftpdlib", &why),
    }
}

fn session(address: SocketAddr, user: &[u8], password: &[u8]) {
    let stream = TcpStream::connect_timeout(&address, Duration::from_secs(10)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut buffer = [0u8; 512];
    let mut control = Control::new(FromStd::new(stream), &mut buffer, ParseOptions::strict());
    assert_eq!(control.read_reply().unwrap().code(), Code::ServiceReady);
    let (outcome, _) = control
        .run(Command::User, b"nobody", &[(Command::Pass, b"wrong")])
        .unwrap();
    assert_eq!(outcome, Outcome::PermanentFailure);
    let (outcome, _) = control
        .run(Command::User, user, &[(Command::Pass, password)])
        .unwrap();
    assert_eq!(outcome, Outcome::Completed);
    let (outcome, _) = control.run(Command::Type, b"I", &[]).unwrap();
    assert_eq!(outcome, Outcome::Completed);
    let size = control.send(Command::Size, b"file.txt").unwrap();
    assert_eq!(payload::size(&size), Ok(CONTENT.len() as u64));
    let epsv = control.send(Command::Epsv, b"").unwrap();
    let data = SocketAddr::new(address.ip(), payload::epsv(&epsv).unwrap());
    let reader = std::thread::spawn(move || read_data(data));
    let (outcome, _) = control.run(Command::Retr, b"file.txt", &[]).unwrap();
    assert_eq!(outcome, Outcome::Completed);
    assert_eq!(reader.join().unwrap(), CONTENT);

    // ABOR after a finished transfer whose 226 is unread: the server answers 226 (for RETR)
    // then ABOR's own 225 or 226. Each reply goes to its command, and the ones after stay in
    // step (before the conversation was tracked, NOOP got ABOR's reply and PWD NOOP's).
    let epsv = control.send(Command::Epsv, b"").unwrap();
    let data = SocketAddr::new(address.ip(), payload::epsv(&epsv).unwrap());
    let reader = std::thread::spawn(move || read_data(data));
    let started = control.send(Command::Retr, b"file.txt").unwrap().code();
    assert_eq!(started.first_digit(), 1, "{started}");
    assert_eq!(reader.join().unwrap(), CONTENT);
    std::thread::sleep(Duration::from_millis(100)); // the 226 is on its way
    let (outcome, abor) = control.run(Command::Abor, b"", &[]).unwrap();
    assert_eq!(outcome, Outcome::Completed);
    assert!(matches!(abor.code().as_u16(), 225 | 226), "{}", abor.code());
    assert_eq!(control.aborted(), Some((Command::Retr, Outcome::Completed)));
    let (outcome, noop) = control.run(Command::Noop, b"", &[]).unwrap();
    assert_eq!((outcome, noop.code().as_u16()), (Outcome::Completed, 200));
    let pwd = control.send(Command::Pwd, b"").unwrap();
    assert_eq!(pwd.code(), Code::PathnameCreated);

    let (outcome, _) = control.run(Command::Quit, b"", &[]).unwrap();
    assert_eq!(outcome, Outcome::Completed);
    assert!(
        format!("{control:?}").contains("TcpStream"),
        "Debug shows the transport"
    );
}

const CONTENT: &[u8] = b"served through control::Control\n";

fn root(name: &str) -> support::Scratch {
    let dir = scratch_dir(name);
    std::fs::create_dir_all(dir.join("root")).unwrap();
    std::fs::write(dir.join("root/file.txt"), CONTENT).unwrap();
    dir
}

fn pyftpdlib_over_a_tcp_stream() {
    let dir = root("control-pyftpdlib");
    match servers::pyftpdlib(&dir.join("root")) {
        Ok(server) => session(server.address, b"alice", b"secret"),
        Err(why) => unavailable("pyftpdlib", &why),
    }
}

fn vsftpd_over_a_tcp_stream() {
    let dir = root("control-vsftpd");
    match servers::vsftpd(&dir.join("root"), &dir) {
        Ok(server) => session(server.address, b"anonymous", b"guest@example.com"),
        Err(why) => unavailable("vsftpd", &why),
    }
}

fn main() -> std::process::ExitCode {
    support::harness::run(tests![
        a_whole_session_in_pieces_of_every_size,
        what_the_control_connection_refuses,
        pyftpdlib_through_tokio,
        pyftpdlib_over_a_tcp_stream,
        vsftpd_over_a_tcp_stream,
    ])
}
