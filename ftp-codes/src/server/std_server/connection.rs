//! One control connection: the read loop around the session core, and each request carried
//! out against the file system. A request borrows the session, so each is first turned into
//! a [`Work`] (what the server found: a file, an error, an address) and then answered.

use super::file_system::{Access, Authenticator, FileInfo, FileSystem};
use super::listings::{listing, status_lines};
use super::transfer::{DataSetup, Moved, Side, listen, run_transfer};
use super::{Admitted, Shared};
use crate::Code;
use crate::listing::{FactSet, Kind};
use crate::payload::Timestamp;
use crate::server::{Event, ListFormat, Passive, Request, ServerError, Session};
use crate::stream::Stream;
use std::boxed::Box;
use std::io::{self, Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::time::SystemTime;
use std::vec::Vec;

/// The longest session path (and user name): a Linux `PATH_MAX`.
const PATH: usize = 4096;
/// Room for any reply the driver writes: a STAT listing over the control connection is the
/// longest, and it is cut to fit.
const OUT: usize = 64 * 1024;

pub(super) fn serve<F: FileSystem, A: Authenticator>(
    shared: &Shared<F, A>,
    control: TcpStream,
) -> io::Result<()> {
    let mut connection = Connection {
        session: Session::new(shared.config.with_max_line_len(PATH.saturating_add(8))),
        input: Vec::new(),
        out: std::vec![0; OUT],
        peer: control.peer_addr()?,
        local: control.local_addr()?,
        control: Stream::plain(control),
        shared,
        access: Access::ReadOnly,
        data: None,
    };
    let Some(_admitted) = Admitted::new(&shared.sessions, shared.max_sessions) else {
        let n = connection
            .session
            .close(&mut connection.out, "Too many sessions, try later.")?;
        return connection.send(n);
    };
    connection.run()
}

pub(super) struct Connection<'s, F, A> {
    pub(super) session: Session<PATH>,
    /// Bytes read from the client and not used yet.
    pub(super) input: Vec<u8>,
    pub(super) out: Vec<u8>,
    pub(super) control: Stream,
    pub(super) shared: &'s Shared<F, A>,
    pub(super) peer: SocketAddr,
    local: SocketAddr,
    access: Access,
    /// The data connection PASV, EPSV, PORT or EPRT set up for the next transfer.
    pub(super) data: Option<DataSetup>,
}

/// Who asks, and how: what carrying out a request needs besides the request.
#[derive(Clone, Copy)]
struct Situation {
    access: Access,
    peer: SocketAddr,
    local: SocketAddr,
    /// The MLSx facts `OPTS MLST` selected.
    facts: FactSet,
}

/// What the server found for a request, owned, so that the session can be answered.
enum Work {
    Succeed,
    Refuse(Code, &'static str),
    Failed(io::Error),
    Size(u64),
    Modified(Timestamp),
    Facts(Vec<u8>, FileInfo),
    Passive(SocketAddr),
    /// STAT: 211 for the server's status, 213 for a listing.
    Status(Code, Vec<Vec<u8>>),
    Send(Box<dyn Read + Send>),
    Receive(Box<dyn Write + Send>),
}

impl<F: FileSystem, A: Authenticator> Connection<'_, F, A> {
    fn run(&mut self) -> io::Result<()> {
        let n = self
            .session
            .greet(&mut self.out)
            .map_err(io::Error::other)?;
        self.send(n)?;
        self.control
            .tcp()
            .set_read_timeout(Some(self.shared.idle))?;
        loop {
            // What a request is carried out with, taken before the request borrows the session.
            let situation = Situation {
                access: self.access,
                peer: self.peer,
                local: self.local,
                facts: self.session.facts(),
            };
            let read = self
                .session
                .read(&self.input, &mut self.out)
                .map_err(io::Error::other)?;
            let used = read.used;
            let work = match read.event {
                // Transfers run inside `answer`: nothing is busy here.
                Event::Partial | Event::Busy => None,
                Event::Reply(n) => {
                    self.input.drain(..used);
                    self.send(n)?;
                    continue;
                }
                Event::Close(n) => return self.send(n),
                // The 234 in the clear, then the handshake; what the client sent before it
                // was used up by the session (never read as commands).
                Event::StartTls(n) => {
                    self.input.clear();
                    self.send(n)?;
                    if !self.start_tls() {
                        return Ok(());
                    }
                    continue;
                }
                Event::Request(request) => {
                    Some(carry_out(self.shared, situation, &mut self.data, request))
                }
            };
            self.input.drain(..used);
            match work {
                Some((work, login)) => {
                    if let Some(access) = login {
                        self.access = access;
                    }
                    self.answer(work)?;
                }
                None => {
                    if !self.fill()? {
                        return Ok(());
                    }
                }
            }
        }
    }

