//! The FTP session on `io::Control`: each method is one command of the client, written as the
//! protocol goes. Data connections are passive (EPSV, or PASV with `--pasv` or once the server
//! refused EPSV), and always to the control connection's peer, whatever address a 227 names.

use ftp_codes::io::{Control, ControlError, FromStd};
use ftp_codes::payload::{self, PayloadError, Timestamp};
use ftp_codes::reply::{ParseOptions, Reply};
use ftp_codes::{Code, Command, Outcome};
use std::fmt;
use std::io::{self, Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::time::Duration;

/// How long any read, write or connect may wait.
pub(crate) const TIMEOUT: Duration = Duration::from_secs(30);

/// Why a command failed.
pub(crate) enum Failure {
    /// The server said no: its reply, as sent.
    Refused(String),
    /// Anything else: the connection, a refused argument, an unreadable reply.
    Broken(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Refused(reply) => f.write_str(reply),
            Self::Broken(why) => write!(f, "error: {why}"),
        }
    }
}

/// Server text made safe for a terminal: its lines joined by newlines, every other control
/// character (C0, DEL, C1: `ESC ] 0 ; title BEL` would retitle the terminal) written as an
/// escape, bytes that are not UTF-8 as U+FFFD.
pub(crate) fn printable(text: &[u8]) -> String {
    let text = String::from_utf8_lossy(text);
    let mut out = String::with_capacity(text.len());
    for (i, line) in text
        .trim_end_matches(['\r', '\n'])
        .split("\r\n")
        .enumerate()
    {
        if i > 0 {
            out.push('\n');
        }
        for c in line.chars() {
            if c.is_control() {
                out.extend(c.escape_default());
            } else {
                out.push(c);
            }
        }
    }
    out
}

impl From<ControlError<io::Error>> for Failure {
    fn from(error: ControlError<io::Error>) -> Self {
        Self::Broken(error.to_string())
    }
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Self::Broken(error.to_string())
    }
}

impl From<PayloadError> for Failure {
    fn from(error: PayloadError) -> Self {
        Self::Broken(format!("unreadable reply: {error}"))
    }
}

fn refused(reply: &Reply<'_>) -> Failure {
    Failure::Refused(printable(reply.raw()))
}

pub(crate) type Result<T> = std::result::Result<T, Failure>;

pub(crate) struct Session<'b> {
    control: Control<'b, FromStd<TcpStream>>,
    peer: IpAddr,
    /// EPSV until the server refuses it (or `--pasv`): then PASV for the rest of the session.
    extended_passive: bool,
    /// `TYPE A` or `TYPE I` for transfers and SIZE (RFC 1738's `;type=a`, else I).
    transfer_type: &'static [u8],
    /// Whether the type was sent: it holds for the session, so once is enough.
    type_sent: bool,
}

impl<'b> Session<'b> {
    /// Reads the greeting (220, or 120 then 220) and logs in (USER, then PASS if the server
    /// asks for it; an empty password is sent empty).
    pub(crate) fn login(
        stream: TcpStream,
        buffer: &'b mut [u8],
        user: &[u8],
        password: &[u8],
        extended_passive: bool,
        ascii: bool,
    ) -> Result<Self> {
        stream.set_read_timeout(Some(TIMEOUT))?;
        stream.set_write_timeout(Some(TIMEOUT))?;
        let peer = stream.peer_addr()?.ip();
        let mut control = Control::new(FromStd::new(stream), buffer, ParseOptions::default());
        if let (outcome, greeting) = control.greeting()?
            && outcome != Outcome::Completed
        {
            return Err(refused(&greeting));
        }
        let mut session = Self {
            control,
            peer,
            extended_passive,
            transfer_type: if ascii { b"A" } else { b"I" },
            type_sent: false,
        };
        session.run(Command::User, user, &[(Command::Pass, password)])?;
        Ok(session)
    }

    pub(crate) fn pwd(&mut self) -> Result<Vec<u8>> {
        let reply = self.run(Command::Pwd, b"", &[])?;
        Ok(payload::pathname(&reply)?
            .chunks()
            .flatten()
            .copied()
            .collect())
    }

    pub(crate) fn cd(&mut self, directory: &[u8]) -> Result<()> {
        self.run(Command::Cwd, directory, &[]).map(drop)
    }

    pub(crate) fn mkdir(&mut self, directory: &[u8]) -> Result<()> {
        self.run(Command::Mkd, directory, &[]).map(drop)
    }

