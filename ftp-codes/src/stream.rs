//! `Stream`: a control or data connection over `std::net`, in the clear or over TLS (feature
//! `rustls`), read and written the same way by the client and the server drivers.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream};

#[cfg(feature = "rustls")]
use std::boxed::Box;

/// A TCP connection of [`Client`](crate::client::Client) or the server driver, in the clear,
/// or over TLS once `AUTH TLS` (control) or `PROT P` (data) asked for it.
///
/// Reads and writes go through TLS when it is on; [`tcp`](Self::tcp) is the socket under it
/// (for its addresses and timeouts).
pub struct Stream(Inner);

enum Inner {
    Plain(TcpStream),
    #[cfg(feature = "rustls")]
    Client(Box<rustls::StreamOwned<rustls::ClientConnection, TcpStream>>),
    #[cfg(feature = "rustls")]
    Server(Box<rustls::StreamOwned<rustls::ServerConnection, TcpStream>>),
}

impl core::fmt::Debug for Stream {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Stream")
            .field("tcp", self.tcp())
            .field("tls", &self.is_tls())
            .finish()
    }
}

impl Stream {
    /// `tcp` in the clear.
    pub(crate) fn plain(tcp: TcpStream) -> Self {
        Self(Inner::Plain(tcp))
    }

    /// `tcp` under a TLS client. The handshake is run by the first read or write (a data
    /// connection's server starts TLS only after it sent its 150), or by
    /// [`handshake`](Self::handshake).
    #[cfg(feature = "rustls")]
    pub(crate) fn tls_client(connection: rustls::ClientConnection, tcp: TcpStream) -> Self {
        Self(Inner::Client(Box::new(rustls::StreamOwned::new(
            connection, tcp,
        ))))
    }

    /// `tcp` under a TLS server.
    #[cfg(feature = "rustls")]
    pub(crate) fn tls_server(connection: rustls::ServerConnection, tcp: TcpStream) -> Self {
        Self(Inner::Server(Box::new(rustls::StreamOwned::new(
            connection, tcp,
        ))))
    }

    /// The socket under the stream.
    pub fn tcp(&self) -> &TcpStream {
        match &self.0 {
            Inner::Plain(tcp) => tcp,
            #[cfg(feature = "rustls")]
            Inner::Client(tls) => &tls.sock,
            #[cfg(feature = "rustls")]
            Inner::Server(tls) => &tls.sock,
        }
    }

    /// The socket, while the stream is in the clear (to start TLS on it).
    #[cfg(feature = "rustls")]
    pub(crate) fn plain_tcp(&self) -> Option<&TcpStream> {
        match &self.0 {
            Inner::Plain(tcp) => Some(tcp),
            #[cfg(feature = "rustls")]
            _ => None,
        }
    }

    /// The socket, if the stream is in the clear.
    #[cfg(feature = "rustls")]
    pub(crate) fn into_plain(self) -> Option<TcpStream> {
        match self.0 {
            Inner::Plain(tcp) => Some(tcp),
            _ => None,
        }
    }

    /// Whether the stream runs over TLS.
    pub fn is_tls(&self) -> bool {
        !matches!(self.0, Inner::Plain(_))
    }

    /// Whether the TLS handshake resumed an earlier session (a data connection reusing the
    /// control connection's, RFC 4217 §10.2); `false` in the clear or before the handshake.
    #[cfg(feature = "rustls")]
    pub fn resumed(&self) -> bool {
        let kind = match &self.0 {
            Inner::Plain(_) => None,
            Inner::Client(tls) => tls.conn.handshake_kind(),
            Inner::Server(tls) => tls.conn.handshake_kind(),
        };
        kind == Some(rustls::HandshakeKind::Resumed)
    }

    /// Runs the TLS handshake to its end, if it has not run yet (bounded by the socket's
    /// timeouts: each round moves the peer's bytes or fails).
    pub fn handshake(&mut self) -> io::Result<()> {
        match &mut self.0 {
            Inner::Plain(_) => {}
            #[cfg(feature = "rustls")]
            Inner::Client(tls) => {
                while tls.conn.is_handshaking() {
                    tls.conn.complete_io(&mut tls.sock)?;
                }
            }
            #[cfg(feature = "rustls")]
            Inner::Server(tls) => {
                while tls.conn.is_handshaking() {
                    tls.conn.complete_io(&mut tls.sock)?;
                }
            }
        }
        Ok(())
    }

    /// Ends the sending half: over TLS, `close_notify` first (after the handshake, if nothing
    /// was sent yet), so that the peer knows the data ended here and was not cut (RFC 4217 §7,
    /// and the truncation attacks TLS guards against); then the TCP write shutdown.
    pub fn finish(&mut self) -> io::Result<()> {
        self.handshake()?;
        match &mut self.0 {
            Inner::Plain(_) => {}
            #[cfg(feature = "rustls")]
            Inner::Client(tls) => tls.conn.send_close_notify(),
            #[cfg(feature = "rustls")]
            Inner::Server(tls) => tls.conn.send_close_notify(),
        }
        self.flush()?;
        self.tcp().shutdown(Shutdown::Write)
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match &mut self.0 {
            Inner::Plain(tcp) => tcp.read(buf),
            #[cfg(feature = "rustls")]
            Inner::Client(tls) => tls.read(buf),
            #[cfg(feature = "rustls")]
            Inner::Server(tls) => tls.read(buf),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.0 {
            Inner::Plain(tcp) => tcp.write(buf),
            #[cfg(feature = "rustls")]
            Inner::Client(tls) => tls.write(buf),
            #[cfg(feature = "rustls")]
            Inner::Server(tls) => tls.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.0 {
            Inner::Plain(tcp) => tcp.flush(),
            #[cfg(feature = "rustls")]
            Inner::Client(tls) => tls.flush(),
            #[cfg(feature = "rustls")]
            Inner::Server(tls) => tls.flush(),
        }
    }
}
