//! The session over scripted transports: a server that expects each command line byte for byte
//! and answers it, served in pieces of 1, 3, 7 and 64 bytes, and a data connection that records
//! what the session asked of it. Blocking and async run the same scripts.

// The scripted transports are test code: they index and count as tests do.
#![allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::unnecessary_wraps
)]

use super::{AsyncDataConnection, AsyncSession, DataConnection, DataMode, Session, SessionError};
use crate::client::control::{AsyncControl, Control};
use crate::reply::ParseOptions;
use crate::{Command, ReplyCode};
use core::net::SocketAddr;
use core::ops::ControlFlow;
use std::string::{String, ToString};
use std::vec::Vec;

const PIECES: [usize; 4] = [1, 3, 7, 64];

/// The transport's error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Failed;

impl core::fmt::Display for Failed {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("scripted failure")
    }
}

impl core::error::Error for Failed {}

impl embedded_io::Error for Failed {
    fn kind(&self) -> embedded_io::ErrorKind {
        embedded_io::ErrorKind::Other
    }
}

/// A server: `greeting`, then for each line the client writes, the next `(line, replies)` of
/// the script, whose line must be exactly what was written.
struct Server {
    script: Vec<(&'static str, &'static str)>,
    next: usize,
    pending: Vec<u8>,
    written: Vec<u8>,
    step: usize,
    /// Answer each line by its verb's entry in the script, in any order (for cancellation,
    /// where which lines go out depends on where the future was dropped).
    by_verb: bool,
    /// Every whole line received.
    lines: Vec<String>,
    /// Async reads and writes wait once (`Pending`) before each call goes through.
    yielding: bool,
}

impl Server {
    fn new(greeting: &str, script: &[(&'static str, &'static str)], step: usize) -> Self {
        Self {
            script: script.to_vec(),
            next: 0,
            pending: greeting.as_bytes().to_vec(),
            written: Vec::new(),
            step,
            by_verb: false,
            lines: Vec::new(),
            yielding: false,
        }
    }

    /// `~` in a script's replies is a read that fails there (a timeout), once.
    fn read_now(&mut self, buf: &mut [u8]) -> Result<usize, Failed> {
        if self.pending.first() == Some(&b'~') {
            self.pending.remove(0);
            return Err(Failed);
        }
        let until_fault = self
            .pending
            .iter()
            .position(|&b| b == b'~')
            .unwrap_or(self.pending.len());
        let n = until_fault.min(buf.len()).min(self.step);
        assert!(
            n > 0,
            "the client waits for a reply the script does not have"
        );
        buf[..n].copy_from_slice(&self.pending[..n]);
        self.pending.drain(..n);
        Ok(n)
    }

    fn write_now(&mut self, buf: &[u8]) -> usize {
        let n = buf.len().min(self.step);
        self.written.extend_from_slice(&buf[..n]);
        while let Some(end) = self.written.windows(2).position(|pair| pair == b"\r\n") {
            let line: Vec<u8> = self.written.drain(..end + 2).collect();
            // Telnet's IP and Synch before ABOR, and any byte past ASCII, shown as `\xFF`.
            let line: String = line
                .iter()
                .map(|&b| match b {
                    0x80.. => std::format!("\\x{b:02X}"),
                    _ => char::from(b).into(),
                })
                .collect();
            let line = line.trim_end().to_string();
            let entry = if self.by_verb {
                let verb = line.split(' ').next().unwrap_or_default();
                self.script
                    .iter()
                    .find(|(expected, _)| expected.split(' ').next() == Some(verb))
            } else {
                self.script.get(self.next)
            };
            let (expected, replies) = *entry.unwrap_or_else(|| panic!("unscripted {line:?}"));
            assert_eq!(line, expected, "command {}", self.next);
            self.pending.extend_from_slice(replies.as_bytes());
            self.next += 1;
            self.lines.push(line);
        }
        n
    }

    fn finished(&self) -> bool {
        self.next == self.script.len() && self.pending.is_empty()
    }
}

impl embedded_io::ErrorType for Server {
    type Error = Failed;
}

impl embedded_io::Read for Server {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Failed> {
        self.read_now(buf)
    }
}

impl embedded_io::Write for Server {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Failed> {
        Ok(self.write_now(buf))
    }

    fn flush(&mut self) -> Result<(), Failed> {
        Ok(())
    }
}

