//! A firmware update over FTP on a microcontroller, as an embassy-net user writes it, on
//! `client::AsyncSession`: the control socket and one data socket passed in, a buffer of a few
//! hundred bytes on the stack, the image read straight into its place. No allocation and no
//! runtime of its own; the session decides the protocol (TYPE, EPSV or PASV, the transfer
//! order, ABOR when the image would not fit).
//!
//! CI builds it for `thumbv7em-none-eabihf`
//! (`cargo build -p ftp-codes --example embedded_async --target thumbv7em-none-eabihf`), its
//! tests drive it on the host over scripted transports, and the QEMU firmware
//! (`tests/qemu`) runs it on the emulated Cortex-M4F. With embassy-net, the data connection is
//! one `TcpSocket` that the session opens and closes for each transfer:
//!
//! ```text
//! struct DataSocket<'a> { server: IpAddress, socket: TcpSocket<'a> }
//!
//! impl AsyncDataConnection for DataSocket<'_> {
//!     type Error = tcp::Error;
//!     async fn connect(&mut self, port: u16) -> Result<(), tcp::Error> {
//!         self.socket.connect((self.server, port)).await.map_err(|_| tcp::Error::ConnectionReset)
//!     }
//!     async fn listen(&mut self) -> Result<SocketAddr, tcp::Error> { Err(tcp::Error::ConnectionReset) } // passive only
//!     async fn accept(&mut self) -> Result<(), tcp::Error> { Err(tcp::Error::ConnectionReset) }
//!     async fn close(&mut self) -> Result<(), tcp::Error> {
//!         self.socket.close();
//!         self.socket.flush().await
//!     }
//! }
//! // embedded_io_async::Read for DataSocket: self.socket.read(buf).await
//!
//! let mut control = TcpSocket::new(stack, &mut rx, &mut tx);
//! control.connect((server, 21)).await?;
//! let data = DataSocket { server, socket: TcpSocket::new(stack, &mut data_rx, &mut data_tx) };
//! let mut buffer = [0; 256];
//! let control = AsyncControl::new(control, &mut buffer, ParseOptions::default());
//! let mut ftp = AsyncSession::start(control, data).await?;
//! ftp.login(b"alice", b"secret").await?;
//! let image = fetch(&mut ftp, b"firmware.bin", &mut flash_staging).await?;
//! ```

#![no_std]

use core::ops::ControlFlow;
use embedded_io_async::{Read, Write};
use ftp_codes::Command;
use ftp_codes::client::{AsyncDataConnection, AsyncSession, SessionError};
use ftp_codes::payload::Timestamp;

/// Why fetching failed.
#[derive(Debug)]
pub enum Error<E> {
    /// The session failed: `E` is the socket's error.
    Session(SessionError<E>),
    /// The file is larger than the buffer given for it (by its SIZE, or by what arrived:
    /// the transfer was aborted then).
    TooLarge,
}

impl<E> From<SessionError<E>> for Error<E> {
    fn from(error: SessionError<E>) -> Self {
        Self::Session(error)
    }
}

/// An image read into its buffer.
#[derive(Debug, PartialEq, Eq)]
pub struct Fetched {
    /// Its size in bytes.
    pub size: usize,
    /// Its modification time on the server, in UTC (a version check).
    pub modified: Timestamp,
}

