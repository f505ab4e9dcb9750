//! The client session against a server that the fuzzer drives: after each whole command line,
//! one to three replies with codes the fuzzer picks (any 1yz first, any final reply), served in
//! pieces it sizes; data connections that open or fail as it says; movers that finish, stop
//! (ABOR) or fail. A fixed list of operations runs in the order the fuzzer picks. Invariants:
//! - nothing panics;
//! - an operation that succeeds leaves no reply due (the exchange is over), and so does a
//!   refusal: the next operation starts in step, unless the connection broke;
//! - every line on the wire is a whole command line the parser reads back, verb among those
//!   the session sends;
//! - the data connection is never left open after an operation.
#![no_main]

use core::net::SocketAddr;
use core::ops::ControlFlow;
use ftp_codes::client::control::Control;
use ftp_codes::client::{DataConnection, DataMode, Session, SessionError};
use ftp_codes::reply::ParseOptions;
use ftp_codes::{Command, command};
use libfuzzer_sys::fuzz_target;

/// The fuzzer's bytes, read one at a time; zeros once they run out.
struct Input<'a>(&'a [u8]);

impl Input<'_> {
    fn byte(&mut self) -> u8 {
        let (first, rest) = self.0.split_first().unwrap_or((&0, &[]));
        self.0 = rest;
        *first
    }
}

const CODES: [&[u8]; 24] = [
    b"150 Go (12 bytes)",
    b"125 Open",
    b"110 MARK 1 = 2",
    b"200 OK",
    b"213 42",
    b"213 20261204101500",
    b"221 Bye",
    b"226 Done",
    b"227 Entering Passive Mode (127,0,0,1,4,1)",
    b"229 Entering Extended Passive Mode (|||1025|)",
    b"230 In",
    b"250 OK",
    b"257 \"/a\"",
    b"331 Pw",
    b"332 Acct",
    b"350 Next",
    b"421 Bye",
    b"425 No data",
    b"426 Broken",
    b"450 Busy",
    b"500 What",
    b"502 No",
    b"530 No login",
    b"550 No",
];

struct Server<'a> {
    input: Input<'a>,
    out: Vec<u8>,
    wire: Vec<u8>,
    answered: usize,
}

impl embedded_io::ErrorType for Server<'_> {
    type Error = embedded_io::ErrorKind;
}

impl embedded_io::Read for Server<'_> {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Self::Error> {
        if self.out.is_empty() {
            // Nothing left to say: the server hangs up.
            return Ok(0);
        }
        let n = usize::from(self.input.byte() % 16 + 1)
            .min(buf.len())
            .min(self.out.len());
        buf[..n].copy_from_slice(&self.out[..n]);
        self.out.drain(..n);
        Ok(n)
    }
}

impl embedded_io::Write for Server<'_> {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Self::Error> {
        self.wire.extend_from_slice(buf);
        while let Some(end) = self.wire[self.answered..]
            .windows(2)
            .position(|w| w == b"\r\n")
        {
            self.answered += end + 2;
            for i in 0..=self.input.byte() % 3 {
                let pick = usize::from(self.input.byte()) % CODES.len();
                // Only the first of several may be a 1yz that keeps the exchange open.
                let reply = if i > 0 && CODES[pick][0] == b'1' {
                    b"226 Done"
                } else {
                    CODES[pick]
                };
                self.out.extend_from_slice(reply);
                self.out.extend_from_slice(b"\r\n");
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}

/// The data connection: opens or fails as the fuzzer says; tracks whether it is open.
struct Data<'a> {
    input: Input<'a>,
    open: bool,
}

impl DataConnection for Data<'_> {
    type Error = embedded_io::ErrorKind;

    fn connect(&mut self, _port: u16) -> Result<(), Self::Error> {
        if self.input.byte().is_multiple_of(8) {
            return Err(embedded_io::ErrorKind::ConnectionRefused);
        }
        self.open = true;
        Ok(())
    }

    fn listen(&mut self) -> Result<SocketAddr, Self::Error> {
        self.open = true;
        Ok(if self.input.byte().is_multiple_of(2) {
            "127.0.0.1:4097".parse().unwrap()
        } else {
            "[::1]:4097".parse().unwrap()
        })
    }

    fn accept(&mut self) -> Result<(), Self::Error> {
        if self.input.byte().is_multiple_of(8) {
            return Err(embedded_io::ErrorKind::TimedOut);
        }
        Ok(())
    }

    fn close(&mut self) -> Result<(), Self::Error> {
        self.open = false;
        Ok(())
    }
}

fuzz_target!(|data: &[u8]| {
    let (server_bytes, rest) = data.split_at(data.len() / 2);
    let (data_bytes, ops) = rest.split_at(rest.len() / 4);
    let mut ops = Input(ops);
    let mut buffer = [0u8; 128];
    let mut server = Server {
        input: Input(server_bytes),
        out: b"220 Hi\r\n".to_vec(),
        wire: Vec::new(),
        answered: 0,
    };
    if ops.byte().is_multiple_of(4) {
        server.out = b"120 Soon\r\n220 Hi\r\n".to_vec();
    }
    let control = Control::new(server, &mut buffer, ParseOptions::default());
    let data = Data {
        input: Input(data_bytes),
        open: false,
    };
    let Ok(mut ftp) = Session::start(control, data) else {
        return;
    };
    for _ in 0..12 {
        let op = ops.byte();
        let mode = if op & 0x80 != 0 {
            DataMode::Active
        } else {
            DataMode::Passive
        };
        ftp.set_mode(mode);
        ftp.set_extended(op & 0x40 == 0);
        let stop = ops.byte() % 4;
        let result: Result<(), SessionError<embedded_io::ErrorKind>> = match op % 9 {
            0 => ftp.login(b"alice", b"secret"),
            1 => ftp.login_with_account(b"alice", b"secret", b"books"),
            2 => ftp.size(b"f").map(drop),
            3 => ftp.mdtm(b"f").map(drop),
            4 => ftp.pwd().map(drop),
            5 => ftp.rename(b"a", b"b"),
            6 => ftp.command(Command::Dele, b"f"),
            _ => {
                let command = [Command::Retr, Command::Stor, Command::List][usize::from(op) % 3];
                let offset = u64::from(op.is_multiple_of(3)) * 100;
                ftp.transfer(command, b"f", offset, |_, _| match stop {
                    0 => Ok(ControlFlow::Break(())),
                    1 => Err(embedded_io::ErrorKind::BrokenPipe),
                    _ => Ok(ControlFlow::Continue(())),
                })
            }
        };
        assert!(
            !ftp.data_mut().open,
            "a data connection left open after {result:?}"
        );
        match result {
            Ok(()) | Err(SessionError::Refused { .. } | SessionError::Aborted { .. }) => {
                // The exchange is over: nothing is due, the next command may go.
                let conversation = ftp.control().conversation();
                assert!(
                    conversation.due().is_none() && conversation.abort_due().is_none(),
                    "{result:?} left a reply due: {conversation:?}"
                );
            }
            Err(_) => {}
        }
    }
    // Every line on the wire is a whole command the parser reads back.
    let control = ftp.control_mut();
    let wire = core::mem::take(&mut control.transport_mut().wire);
    let mut rest = &wire[..];
    while !rest.is_empty() {
        let parsed = command::parse(rest, &ParseOptions::default());
        let Ok(ftp_codes::reply::Status::Complete((line, used))) = parsed else {
            panic!("not a command line: {rest:?}");
        };
        assert!(
            Command::from_verb(line.verb()).is_some(),
            "unknown verb {:?}",
            line.verb()
        );
        rest = &rest[used..];
    }
});
