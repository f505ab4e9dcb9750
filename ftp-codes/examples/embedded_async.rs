//! An FTP client on a microcontroller, as an embassy-net user writes it: the control socket
//! passed in, a buffer of a few hundred bytes on the stack, and `io::AsyncControl` over any
//! `embedded_io_async::{Read, Write}` transport. No allocation and no runtime of its own.
//!
//! CI builds it for `thumbv7em-none-eabihf`
//! (`cargo build -p ftp-codes --example embedded_async --target thumbv7em-none-eabihf`); its
//! tests drive it on the host over scripted transports. With embassy-net:
//!
//! ```text
//! let mut socket = TcpSocket::new(stack, &mut rx, &mut tx);
//! socket.connect((server, 21)).await?;
//! let mut buffer = [0; 256];
//! let mut control = AsyncControl::new(socket, &mut buffer, ParseOptions::default());
//! login(&mut control, b"alice", b"secret").await?;
//! let info = file_info(&mut control, b"firmware.bin").await?;
//! let n = download(&mut control, b"firmware.bin", &mut image, async |port| {
//!     let mut data = TcpSocket::new(stack, &mut data_rx, &mut data_tx);
//!     data.connect((server, port)).await.map_err(|_| embassy_net::tcp::Error::ConnectionReset)?;
//!     Ok(data)
//! }).await?;
//! ```

#![no_std]

use embedded_io_async::{Read, Write};
use ftp_codes::io::{AsyncControl, ControlError};
use ftp_codes::payload::{self, PayloadError, Timestamp};
use ftp_codes::reply::Reply;
use ftp_codes::{Command, Outcome, ReplyCode};

/// Why a step failed.
#[derive(Debug)]
pub enum Error<E> {
    /// The control connection failed: `E` is the socket's error.
    Control(ControlError<E>),
    /// The data connection failed.
    Data(E),
    /// The server refused: its code.
    Refused(ReplyCode),
    /// A reply without the payload it should carry.
    Payload(PayloadError),
    /// The file is larger than the buffer given for it.
    TooLarge,
}

impl<E> From<ControlError<E>> for Error<E> {
    fn from(error: ControlError<E>) -> Self {
        Self::Control(error)
    }
}

impl<E> From<PayloadError> for Error<E> {
    fn from(error: PayloadError) -> Self {
        Self::Payload(error)
    }
}

/// A file's size and modification time.
#[derive(Debug, PartialEq, Eq)]
pub struct FileInfo {
    /// Its size in bytes (in TYPE I).
    pub size: u64,
    /// Its modification time, in UTC.
    pub modified: Timestamp,
}

/// The greeting (220, or 120 then 220), then USER and (if asked for) PASS; TYPE I for what
/// follows.
pub async fn login<S: Read + Write>(
    control: &mut AsyncControl<'_, S>,
    user: &[u8],
    password: &[u8],
) -> Result<(), Error<S::Error>> {
    completed(control.greeting().await?)?;
    completed(
        control
            .run(Command::User, user, &[(Command::Pass, password)])
            .await?,
    )?;
    completed(control.run(Command::Type, b"I", &[]).await?).map(drop)
}

/// SIZE and MDTM of `path`.
pub async fn file_info<S: Read + Write>(
    control: &mut AsyncControl<'_, S>,
    path: &[u8],
) -> Result<FileInfo, Error<S::Error>> {
    let size = payload::size(&completed(control.run(Command::Size, path, &[]).await?)?)?;
    let modified = payload::mdtm(&completed(control.run(Command::Mdtm, path, &[]).await?)?)?;
    Ok(FileInfo { size, modified })
}

/// RETR `path` into `into` over a data connection that `open_data` makes to the port the
/// server's 229 names (on the control connection's host); the number of bytes received.
pub async fn download<S, D>(
    control: &mut AsyncControl<'_, S>,
    path: &[u8],
    into: &mut [u8],
    open_data: impl AsyncFnOnce(u16) -> Result<D, S::Error>,
) -> Result<usize, Error<S::Error>>
where
    S: Read + Write,
    D: Read<Error = S::Error>,
{
    let port = payload::epsv(&completed(control.run(Command::Epsv, b"", &[]).await?)?)?;
    let mut data = open_data(port).await.map_err(Error::Data)?;
    let started = control.send(Command::Retr, path).await?.code();
    if Command::Retr.classify(started) != Outcome::Preliminary {
        return Err(Error::Refused(started));
    }
    let mut received = 0;
    loop {
        let Some(rest) = into.get_mut(received..).filter(|rest| !rest.is_empty()) else {
            return Err(Error::TooLarge);
        };
        match data.read(rest).await.map_err(Error::Data)? {
            0 => break,
            n => received += n,
        }
    }
    completed(control.finish().await?)?;
    Ok(received)
}

fn completed<E>((outcome, reply): (Outcome, Reply<'_>)) -> Result<Reply<'_>, Error<E>> {
    match outcome {
        Outcome::Completed => Ok(reply),
        _ => Err(Error::Refused(reply.code())),
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use embedded_io_async::ErrorType;
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

    /// Polls a future that never waits, as the scripted transports never do.
    fn ready<F: Future>(future: F) -> F::Output {
        let mut future = core::pin::pin!(future);
        let mut context = core::task::Context::from_waker(core::task::Waker::noop());
        for _ in 0..1000 {
            if let core::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
                return output;
            }
        }
        panic!("the scripted transports never wait");
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
            let mut control = AsyncControl::new(script, &mut buffer, ParseOptions::default());
            ready(login(&mut control, b"alice", b"secret")).unwrap();
            let info = ready(file_info(&mut control, b"fw.bin")).unwrap();
            assert_eq!(info.size, 11);
            assert_eq!(std::format!("{}", info.modified), "2026-11-24T09:43:19Z");
            let mut image = [0; 32];
            let mut opened = None;
            let n = ready(download(
                &mut control,
                b"fw.bin",
                &mut image,
                async |port| {
                    opened = Some(port);
                    Ok(Script {
                        replies: b"hello world",
                        step,
                        sent: Vec::new(),
                    })
                },
            ))
            .unwrap();
            assert_eq!((opened, &image[..n]), (Some(50021), &b"hello world"[..]));
            assert_eq!(
                control.transport_mut().sent,
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
        let mut buffer = [0; 64];
        let mut control = AsyncControl::new(script, &mut buffer, ParseOptions::default());
        let refused = ready(login(&mut control, b"alice", b"wrong"));
        assert!(matches!(refused, Err(Error::Refused(code)) if code == 530));

        let replies = b"229 (|||2000|)\r\n150 go\r\n";
        let script = Script {
            replies,
            step: 64,
            sent: Vec::new(),
        };
        let mut control = AsyncControl::new(script, &mut buffer, ParseOptions::default()).greeted();
        let mut small = [0; 4];
        let result = ready(download(&mut control, b"big", &mut small, async |_| {
            Ok(Script {
                replies: b"more than four",
                step: 64,
                sent: Vec::new(),
            })
        }));
        assert!(matches!(result, Err(Error::TooLarge)));
    }
}