/// A future that is `Pending` once, then ready: a transport that makes its caller wait.
struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();

    fn poll(
        mut self: core::pin::Pin<&mut Self>,
        context: &mut core::task::Context<'_>,
    ) -> core::task::Poll<()> {
        if self.0 {
            core::task::Poll::Ready(())
        } else {
            self.0 = true;
            context.waker().wake_by_ref();
            core::task::Poll::Pending
        }
    }
}

impl embedded_io_async::Read for Server {
    async fn read(&mut self, buf: &mut [u8]) -> Result<usize, Failed> {
        if self.yielding {
            YieldOnce(false).await;
        }
        self.read_now(buf)
    }
}

impl embedded_io_async::Write for Server {
    async fn write(&mut self, buf: &[u8]) -> Result<usize, Failed> {
        if self.yielding {
            YieldOnce(false).await;
        }
        Ok(self.write_now(buf))
    }

    async fn flush(&mut self) -> Result<(), Failed> {
        Ok(())
    }
}

/// A data connection that records what it was asked, and holds a download's bytes and an
/// upload's.
#[derive(Default)]
struct Pipe {
    events: Vec<String>,
    download: Vec<u8>,
    uploaded: Vec<u8>,
    open: bool,
}

impl Pipe {
    fn serving(download: &[u8]) -> Self {
        Self {
            download: download.to_vec(),
            ..Self::default()
        }
    }
}

impl DataConnection for Pipe {
    type Error = Failed;

    fn connect(&mut self, port: u16) -> Result<(), Failed> {
        self.events.push(std::format!("connect {port}"));
        self.open = true;
        Ok(())
    }

    fn listen(&mut self) -> Result<SocketAddr, Failed> {
        self.events.push("listen".into());
        Ok("192.0.2.7:4097".parse().unwrap())
    }

    fn accept(&mut self) -> Result<(), Failed> {
        self.events.push("accept".into());
        self.open = true;
        Ok(())
    }

    fn close(&mut self) -> Result<(), Failed> {
        if self.open {
            self.events.push("close".into());
        }
        self.open = false;
        Ok(())
    }
}

impl AsyncDataConnection for Pipe {
    type Error = Failed;

    async fn connect(&mut self, port: u16) -> Result<(), Failed> {
        DataConnection::connect(self, port)
    }

    async fn listen(&mut self) -> Result<SocketAddr, Failed> {
        DataConnection::listen(self)
    }

    async fn accept(&mut self) -> Result<(), Failed> {
        DataConnection::accept(self)
    }

    async fn close(&mut self) -> Result<(), Failed> {
        DataConnection::close(self)
    }
}

/// Drives a future whose transports never wait.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = core::pin::pin!(future);
    let mut context = core::task::Context::from_waker(core::task::Waker::noop());
    for _ in 0..1_000_000 {
        if let core::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
    panic!("the future never finished");
}

/// What a mover does: take the download into the pipe's `uploaded` (it is what arrived), or
/// send `upload`, in pieces of `step`.
fn download(pipe: &mut Pipe, step: usize) -> Result<ControlFlow<()>, Failed> {
    let bytes = core::mem::take(&mut pipe.download);
    for piece in bytes.chunks(step) {
        pipe.uploaded.extend_from_slice(piece);
    }
    Ok(ControlFlow::Continue(()))
}

const LOGIN: [(&str, &str); 2] = [
    ("USER alice", "331 Password, please.\r\n"),
    ("PASS secret", "230-Welcome\r\n230 Logged in.\r\n"),
];

/// The whole task of the issue, over the core: what reaches the wire, in order.
const TASK: &[(&str, &str)] = &[
    LOGIN[0],
    LOGIN[1],
    ("PWD", "257 \"/home/alice\" is current.\r\n"),
    ("MKD reports", "257 \"/home/alice/reports\" created.\r\n"),
    ("CWD reports", "250 OK.\r\n"),
    ("TYPE I", "200 Binary.\r\n"),
    ("EPSV", "229 Entering Extended Passive Mode (|||40001|)\r\n"),
    (
        "STOR r.bin",
        "150 Ok to send data.\r\n226 Transfer complete.\r\n",
    ),
    ("EPSV", "229 Entering Extended Passive Mode (|||40002|)\r\n"),
    ("NLST", "150 Here comes the list.\r\n226 Done.\r\n"),
    ("SIZE r.bin", "213 5\r\n"),
    ("MDTM r.bin", "213 20261204101500\r\n"),
    ("EPSV", "229 Entering Extended Passive Mode (|||40003|)\r\n"),
    (
        "RETR r.bin",
        "150 Opening BINARY mode data connection for r.bin (5 bytes).\r\n226 Done.\r\n",
    ),
    ("RNFR r.bin", "350 Ready for RNTO.\r\n"),
    ("RNTO s.bin", "250 Renamed.\r\n"),
    ("DELE s.bin", "250 Deleted.\r\n"),
    ("CDUP", "250 OK.\r\n"),
    ("RMD reports", "250 Removed.\r\n"),
    ("QUIT", "221 Goodbye.\r\n"),
];

