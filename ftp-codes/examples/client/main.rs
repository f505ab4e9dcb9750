//! A small FTP client on `ftp_codes::io::Control` and the standard library:
//!
//! ```text
//! cargo run --example client -- [--pasv] ftp://USER:PASSWORD@HOST:PORT/ COMMAND [ARG...] [; COMMAND ...]
//! cargo run --example client -- ftp://127.0.0.1:2121/ ls \; size pub/data.bin
//! ```
//!
//! Commands: `pwd`, `cd DIR`, `ls [PATH]`, `mkdir DIR`, `rmdir DIR`, `rm FILE`,
//! `get REMOTE LOCAL`, `put LOCAL REMOTE`, `size FILE`, `mdtm FILE`. Several in one run are
//! separated by `;` as an argument of its own (quoted from the shell, as with find's `-exec`);
//! with none, it reads one command per line from standard input. With no user in the URL it logs
//! in as anonymous. Data connections are passive: EPSV, or PASV with `--pasv`.
//!
//! It prints what a command returns (`pwd` the path, `size` the number, `mdtm` the time in
//! RFC 3339, `ls` the listing). A command that fails stops the run with exit status 1 and the
//! server's reply on standard error; a usage error is status 2. Timeouts are 30 seconds.

mod session;
mod url;

use session::{Failure, Session};
use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufRead, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::path::Path;
use std::process::ExitCode;
use url::Url;

const USAGE: &str = "usage: client [--pasv] ftp://[USER[:PASSWORD]@]HOST[:PORT]/ [COMMAND [ARG...] [; COMMAND ...]]
commands: pwd | cd DIR | ls [PATH] | mkdir DIR | rmdir DIR | rm FILE | get REMOTE LOCAL | put LOCAL REMOTE | size FILE | mdtm FILE";

fn main() -> ExitCode {
    let (url, extended_passive, actions) = match arguments() {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match session(&url, extended_passive, &actions) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{failure}");
            ExitCode::from(1)
        }
    }
}

/// One command of the client, its arguments as bytes: a name may hold any byte the shell can
/// pass (and the command writer refuses CR, LF and NUL before anything is sent).
enum Action {
    Pwd,
    Cd(Vec<u8>),
    Ls(Vec<u8>),
    Mkdir(Vec<u8>),
    Rmdir(Vec<u8>),
    Rm(Vec<u8>),
    Get(Vec<u8>, Vec<u8>),
    Put(Vec<u8>, Vec<u8>),
    Size(Vec<u8>),
    Mdtm(Vec<u8>),
}

impl Action {
    fn parse(words: &[Vec<u8>]) -> Result<Self, String> {
        let (name, args) = words.split_first().ok_or("no command")?;
        Ok(match (&name[..], args) {
            (b"pwd", []) => Self::Pwd,
            (b"ls", []) => Self::Ls(Vec::new()),
            (b"ls", [path]) => Self::Ls(path.clone()),
            (b"cd", [dir]) => Self::Cd(dir.clone()),
            (b"mkdir", [dir]) => Self::Mkdir(dir.clone()),
            (b"rmdir", [dir]) => Self::Rmdir(dir.clone()),
            (b"rm", [file]) => Self::Rm(file.clone()),
            (b"size", [file]) => Self::Size(file.clone()),
            (b"mdtm", [file]) => Self::Mdtm(file.clone()),
            (b"get", [remote, local]) => Self::Get(remote.clone(), local.clone()),
            (b"put", [local, remote]) => Self::Put(local.clone(), remote.clone()),
            _ => {
                return Err(format!(
                    "not a command: {}",
                    String::from_utf8_lossy(&words.join(&b' '))
                ));
            }
        })
    }

    /// Runs it, its output on standard output.
    fn run(&self, ftp: &mut Session<'_>) -> Result<(), Failure> {
        let mut out = io::stdout().lock();
        match self {
            Self::Pwd => writeln!(out, "{}", session::printable(&ftp.pwd()?))?,
            Self::Cd(dir) => ftp.cd(dir)?,
            Self::Ls(path) => ftp.ls(path, &mut out)?,
            Self::Mkdir(dir) => ftp.mkdir(dir)?,
            Self::Rmdir(dir) => ftp.rmdir(dir)?,
            Self::Rm(file) => ftp.rm(file)?,
            Self::Size(file) => writeln!(out, "{}", ftp.size(file)?)?,
            Self::Mdtm(file) => writeln!(out, "{}", ftp.mdtm(file)?)?,
            Self::Get(remote, local) => get(ftp, remote, &local_path(local))?,
            Self::Put(local, remote) => ftp.put(&mut File::open(local_path(local))?, remote)?,
        }
        Ok(out.flush()?)
    }
}

