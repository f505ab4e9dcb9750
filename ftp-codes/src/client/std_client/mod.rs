//! `Client`: the session over `std::net`, as a std user expects it: no buffer or adapter to set
//! up, timeouts on by default, owned results, errors that quote the server.

mod data;
mod error;
mod text;
#[cfg(feature = "rustls")]
mod tls;

pub use data::{StdData, Timeouts};
pub use error::{DataTlsRefusal, Error};
pub use text::RemoteText;
#[cfg(feature = "rustls")]
pub use tls::TlsSettings;

use crate::client::control::{Control, FromStd};
use crate::client::{DataMode, Session, SessionError, TransferType};
use crate::payload::Timestamp;
use crate::reply::ParseOptions;
use crate::stream::Stream;
use crate::{Command, Outcome, ReplyCode};
use core::ops::ControlFlow;
use std::boxed::Box;
use std::io::{self, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::vec::Vec;

/// How far a transfer is, for [`Client::on_progress`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Progress {
    /// The transfer command: RETR, STOR, APPE, LIST, NLST or MLSD.
    pub command: Command,
    /// Bytes moved so far in this transfer (from the offset, for a resumed download).
    pub bytes: u64,
    /// The size the server announced in its 150 (`(5120 bytes)`), if it did.
    pub expected: Option<u64>,
}

// A client moves to the thread that runs it, with its progress hook.
const _: fn() = || {
    fn send<T: Send>() {}
    send::<Client>();
};

/// A reply to [`Client::quote`] or [`Client::site`]: its code and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// The reply's code.
    pub code: ReplyCode,
    /// The whole reply, as sent (its `Display` is safe to print).
    pub text: RemoteText,
}

type Hook = Box<dyn FnMut(Progress) -> ControlFlow<()> + Send>;

/// An FTP client over `std::net`, as short to use as Python's ftplib:
///
/// ```no_run
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use ftp_codes::client::Client;
/// let mut ftp = Client::connect("127.0.0.1:2121")?;   // TCP + greeting; timeouts on by default
/// ftp.login("alice", "secret")?;
/// println!("{}", ftp.pwd()?);                           // the path: Display + AsRef<[u8]>
/// ftp.mkdir("reports")?;
/// ftp.cwd("reports")?;
/// let sent = ftp.put("r.bin", &mut std::fs::File::open("r.bin")?)?;   // any Read; bytes sent
/// for name in ftp.nlst("")? { println!("{name}") }     // "" = current dir
/// let size: u64 = ftp.size("r.bin")?;
/// let when = ftp.mdtm("r.bin")?;                        // payload::Timestamp
/// let got = ftp.get("r.bin", &mut std::io::sink())?;    // any Write; bytes received
/// ftp.rename("r.bin", "s.bin")?;
/// ftp.delete("s.bin")?;
/// ftp.cdup()?;
/// ftp.rmdir("reports")?;
/// ftp.quit()?;
/// # Ok(())
/// # }
/// ```
///
/// Paths are `impl AsRef<[u8]>`: FTP paths are bytes, and `&str` works. Every method fails
/// when the server refuses, with an [`Error`] that names the command, quotes the reply and
/// gives its [`reply_code`](Error::reply_code). A CR, LF or NUL in a path is refused before
/// anything is sent.
///
/// Transfers are binary (`TYPE I`, sent once, before the first transfer or SIZE); data
/// connections passive (EPSV, falling back to PASV for the session once the server refused
/// it), to the control connection's peer whatever a 227 says; active on request
/// ([`set_mode`](Self::set_mode)). [`on_progress`](Self::on_progress) follows transfers and
/// can abort them.
pub struct Client {
    session: Session<'static, FromStd<Stream>, StdData>,
    timeouts: Timeouts,
    progress: Option<Hook>,
}

impl core::fmt::Debug for Client {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Client")
            .field("session", &self.session)
            .field("timeouts", &self.timeouts)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

/// What a `Client` call returns.
type Result<T, E = Error> = core::result::Result<T, E>;

/// Room for a reply of about a hundred lines (a FEAT, a long 550); a longer one is an error.
const CONTROL_BUFFER: usize = 8 * 1024;
/// What a transfer reads or writes at a time.
const CHUNK: usize = 64 * 1024;

impl Client {
    /// Connects to `address` and reads the greeting (220, or 120 then 220), with the default
    /// [`Timeouts`] (30 seconds each).
    pub fn connect(address: impl ToSocketAddrs) -> Result<Self> {
        Self::connect_with(address, Timeouts::default())
    }

