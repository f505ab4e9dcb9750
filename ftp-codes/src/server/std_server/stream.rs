//! `Stream`: a control or data connection, in the clear or over TLS (feature `rustls`), read
//! and written the same way by the driver.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

#[cfg(feature = "rustls")]
use std::boxed::Box;

/// A connection the driver reads and writes.
pub(super) enum Stream {
    Plain(TcpStream),
    #[cfg(feature = "rustls")]
    Tls(Box<rustls::StreamOwned<rustls::ServerConnection, TcpStream>>),
}

impl Stream {
    /// The socket under it.
    pub(super) fn tcp(&self) -> &TcpStream {
        match self {
            Self::Plain(tcp) => tcp,
            #[cfg(feature = "rustls")]
            Self::Tls(tls) => &tls.sock,
        }
    }

    pub(super) fn set_read_timeout(&self, wait: Option<Duration>) -> io::Result<()> {
        self.tcp().set_read_timeout(wait)
    }

    /// Ends the connection: over TLS, `close_notify` first, so that the peer knows the data
    /// ended here and was not cut (RFC 4217 §7, and the truncation attacks TLS guards
    /// against).
    pub(super) fn finish(&mut self) -> io::Result<()> {
        #[cfg(feature = "rustls")]
        if let Self::Tls(tls) = self {
            tls.conn.send_close_notify();
            tls.flush()?;
        }
        self.flush()?;
        self.tcp().shutdown(std::net::Shutdown::Write)
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Self::Plain(tcp) => tcp.read(buf),
            #[cfg(feature = "rustls")]
            Self::Tls(tls) => tls.read(buf),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Self::Plain(tcp) => tcp.write(buf),
            #[cfg(feature = "rustls")]
            Self::Tls(tls) => tls.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Self::Plain(tcp) => tcp.flush(),
            #[cfg(feature = "rustls")]
            Self::Tls(tls) => tls.flush(),
        }
    }
}