/// SIZE and MDTM of `path`, then RETR straight into `image`: the bytes received and the time.
/// A file larger than `image` is refused before the transfer, or aborted (ABOR) if more
/// arrives than SIZE said.
pub async fn fetch<T, D>(
    ftp: &mut AsyncSession<'_, T, D>,
    path: &[u8],
    image: &mut [u8],
) -> Result<Fetched, Error<T::Error>>
where
    T: Read + Write,
    D: AsyncDataConnection<Error = T::Error> + Read<Error = T::Error>,
{
    let size = ftp.size(path).await?;
    if usize::try_from(size).map_or(true, |size| size > image.len()) {
        return Err(Error::TooLarge);
    }
    let modified = ftp.mdtm(path).await?;
    let mut received = 0;
    let result = ftp
        .transfer(Command::Retr, path, 0, async |data: &mut D, _| {
            loop {
                let Some(rest) = image.get_mut(received..).filter(|rest| !rest.is_empty()) else {
                    return Ok(ControlFlow::Break(()));
                };
                match data.read(rest).await? {
                    0 => return Ok(ControlFlow::Continue(())),
                    n => received += n,
                }
            }
        })
        .await;
    match result {
        Ok(()) => Ok(Fetched {
            size: received,
            modified,
        }),
        Err(SessionError::Aborted { .. }) => Err(Error::TooLarge),
        Err(error) => Err(error.into()),
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use core::net::SocketAddr;
    use embedded_io_async::ErrorType;
    use ftp_codes::client::control::AsyncControl;
    use ftp_codes::reply::ParseOptions;
    use std::vec::Vec;

    /// A server's side, scripted: replies served a few bytes a read, commands recorded.
    struct Script {
        replies: &'static [u8],
        step: usize,
        sent: Vec<u8>,
    }

    impl ErrorType for Script {
        type Error = embedded_io_async::ErrorKind;
    }

    impl Read for Script {
        async fn read(&mut self, buf: &mut [u8]) -> Result<usize, Self::Error> {
            let n = self.step.min(buf.len()).min(self.replies.len());
            let (now, later) = self.replies.split_at(n);
            buf[..n].copy_from_slice(now);
            self.replies = later;
            Ok(n)
        }
    }

    impl Write for Script {
        async fn write(&mut self, buf: &[u8]) -> Result<usize, Self::Error> {
            self.sent.extend_from_slice(buf);
            Ok(buf.len())
        }

        async fn flush(&mut self) -> Result<(), Self::Error> {
            Ok(())
        }
    }

    /// The data socket: serves a file, records the ports it was opened to.
    struct DataSocket {
        file: Script,
        ports: Vec<u16>,
    }

    impl ErrorType for DataSocket {
        type Error = embedded_io_async::ErrorKind;
    }

    impl Read for DataSocket {
        async fn read(&mut self, buf: &mut [u8]) -> Result<usize, Self::Error> {
            self.file.read(buf).await
        }
    }

    impl AsyncDataConnection for DataSocket {
        type Error = embedded_io_async::ErrorKind;

        async fn connect(&mut self, port: u16) -> Result<(), Self::Error> {
            self.ports.push(port);
            Ok(())
        }

        async fn listen(&mut self) -> Result<SocketAddr, Self::Error> {
            Err(embedded_io_async::ErrorKind::Unsupported)
        }

        async fn accept(&mut self) -> Result<(), Self::Error> {
            Err(embedded_io_async::ErrorKind::Unsupported)
        }

        async fn close(&mut self) -> Result<(), Self::Error> {
            Ok(())
        }
    }

    /// Polls a future that never waits, as the scripted transports never do.
    fn ready<F: Future>(future: F) -> F::Output {
        let mut future = core::pin::pin!(future);
        let mut context = core::task::Context::from_waker(core::task::Waker::noop());
        for _ in 0..10_000 {
            if let core::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
                return output;
            }
        }
        panic!("the scripted transports never wait");
    }

    fn data(file: &'static [u8], step: usize) -> DataSocket {
        DataSocket {
            file: Script {
                replies: file,
                step,
                sent: Vec::new(),
            },
            ports: Vec::new(),
        }
    }

    const SESSION: &[u8] = b"220 ready\r\n331 password?\r\n230 in\r\n200 binary\r\n\
        213 11\r\n213 20261124094319\r\n229 Entering Extended Passive Mode (|||50021|)\r\n\
        150 sending\r\n226 done\r\n";

    #[test]
    fn a_session_in_pieces_of_every_size() {
        for step in [1, 3, 7, 64] {
            let script = Script {
                replies: SESSION,
                step,
                sent: Vec::new(),
            };
            let mut buffer = [0; 256];
            let control = AsyncControl::new(script, &mut buffer, ParseOptions::default());
            let mut image = [0; 32];
            let (fetched, ports, sent) = ready(async {
                let mut ftp = AsyncSession::start(control, data(b"hello world", step)).await?;
                ftp.login(b"alice", b"secret").await?;
                let fetched = fetch(&mut ftp, b"fw.bin", &mut image).await;
                let ports = core::mem::take(&mut ftp.data_mut().ports);
                let sent = core::mem::take(&mut ftp.control_mut().transport_mut().sent);
                Ok::<_, SessionError<_>>((fetched, ports, sent))
            })
            .unwrap();
            let fetched = fetched.unwrap();
            assert_eq!(fetched.size, 11);
            assert_eq!(std::format!("{}", fetched.modified), "2026-11-24T09:43:19Z");
            assert_eq!(
                (&ports[..], &image[..11]),
                (&[50021][..], &b"hello world"[..])
            );
            assert_eq!(
                sent,
                b"USER alice\r\nPASS secret\r\nTYPE I\r\nSIZE fw.bin\r\nMDTM fw.bin\r\nEPSV\r\nRETR fw.bin\r\n"
            );
        }
    }

    #[test]
    fn refusals_and_a_file_too_large_are_errors() {
        let script = Script {
            replies: b"220 hi\r\n530 no\r\n",
            step: 5,
            sent: Vec::new(),
        };
        let mut buffer = [0; 128];
        let control = AsyncControl::new(script, &mut buffer, ParseOptions::default());
        let refused = ready(async {
            let mut ftp = AsyncSession::start(control, data(b"", 5)).await?;
            ftp.login(b"alice", b"wrong").await
        });
        assert_eq!(
            refused
                .unwrap_err()
                .reply_code()
                .map(ftp_codes::ReplyCode::as_u16),
            Some(530)
        );

        // SIZE says 5 but 14 bytes come: the transfer is aborted, the session in step.
        let replies = b"200 binary\r\n213 5\r\n213 20261124094319\r\n\
            229 (|||2000|)\r\n150 go\r\n426 aborted\r\n226 abort ok\r\n200 noop\r\n";
        let script = Script {
            replies,
            step: 64,
            sent: Vec::new(),
        };
        let control = AsyncControl::new(script, &mut buffer, ParseOptions::default()).greeted();
        let mut small = [0; 5];
        let result = ready(async {
            let mut ftp = AsyncSession::greeted(control, data(b"more than four", 64));
            let fetched = fetch(&mut ftp, b"big", &mut small).await;
            ftp.command(Command::Noop, b"").await.map(|()| fetched)
        });
        assert!(matches!(result, Ok(Err(Error::TooLarge))));
    }
}