    /// [`connect`](Self::connect) with other timeouts. Each address `address` resolves to is
    /// tried in turn.
    pub fn connect_with(address: impl ToSocketAddrs, timeouts: Timeouts) -> Result<Self> {
        let mut last = io::Error::new(io::ErrorKind::InvalidInput, "no address to connect to");
        for address in address.to_socket_addrs().map_err(Error::Connect)? {
            match TcpStream::connect_timeout(&address, timeouts.connect()) {
                Ok(stream) => return Self::on(stream, timeouts),
                Err(error) => last = error,
            }
        }
        Err(Error::Connect(last))
    }

    /// A client on a connected `stream`: reads the greeting.
    pub fn on(stream: TcpStream, timeouts: Timeouts) -> Result<Self> {
        timeouts.apply(&stream).map_err(Error::Connect)?;
        let peer = stream.peer_addr().map_err(Error::Connect)?.ip();
        let local = stream.local_addr().map_err(Error::Connect)?.ip();
        let control = Control::with_owned_buffer(
            FromStd::new(Stream::plain(stream)),
            CONTROL_BUFFER,
            ParseOptions::default(),
        );
        let mut control = control;
        match control.greeting() {
            Ok((Outcome::Completed, _)) => {}
            Ok((_, greeting)) => {
                let error = SessionError::Unavailable {
                    code: greeting.code(),
                };
                return Err(Error::from_session(error, Some(greeting.raw())));
            }
            Err(error) => return Err(Error::Session(error.into())),
        }
        let data = StdData::new(peer, local, timeouts);
        let session = Session::greeted(control, data);
        Ok(Self {
            session,
            timeouts,
            progress: None,
        })
    }

    /// USER, then PASS if the server asks for it.
    pub fn login(&mut self, user: impl AsRef<[u8]>, password: impl AsRef<[u8]>) -> Result<()> {
        let result = self.session.login(user.as_ref(), password.as_ref());
        self.check(result)
    }

    /// USER, PASS and ACCT, each if the server asks for it.
    pub fn login_with_account(
        &mut self,
        user: impl AsRef<[u8]>,
        password: impl AsRef<[u8]>,
        account: impl AsRef<[u8]>,
    ) -> Result<()> {
        let result =
            self.session
                .login_with_account(user.as_ref(), password.as_ref(), account.as_ref());
        self.check(result)
    }

    /// PWD: the working directory.
    pub fn pwd(&mut self) -> Result<RemoteText> {
        let path = self
            .session
            .pwd()
            .map(|path| path.chunks().flatten().copied().collect());
        self.check(path).map(RemoteText::new)
    }

    /// CWD: changes the working directory.
    pub fn cwd(&mut self, path: impl AsRef<[u8]>) -> Result<()> {
        self.command(Command::Cwd, path.as_ref())
    }

    /// CDUP: to the parent of the working directory.
    pub fn cdup(&mut self) -> Result<()> {
        self.command(Command::Cdup, b"")
    }

    /// MKD: makes a directory.
    pub fn mkdir(&mut self, path: impl AsRef<[u8]>) -> Result<()> {
        self.command(Command::Mkd, path.as_ref())
    }

    /// RMD: removes an (empty) directory.
    pub fn rmdir(&mut self, path: impl AsRef<[u8]>) -> Result<()> {
        self.command(Command::Rmd, path.as_ref())
    }

    /// DELE: deletes a file.
    pub fn delete(&mut self, path: impl AsRef<[u8]>) -> Result<()> {
        self.command(Command::Dele, path.as_ref())
    }

    /// RNFR, then RNTO.
    pub fn rename(&mut self, from: impl AsRef<[u8]>, to: impl AsRef<[u8]>) -> Result<()> {
        let result = self.session.rename(from.as_ref(), to.as_ref());
        self.check(result)
    }

