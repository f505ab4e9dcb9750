//! A minimal FTP control connection built on the crate's reply parser: every reply a real
//! server sends goes through `reply::parse`.

use ftp_codes::reply::{self, ParseOptions, Reply, Status};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(10);
/// Reads per reply before giving up: every loop in a test is bounded.
const MAX_READS: usize = 10_000;

/// One reply, owned, so that the connection's buffer can move on.
pub struct OwnedReply {
    raw: Vec<u8>,
    options: ParseOptions,
}

impl OwnedReply {
    /// The reply, parsed again from its own bytes, for the payload parsers.
    pub fn get(&self) -> Reply<'_> {
        match reply::parse(&self.raw, &self.options) {
            Ok(Status::Complete((reply, _))) => reply,
            other => panic!("a reply that parsed once must parse again: {other:?}"),
        }
    }

    pub fn code(&self) -> u16 {
        self.get().code().as_u16()
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.raw).into_owned()
    }
}

pub struct Control {
    stream: TcpStream,
    buf: Vec<u8>,
    options: ParseOptions,
}

impl Control {
    pub fn connect(address: SocketAddr, options: ParseOptions) -> Self {
        let stream =
            TcpStream::connect_timeout(&address, TIMEOUT).expect("connect to the FTP server");
        stream
            .set_read_timeout(Some(TIMEOUT))
            .expect("set a read timeout");
        stream
            .set_write_timeout(Some(TIMEOUT))
            .expect("set a write timeout");
        Self {
            stream,
            buf: Vec::new(),
            options,
        }
    }

    /// The next reply, read until the parser says it is complete.
    pub fn reply(&mut self) -> OwnedReply {
        for _ in 0..MAX_READS {
            match reply::parse(&self.buf, &self.options) {
                Ok(Status::Complete((_, used))) => {
                    let raw: Vec<u8> = self.buf.drain(..used).collect();
                    return OwnedReply {
                        raw,
                        options: self.options,
                    };
                }
                Ok(Status::Partial) => {}
                Err(error) => panic!(
                    "the server sent an unparsable reply ({error}): {:?}",
                    String::from_utf8_lossy(&self.buf)
                ),
            }
            let mut chunk = [0u8; 4096];
            let n = self
                .stream
                .read(&mut chunk)
                .expect("read from the control connection");
            assert!(
                n > 0,
                "the server closed the connection mid-reply: {:?}",
                String::from_utf8_lossy(&self.buf)
            );
            self.buf.extend_from_slice(&chunk[..n]);
        }
        panic!("no complete reply after {MAX_READS} reads");
    }

    /// Sends a command line and returns its reply.
    pub fn command(&mut self, line: &str) -> OwnedReply {
        self.send(line);
        self.reply()
    }

    pub fn send(&mut self, line: &str) {
        self.stream
            .write_all(format!("{line}\r\n").as_bytes())
            .expect("send a command");
    }

    /// The control connection's peer: where a client connects data connections, whatever
    /// host a PASV reply names.
    pub fn peer(&self) -> SocketAddr {
        self.stream.peer_addr().expect("the peer address")
    }
}

/// Everything a data connection to `address` delivers until the server closes it.
pub fn read_data(address: SocketAddr) -> Vec<u8> {
    let mut data = TcpStream::connect_timeout(&address, TIMEOUT).expect("open the data connection");
    data.set_read_timeout(Some(TIMEOUT))
        .expect("set a read timeout");
    let mut out = Vec::new();
    data.read_to_end(&mut out)
        .expect("read the data connection");
    out
}
