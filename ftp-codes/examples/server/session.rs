//! One client's control connection: frame a command line with `ftp_codes::command`, answer
//! with `ftp_codes::write`, repeat.

use crate::files::{VirtualPath, list_line, modified};
use ftp_codes::command;
use ftp_codes::command::CommandErrorKind;
use ftp_codes::reply::{ParseOptions, Status};
use ftp_codes::write::{WriteError, WriteOptions, Writer};
use ftp_codes::{Code, Command};
use std::fs::File;
use std::io::{self, ErrorKind, Read, Write};
use std::net::{IpAddr, SocketAddr, SocketAddrV4, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// RFC 959 leaves the command length open; 512 bytes is plenty and bounds the work.
const MAX_COMMAND: usize = 512;
const IDLE: Duration = Duration::from_secs(300);
/// How long a client has to open the data connection after LIST, NLST or RETR.
const DATA_WAIT: Duration = Duration::from_secs(10);

/// Where each reply's command and code are appended, for the tests (`--trace`).
pub(crate) type Trace = Option<Arc<Mutex<File>>>;

pub(crate) fn serve(control: TcpStream, root: PathBuf, trace: Trace) {
    if let Ok(mut session) = Session::new(control, root, trace) {
        let _ = session.run();
    }
}

#[derive(PartialEq, Eq)]
enum Login {
    None,
    UserGiven,
    LoggedIn,
}

struct Session {
    control: TcpStream,
    root: PathBuf,
    cwd: VirtualPath,
    login: Login,
    passive: Option<TcpListener>,
    trace: Trace,
    /// The verb being answered, for the trace (`-` for the greeting).
    verb: String,
}

impl Session {
    fn new(control: TcpStream, root: PathBuf, trace: Trace) -> io::Result<Self> {
        control.set_read_timeout(Some(IDLE))?;
        Ok(Self {
            control,
            root,
            cwd: VirtualPath::root(),
            login: Login::None,
            passive: None,
            trace,
            verb: "-".to_owned(),
        })
    }

    fn run(&mut self) -> io::Result<()> {
        self.send(|out| out.write(Code::ServiceReady))?;
        let options = ParseOptions::lenient().with_max_line_len(MAX_COMMAND);
        let mut buf = Vec::with_capacity(MAX_COMMAND + 2);
        loop {
            match command::parse(&buf, &options) {
                Ok(Status::Complete((line, used))) => {
                    let verb = String::from_utf8_lossy(line.verb()).to_ascii_uppercase();
                    let arg = String::from_utf8_lossy(line.argument()).into_owned();
                    buf.drain(..used);
                    self.verb.clone_from(&verb);
                    if !self.command(&verb, &arg)? {
                        return Ok(());
                    }
                    continue;
                }
                Ok(Status::Partial) => {}
                Err(error) if error.kind() != CommandErrorKind::LineTooLong => {
                    // Skip the line (a bad verb, a CR or NUL inside it); the client may go on.
                    let end = buf
                        .iter()
                        .position(|&b| b == b'\n')
                        .map_or(buf.len(), |lf| lf + 1);
                    buf.drain(..end);
                    // No command to answer: the trace says so.
                    "?".clone_into(&mut self.verb);
                    self.send(|out| out.write(Code::SyntaxError))?;
                    continue;
                }
                Err(_) => {
                    "?".clone_into(&mut self.verb);
                    return self.reply(Code::SyntaxError, "Command line too long.");
                }
            }
            let mut chunk = [0u8; 512];
            match self.control.read(&mut chunk) {
                Ok(0) => return Ok(()),
                Ok(n) => buf.extend_from_slice(chunk.get(..n).unwrap_or_default()),
                Err(error)
                    if matches!(error.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) =>
                {
                    return self.reply(
                        Code::ServiceNotAvailable,
                        "Idle timeout, closing control connection.",
                    );
                }
                Err(error) => return Err(error),
            }
        }
    }

    /// Answers one command; `false` once the session is over.
    fn command(&mut self, verb: &str, arg: &str) -> io::Result<bool> {
        match verb {
            "USER" if matches!(arg, "anonymous" | "ftp") => {
                self.login = Login::UserGiven;
                self.reply(
                    Code::NeedPassword,
                    "Anonymous login okay, send any password.",
                )?;
            }
            "USER" => self.reply(Code::NotLoggedIn, "Only anonymous login is allowed.")?,
            "PASS" if self.login == Login::UserGiven => {
                self.login = Login::LoggedIn;
                self.send(|out| out.write(Code::UserLoggedIn))?;
            }
            "PASS" => self.send(|out| out.write(Code::BadSequence))?,
            "QUIT" => {
                self.send(|out| out.write(Code::ServiceClosing))?;
                return Ok(false);
            }
            "SYST" => self.reply(Code::SystemType, "UNIX Type: L8")?,
            "FEAT" => self.send(|out| out.features(&["EPSV", "MDTM", "PASV", "SIZE"]))?,
            "NOOP" => self.send(|out| out.write(Code::CommandOk))?,
            _ if self.login != Login::LoggedIn => self.send(|out| out.write(Code::NotLoggedIn))?,
            _ => self.logged_in_command(verb, arg)?,
        }
        Ok(true)
    }

    fn logged_in_command(&mut self, verb: &str, arg: &str) -> io::Result<()> {
        match verb {
            "PWD" | "XPWD" => {
                let cwd = self.cwd.display();
                self.send(|out| out.pathname(cwd.as_bytes(), b"is the current directory"))
            }
            "CWD" | "XCWD" if arg.is_empty() => {
                self.send(|out| out.write(Code::SyntaxErrorInArguments))
            }
            "CWD" | "XCWD" => {
                let target = self.cwd.join(arg);
                if target.resolve(&self.root).is_some_and(|path| path.is_dir()) {
                    self.cwd = target;
                    self.reply(Code::FileActionOk, "Directory changed.")
                } else {
                    self.reply(Code::FileUnavailable, "No such directory.")
                }
            }
            "CDUP" | "XCUP" => {
                self.cwd = self.cwd.parent();
                self.send(|out| out.write(Code::CommandOk))
            }
            "TYPE" => match arg.to_ascii_uppercase().as_str() {
                "" => self.send(|out| out.write(Code::SyntaxErrorInArguments)),
                "A" | "A N" | "I" | "L 8" => self.reply(Code::CommandOk, "Type set."),
                _ => self.send(|out| out.write(Code::ParameterNotImplemented)),
            },
            "PASV" => self.passive_mode(false, arg),
            "EPSV" => self.passive_mode(true, arg),
            "LIST" | "NLST" => self.listing(verb == "NLST", arg),
            "RETR" => self.retrieve(arg),
            "SIZE" | "MDTM" => self.file_status(verb == "SIZE", arg),
            // From the catalogue: a command this read-only server does not carry out is "not
            // implemented" (502), a verb no catalogue has is a syntax error (500).
            _ if Command::from_verb(verb.as_bytes()).is_some() => {
                self.send(|out| out.write(Code::CommandNotImplemented))
            }
            _ => self.send(|out| out.write(Code::SyntaxError)),
        }
    }

    /// PASV or EPSV: listen on the control connection's own address, on a free port.
    fn passive_mode(&mut self, extended: bool, arg: &str) -> io::Result<()> {
        let local = self.control.local_addr()?;
        let ipv4 = match local.ip() {
            IpAddr::V4(ip) => ip,
            IpAddr::V6(_) => return self.send(|out| out.write(Code::NetworkProtocolNotSupported)),
        };
        if extended && !matches!(arg, "" | "1") {
            return self.reply(
                Code::NetworkProtocolNotSupported,
                "Network protocol not supported, use (1)",
            );
        }
        let listener = TcpListener::bind(SocketAddr::from((ipv4, 0)))?;
        let port = listener.local_addr()?.port();
        self.passive = Some(listener);
        if extended {
            self.send(|out| out.epsv(port))
        } else {
            self.send(|out| out.pasv(SocketAddrV4::new(ipv4, port)))
        }
    }

    fn listing(&mut self, names_only: bool, arg: &str) -> io::Result<()> {
        // `LIST -la` and the like: options are not paths.
        let arg = if arg.starts_with('-') { "" } else { arg };
        let Some(dir) = self
            .cwd
            .join(arg)
            .resolve(&self.root)
            .filter(|path| path.is_dir())
        else {
            return self.reply(Code::FileUnavailable, "No such directory.");
        };
        let mut entries: Vec<(String, std::fs::Metadata)> = std::fs::read_dir(dir)?
            .flatten()
            .filter_map(|entry| {
                Some((
                    entry.file_name().into_string().ok()?,
                    entry.metadata().ok()?,
                ))
            })
            .collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let text: String = entries
            .iter()
            .map(|(name, metadata)| {
                if names_only {
                    format!("{name}\r\n")
                } else {
                    list_line(name, metadata)
                }
            })
            .collect();
        self.transfer(None, &mut text.as_bytes())
    }

    fn retrieve(&mut self, arg: &str) -> io::Result<()> {
        if arg.is_empty() {
            return self.send(|out| out.write(Code::SyntaxErrorInArguments));
        }
        let file = self
            .cwd
            .join(arg)
            .resolve(&self.root)
            .filter(|path| path.is_file());
        match file.map(File::open) {
            Some(Ok(mut file)) => {
                let size = file.metadata().ok().map(|m| m.len());
                self.transfer(size, &mut file)
            }
            _ => self.reply(Code::FileUnavailable, "No such file."),
        }
    }

    /// 150, the data over the passive connection, 226; 425 without a passive connection.
    fn transfer(&mut self, size: Option<u64>, data: &mut dyn Read) -> io::Result<()> {
        let Some(listener) = self.passive.take() else {
            return self.reply(Code::CannotOpenDataConnection, "Use PASV or EPSV first.");
        };
        self.send(|out| out.transfer_starting(size))?;
        match accept_within(&listener, DATA_WAIT).and_then(|mut stream| io::copy(data, &mut stream))
        {
            Ok(_) => self.reply(Code::ClosingDataConnection, "Transfer complete."),
            Err(_) => self.send(|out| out.write(Code::TransferAborted)),
        }
    }

    fn file_status(&mut self, size: bool, arg: &str) -> io::Result<()> {
        let metadata = self
            .cwd
            .join(arg)
            .resolve(&self.root)
            .and_then(|path| path.metadata().ok());
        match metadata.filter(std::fs::Metadata::is_file) {
            Some(metadata) if size => self.send(|out| out.size(metadata.len())),
            Some(metadata) => match modified(&metadata) {
                Some(time) => self.send(|out| out.mdtm(time)),
                None => self.send(|out| out.write(Code::LocalError)),
            },
            None => self.reply(Code::FileUnavailable, "No such file."),
        }
    }

    /// A one-line reply with our own text.
    fn reply(&mut self, code: Code, text: &str) -> io::Result<()> {
        self.send(|out| out.reply(code, &[text]))
    }

    /// Writes a reply into a stack buffer with `write`, then sends it.
    fn send(
        &mut self,
        write: impl FnOnce(&mut Writer<'_>) -> Result<usize, WriteError>,
    ) -> io::Result<()> {
        let mut buf = [0u8; 1024];
        let mut out = Writer::new(&mut buf, WriteOptions::default());
        write(&mut out).map_err(io::Error::other)?;
        if let (Some(trace), Some(code)) = (&self.trace, out.written().get(..3)) {
            // Written before the reply is sent, so that a client holding the reply finds it.
            let line = format!("{} {}\n", self.verb, String::from_utf8_lossy(code));
            if let Ok(mut file) = trace.lock() {
                file.write_all(line.as_bytes())?;
            }
        }
        self.control.write_all(out.written())
    }
}

/// The client's data connection, if it comes within `wait`.
fn accept_within(listener: &TcpListener, wait: Duration) -> io::Result<TcpStream> {
    const STEP: Duration = Duration::from_millis(20);
    listener.set_nonblocking(true)?;
    for _ in 0..(wait.as_millis() / STEP.as_millis()) {
        match listener.accept() {
            Ok((stream, _)) => {
                stream.set_nonblocking(false)?;
                return Ok(stream);
            }
            Err(error) if error.kind() == ErrorKind::WouldBlock => std::thread::sleep(STEP),
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::new(ErrorKind::TimedOut, "no data connection"))
}
