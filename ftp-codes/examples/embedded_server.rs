//! A data logger's FTP server on a microcontroller, as an embassy-net user writes it, on
//! `server::Session`: the control socket and one data socket passed in, the files in flash,
//! buffers of a few hundred bytes on the stack. No allocation and no runtime of its own; the
//! session decides the protocol (login, sequence, refusals, 425 without PASV or EPSV, FEAT,
//! PWD, TYPE, REST), this file serves the files.
//!
//! CI builds it for `thumbv7em-none-eabihf`
//! (`cargo build -p ftp-codes --example embedded_server --target thumbv7em-none-eabihf`), its
//! tests drive it on the host with a scripted client, and the QEMU firmware (`tests/qemu`)
//! runs the same script through it on the emulated Cortex-M4F. With embassy-net the data
//! socket is one `TcpSocket` that listens for each transfer:
//!
//! ```text
//! struct DataSocket<'a> { local: IpAddress, socket: TcpSocket<'a> }
//!
//! impl PassiveSocket for DataSocket<'_> {
//!     async fn listen(&mut self) -> Result<SocketAddr, tcp::Error> {
//!         self.socket.abort();
//!         Ok(SocketAddr::new(self.local.into(), 2122)) // accept() listens on it
//!     }
//!     async fn accept(&mut self) -> Result<(), tcp::Error> {
//!         self.socket.accept(2122).await.map_err(|_| tcp::Error::ConnectionReset)
//!     }
//!     async fn close(&mut self) -> Result<(), tcp::Error> {
//!         self.socket.close();
//!         self.socket.flush().await
//!     }
//! }
//!
//! let mut control = TcpSocket::new(stack, &mut rx, &mut tx);
//! control.accept(21).await?;
//! let mut data = DataSocket { local, socket: TcpSocket::new(stack, &mut data_rx, &mut data_tx) };
//! serve(&mut control, &mut data, &LOGGER).await?;
//! ```

#![no_std]

use core::net::SocketAddr;
use embedded_io_async::{ErrorType, Read, Write};
use ftp_codes::listing::{FactSet, Kind, Listed};
use ftp_codes::server::{Commands, Config, Event, ListFormat, Request, ServerError, Session};
use ftp_codes::write::{WriteOptions, Writer};
use ftp_codes::{Code, Command};

/// The data socket: listens for the client's data connection (PASV, EPSV).
pub trait PassiveSocket: Read + Write {
    /// Prepares to accept; the address to announce (the control connection's own, a port).
    fn listen(&mut self) -> impl Future<Output = Result<SocketAddr, Self::Error>>;
    /// Waits for the client's connection.
    fn accept(&mut self) -> impl Future<Output = Result<(), Self::Error>>;
    /// Sends what is left and closes the connection.
    fn close(&mut self) -> impl Future<Output = Result<(), Self::Error>>;
}

/// What is served: one account and files in flash, all in `/`.
pub struct Files<'a> {
    /// USER's name.
    pub user: &'a [u8],
    /// PASS's password.
    pub password: &'a [u8],
    /// Each file's name and bytes.
    pub files: &'a [(&'a [u8], &'a [u8])],
}

impl<'a> Files<'a> {
    /// The file `path` names (`/name`).
    fn file(&self, path: &[u8]) -> Option<&'a [u8]> {
        self.entry(path).map(|(_, bytes)| bytes)
    }

    /// The file `path` names, with its name.
    fn entry(&self, path: &[u8]) -> Option<(&'a [u8], &'a [u8])> {
        let name = path.strip_prefix(b"/")?;
        self.files.iter().find(|(n, _)| *n == name).copied()
    }
}

/// Why serving ended early.
#[derive(Debug)]
pub enum Error<E> {
    /// A socket failed.
    Io(E),
    /// The session refused a call (a bug of this file's, as the tests check).
    Session(ServerError),
}

impl<E> From<ServerError> for Error<E> {
    fn from(error: ServerError) -> Self {
        Self::Session(error)
    }
}

/// The longest command line: the input buffer holds it and its CRLF. A longer line gets 500.
const LINE: usize = 126;

/// A read-only server: the session answers every write command with 502, and PORT and EPRT
/// too (the data socket only listens), and MDTM; lines of up to [`LINE`] bytes.
pub const CONFIG: Config = Config::new()
    .with_max_line_len(LINE)
    // No clock on the logger: no MDTM, no `modify` fact.
    .with_facts(FactSet::TYPE.union(FactSet::SIZE))
    .with_commands(Commands::READ_ONLY.without(&[Command::Port, Command::Eprt, Command::Mdtm]));

