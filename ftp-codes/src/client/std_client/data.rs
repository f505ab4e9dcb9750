//! `StdData`: data connections over `std::net`, to the control connection's peer only, with
//! the timeouts of [`Timeouts`].

use crate::client::DataConnection;
use std::io;
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
/// alone (active: a connection from any other host is turned away, RFC 2577 §5).
#[derive(Debug)]
pub struct StdData {
    peer: IpAddr,
    local: IpAddr,
    timeouts: Timeouts,
    stream: Option<TcpStream>,
    listener: Option<TcpListener>,
}

impl StdData {
    /// Data connections for a control connection to `peer` from `local`.
    pub fn new(peer: IpAddr, local: IpAddr, timeouts: Timeouts) -> Self {
        Self {
            peer,
            local,
            timeouts,
            stream: None,
            listener: None,
        }
    }

    /// The open data connection, while a transfer moves its data.
    pub fn stream(&mut self) -> io::Result<&mut TcpStream> {
        self.stream
            .as_mut()
            .ok_or_else(|| io::Error::from(io::ErrorKind::NotConnected))
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
        self.timeouts.apply(&stream)?;
        self.stream = Some(stream);
        Ok(())
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
                    self.timeouts.apply(&stream)?;
                    self.stream = Some(stream);
                    return Ok(());
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
