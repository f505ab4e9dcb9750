//! The FTP session on `io::Control`: each method is one command of the client, written as the
//! protocol goes. Data connections are passive (EPSV, or PASV with `--pasv`), and always to the
//! control connection's peer, whatever address a 227 names.

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
            Self::Refused(reply) => f.write_str(reply.trim_end()),
            Self::Broken(why) => write!(f, "error: {why}"),
        }
    }
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
    Failure::Refused(String::from_utf8_lossy(reply.raw()).into_owned())
}

pub(crate) type Result<T> = std::result::Result<T, Failure>;

pub(crate) struct Session<'b> {
    control: Control<'b, FromStd<TcpStream>>,
    peer: IpAddr,
    extended_passive: bool,
    /// Whether TYPE I was sent: the type holds for the session, so once is enough.
    binary: bool,
}

impl<'b> Session<'b> {
    /// Reads the greeting and logs in (USER, then PASS if the server asks for it).
    pub(crate) fn login(
        stream: TcpStream,
        buffer: &'b mut [u8],
        user: &[u8],
        password: &[u8],
        extended_passive: bool,
    ) -> Result<Self> {
        stream.set_read_timeout(Some(TIMEOUT))?;
        stream.set_write_timeout(Some(TIMEOUT))?;
        let peer = stream.peer_addr()?.ip();
        let mut control = Control::new(FromStd::new(stream), buffer, ParseOptions::default());
        let greeting = control.read_reply()?;
        if greeting.code() != Code::ServiceReady {
            return Err(refused(&greeting));
        }
        let mut session = Self {
            control,
            peer,
            extended_passive,
            binary: false,
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
        self.binary()?;
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
        self.binary()?;
        self.transfer(Command::Retr, remote, |data| io::copy(data, local))
    }

    pub(crate) fn put(&mut self, local: &mut impl Read, remote: &[u8]) -> Result<()> {
        self.binary()?;
        self.transfer(Command::Stor, remote, |data| io::copy(local, data))
    }

    pub(crate) fn quit(&mut self) -> Result<()> {
        self.run(Command::Quit, b"", &[]).map(drop)
    }

    /// TYPE I: servers refuse SIZE in ASCII mode, and files are bytes.
    fn binary(&mut self) -> Result<()> {
        if !self.binary {
            self.run(Command::Type, b"I", &[])?;
            self.binary = true;
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
        if command.classify(started.code()) != Outcome::Preliminary {
            return Err(refused(&started));
        }
        move_data(&mut data)?;
        drop(data); // Closing it ends an upload.
        let done = self.control.read_reply()?;
        match command.classify(done.code()) {
            Outcome::Completed => Ok(()),
            _ => Err(refused(&done)),
        }
    }

    fn data_connection(&mut self) -> Result<TcpStream> {
        let port = if self.extended_passive {
            payload::epsv(&self.run(Command::Epsv, b"", &[])?)?
        } else {
            payload::pasv_port(&self.run(Command::Pasv, b"", &[])?)?
        };
        let data = TcpStream::connect_timeout(&SocketAddr::new(self.peer, port), TIMEOUT)?;
        data.set_read_timeout(Some(TIMEOUT))?;
        data.set_write_timeout(Some(TIMEOUT))?;
        Ok(data)
    }
}