    /// Reads more of the client's bytes; `false` once the client closed or the session ended
    /// idle (after sending 421).
    pub(super) fn fill(&mut self) -> io::Result<bool> {
        let mut chunk = [0u8; 4096];
        match self.control.read(&mut chunk) {
            Ok(0) => Ok(false),
            Ok(n) => {
                self.input
                    .extend_from_slice(chunk.get(..n).unwrap_or_default());
                Ok(true)
            }
            Err(error) if is_timeout(&error) => {
                let n = self
                    .session
                    .close(&mut self.out, "Idle timeout, closing control connection.")
                    .map_err(io::Error::other)?;
                self.send(n)?;
                Ok(false)
            }
            Err(error) => Err(error),
        }
    }

    /// The TLS handshake on the control connection after `AUTH TLS`'s 234: `false` when it
    /// failed, which ends the connection (RFC 4217 §10.1: its state is unknown).
    #[cfg_attr(not(feature = "rustls"), allow(clippy::unused_self))]
    fn start_tls(&mut self) -> bool {
        #[cfg(feature = "rustls")]
        if let (Some(settings), Some(Ok(tcp))) = (
            &self.shared.tls,
            self.control.plain_tcp().map(TcpStream::try_clone),
        ) {
            let _ = tcp.set_read_timeout(Some(self.shared.data_wait));
            if let Ok(stream) = super::tls::accept(&settings.control, tcp) {
                self.control = stream;
                return self
                    .control
                    .tcp()
                    .set_read_timeout(Some(self.shared.idle))
                    .is_ok();
            }
        }
        false
    }

    /// Sends the first `n` bytes of the reply buffer.
    pub(super) fn send(&mut self, n: usize) -> io::Result<()> {
        let reply = self.out.get(..n).unwrap_or_default();
        if let Some(log) = &self.shared.log {
            log(self.session.answered(), reply);
        }
        self.control.write_all(reply)
    }

    fn answer(&mut self, work: Work) -> io::Result<()> {
        let out = &mut self.out;
        let result = match work {
            Work::Succeed => self.session.succeed(out),
            Work::Refuse(code, text) => refuse(&mut self.session, out, code, text),
            Work::Failed(error) => {
                let (code, text) = refusal(&error);
                refuse(&mut self.session, out, code, text)
            }
            Work::Size(size) => self.session.answer(out, |w| w.size(size)),
            Work::Modified(time) => self.session.answer(out, |w| w.mdtm(time)),
            Work::Facts(path, info) => {
                let facts = self.session.facts();
                self.session
                    .answer(out, |w| w.mlst(&info.listed(&path), facts))
            }
            Work::Passive(address) => self.session.passive(out, address),
            Work::Status(code, lines) => self.session.answer(out, |w| w.reply(code, &lines)),
            Work::Send(mut file) => return run_transfer(self, Moved::Send(&mut file)),
            Work::Receive(mut file) => return run_transfer(self, Moved::Receive(&mut file)),
        };
        let n = match result {
            // A reply that cannot be written (a file name holding LF, a STAT listing too long
            // for the buffer): refused instead, and the session goes on.
            Err(ServerError::Write(_)) => refuse(
                &mut self.session,
                &mut self.out,
                Code::LocalError,
                "The reply cannot be written.",
            )?,
            other => other?,
        };
        self.send(n)
    }