    /// NOOP: keeps the connection alive, checks it.
    pub fn noop(&mut self) -> Result<()> {
        self.command(Command::Noop, b"")
    }

    /// SIZE: a file's size in bytes (binary, so the file's own).
    pub fn size(&mut self, path: impl AsRef<[u8]>) -> Result<u64> {
        let result = self.session.size(path.as_ref());
        self.check(result)
    }

    /// MDTM: a file's modification time, in UTC.
    pub fn mdtm(&mut self, path: impl AsRef<[u8]>) -> Result<Timestamp> {
        let result = self.session.mdtm(path.as_ref());
        self.check(result)
    }

    /// SITE with `argument` (`"CHMOD 644 r.bin"`): the reply, when it is a completion.
    pub fn site(&mut self, argument: impl AsRef<[u8]>) -> Result<Response> {
        self.command(Command::Site, argument.as_ref())?;
        Ok(self.last_response())
    }

    /// Any command, `verb` and `argument` as given (`quote("FEAT", "")`, a verb outside the
    /// catalogue too): the last reply, whatever it says. Only errors of the connection are
    /// errors. A catalogued command is run as the session runs it (PASS after USER's 331 is
    /// not sent: a 331 is the reply). Not for transfers (RETR, LIST, ...): no data connection
    /// is opened, so a server that answers 150 waits for one until its timeout; use the
    /// transfer methods, or [`session_mut`](Self::session_mut)`().transfer`.
    pub fn quote(
        &mut self,
        verb: impl AsRef<[u8]>,
        argument: impl AsRef<[u8]>,
    ) -> Result<Response> {
        let (verb, argument) = (verb.as_ref(), argument.as_ref());
        let control = self.session.control_mut();
        let result = match Command::from_verb(verb) {
            Some(command) => control.run(command, argument, &[]).map(drop),
            None => match control.send_verb(verb, argument) {
                Ok(first) if first.code().first_digit() == 1 => control.finish().map(drop),
                other => other.map(drop),
            },
        };
        result.map_err(|error| Error::Session(error.into()))?;
        Ok(self.last_response())
    }

    /// STOR: uploads what `from` reads to `path`; the bytes sent.
    pub fn put(&mut self, path: impl AsRef<[u8]>, from: &mut impl Read) -> Result<u64> {
        self.upload(Command::Stor, path.as_ref(), from)
    }

    /// APPE: appends what `from` reads to `path` (created if missing); the bytes sent.
    pub fn append(&mut self, path: impl AsRef<[u8]>, from: &mut impl Read) -> Result<u64> {
        self.upload(Command::Appe, path.as_ref(), from)
    }

    /// RETR: downloads `path` into `to`; the bytes received.
    pub fn get(&mut self, path: impl AsRef<[u8]>, to: &mut impl Write) -> Result<u64> {
        self.download(Command::Retr, path.as_ref(), 0, to)
    }

    /// REST `offset`, then RETR (RFC 3659 §5): the rest of `path` from byte `offset`, into
    /// `to` (a partial file opened for appending, `offset` its length); the bytes received.
    pub fn get_from(
        &mut self,
        path: impl AsRef<[u8]>,
        offset: u64,
        to: &mut impl Write,
    ) -> Result<u64> {
        self.download(Command::Retr, path.as_ref(), offset, to)
    }

    /// NLST: the names in a directory (`""`: the working directory).
    pub fn nlst(&mut self, path: impl AsRef<[u8]>) -> Result<Vec<RemoteText>> {
        self.lines(Command::Nlst, path.as_ref())
    }

    /// LIST: a directory's listing (`""`: the working directory), one line each, as the
    /// server wrote it ([`listing::list`](crate::listing::list) reads them).
    pub fn list(&mut self, path: impl AsRef<[u8]>) -> Result<Vec<RemoteText>> {
        self.lines(Command::List, path.as_ref())
    }

    /// MLSD (RFC 3659): a directory's entries (`""`: the working directory), one line each
    /// ([`listing::mlsx`](crate::listing::mlsx) reads them).
    pub fn mlsd(&mut self, path: impl AsRef<[u8]>) -> Result<Vec<RemoteText>> {
        self.lines(Command::Mlsd, path.as_ref())
    }