/// What a request asks of the files, decided while the request borrows the session.
enum Action<'f> {
    Reply(usize),
    Close(usize),
    More,
    Login(bool),
    Found(bool),
    Size(Option<u64>),
    Facts(Mlst<'f>),
    Passive,
    Send(Option<&'f [u8]>, u64),
    List(ListFormat),
    Status,
    Refuse,
}

/// Serves one control connection until QUIT, the client's close, or a socket error. A
/// transfer runs to its end before the next command is read (a single task).
pub async fn serve<C, D>(
    control: &mut C,
    data: &mut D,
    files: &Files<'_>,
) -> Result<(), Error<C::Error>>
where
    C: Read + Write,
    D: PassiveSocket + ErrorType<Error = C::Error>,
{
    let mut session: Session<64> = Session::new(CONFIG);
    let mut input = [0u8; LINE + 2];
    let mut filled = 0;
    let mut out = [0u8; 512];
    let n = session.greet(&mut out)?;
    control.write_all(part(&out, n)).await.map_err(Error::Io)?;
    loop {
        let read = session.read(part(&input, filled), &mut out)?;
        let used = read.used;
        let action = match read.event {
            Event::Reply(n) => Action::Reply(n),
            Event::Close(n) => Action::Close(n),
            Event::Request(request) => decide(request, files),
            _ => Action::More,
        };
        input.copy_within(used..filled, 0);
        filled = filled.saturating_sub(used);
        let n = match action {
            Action::More => {
                let free = input.get_mut(filled..).unwrap_or_default();
                let n = control.read(free).await.map_err(Error::Io)?;
                if n == 0 {
                    return Ok(());
                }
                filled = filled.saturating_add(n);
                continue;
            }
            Action::Reply(n) => n,
            Action::Close(n) => {
                control.write_all(part(&out, n)).await.map_err(Error::Io)?;
                return Ok(());
            }
            Action::Login(true) | Action::Found(true) => session.succeed(&mut out)?,
            Action::Login(false) => session.refuse(&mut out, Code::NotLoggedIn)?,
            Action::Found(false)
            | Action::Size(None)
            | Action::Facts(Mlst::Missing)
            | Action::Send(None, _) => session.refuse(&mut out, Code::FileUnavailable)?,
            Action::Size(Some(size)) => session.answer(&mut out, |w| w.size(size))?,
            Action::Facts(found) => {
                // The fact line names the path: `/` and the file's name.
                let mut path = [b'/'; 65];
                let entry = match found {
                    Mlst::File(name, bytes) if name.len() < path.len() => {
                        let end = name.len().saturating_add(1);
                        path.get_mut(1..end)
                            .unwrap_or_default()
                            .copy_from_slice(name);
                        Listed::new(part(&path, end), Kind::File).with_size(length(bytes))
                    }
                    _ => Listed::new(b"/", Kind::Directory),
                };
                let facts = session.facts();
                session.answer(&mut out, |w| w.mlst(&entry, facts))?
            }
            Action::Passive => {
                let address = data.listen().await.map_err(Error::Io)?;
                session.passive(&mut out, address)?
            }
            Action::Status => session.reply(&mut out, Code::SystemStatus, "Data logger ready.")?,
            Action::Refuse => session.refuse(&mut out, Code::CommandNotImplemented)?,
            Action::Send(Some(bytes), offset) => {
                let start = usize::try_from(offset)
                    .unwrap_or(usize::MAX)
                    .min(bytes.len());
                transfer(
                    control,
                    data,
                    &mut session,
                    &mut out,
                    Payload::File(bytes.get(start..).unwrap_or_default()),
                )
                .await?
            }
            Action::List(format) => {
                transfer(
                    control,
                    data,
                    &mut session,
                    &mut out,
                    Payload::List(files, format),
                )
                .await?
            }
        };
        control.write_all(part(&out, n)).await.map_err(Error::Io)?;
    }
}

/// MLST's target: the directory, a file (its name and bytes), or nothing.
enum Mlst<'f> {
    Directory,
    File(&'f [u8], &'f [u8]),
    Missing,
}

/// The first `n` bytes of `buf` (all of it if shorter).
fn part(buf: &[u8], n: usize) -> &[u8] {
    buf.get(..n).unwrap_or(buf)
}