/// Downloads into a temporary file beside `local`, renamed over it only once the server said
/// the transfer completed: a refused or broken download leaves `local` as it was.
fn get(ftp: &mut Session<'_>, remote: &[u8], local: &Path) -> Result<(), Failure> {
    let name = local
        .file_name()
        .ok_or_else(|| Failure::Broken(format!("{} names no file", local.display())))?;
    let mut partial = name.to_owned();
    partial.push(format!(".part-{}", std::process::id()));
    let partial = local.with_file_name(partial);
    let result = File::create(&partial)
        .map_err(Failure::from)
        .and_then(|mut file| {
            ftp.get(remote, &mut file)?;
            Ok(file.sync_all()?)
        })
        .and_then(|()| Ok(std::fs::rename(&partial, local)?));
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

/// Logs in and runs the actions, or those read from standard input when there are none.
fn session(url: &Url, extended_passive: bool, actions: &[Action]) -> Result<(), Failure> {
    let stream = connect(url)?;
    let mut buffer = [0; 8192];
    let mut ftp = Session::login(
        stream,
        &mut buffer,
        &url.user,
        &url.password,
        extended_passive,
        url.ascii,
    )?;
    // RFC 1738 §3.2.2: one CWD a segment.
    for directory in &url.directories {
        ftp.cd(directory)?;
    }
    if actions.is_empty() {
        for line in io::stdin().lock().split(b'\n') {
            let words: Vec<Vec<u8>> = line?
                .split(u8::is_ascii_whitespace)
                .filter(|word| !word.is_empty())
                .map(<[u8]>::to_vec)
                .collect();
            if !words.is_empty() {
                Action::parse(&words)
                    .map_err(Failure::Broken)?
                    .run(&mut ftp)?;
            }
        }
    } else {
        for action in actions {
            action.run(&mut ftp)?;
        }
    }
    ftp.quit()
}

/// A local file's path, from an argument's bytes (lossy where they are not UTF-8).
fn local_path(bytes: &[u8]) -> std::path::PathBuf {
    String::from_utf8_lossy(bytes).into_owned().into()
}

fn connect(url: &Url) -> Result<TcpStream, Failure> {
    let mut last = None;
    for address in (url.host.as_str(), url.port).to_socket_addrs()? {
        match TcpStream::connect_timeout(&address, session::TIMEOUT) {
            Ok(stream) => return Ok(stream),
            Err(error) => last = Some(error),
        }
    }
    Err(Failure::Broken(format!(
        "cannot connect to {}:{}: {}",
        url.host,
        url.port,
        last.map_or_else(|| "no address".to_owned(), |e| e.to_string())
    )))
}

/// `[--pasv] URL [COMMAND [ARG...] [; COMMAND ...]]`, every command checked before connecting.
fn arguments() -> Result<(Url, bool, Vec<Action>), String> {
    let mut args = std::env::args_os().skip(1).peekable();
    let extended_passive = if args.peek().is_some_and(|a| a == "--pasv") {
        args.next();
        false
    } else {
        true
    };
    let url = args
        .next()
        .ok_or("no URL")?
        .into_string()
        .map_err(|_| "the URL is not UTF-8")?;
    let url = Url::parse(&url)?;
    let mut commands: Vec<Vec<Vec<u8>>> = Vec::new();
    let mut words = Vec::new();
    for arg in args.map(OsString::into_encoded_bytes) {
        if arg == b";" {
            commands.push(std::mem::take(&mut words));
        } else {
            words.push(arg);
        }
    }
    commands.push(words);
    let actions = commands
        .into_iter()
        .filter(|words| !words.is_empty())
        .map(|words| Action::parse(&words))
        .collect::<Result<_, _>>()?;
    Ok((url, extended_passive, actions))
}