    /// QUIT, and closes the connection (over TLS, with `close_notify`).
    pub fn quit(mut self) -> Result<()> {
        self.command(Command::Quit, b"")?;
        // The server closes after its 221 anyway: a failed close_notify changes nothing.
        let _ = self
            .session
            .control_mut()
            .transport_mut()
            .inner_mut()
            .finish();
        Ok(())
    }

    /// Calls `hook` as each transfer moves data (after every chunk, at most 64 KiB). Returning
    /// [`ControlFlow::Break`] aborts the transfer: the data connection is closed, ABOR sent,
    /// and the transfer fails with [`SessionError::Aborted`], the connection still usable.
    pub fn on_progress(&mut self, hook: impl FnMut(Progress) -> ControlFlow<()> + Send + 'static) {
        self.progress = Some(Box::new(hook));
    }

    /// No more progress calls.
    pub fn clear_progress(&mut self) {
        self.progress = None;
    }

    /// Passive (the default) or active data connections from now on.
    pub fn set_mode(&mut self, mode: DataMode) {
        self.session.set_mode(mode);
    }

    /// Whether EPSV and EPRT are tried before PASV and PORT (the default), or only PASV and
    /// PORT are sent.
    pub fn set_extended(&mut self, on: bool) {
        self.session.set_extended(on);
    }

    /// Binary (the default) or ASCII transfers from now on.
    pub fn set_transfer_type(&mut self, transfer_type: TransferType) {
        self.session.set_transfer_type(transfer_type);
    }

    /// New timeouts, from the next read or write on.
    pub fn set_timeouts(&mut self, timeouts: Timeouts) -> Result<()> {
        self.timeouts = timeouts;
        self.session.data_mut().set_timeouts(timeouts);
        timeouts
            .apply(self.session.control().transport().inner().tcp())
            .map_err(Error::Connect)
    }

    /// The host the last 227 named, which the client did not connect to (the data goes to the
    /// control connection's peer): see [`Session::passive_host`].
    pub fn passive_host(&self) -> Option<std::net::Ipv4Addr> {
        self.session.passive_host()
    }

    /// The control connection's peer: where every data connection goes.
    pub fn peer(&self) -> Option<std::net::SocketAddr> {
        self.session
            .control()
            .transport()
            .inner()
            .tcp()
            .peer_addr()
            .ok()
    }

    /// The session underneath, for what this type does not wrap.
    pub fn session_mut(&mut self) -> &mut Session<'static, FromStd<Stream>, StdData> {
        &mut self.session
    }

    fn command(&mut self, command: Command, argument: &[u8]) -> Result<()> {
        let result = self.session.command(command, argument);
        self.check(result)
    }

    /// A session result as a `Client` one: a refusal with the reply's text, which is still in
    /// the buffer.
    fn check<T>(&self, result: core::result::Result<T, SessionError<io::Error>>) -> Result<T> {
        result.map_err(|error| {
            let raw = self.session.control().last_reply().map(|reply| reply.raw());
            Error::from_session(error, raw)
        })
    }

    fn last_response(&self) -> Response {
        match self.session.control().last_reply() {
            Some(reply) => Response {
                code: reply.code(),
                text: RemoteText::new(reply.raw().to_vec()),
            },
            // Not reached: the call that just ended read a reply.
            None => Response {
                code: ReplyCode::MIN,
                text: RemoteText::default(),
            },
        }
    }

    fn download(
        &mut self,
        command: Command,
        path: &[u8],
        offset: u64,
        to: &mut impl Write,
    ) -> Result<u64> {
        let mut moved = Moved::new(command, self.progress.as_mut());
        let result = self
            .session
            .transfer(command, path, offset, |data, started| {
                let expected = started.announced_size();
                let flow =
                    moved.copy(&mut EndOnEof(data.stream()?), to, Local::Writer, expected)?;
                if flow.is_continue() {
                    // Every byte is in: the reply, not the close, says how it went.
                    let _ = data.finish();
                }
                Ok(flow)
            });
        let bytes = moved.bytes;
        let local = moved.local.take();
        self.finish(result, local).map(|()| bytes)
    }

