//! `StdData`: data connections over `std::net`, to the control connection's peer only, with
//! the timeouts of [`Timeouts`], in the clear or over TLS after `PROT P`.

use crate::client::DataConnection;
use crate::stream::Stream;
use std::io::{self, Read};
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::time::{Duration, Instant};

/// How long the client waits, each with a default of 30 seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeouts {
    connect: Duration,
    read: Duration,
    write: Duration,
    data: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        let wait = Duration::from_secs(30);
        Self {
            connect: wait,
            read: wait,
            write: wait,
            data: wait,
        }
    }
}

impl Timeouts {
    /// Connecting the control connection.
    #[must_use]
    pub const fn with_connect(mut self, wait: Duration) -> Self {
        self.connect = wait;
        self
    }

    /// Any read: a reply, or data (a read that waits longer fails the call).
    #[must_use]
    pub const fn with_read(mut self, wait: Duration) -> Self {
        self.read = wait;
        self
    }

    /// Any write: a command line, or data.
    #[must_use]
    pub const fn with_write(mut self, wait: Duration) -> Self {
        self.write = wait;
        self
    }

    /// Opening a data connection: connecting to the server's port (passive), or waiting for
    /// the server's connection (active).
    #[must_use]
    pub const fn with_data(mut self, wait: Duration) -> Self {
        self.data = wait;
        self
    }

    /// Connecting the control connection.
    pub const fn connect(&self) -> Duration {
        self.connect
    }

    /// Any read.
    pub const fn read(&self) -> Duration {
        self.read
    }

    /// Any write.
    pub const fn write(&self) -> Duration {
        self.write
    }

    /// Opening a data connection.
    pub const fn data(&self) -> Duration {
        self.data
    }

    /// Sets the read and write timeouts on `stream` (zero means none: std refuses zero).
    pub(crate) fn apply(&self, stream: &TcpStream) -> io::Result<()> {
        stream.set_read_timeout(nonzero(self.read))?;
        stream.set_write_timeout(nonzero(self.write))
    }
}

fn nonzero(wait: Duration) -> Option<Duration> {
    (!wait.is_zero()).then_some(wait)
}

/// The data connections of a [`Client`](super::Client): TCP to the control connection's peer
/// (passive), or a listener on the control connection's local address that accepts the peer
/// alone (active: a connection from any other host is turned away, RFC 2577 §5). After
/// [`Client::secure`](super::Client::secure), each is TLS (the client's side in both modes,
/// RFC 4217 §9), resuming the control connection's TLS session.
#[derive(Debug)]
pub struct StdData {
    peer: IpAddr,
    local: IpAddr,
    timeouts: Timeouts,
    stream: Option<Stream>,
    listener: Option<TcpListener>,
    #[cfg(feature = "rustls")]
    tls: Option<super::tls::DataTls>,
}

/// What [`StdData::finish`] reads at most after an upload's `close_notify` while it waits for
/// the server to close (TLS 1.3 session tickets, an alert): a server that sends more is not
/// waited for.
const DRAIN_LIMIT: usize = 64 * 1024;

impl StdData {
    /// Data connections for a control connection to `peer` from `local`.
    pub fn new(peer: IpAddr, local: IpAddr, timeouts: Timeouts) -> Self {
        Self {
            peer,
            local,
            timeouts,
            stream: None,
            listener: None,
            #[cfg(feature = "rustls")]
            tls: None,
        }
    }

    /// The open data connection, while a transfer moves its data. Over TLS, a server that
    /// closes it without `close_notify` makes a read fail with `UnexpectedEof` (the
    /// [`Client`](super::Client) reads that as the end, and lets the reply decide).
    pub fn stream(&mut self) -> io::Result<&mut Stream> {
        self.stream
            .as_mut()
            .ok_or_else(|| io::Error::from(io::ErrorKind::NotConnected))
    }

    /// Ends the data connection's data after a transfer that went through. Over TLS:
    /// `close_notify`, then, since the server closes after it, reading until it does (64 KiB
    /// at most, within the read timeout), so that nothing it sent (TLS 1.3 session tickets)
    /// is left unread: on loopback an unread byte makes the kernel reset the connection, and
    /// the server may lose the end of an upload. In the clear, nothing (closing ends the
    /// data). Call it before the transfer's last reply; the [`Client`](super::Client) does.
    pub fn finish(&mut self) -> io::Result<()> {
        let Some(stream) = self.stream.as_mut().filter(|stream| stream.is_tls()) else {
            return Ok(());
        };
        stream.finish()?;
        // The server's own end: EOF, with or without its close_notify, or an error; whichever,
        // the transfer's reply says how it went.
        let mut sink = [0u8; 4096];
        let mut drained = 0usize;
        while drained < DRAIN_LIMIT {
            match stream.read(&mut sink) {
                Ok(0) | Err(_) => break,
                Ok(n) => drained = drained.saturating_add(n),
            }
        }
        Ok(())
    }

    /// Data connections over TLS from now on (after `PROT P`).
    #[cfg(feature = "rustls")]
    pub(crate) fn protect(&mut self, tls: super::tls::DataTls) {
        self.tls = Some(tls);
    }

    /// `tcp` as the data connection: through TLS once protected.
    fn open(&mut self, tcp: TcpStream) -> io::Result<()> {
        self.timeouts.apply(&tcp)?;
        #[cfg(feature = "rustls")]
        if let Some(tls) = &self.tls {
            self.stream = Some(tls.client(tcp)?);
            return Ok(());
        }
        self.stream = Some(Stream::plain(tcp));
        Ok(())
    }

    pub(crate) fn set_timeouts(&mut self, timeouts: Timeouts) {
        self.timeouts = timeouts;
    }
}

impl DataConnection for StdData {
    type Error = io::Error;

    fn connect(&mut self, port: u16) -> io::Result<()> {
        let address = SocketAddr::new(self.peer, port);
        let stream = TcpStream::connect_timeout(&address, self.timeouts.data)?;
        self.open(stream)
    }

    fn listen(&mut self) -> io::Result<SocketAddr> {
        let listener = TcpListener::bind(SocketAddr::new(self.local, 0))?;
        let address = listener.local_addr()?;
        listener.set_nonblocking(true)?;
        self.listener = Some(listener);
        Ok(address)
    }

    fn accept(&mut self) -> io::Result<()> {
        let listener = self
            .listener
            .take()
            .ok_or_else(|| io::Error::from(io::ErrorKind::NotConnected))?;
        // std's accept has no timeout: poll the non-blocking listener until the deadline.
        let deadline = Instant::now().checked_add(self.timeouts.data);
        loop {
            match listener.accept() {
                Ok((stream, from)) if from.ip() == self.peer => {
                    stream.set_nonblocking(false)?;
                    return self.open(stream);
                }
                // Another host: not the server's connection (a port thief); wait on.
                Ok(_) => {}
                Err(error) if error.kind() == io::ErrorKind::WouldBlock => {
                    if deadline.is_some_and(|deadline| Instant::now() >= deadline) {
                        return Err(io::ErrorKind::TimedOut.into());
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(error) => return Err(error),
            }
        }
    }

    fn close(&mut self) -> io::Result<()> {
        self.listener = None;
        // Dropping the stream closes it: the end of an upload's data.
        self.stream = None;
        Ok(())
    }
}