    /// The transfer's end: 226, or 426 when the data connection broke, 451 when the file
    /// did; after ABOR, 426 and ABOR's 226.
    pub(super) fn finish_transfer(
        &mut self,
        result: Result<u64, Side>,
        aborted: bool,
    ) -> io::Result<()> {
        let out = &mut self.out;
        let n = if aborted {
            // Two replies, each sent (and logged) as what it answers: 426 the transfer's,
            // then ABOR's own 226.
            let n = self
                .session
                .reply(out, Code::TransferAborted, "Transfer aborted.")?;
            self.send(n)?;
            self.session.reply(
                &mut self.out,
                Code::ClosingDataConnection,
                "ABOR command successful.",
            )
        } else {
            match result {
                Ok(_) => self.session.succeed(out),
                Err(Side::Data) => self.session.refuse(out, Code::TransferAborted),
                Err(Side::File) => self.session.refuse(out, Code::LocalError),
            }
        };
        let n = n.map_err(io::Error::other)?;
        self.send(n)
    }
}

/// 421's bookkeeping aside, every refusal goes through here: the code if the command's row
/// has it, 550 (which any command may get for a path refused) if not.
fn refuse<const N: usize>(
    session: &mut Session<N>,
    out: &mut [u8],
    code: Code,
    text: &str,
) -> Result<usize, ServerError> {
    match session.reply(out, code, text) {
        Err(ServerError::NotInRow { .. }) => session.reply(out, Code::FileUnavailable, text),
        other => other,
    }
}

/// An error's code and text, the text written here so that no local path leaks out.
fn refusal(error: &io::Error) -> (Code, &'static str) {
    use io::ErrorKind as E;
    match error.kind() {
        E::NotFound => (Code::FileUnavailable, "No such file or directory."),
        E::PermissionDenied => (Code::FileUnavailable, "Permission denied."),
        E::AlreadyExists => (Code::FileUnavailable, "Already exists."),
        E::DirectoryNotEmpty => (Code::FileUnavailable, "Directory not empty."),
        E::IsADirectory => (Code::FileUnavailable, "Is a directory."),
        E::NotADirectory => (Code::FileUnavailable, "Not a directory."),
        E::InvalidInput => (Code::FileUnavailable, "File name not allowed."),
        E::StorageFull => (Code::InsufficientStorage, "Insufficient storage space."),
        _ => (Code::LocalError, "Local error in processing."),
    }
}

/// Carries out `request`: the file system's part, and the data connection's setup. The
/// access a login gives comes back beside the work.
fn carry_out<F: FileSystem, A: Authenticator>(
    shared: &Shared<F, A>,
    situation: Situation,
    data: &mut Option<DataSetup>,
    request: Request<'_>,
) -> (Work, Option<Access>) {
    let Situation {
        access,
        peer,
        facts,
        ..
    } = situation;
    let files = &shared.files;
    let writes = access == Access::ReadWrite;
    let read_only = || Work::Refuse(Code::FileUnavailable, "Permission denied.");
    let done = |result: io::Result<()>| result.map_or_else(Work::Failed, |()| Work::Succeed);
    let work = match request {
        Request::Login { user, password } => {
            return match shared.users.authenticate(user, password) {
                Some(access) => (Work::Succeed, Some(access)),
                None => (Work::Refuse(Code::NotLoggedIn, "Login incorrect."), None),
            };
        }
        Request::ChangeDirectory(path) => match files.info(path) {
            Ok(info) if info.kind == Kind::Directory => Work::Succeed,
            Ok(_) => Work::Refuse(Code::FileUnavailable, "Not a directory."),
            Err(error) => Work::Failed(error),
        },
        Request::Size(path, _) | Request::Modified(path) => match files.info(path) {
            Ok(info) if info.kind == Kind::Directory => {
                Work::Refuse(Code::FileUnavailable, "Not a plain file.")
            }
            Ok(info) => match (request, info.modified) {
                (Request::Size(..), _) => Work::Size(info.size),
                (_, Some(time)) => Work::Modified(time),
                (_, None) => Work::Refuse(Code::FileUnavailable, "No modification time."),
            },
            Err(error) => Work::Failed(error),
        },
        Request::Facts(path) => match files.info(path) {
            Ok(info) => Work::Facts(path.to_vec(), info),
            Err(error) => Work::Failed(error),
        },
        Request::Status(None) => Work::Status(Code::SystemStatus, status_lines(peer, access)),
        Request::Status(Some(path)) => match files.list(path) {
            Ok(entries) => Work::Status(
                Code::FileStatus,
                listing(entries, ListFormat::Long, FactSet::DEFAULT, now(), true),
            ),
            Err(error) => Work::Failed(error),
        },
        Request::RenameFrom(path) => done(files.info(path).map(|_| ())),
        Request::MakeDirectory(_)
        | Request::RemoveDirectory(_)
        | Request::Delete(_)
        | Request::Rename { .. }
        | Request::Store { .. }
            if !writes =>
        {
            read_only()
        }
        Request::MakeDirectory(path) => done(files.make_dir(path)),
        Request::RemoveDirectory(path) => done(files.remove_dir(path)),
        Request::Delete(path) => done(files.remove_file(path)),
        Request::Rename { from, to } => done(files.rename(from, to)),
        Request::Passive(_) | Request::Active(_) => data_setup(shared, situation, data, request),
        Request::Retrieve { path, offset, .. } => match files.read(path, offset) {
            Ok(file) => Work::Send(file),
            Err(error) => Work::Failed(error),
        },
        Request::Store {
            path,
            offset,
            append,
            ..
        } => match files.write(path, offset, append) {
            Ok(file) => Work::Receive(file),
            Err(error) => Work::Failed(error),
        },
        Request::List { path, format } => match files.list(path) {
            Ok(entries) => {
                let bytes = listing(entries, format, facts, now(), false);
                Work::Send(Box::new(io::Cursor::new(bytes.concat())))
            }
            Err(error) => Work::Failed(error),
        },
        // ABOR comes while a transfer runs, which `run_transfer` reads; anything else the
        // configuration lets through has no implementation here.
        _ => Work::Refuse(Code::CommandNotImplemented, "Command not implemented."),
    };
    (work, None)
}