/// A file's length as SIZE and listings give it.
fn length(bytes: &[u8]) -> u64 {
    u64::try_from(bytes.len()).unwrap_or(u64::MAX)
}

fn decide<'f>(request: Request<'_>, files: &Files<'f>) -> Action<'f> {
    match request {
        Request::Login { user, password } => {
            Action::Login(user == files.user && password == files.password)
        }
        Request::ChangeDirectory(path) => Action::Found(path == b"/"),
        Request::Size(path, _) => Action::Size(files.file(path).map(length)),
        Request::Facts(b"/") => Action::Facts(Mlst::Directory),
        Request::Facts(path) => Action::Facts(
            files
                .entry(path)
                .map_or(Mlst::Missing, |(name, bytes)| Mlst::File(name, bytes)),
        ),
        Request::Passive(_) => Action::Passive,
        Request::Retrieve { path, offset, .. } => Action::Send(files.file(path), offset),
        Request::List { path: b"/", format } => Action::List(format),
        Request::List { .. } => Action::Found(false),
        Request::Status(None) => Action::Status,
        _ => Action::Refuse,
    }
}

/// What a transfer sends.
enum Payload<'a> {
    File(&'a [u8]),
    List(&'a Files<'a>, ListFormat),
}

/// 150, the client's data connection (425 if it does not come), the bytes, then 226 (426 if
/// the data connection broke). The last reply is left in `out`: its length.
async fn transfer<C, D>(
    control: &mut C,
    data: &mut D,
    session: &mut Session<64>,
    out: &mut [u8],
    payload: Payload<'_>,
) -> Result<usize, Error<C::Error>>
where
    C: Read + Write,
    D: PassiveSocket + ErrorType<Error = C::Error>,
{
    let n = session.succeed(out)?;
    control.write_all(part(out, n)).await.map_err(Error::Io)?;
    if data.accept().await.is_err() {
        return Ok(session.refuse(out, Code::CannotOpenDataConnection)?);
    }
    let sent = match payload {
        Payload::File(bytes) => data.write_all(bytes).await,
        Payload::List(files, format) => list(data, files, format, session.facts()).await,
    };
    let closed = data.close().await;
    Ok(match (sent, closed) {
        (Ok(()), Ok(())) => session.succeed(out)?,
        _ => session.refuse(out, Code::TransferAborted)?,
    })
}