const GREETING: &str = "120 Ready in 1 minute.\r\n220 Hello.\r\n";

#[test]
fn the_whole_task_reaches_the_wire_in_order_in_any_pieces() {
    for step in PIECES {
        let mut buffer = [0u8; 128];
        let server = Server::new(GREETING, TASK, step);
        let control = Control::new(server, &mut buffer, ParseOptions::default());
        let mut ftp = Session::start(control, Pipe::serving(b"hello")).unwrap();
        ftp.login(b"alice", b"secret").unwrap();
        let mut path = [0u8; 32];
        assert_eq!(
            ftp.pwd().unwrap().copy_to(&mut path).unwrap(),
            b"/home/alice"
        );
        ftp.command(Command::Mkd, b"reports").unwrap();
        ftp.command(Command::Cwd, b"reports").unwrap();
        let mut expected_seen = None;
        ftp.transfer(Command::Stor, b"r.bin", 0, |pipe, started| {
            expected_seen = Some(started.announced_size());
            pipe.uploaded.extend_from_slice(b"hello");
            Ok(ControlFlow::Continue(()))
        })
        .unwrap();
        assert_eq!(expected_seen, Some(None));
        ftp.transfer(Command::Nlst, b"", 0, |_, _| Ok(ControlFlow::Continue(())))
            .unwrap();
        assert_eq!(ftp.size(b"r.bin").unwrap(), 5);
        assert_eq!(
            ftp.mdtm(b"r.bin").unwrap().to_string(),
            "2026-12-04T10:15:00Z"
        );
        ftp.transfer(Command::Retr, b"r.bin", 0, |pipe, started| {
            assert_eq!(started.announced_size(), Some(5));
            assert_eq!(
                started.reply().map(|reply| reply.code().as_u16()),
                Some(150)
            );
            download(pipe, step)
        })
        .unwrap();
        ftp.rename(b"r.bin", b"s.bin").unwrap();
        ftp.command(Command::Dele, b"s.bin").unwrap();
        ftp.command(Command::Cdup, b"").unwrap();
        ftp.command(Command::Rmd, b"reports").unwrap();
        let control = ftp.quit().unwrap();
        assert!(control.into_transport().finished(), "step {step}");
    }
}

#[test]
fn the_same_task_runs_async() {
    for step in PIECES {
        let mut buffer = [0u8; 128];
        let server = Server::new(GREETING, TASK, step);
        let control = AsyncControl::new(server, &mut buffer, ParseOptions::default());
        block_on(async {
            let mut ftp = AsyncSession::start(control, Pipe::serving(b"hello"))
                .await
                .unwrap();
            ftp.login(b"alice", b"secret").await.unwrap();
            let mut path = [0u8; 32];
            let pwd = ftp.pwd().await.unwrap();
            assert_eq!(pwd.copy_to(&mut path).unwrap(), b"/home/alice");
            ftp.command(Command::Mkd, b"reports").await.unwrap();
            ftp.command(Command::Cwd, b"reports").await.unwrap();
            ftp.transfer(Command::Stor, b"r.bin", 0, async |pipe: &mut Pipe, _| {
                pipe.uploaded.extend_from_slice(b"hello");
                Ok(ControlFlow::Continue(()))
            })
            .await
            .unwrap();
            ftp.transfer(Command::Nlst, b"", 0, async |_: &mut Pipe, _| {
                Ok(ControlFlow::Continue(()))
            })
            .await
            .unwrap();
            assert_eq!(ftp.size(b"r.bin").await.unwrap(), 5);
            assert_eq!(ftp.mdtm(b"r.bin").await.unwrap().year(), 2026);
            ftp.transfer(Command::Retr, b"r.bin", 0, async |pipe: &mut Pipe, _| {
                download(pipe, step)
            })
            .await
            .unwrap();
            ftp.rename(b"r.bin", b"s.bin").await.unwrap();
            ftp.command(Command::Dele, b"s.bin").await.unwrap();
            ftp.command(Command::Cdup, b"").await.unwrap();
            ftp.command(Command::Rmd, b"reports").await.unwrap();
            let control = ftp.quit().await.unwrap();
            assert!(control.into_transport().finished(), "step {step}");
        });
    }
}