/// PASV, EPSV, PORT, EPRT: the data connection for the next transfer.
fn data_setup<F, A>(
    shared: &Shared<F, A>,
    situation: Situation,
    data: &mut Option<DataSetup>,
    request: Request<'_>,
) -> Work {
    let Situation { peer, local, .. } = situation;
    match request {
        Request::Passive(passive) => match passive_address(passive, local) {
            Ok(ip) => match listen(ip, shared.passive_ports.clone()) {
                Ok((listener, address)) => {
                    *data = Some(DataSetup::Passive(listener));
                    Work::Passive(address)
                }
                Err(_) => Work::Refuse(Code::CannotOpenDataConnection, "Cannot listen."),
            },
            Err(refusal) => refusal,
        },
        Request::Active(address) => {
            // RFC 2577 §3: data goes to the client itself, never to a third host or a
            // privileged port (the FTP bounce attack).
            if address.ip() != peer.ip() || address.port() < 1024 {
                Work::Refuse(
                    Code::SyntaxErrorInArguments,
                    "Data connections go to your own address only.",
                )
            } else {
                *data = Some(DataSetup::Active(address));
                Work::Succeed
            }
        }
        _ => Work::Refuse(Code::CommandNotImplemented, "Command not implemented."),
    }
}

/// The address to listen at for PASV or EPSV: the control connection's own.
fn passive_address(passive: Passive, local: SocketAddr) -> Result<IpAddr, Work> {
    let ip = local.ip();
    match (passive, ip) {
        (Passive::Pasv, IpAddr::V6(_)) => Err(Work::Refuse(
            Code::CommandNotImplemented,
            "PASV is IPv4 only: use EPSV.",
        )),
        (Passive::Epsv(Some(1)), IpAddr::V6(_)) => Err(Work::Refuse(
            Code::NetworkProtocolNotSupported,
            "Network protocol not supported, use (2)",
        )),
        (Passive::Epsv(Some(2)), IpAddr::V4(_)) => Err(Work::Refuse(
            Code::NetworkProtocolNotSupported,
            "Network protocol not supported, use (1)",
        )),
        _ => Ok(ip),
    }
}

fn now() -> Timestamp {
    let seconds = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    Timestamp::from_unix(seconds, 0).unwrap_or(Timestamp::UNIX_EPOCH)
}

pub(super) fn is_timeout(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}
