//! A command-line FTP client on `ftp_codes::client::Client`:
//!
//! ```text
//! cargo run --example client -- [--pasv] [--active] [--tls [--ca-file CA.pem]] ftp://USER:PASSWORD@HOST:PORT/ COMMAND [ARG...] [; COMMAND ...]
//! cargo run --example client -- ftp://127.0.0.1:2121/ ls \; size pub/data.bin
//! cargo run --example client --features tls -- --tls ftp://alice:secret@ftp.example.com/ ls
//! ```
//!
//! Commands: `pwd`, `cd DIR`, `cdup`, `ls [PATH]`, `nlst [PATH]`, `mkdir DIR`, `rmdir DIR`,
//! `rm FILE`, `mv FROM TO`, `get [-c] REMOTE LOCAL` (`-c`: resume a partial LOCAL),
//! `put LOCAL REMOTE`, `append LOCAL REMOTE`, `size FILE`, `mdtm FILE`. Several in one run are
//! separated by `;` as an argument of its own (quoted from the shell, as with find's `-exec`);
//! with none, it reads one command per line from standard input. With no user in the URL it logs
//! in as anonymous. Data connections are passive (EPSV, or PASV alone with `--pasv`), or active
//! with `--active` (EPRT, or PORT alone with `--pasv` too). `--tls` runs explicit FTPS (RFC
//! 4217: `AUTH TLS` before the login, every data connection over TLS; built with
//! `--features tls`), the server's certificate checked against the system's roots for the
//! URL's host, or against the certificates of `--ca-file` alone; a certificate that fails ends
//! the run (status 1) before anything else is sent. The options come before the URL, in any
//! order.
//!
//! It prints what a command returns (`pwd` the path, `size` the number, `mdtm` the time in
//! RFC 3339, `ls` and `nlst` the listing). Transfers show a progress bar when standard error is
//! a terminal. A command that fails stops the run with exit status 1 and the error (the
//! server's reply, escaped) on standard error; a usage error is status 2. Timeouts are 30
//! seconds.

mod commands;
mod progress;
mod url;

use commands::Action;
use ftp_codes::client::{Client, DataMode, Error, TransferType};
use std::ffi::OsString;
use std::io::{self, BufRead};
use std::process::ExitCode;
use url::Url;

const USAGE: &str = "usage: client [--pasv] [--active] [--tls [--ca-file CA.pem]] ftp://[USER[:PASSWORD]@]HOST[:PORT]/ [COMMAND [ARG...] [; COMMAND ...]]
commands: pwd | cd DIR | cdup | ls [PATH] | nlst [PATH] | mkdir DIR | rmdir DIR | rm FILE | mv FROM TO
          get [-c] REMOTE LOCAL | put LOCAL REMOTE | append LOCAL REMOTE | size FILE | mdtm FILE";

/// The command line: the URL, the data connection options, the commands.
struct Options {
    url: Url,
    extended: bool,
    active: bool,
    /// `--tls`.
    tls: bool,
    /// `--ca-file`: the roots for `--tls` (else the system's).
    ca_file: Option<OsString>,
    actions: Vec<Action>,
}

fn main() -> ExitCode {
    let options = match arguments() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match session(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{failure}");
            ExitCode::from(1)
        }
    }
}

/// Logs in and runs the actions, or those read from standard input when there are none.
fn session(options: &Options) -> Result<(), Error> {
    let url = &options.url;
    let mut ftp = Client::connect((url.host.as_str(), url.port))?;
    if options.tls {
        ftp = secure(ftp, &url.host, options.ca_file.as_deref())?;
    }
    ftp.set_extended(options.extended);
    if options.active {
        ftp.set_mode(DataMode::Active);
    }
    if url.ascii {
        ftp.set_transfer_type(TransferType::Ascii);
    }
    ftp.login(&url.user, &url.password)?;
    progress::show(&mut ftp);
    // RFC 1738 §3.2.2: one CWD a segment.
    for directory in &url.directories {
        ftp.cwd(directory)?;
    }
    if options.actions.is_empty() {
        for line in io::stdin().lock().split(b'\n') {
            let words: Vec<Vec<u8>> = line
                .map_err(Error::Local)?
                .split(u8::is_ascii_whitespace)
                .filter(|word| !word.is_empty())
                .map(<[u8]>::to_vec)
                .collect();
            if !words.is_empty() {
                match Action::parse(&words) {
                    Ok(action) => action.run(&mut ftp)?,
                    Err(message) => {
                        return Err(Error::Local(io::Error::new(
                            io::ErrorKind::InvalidInput,
                            message,
                        )));
                    }
                }
            }
        }
    } else {
        for action in &options.actions {
            action.run(&mut ftp)?;
        }
    }
    ftp.quit()
}

/// FTPS on `ftp` for `host`: the roots of `ca_file`, or the system's.
#[cfg(feature = "tls")]
fn secure(ftp: Client, host: &str, ca_file: Option<&std::ffi::OsStr>) -> Result<Client, Error> {
    use ftp_codes::client::TlsSettings;
    let settings = match ca_file {
        Some(path) => TlsSettings::from_ca_file(path),
        None => TlsSettings::system_roots(),
    };
    ftp.secure(host, &settings.map_err(Error::Tls)?)
}

#[cfg(not(feature = "tls"))]
fn secure(_: Client, _: &str, _: Option<&std::ffi::OsStr>) -> Result<Client, Error> {
    Err(Error::Tls(io::Error::new(
        io::ErrorKind::Unsupported,
        "this build has no TLS: cargo run --example client --features tls",
    )))
}

/// `[--pasv] [--active] [--tls [--ca-file CA.pem]] URL [COMMAND [ARG...] [; COMMAND ...]]`,
/// every command checked before connecting.
fn arguments() -> Result<Options, String> {
    let mut args = std::env::args_os().skip(1).peekable();
    let (mut extended, mut active, mut tls, mut ca_file) = (true, false, false, None);
    while let Some(flag) = args.next_if(|a| a.to_str().is_some_and(|a| a.starts_with("--"))) {
        match flag.to_str() {
            Some("--pasv") => extended = false,
            Some("--active") => active = true,
            Some("--tls") => tls = true,
            Some("--ca-file") => ca_file = Some(args.next().ok_or("--ca-file takes a file")?),
            _ => return Err(format!("unknown option {}", flag.to_string_lossy())),
        }
    }
    if ca_file.is_some() && !tls {
        return Err("--ca-file is for --tls".to_owned());
    }
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
    Ok(Options {
        url,
        extended,
        active,
        tls,
        ca_file,
        actions,
    })
}
