//! `TokioData`: [`AsyncDataConnection`] over tokio's TCP, to the control connection's peer only.

use super::AsyncDataConnection;
use crate::client::control::FromTokio;
use core::net::{IpAddr, SocketAddr};
use core::time::Duration;
use std::io;
use tokio::net::{TcpListener, TcpStream};

/// The data connections of an [`AsyncSession`](super::AsyncSession) on tokio: TCP to the
/// control connection's peer (passive), or a listener on the control connection's local
/// address that accepts the peer alone (active). Opening waits at most `wait` (connect or
/// accept); put read and write timeouts around the mover's own calls.
pub struct TokioData {
    peer: IpAddr,
    local: IpAddr,
    wait: Duration,
    stream: Option<FromTokio<TcpStream>>,
    listener: Option<TcpListener>,
}

impl core::fmt::Debug for TokioData {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("TokioData")
            .field("peer", &self.peer)
            .field("local", &self.local)
            .field("wait", &self.wait)
            .field("open", &self.stream.is_some())
            .field("listening", &self.listener.is_some())
            .finish()
    }
}

impl TokioData {
    /// Data connections for a control connection to `peer` from `local`; opening one waits at
    /// most `wait`.
    pub fn new(peer: IpAddr, local: IpAddr, wait: Duration) -> Self {
        Self {
            peer,
            local,
            wait,
            stream: None,
            listener: None,
        }
    }

    /// For `control`: its peer, its local address, and `wait`.
    pub fn for_control(control: &TcpStream, wait: Duration) -> io::Result<Self> {
        Ok(Self::new(
            control.peer_addr()?.ip(),
            control.local_addr()?.ip(),
            wait,
        ))
    }

    /// The open data connection (an `embedded_io_async` stream), while a transfer moves its
    /// data.
    pub fn stream(&mut self) -> io::Result<&mut FromTokio<TcpStream>> {
        self.stream
            .as_mut()
            .ok_or_else(|| io::Error::from(io::ErrorKind::NotConnected))
    }
}

impl AsyncDataConnection for TokioData {
    type Error = io::Error;

    async fn connect(&mut self, port: u16) -> io::Result<()> {
        let address = SocketAddr::new(self.peer, port);
        let stream = tokio::time::timeout(self.wait, TcpStream::connect(address))
            .await
            .map_err(|_| io::Error::from(io::ErrorKind::TimedOut))??;
        self.stream = Some(FromTokio::new(stream));
        Ok(())
    }

    async fn listen(&mut self) -> io::Result<SocketAddr> {
        let listener = TcpListener::bind(SocketAddr::new(self.local, 0)).await?;
        let address = listener.local_addr()?;
        self.listener = Some(listener);
        Ok(address)
    }

    async fn accept(&mut self) -> io::Result<()> {
        let listener = self
            .listener
            .take()
            .ok_or_else(|| io::Error::from(io::ErrorKind::NotConnected))?;
        let peer = self.peer;
        let accepted = tokio::time::timeout(self.wait, async {
            // Another host's connection is not the server's: turned away (RFC 2577 §5).
            loop {
                let (stream, from) = listener.accept().await?;
                if from.ip() == peer {
                    return Ok::<_, io::Error>(stream);
                }
            }
        })
        .await
        .map_err(|_| io::Error::from(io::ErrorKind::TimedOut))??;
        self.stream = Some(FromTokio::new(accepted));
        Ok(())
    }

    async fn close(&mut self) -> io::Result<()> {
        self.listener = None;
        if let Some(mut stream) = self.stream.take() {
            // The end of an upload's data: shut the write side down before dropping.
            let _ = tokio::io::AsyncWriteExt::shutdown(stream.inner_mut()).await;
        }
        Ok(())
    }
}