    pub(crate) fn rmdir(&mut self, directory: &[u8]) -> Result<()> {
        self.run(Command::Rmd, directory, &[]).map(drop)
    }

    pub(crate) fn rm(&mut self, file: &[u8]) -> Result<()> {
        self.run(Command::Dele, file, &[]).map(drop)
    }

    /// SIZE counts bytes of the current TYPE: in binary, the file's own.
    pub(crate) fn size(&mut self, file: &[u8]) -> Result<u64> {
        self.set_type()?;
        let reply = self.run(Command::Size, file, &[])?;
        Ok(payload::size(&reply)?)
    }

    pub(crate) fn mdtm(&mut self, file: &[u8]) -> Result<Timestamp> {
        let reply = self.run(Command::Mdtm, file, &[])?;
        Ok(payload::mdtm(&reply)?)
    }

    pub(crate) fn ls(&mut self, path: &[u8], out: &mut impl Write) -> Result<()> {
        self.transfer(Command::List, path, |data| io::copy(data, out))
    }

    pub(crate) fn get(&mut self, remote: &[u8], local: &mut impl Write) -> Result<()> {
        self.set_type()?;
        self.transfer(Command::Retr, remote, |data| io::copy(data, local))
    }

    pub(crate) fn put(&mut self, local: &mut impl Read, remote: &[u8]) -> Result<()> {
        self.set_type()?;
        self.transfer(Command::Stor, remote, |data| io::copy(local, data))
    }

    pub(crate) fn quit(&mut self) -> Result<()> {
        self.run(Command::Quit, b"", &[]).map(drop)
    }

    /// TYPE I (servers refuse SIZE in ASCII mode, and files are bytes), or A on request.
    fn set_type(&mut self) -> Result<()> {
        if !self.type_sent {
            self.run(Command::Type, self.transfer_type, &[])?;
            self.type_sent = true;
        }
        Ok(())
    }

    /// Runs a command's whole exchange; anything but success is the server's refusal.
    fn run(
        &mut self,
        command: Command,
        argument: &[u8],
        then: &[(Command, &[u8])],
    ) -> Result<Reply<'_>> {
        match self.control.run(command, argument, then)? {
            (Outcome::Completed, reply) => Ok(reply),
            (_, reply) => Err(refused(&reply)),
        }
    }

    /// A transfer: the data connection, the command and its 1yz, the data, then the 2yz.
    fn transfer(
        &mut self,
        command: Command,
        argument: &[u8],
        move_data: impl FnOnce(&mut TcpStream) -> io::Result<u64>,
    ) -> Result<()> {
        let mut data = self.data_connection()?;
        let started = self.control.send(command, argument)?;
        // Any 1yz opens the transfer (RFC 959 §4.2: another reply follows it).
        if started.code().first_digit() != 1 {
            return Err(refused(&started));
        }
        let moved = move_data(&mut data);
        drop(data); // Closing it ends an upload.
        // The completion is due whether the data moved or not: read it before anything else.
        let (outcome, done) = self.control.finish()?;
        moved?;
        match outcome {
            Outcome::Completed => Ok(()),
            _ => Err(refused(&done)),
        }
    }

    /// EPSV (RFC 2428), or PASV: once a server refused EPSV as unknown (500, 502), PASV for
    /// the rest of the session. A 227 to EPSV (a documented deviation) is read as PASV's.
    fn data_connection(&mut self) -> Result<TcpStream> {
        if self.extended_passive {
            match self.control.run(Command::Epsv, b"", &[])? {
                (Outcome::Completed, reply) if reply.code() == Code::EnteringPassiveMode => {
                    let port = payload::pasv_port(&reply)?;
                    return self.connect_data(port);
                }
                (Outcome::Completed, reply) => {
                    let port = payload::epsv(&reply)?;
                    return self.connect_data(port);
                }
                (_, reply) if matches!(reply.code().as_u16(), 500 | 502) => {
                    self.extended_passive = false;
                }
                (_, reply) => return Err(refused(&reply)),
            }
        }
        let port = payload::pasv_port(&self.run(Command::Pasv, b"", &[])?)?;
        self.connect_data(port)
    }

    fn connect_data(&self, port: u16) -> Result<TcpStream> {
        let data = TcpStream::connect_timeout(&SocketAddr::new(self.peer, port), TIMEOUT)?;
        data.set_read_timeout(Some(TIMEOUT))?;
        data.set_write_timeout(Some(TIMEOUT))?;
        Ok(data)
    }
}