    fn upload(&mut self, command: Command, path: &[u8], from: &mut impl Read) -> Result<u64> {
        let mut moved = Moved::new(command, self.progress.as_mut());
        let result = self.session.transfer(command, path, 0, |data, started| {
            let expected = started.announced_size();
            let flow = moved.copy(from, data.stream()?, Local::Reader, expected)?;
            if flow.is_continue() {
                data.finish()?;
            }
            Ok(flow)
        });
        let bytes = moved.bytes;
        let local = moved.local.take();
        self.finish(result, local).map(|()| bytes)
    }

    fn lines(&mut self, command: Command, path: &[u8]) -> Result<Vec<RemoteText>> {
        let mut listing = Vec::new();
        self.download(command, path, 0, &mut listing)?;
        Ok(listing
            .split(|&b| b == b'\n')
            .map(|line| line.strip_suffix(b"\r").unwrap_or(line))
            .filter(|line| !line.is_empty())
            .map(|line| RemoteText::new(line.to_vec()))
            .collect())
    }

    /// A transfer's result: the local reader's or writer's error first (it caused the abort).
    fn finish(
        &self,
        result: core::result::Result<(), SessionError<io::Error>>,
        local: Option<io::Error>,
    ) -> Result<()> {
        match (result, local) {
            (Err(SessionError::Aborted { .. }), Some(error)) => Err(Error::Local(error)),
            (result, _) => self.check(result),
        }
    }
}

/// A download's data connection, for which a TLS connection that ends without the server's
/// `close_notify` (`UnexpectedEof`) ends the data as a close does in the clear: servers that
/// skip it are common (RFC 4217 §7 leaves it to them), and the transfer's reply still says
/// whether everything was sent; a 226 after a cut would be the server's own error.
struct EndOnEof<'s>(&'s mut Stream);

impl Read for EndOnEof<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.0.read(buf) {
            Err(error) if error.kind() == io::ErrorKind::UnexpectedEof => Ok(0),
            other => other,
        }
    }
}

/// Which end of a copy is the caller's (a file, a buffer): its errors are not the data
/// connection's.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Local {
    Reader,
    Writer,
}

/// One transfer's bytes: the count, the progress hook, and a local error that stopped it.
struct Moved<'h> {
    command: Command,
    bytes: u64,
    hook: Option<&'h mut Hook>,
    local: Option<io::Error>,
}

impl<'h> Moved<'h> {
    fn new(command: Command, hook: Option<&'h mut Hook>) -> Self {
        Self {
            command,
            bytes: 0,
            hook,
            local: None,
        }
    }

    /// Counts `n` more bytes and asks the hook whether to go on.
    fn add(&mut self, n: usize, expected: Option<u64>) -> ControlFlow<()> {
        self.bytes = self.bytes.saturating_add(n as u64);
        match self.hook.as_mut() {
            Some(hook) => hook(Progress {
                command: self.command,
                bytes: self.bytes,
                expected,
            }),
            None => ControlFlow::Continue(()),
        }
    }

    /// Copies `from` into `to` a chunk at a time, counting and asking the hook. The data
    /// connection's errors are returned; the caller's reader or writer (`from` when `local`
    /// is [`Local::Reader`], else `to`) failing stops the transfer (ABOR) and is kept.
    fn copy(
        &mut self,
        from: &mut impl Read,
        to: &mut impl Write,
        local: Local,
        expected: Option<u64>,
    ) -> io::Result<ControlFlow<()>> {
        let mut chunk = std::vec![0; CHUNK];
        loop {
            let n = match from.read(&mut chunk) {
                Ok(0) => return Ok(ControlFlow::Continue(())),
                Ok(n) => n,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return self.failed(error, local == Local::Reader),
            };
            if let Err(error) = to.write_all(chunk.get(..n).unwrap_or_default()) {
                return self.failed(error, local == Local::Writer);
            }
            if self.add(n, expected).is_break() {
                return Ok(ControlFlow::Break(()));
            }
        }
    }

    /// An error while copying: the caller's own stops the transfer and is kept, the data
    /// connection's is the transfer's.
    fn failed(&mut self, error: io::Error, local: bool) -> io::Result<ControlFlow<()>> {
        if local {
            self.local = Some(error);
            Ok(ControlFlow::Break(()))
        } else {
            Err(error)
        }
    }
}
