//! The client's commands: each a few lines on `Client`.

use ftp_codes::client::{Client, Error, RemoteText};
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// One command, its arguments as bytes: a name may hold any byte the shell can pass (the
/// library refuses CR, LF and NUL before anything is sent).
pub(crate) enum Action {
    Pwd,
    Cd(Vec<u8>),
    Cdup,
    Ls(Vec<u8>),
    Nlst(Vec<u8>),
    Mkdir(Vec<u8>),
    Rmdir(Vec<u8>),
    Rm(Vec<u8>),
    Mv(Vec<u8>, Vec<u8>),
    Get {
        remote: Vec<u8>,
        local: Vec<u8>,
        resume: bool,
    },
    Put(Vec<u8>, Vec<u8>),
    Append(Vec<u8>, Vec<u8>),
    Size(Vec<u8>),
    Mdtm(Vec<u8>),
}

impl Action {
    pub(crate) fn parse(words: &[Vec<u8>]) -> Result<Self, String> {
        let (name, args) = words.split_first().ok_or("no command")?;
        let get = |remote: &Vec<u8>, local: &Vec<u8>, resume| Self::Get {
            remote: remote.clone(),
            local: local.clone(),
            resume,
        };
        Ok(match (&name[..], args) {
            (b"pwd", []) => Self::Pwd,
            (b"cdup", []) => Self::Cdup,
            (b"ls", []) => Self::Ls(Vec::new()),
            (b"ls", [path]) => Self::Ls(path.clone()),
            (b"nlst", []) => Self::Nlst(Vec::new()),
            (b"nlst", [path]) => Self::Nlst(path.clone()),
            (b"cd", [dir]) => Self::Cd(dir.clone()),
            (b"mkdir", [dir]) => Self::Mkdir(dir.clone()),
            (b"rmdir", [dir]) => Self::Rmdir(dir.clone()),
            (b"rm", [file]) => Self::Rm(file.clone()),
            (b"mv", [from, to]) => Self::Mv(from.clone(), to.clone()),
            (b"size", [file]) => Self::Size(file.clone()),
            (b"mdtm", [file]) => Self::Mdtm(file.clone()),
            (b"get", [flag, remote, local]) if flag == b"-c" => get(remote, local, true),
            (b"get", [remote, local]) => get(remote, local, false),
            (b"put", [local, remote]) => Self::Put(local.clone(), remote.clone()),
            (b"append", [local, remote]) => Self::Append(local.clone(), remote.clone()),
            _ => {
                return Err(format!(
                    "not a command: {}",
                    String::from_utf8_lossy(&words.join(&b' '))
                ));
            }
        })
    }

    /// Runs it, its output on standard output.
    pub(crate) fn run(&self, ftp: &mut Client) -> Result<(), Error> {
        let mut out = io::stdout().lock();
        match self {
            Self::Pwd => writeln!(out, "{}", ftp.pwd()?).map_err(Error::Local)?,
            Self::Cd(dir) => ftp.cwd(dir)?,
            Self::Cdup => ftp.cdup()?,
            Self::Ls(path) => print_lines(&mut out, &ftp.list(path)?)?,
            Self::Nlst(path) => print_lines(&mut out, &ftp.nlst(path)?)?,
            Self::Mkdir(dir) => ftp.mkdir(dir)?,
            Self::Rmdir(dir) => ftp.rmdir(dir)?,
            Self::Rm(file) => ftp.delete(file)?,
            Self::Mv(from, to) => ftp.rename(from, to)?,
            Self::Size(file) => writeln!(out, "{}", ftp.size(file)?).map_err(Error::Local)?,
            Self::Mdtm(file) => writeln!(out, "{}", ftp.mdtm(file)?).map_err(Error::Local)?,
            Self::Get {
                remote,
                local,
                resume: false,
            } => get(ftp, remote, &local_path(local))?,
            Self::Get {
                remote,
                local,
                resume: true,
            } => resume(ftp, remote, &local_path(local))?,
            Self::Put(local, remote) => drop(ftp.put(remote, &mut open(local)?)?),
            Self::Append(local, remote) => drop(ftp.append(remote, &mut open(local)?)?),
        }
        note_passive_host(ftp);
        out.flush().map_err(Error::Local)
    }
}

/// Says so on stderr when the last 227 named a host other than the server's: the data went to
/// the server all the same (behind NAT, a 227 names an address the client cannot reach).
fn note_passive_host(ftp: &mut Client) {
    let (Some(named), Some(peer)) = (ftp.passive_host(), ftp.peer()) else {
        return;
    };
    if std::net::IpAddr::V4(named) != peer.ip() {
        eprintln!(
            "note: the server's 227 named {named}; the data connection went to {} instead",
            peer.ip()
        );
    }
}

/// Listing lines as the server sent them, escaped for the terminal.
fn print_lines(out: &mut impl Write, lines: &[RemoteText]) -> Result<(), Error> {
    lines
        .iter()
        .try_for_each(|line| writeln!(out, "{line}"))
        .map_err(Error::Local)
}

/// Downloads into a temporary file beside `local`, renamed over it only once the server said
/// the transfer completed: a refused or broken download leaves `local` as it was.
fn get(ftp: &mut Client, remote: &[u8], local: &Path) -> Result<(), Error> {
    let name = local.file_name().ok_or_else(|| {
        Error::Local(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} names no file", local.display()),
        ))
    })?;
    let mut partial = name.to_owned();
    partial.push(format!(".part-{}", std::process::id()));
    let partial = local.with_file_name(partial);
    let result = File::create(&partial)
        .map_err(Error::Local)
        .and_then(|mut file| {
            ftp.get(remote, &mut file)?;
            file.sync_all().map_err(Error::Local)
        })
        .and_then(|()| std::fs::rename(&partial, local).map_err(Error::Local));
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

/// Resumes a download into `local` from its length (REST, then RETR): what is there stays.
fn resume(ftp: &mut Client, remote: &[u8], local: &Path) -> Result<(), Error> {
    let mut file = File::options()
        .create(true)
        .append(true)
        .open(local)
        .map_err(Error::Local)?;
    let have = file.metadata().map_err(Error::Local)?.len();
    ftp.get_from(remote, have, &mut file)?;
    file.sync_all().map_err(Error::Local)
}

fn open(local: &[u8]) -> Result<File, Error> {
    File::open(local_path(local)).map_err(Error::Local)
}

/// A local file's path, from an argument's bytes (lossy where they are not UTF-8).
fn local_path(bytes: &[u8]) -> PathBuf {
    String::from_utf8_lossy(bytes).into_owned().into()
}