/// Runs `script` (after the greeting and login) with `body`, in every piece size; the data
/// connection's events.
fn session<T>(
    script: &[(&'static str, &'static str)],
    download_bytes: &[u8],
    body: impl Fn(&mut Session<'_, Server, Pipe>) -> T,
) -> (T, Vec<String>) {
    let mut last = None;
    for step in PIECES {
        let mut full = LOGIN.to_vec();
        full.extend_from_slice(script);
        let mut buffer = [0u8; 128];
        let server = Server::new("220 Hello.\r\n", &full, step);
        let control = Control::new(server, &mut buffer, ParseOptions::default());
        let mut ftp = Session::start(control, Pipe::serving(download_bytes)).unwrap();
        ftp.login(b"alice", b"secret").unwrap();
        let result = body(&mut ftp);
        let events = core::mem::take(&mut ftp.data_mut().events);
        assert!(ftp.control_mut().transport_mut().finished(), "step {step}");
        last = Some((result, events));
    }
    last.unwrap()
}

fn code(error: &SessionError<Failed>) -> Option<u16> {
    error.reply_code().map(ReplyCode::as_u16)
}

fn retr(ftp: &mut Session<'_, Server, Pipe>) -> Result<(), SessionError<Failed>> {
    ftp.transfer(Command::Retr, b"f", 0, |pipe, _| download(pipe, 5))
}

#[test]
fn epsv_refused_is_not_tried_again_in_the_session() {
    let script = [
        ("TYPE I", "200 OK\r\n"),
        ("EPSV", "500 Unknown command.\r\n"),
        ("PASV", "227 Entering Passive Mode (10,0,0,9,156,65)\r\n"),
        ("RETR f", "150 Go.\r\n226 Done.\r\n"),
        ("PASV", "227 Entering Passive Mode (127,0,0,1,156,66)\r\n"),
        ("RETR f", "150 Go.\r\n226 Done.\r\n"),
    ];
    let ((), events) = session(&script, b"", |ftp| {
        retr(ftp).unwrap();
        retr(ftp).unwrap();
    });
    // Only the port of a 227 counts: the connection goes to the control connection's peer.
    assert_eq!(events, ["connect 40001", "close", "connect 40002", "close"]);
}

#[test]
fn a_227_to_epsv_is_read_as_pasv_and_extended_off_sends_pasv_alone() {
    let script = [
        ("TYPE I", "200 OK\r\n"),
        ("EPSV", "227 Entering Passive Mode (127,0,0,1,156,65)\r\n"),
        ("RETR f", "150 Go.\r\n226 Done.\r\n"),
        ("PASV", "227 Entering Passive Mode (127,0,0,1,156,66)\r\n"),
        ("RETR f", "150 Go.\r\n226 Done.\r\n"),
    ];
    let ((), events) = session(&script, b"", |ftp| {
        retr(ftp).unwrap();
        ftp.set_extended(false);
        retr(ftp).unwrap();
    });
    assert_eq!(events, ["connect 40001", "close", "connect 40002", "close"]);
}

#[test]
fn active_mode_falls_back_from_eprt_to_port_and_accepts_after_the_1yz() {
    let script = [
        ("TYPE I", "200 OK\r\n"),
        (
            "EPRT |1|192.0.2.7|4097|",
            "522 Network protocol not supported, use (1)\r\n",
        ),
        ("PORT 192,0,2,7,16,1", "200 PORT command successful.\r\n"),
        (
            "STOR up",
            "150 Ok to send data.\r\n226 Transfer complete.\r\n",
        ),
        ("PORT 192,0,2,7,16,1", "200 PORT command successful.\r\n"),
        ("LIST", "150 Here it comes.\r\n226 Done.\r\n"),
    ];
    let (uploaded, events) = session(&script, b"", |ftp| {
        ftp.set_mode(DataMode::Active);
        ftp.transfer(Command::Stor, b"up", 0, |pipe, _| {
            pipe.uploaded.extend_from_slice(b"data");
            Ok(ControlFlow::Continue(()))
        })
        .unwrap();
        ftp.transfer(Command::List, b"", 0, |_, _| Ok(ControlFlow::Continue(())))
            .unwrap();
        core::mem::take(&mut ftp.data_mut().uploaded)
    });
    assert_eq!(uploaded, b"data");
    assert_eq!(
        events,
        ["listen", "accept", "close", "listen", "accept", "close"]
    );
}

#[test]
fn a_resumed_download_sends_rest_after_the_data_connection() {
    let script = [
        ("TYPE I", "200 OK\r\n"),
        ("EPSV", "229 Entering Extended Passive Mode (|||40001|)\r\n"),
        ("REST 300000", "350 Restarting at 300000.\r\n"),
        ("RETR f", "150 Go.\r\n226 Done.\r\n"),
    ];
    let ((), events) = session(&script, b"rest", |ftp| {
        ftp.transfer(Command::Retr, b"f", 300_000, |pipe, _| download(pipe, 1))
            .unwrap();
    });
    assert_eq!(events, ["connect 40001", "close"]);
}

#[test]
fn a_refused_transfer_closes_its_data_connection_and_stays_in_step() {
    let script = [
        ("TYPE I", "200 OK\r\n"),
        ("EPSV", "229 Entering Extended Passive Mode (|||40001|)\r\n"),
        ("RETR f", "550 f: No such file.\r\n"),
        ("EPSV", "229 Entering Extended Passive Mode (|||40002|)\r\n"),
        ("REST 10", "502 REST not implemented.\r\n"),
        ("NOOP", "200 OK\r\n"),
    ];
    let (codes, events) = session(&script, b"", |ftp| {
        let refused = retr(ftp).unwrap_err();
        assert!(matches!(
            refused,
            SessionError::Refused {
                command: Command::Retr,
                ..
            }
        ));
        let rest = ftp
            .transfer(Command::Retr, b"f", 10, |_, _| panic!("no data moves"))
            .unwrap_err();
        ftp.command(Command::Noop, b"").unwrap();
        (code(&refused), code(&rest))
    });
    assert_eq!(codes, (Some(550), Some(502)));
    assert_eq!(events, ["connect 40001", "close", "connect 40002", "close"]);
}

#[test]
fn a_stopped_transfer_is_aborted_in_rfc_959_order() {
    let script = [
        ("TYPE I", "200 OK\r\n"),
        ("EPSV", "229 Entering Extended Passive Mode (|||40001|)\r\n"),
        ("RETR f", "150 Go.\r\n"),
        (
            "ABOR",
            "426 Connection closed; transfer aborted.\r\n226 Abort successful.\r\n",
        ),
        ("NOOP", "200 OK\r\n"),
    ];
    let (error, events) = session(&script, b"", |ftp| {
        let error = ftp
            .transfer(Command::Retr, b"f", 0, |_, _| Ok(ControlFlow::Break(())))
            .unwrap_err();
        assert_eq!(
            ftp.control().aborted(),
            Some((Command::Retr, crate::Outcome::TransientFailure))
        );
        ftp.command(Command::Noop, b"").unwrap();
        error
    });
    assert!(matches!(
        error,
        SessionError::Aborted {
            command: Command::Retr
        }
    ));
    // The data connection is closed before ABOR goes out.
    assert_eq!(events, ["connect 40001", "close"]);
}

#[test]
fn a_failed_data_connection_still_reads_the_completion() {
    let script = [
        ("TYPE I", "200 OK\r\n"),
        ("EPSV", "229 Entering Extended Passive Mode (|||40001|)\r\n"),
        ("RETR f", "150 Go.\r\n426 Connection reset.\r\n"),
        ("EPSV", "229 Entering Extended Passive Mode (|||40002|)\r\n"),
        ("RETR f", "150 Go.\r\n226 Done.\r\n"),
    ];
    let (errors, _) = session(&script, b"", |ftp| {
        let refused = ftp
            .transfer(Command::Retr, b"f", 0, |_, _| Err(Failed))
            .unwrap_err();
        // The server said 226 but the data broke: the data error.
        let broken = ftp
            .transfer(Command::Retr, b"f", 0, |_, _| Err(Failed))
            .unwrap_err();
        (code(&refused), matches!(broken, SessionError::Data(Failed)))
    });
    assert_eq!(errors, (Some(426), true));
}

#[test]
fn a_login_that_asks_for_an_account_it_was_not_given_is_refused() {
    for step in PIECES {
        let script = [
            ("USER alice", "331 Password.\r\n"),
            ("PASS secret", "332 Account, please.\r\n"),
            ("USER alice", "331 Password.\r\n"),
            ("PASS secret", "332 Account, please.\r\n"),
            ("ACCT books", "230 Logged in.\r\n"),
        ];
        let mut buffer = [0u8; 64];
        let server = Server::new("220 Hi\r\n", &script, step);
        let control = Control::new(server, &mut buffer, ParseOptions::default());
        let mut ftp = Session::start(control, Pipe::default()).unwrap();
        let error = ftp.login(b"alice", b"secret").unwrap_err();
        assert_eq!(code(&error), Some(332));
        // The refusal names the command it answered.
        assert!(matches!(
            error,
            SessionError::Refused {
                command: Command::Pass,
                ..
            }
        ));
        ftp.login_with_account(b"alice", b"secret", b"books")
            .unwrap();
    }
}

#[test]
fn a_421_greeting_is_unavailable() {
    let mut buffer = [0u8; 64];
    let server = Server::new("421 Too many users.\r\n", &[], 3);
    let control = Control::new(server, &mut buffer, ParseOptions::default());
    let error = Session::start(control, Pipe::default()).unwrap_err();
    assert!(matches!(error, SessionError::Unavailable { .. }));
    assert_eq!(code(&error), Some(421));
    assert_eq!(error.to_string(), "the server is not ready: 421");
}

#[test]
fn a_completion_left_due_by_a_timeout_is_read_before_the_next_command() {
    let script = [
        ("TYPE I", "200 OK\r\n"),
        ("EPSV", "229 Entering Extended Passive Mode (|||40001|)\r\n"),
        // The completion's read times out once: the transfer fails, its 226 still due.
        ("RETR f", "150 Go.\r\n~226 Done.\r\n"),
        ("NOOP", "200 OK\r\n"),
    ];
    let ((), events) = session(&script, b"", |ftp| {
        let error = retr(ftp).unwrap_err();
        assert!(matches!(
            error,
            SessionError::Control(crate::client::control::ControlError::Io(Failed))
        ));
        assert_eq!(ftp.control().conversation().due(), Some(Command::Retr));
        // NOOP goes out only once the 226 was read: the script would answer it otherwise.
        ftp.command(Command::Noop, b"").unwrap();
        let last = ftp
            .control()
            .last_reply()
            .map(|reply| reply.code().as_u16());
        assert_eq!(last, Some(200));
    });
    assert_eq!(events, ["connect 40001", "close"]);
}

/// A transfer's future dropped at each of its await points in turn (the transport waits once
/// before every read and write, in pieces of 3 bytes), then NOOP: it gets its own reply (the
/// completion left due is read first), or, when the drop cut a command line in two, the
/// clear error that the connection is broken. What reached the wire is whole lines, but for
/// the one cut short.
#[test]
fn after_a_dropped_transfer_the_next_command_gets_its_own_reply() {
    let script = [
        ("TYPE I", "200 Type set.\r\n"),
        ("EPSV", "229 Entering Extended Passive Mode (|||40001|)\r\n"),
        ("RETR f", "150 Go.\r\n226 Done.\r\n"),
        ("NOOP", "200 NOOP ok.\r\n"),
    ];
    let mut outcomes = [0usize; 2];
    for polls in 0..200 {
        let mut buffer = [0u8; 128];
        // Greeted already: no greeting waits to be read.
        let mut server = Server::new("", &script, 3);
        server.by_verb = true;
        server.yielding = true;
        let control = AsyncControl::new(server, &mut buffer, ParseOptions::default()).greeted();
        let mut ftp = AsyncSession::greeted(control, Pipe::serving(b"data"));
        let mut finished = false;
        {
            let transfer = ftp.transfer(Command::Retr, b"f", 0, async |pipe: &mut Pipe, _| {
                download(pipe, 3)
            });
            let mut transfer = core::pin::pin!(transfer);
            let mut context = core::task::Context::from_waker(core::task::Waker::noop());
            for _ in 0..polls {
                if transfer.as_mut().poll(&mut context).is_ready() {
                    finished = true;
                    break;
                }
            }
        }
        if finished {
            break;
        }
        let noop = block_on(ftp.command(Command::Noop, b""));
        let server = ftp.control_mut().transport_mut();
        match noop {
            Ok(()) => {
                outcomes[0] += 1;
                assert_eq!(
                    server.lines.last().map(String::as_str),
                    Some("NOOP"),
                    "{polls}"
                );
                assert!(
                    server.written.is_empty(),
                    "{polls}: a part line on the wire"
                );
                let reply = ftp.control().last_reply().map(|r| r.raw().to_vec());
                assert_eq!(reply.as_deref(), Some(&b"200 NOOP ok.\r\n"[..]), "{polls}");
            }
            Err(SessionError::Control(crate::client::control::ControlError::Broken)) => {
                outcomes[1] += 1;
                assert!(
                    !server.written.is_empty(),
                    "{polls}: broken, yet no part line"
                );
                assert!(!server.lines.iter().any(|line| line == "NOOP"), "{polls}");
            }
            Err(other) => panic!("{polls}: {other:?}"),
        }
    }
    // Both cases came up: drops between lines, and drops in the middle of one.
    assert!(outcomes[0] > 10 && outcomes[1] > 0, "{outcomes:?}");
}

/// AUTH TLS, then the transport swapped for the TLS one, PBSZ 0 and PROT P, then the login: a
/// reply injected after the 234, before the handshake, is never read (CVE-2021-22947).
#[test]
fn auth_tls_drops_what_came_before_the_handshake() {
    let script = [
        // The injected 230 arrives in the same read as the 234.
        (
            "AUTH TLS",
            "234 Proceed with negotiation.\r\n230 Injected.\r\n",
        ),
        ("PBSZ 0", "200 PBSZ=0\r\n"),
        ("PROT P", "200 Protection set to Private.\r\n"),
        ("USER alice", "331 Password?\r\n"),
        ("PASS secret", "230 In.\r\n"),
    ];
    // Blocking.
    let mut buffer = [0u8; 256];
    let control = Control::new(
        Server::new("220 hi\r\n", &script, 64),
        &mut buffer,
        ParseOptions::strict(),
    );
    let mut ftp = Session::start(control, Pipe::default()).unwrap();
    ftp.auth_tls().unwrap();
    assert_eq!(ftp.control().buffered(), b"230 Injected.\r\n");
    // The "handshake": the same scripted server, now read through "TLS".
    let mut ftp = ftp.into_tls(Ok::<_, Failed>).unwrap();
    assert!(ftp.control().buffered().is_empty());
    ftp.protect_data().unwrap();
    ftp.login(b"alice", b"secret").unwrap();
    assert!(ftp.control().transport().finished());
    // Async, the same.
    let mut buffer = [0u8; 256];
    let control = AsyncControl::new(
        Server::new("220 hi\r\n", &script, 64),
        &mut buffer,
        ParseOptions::strict(),
    );
    let done = block_on(async {
        let mut ftp = AsyncSession::start(control, Pipe::default()).await?;
        ftp.auth_tls().await?;
        let mut ftp = ftp.into_tls(Ok::<_, Failed>).map_err(SessionError::Data)?;
        ftp.protect_data().await?;
        ftp.login(b"alice", b"secret").await?;
        Ok::<_, SessionError<Failed>>(ftp.control().transport().finished())
    });
    assert!(matches!(done, Ok(true)), "{done:?}");
}

/// A server that refuses AUTH: the refusal with its code, and nothing else sent.
#[test]
fn a_refused_auth_tls_is_the_servers_reply() {
    for code in ["504", "534", "530", "550"] {
        let replies = std::format!("{code} No TLS here.\r\n").leak();
        let script = [("AUTH TLS", &*replies)];
        let mut buffer = [0u8; 256];
        let control = Control::new(
            Server::new("220 hi\r\n", &script, 7),
            &mut buffer,
            ParseOptions::strict(),
        );
        let mut ftp = Session::start(control, Pipe::default()).unwrap();
        match ftp.auth_tls() {
            Err(SessionError::Refused {
                command,
                code: refused,
                ..
            }) => {
                assert_eq!(
                    (command, refused.as_u16().to_string()),
                    (Command::Auth, code.to_string())
                );
            }
            other => panic!("{code}: {other:?}"),
        }
        assert_eq!(ftp.control().transport().lines, ["AUTH TLS"]);
    }
}