/// The listing's lines, one at a time through a line buffer.
async fn list<D: PassiveSocket>(
    data: &mut D,
    files: &Files<'_>,
    format: ListFormat,
    facts: FactSet,
) -> Result<(), D::Error> {
    for &(name, bytes) in files.files {
        let mut line = [0u8; 160];
        let mut writer = Writer::new(&mut line, WriteOptions::new());
        let entry = Listed::new(name, Kind::File).with_size(length(bytes));
        // No clock on the logger: dates are the epoch's.
        let written = match format {
            ListFormat::Long => writer.ls_entry(&entry, ftp_codes::payload::Timestamp::UNIX_EPOCH),
            ListFormat::Facts => writer.mlsx_entry(&entry, facts),
            ListFormat::Names => writer.name_entry(name),
        };
        if written.is_ok() {
            data.write_all(writer.written()).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use std::string::String;
    use std::vec::Vec;

    /// A client's side, scripted: command lines served a few bytes a read, replies recorded.
    struct Client {
        lines: &'static [u8],
        step: usize,
        replies: Vec<u8>,
    }

    impl ErrorType for Client {
        type Error = embedded_io_async::ErrorKind;
    }

    impl Read for Client {
        async fn read(&mut self, buf: &mut [u8]) -> Result<usize, Self::Error> {
            let n = self.step.min(buf.len()).min(self.lines.len());
            let (now, later) = self.lines.split_at(n);
            buf[..n].copy_from_slice(now);
            self.lines = later;
            Ok(n)
        }
    }

    impl Write for Client {
        async fn write(&mut self, buf: &[u8]) -> Result<usize, Self::Error> {
            self.replies.extend_from_slice(buf);
            Ok(buf.len())
        }

        async fn flush(&mut self) -> Result<(), Self::Error> {
            Ok(())
        }
    }

    /// The data socket: records what each transfer sent, one entry per connection.
    #[derive(Default)]
    struct Data {
        transfers: Vec<Vec<u8>>,
    }

    impl ErrorType for Data {
        type Error = embedded_io_async::ErrorKind;
    }

    impl Read for Data {
        async fn read(&mut self, _: &mut [u8]) -> Result<usize, Self::Error> {
            Ok(0)
        }
    }

    impl Write for Data {
        async fn write(&mut self, buf: &[u8]) -> Result<usize, Self::Error> {
            let current = self
                .transfers
                .last_mut()
                .ok_or(embedded_io_async::ErrorKind::NotConnected)?;
            current.extend_from_slice(buf);
            Ok(buf.len())
        }

        async fn flush(&mut self) -> Result<(), Self::Error> {
            Ok(())
        }
    }

    impl PassiveSocket for Data {
        async fn listen(&mut self) -> Result<SocketAddr, Self::Error> {
            Ok("192.0.2.7:2122".parse().unwrap())
        }

        async fn accept(&mut self) -> Result<(), Self::Error> {
            self.transfers.push(Vec::new());
            Ok(())
        }

        async fn close(&mut self) -> Result<(), Self::Error> {
            Ok(())
        }
    }

    const LOGGER: Files<'static> = Files {
        user: b"logger",
        password: b"secret",
        files: &[
            (b"log.csv", b"t,v\n1,20.5\n2,20.7\n"),
            (b"config.txt", b"rate=1\n"),
        ],
    };

    const SESSION: &[u8] = b"USER logger\r\nPASS wrong\r\nUSER logger\r\nPASS secret\r\n\
        SYST\r\nPWD\r\nTYPE I\r\nSIZE log.csv\r\nRETR log.csv\r\nEPSV\r\nRETR log.csv\r\n\
        PASV\r\nLIST\r\nEPSV\r\nNLST\r\nEPSV\r\nMLSD\r\nMLST log.csv\r\nREST 4\r\nEPSV\r\n\
        RETR log.csv\r\nSTOR x\r\nCWD /etc\r\nRETR ../../etc/passwd\r\nQUIT\r\n";

    /// Polls a future that never waits, as the scripted transports never do.
    fn ready<F: Future>(future: F) -> F::Output {
        let mut future = core::pin::pin!(future);
        let mut context = core::task::Context::from_waker(core::task::Waker::noop());
        for _ in 0..100_000 {
            if let core::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
                return output;
            }
        }
        panic!("the future waited")
    }

    fn run(step: usize) -> (String, Vec<Vec<u8>>) {
        let mut client = Client {
            lines: SESSION,
            step,
            replies: Vec::new(),
        };
        let mut data = Data::default();
        ready(serve(&mut client, &mut data, &LOGGER)).unwrap();
        (String::from_utf8(client.replies).unwrap(), data.transfers)
    }

    #[test]
    fn a_session_in_pieces_of_every_size() {
        let (replies, transfers) = run(SESSION.len());
        let codes: Vec<&str> = replies
            .lines()
            .filter(|l| l.as_bytes().get(3) == Some(&b' '))
            .map(|l| &l[..3])
            .collect();
        assert_eq!(
            codes,
            [
                "220", "331", "530", "331", "230", "215", "257", "200", "213", "425", "229", "150",
                "226", "227", "150", "226", "229", "150", "226", "229", "150", "226", "250", "350",
                "229", "150", "226", "502", "550", "425", "221",
            ],
            "{replies}"
        );
        assert!(
            replies.contains("227 Entering Passive Mode (192,0,2,7,8,74).\r\n"),
            "{replies}"
        );
        assert!(
            replies.contains("250-Listing /log.csv\r\n type=file;size=18; /log.csv\r\n250 End\r\n"),
            "{replies}"
        );
        assert_eq!(transfers[0], b"t,v\n1,20.5\n2,20.7\n");
        assert_eq!(
            String::from_utf8_lossy(&transfers[1]),
            "-rw-r--r-- 1 ftp ftp 18 Jan 01 00:00 log.csv\r\n-rw-r--r-- 1 ftp ftp 7 Jan 01 00:00 config.txt\r\n"
        );
        assert_eq!(transfers[2], b"log.csv\r\nconfig.txt\r\n");
        assert_eq!(
            transfers[3],
            b"type=file;size=18; log.csv\r\ntype=file;size=7; config.txt\r\n"
        );
        assert_eq!(transfers[4], b"1,20.5\n2,20.7\n", "RETR after REST 4");
        for step in 1..SESSION.len() {
            assert_eq!(
                run(step),
                (replies.clone(), transfers.clone()),
                "pieces of {step}"
            );
        }
    }
}
