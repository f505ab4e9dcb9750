//! The server session on the microcontroller: the `embedded_server` example serving a scripted
//! client, its command lines read in pieces, the transfers over an in-memory data socket. Also
//! the session core alone over a pipelined script against `command::parse` alone, which the
//! firmware measures.

use crate::report::{escaped, ready};
use core::fmt;
use core::net::SocketAddr;
use embedded_io::ErrorKind;
use embedded_io_async::{ErrorType, Read, Write};

#[path = "../../shared/server_core.rs"]
mod server_core;
pub use server_core::{PIPELINED, bare_work, parse_alone, session_core};

#[allow(unused_attributes, dead_code)] // the example's `#![no_std]` is the crate's here
#[path = "../../../ftp-codes/examples/embedded_server.rs"]
mod embedded_server;

use embedded_server::{Files, PassiveSocket, serve};

pub const LOGGER: Files<'static> = Files {
    user: b"logger",
    password: b"secret",
    files: &[
        (b"log.csv", b"t,v\n1,20.5\n2,20.7\n3,20.6\n"),
        (b"config.txt", b"rate=1\n"),
    ],
};

/// A client's session: login, a refusal or two, each listing, downloads (one resumed), QUIT.
pub const SCRIPT: &[u8] = b"USER logger\r\nPASS wrong\r\nUSER logger\r\nPASS secret\r\nSYST\r\n\
    FEAT\r\nPWD\r\nTYPE I\r\nSIZE log.csv\r\nRETR log.csv\r\nEPSV\r\nRETR log.csv\r\nPASV\r\n\
    LIST\r\nEPSV\r\nNLST\r\nEPSV\r\nMLSD\r\nMLST log.csv\r\nREST 4\r\nEPSV\r\nRETR log.csv\r\n\
    STOR x\r\nCWD ../../etc\r\nRETR /etc/passwd\r\nXYZZ\r\nQUIT\r\n";

/// The client's side: `SCRIPT` served `step` bytes a read, the replies kept.
struct Client<'a> {
    lines: &'a [u8],
    step: usize,
    replies: &'a mut [u8],
    len: usize,
}

impl ErrorType for Client<'_> {
    type Error = ErrorKind;
}

impl Read for Client<'_> {
    async fn read(&mut self, buf: &mut [u8]) -> Result<usize, ErrorKind> {
        let n = self.step.min(buf.len()).min(self.lines.len());
        let (now, later) = self.lines.split_at(n);
        buf.get_mut(..n)
            .ok_or(ErrorKind::Other)?
            .copy_from_slice(now);
        self.lines = later;
        Ok(n)
    }
}

impl Write for Client<'_> {
    async fn write(&mut self, buf: &[u8]) -> Result<usize, ErrorKind> {
        let end = self.len.saturating_add(buf.len());
        let slot = self
            .replies
            .get_mut(self.len..end)
            .ok_or(ErrorKind::OutOfMemory)?;
        slot.copy_from_slice(buf);
        self.len = end;
        Ok(buf.len())
    }

    async fn flush(&mut self) -> Result<(), ErrorKind> {
        Ok(())
    }
}

/// The data socket: counts the connections and the bytes sent, and a checksum of them.
#[derive(Default)]
pub struct Data {
    pub connections: u32,
    pub bytes: usize,
    pub checksum: Fnv,
}

/// An FNV-1a checksum (from 0), so that the host and the firmware compare what was sent.
#[derive(Default, Clone, Copy, PartialEq, Eq)]
pub struct Fnv(pub u32);

impl Fnv {
    pub fn add(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u32::from(b)).wrapping_mul(16_777_619);
        }
    }
}

impl ErrorType for Data {
    type Error = ErrorKind;
}

impl Read for Data {
    async fn read(&mut self, _: &mut [u8]) -> Result<usize, ErrorKind> {
        Ok(0)
    }
}

impl Write for Data {
    async fn write(&mut self, buf: &[u8]) -> Result<usize, ErrorKind> {
        self.checksum.add(buf);
        self.bytes = self.bytes.saturating_add(buf.len());
        Ok(buf.len())
    }

    async fn flush(&mut self) -> Result<(), ErrorKind> {
        Ok(())
    }
}

impl PassiveSocket for Data {
    async fn listen(&mut self) -> Result<SocketAddr, ErrorKind> {
        Ok(SocketAddr::from(([192, 0, 2, 7], 2122)))
    }

    async fn accept(&mut self) -> Result<(), ErrorKind> {
        self.connections = self.connections.saturating_add(1);
        Ok(())
    }

    async fn close(&mut self) -> Result<(), ErrorKind> {
        Ok(())
    }
}

/// The example serving `SCRIPT` read `step` bytes at a time: the replies' length, and the
/// data socket. The replies are left in `replies`.
pub fn served(step: usize, replies: &mut [u8]) -> Option<(usize, Data)> {
    let mut client = Client {
        lines: SCRIPT,
        step,
        replies,
        len: 0,
    };
    let mut data = Data::default();
    ready(serve(&mut client, &mut data, &LOGGER))?.ok()?;
    Some((client.len, data))
}

/// The server's part of the report.
pub fn report(out: &mut dyn fmt::Write) -> fmt::Result {
    writeln!(
        out,
        "server session (the embedded_server example, a scripted client):"
    )?;
    let mut first = [0u8; 2048];
    let Some((len, data)) = served(1, &mut first) else {
        return writeln!(out, "  serve failed");
    };
    for line in first
        .get(..len)
        .unwrap_or_default()
        .split_inclusive(|&b| b == b'\n')
    {
        out.write_str("  ")?;
        escaped(out, line)?;
        writeln!(out)?;
    }
    writeln!(
        out,
        "  data: {} connections, {} bytes, FNV-1a {:08x}",
        data.connections, data.bytes, data.checksum.0
    )?;
    for step in [3, 7, 64] {
        let mut again = [0u8; 2048];
        let same = served(step, &mut again).is_some_and(|(n, d)| {
            again.get(..n) == first.get(..len)
                && (d.bytes, d.checksum) == (data.bytes, data.checksum)
        });
        writeln!(
            out,
            "  pieces of {step}: {}",
            if same { "the same" } else { "DIFFERENT" }
        )?;
    }
    let (mut session, mut bare) = (Fnv::default(), Fnv::default());
    let core_replies = session_core(PIPELINED, |reply| session.add(reply));
    let bare_replies = bare_work(PIPELINED, |reply| bare.add(reply));
    writeln!(
        out,
        "  pipelined: {core_replies} replies from the session core (FNV-1a {:08x}), {bare_replies} from the bare work under it ({}), {} lines framed by command::parse",
        session.0,
        if bare.0 == session.0 {
            "the same bytes"
        } else {
            "DIFFERENT bytes"
        },
        parse_alone(PIPELINED)
    )
}
