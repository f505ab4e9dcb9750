//! A command-line FTP client on `ftp_codes::client::Client`:
//!
//! ```text
//! cargo run --example client -- [--pasv] [--active] ftp://USER:PASSWORD@HOST:PORT/ COMMAND [ARG...] [; COMMAND ...]
//! cargo run --example client -- ftp://127.0.0.1:2121/ ls \; size pub/data.bin
//! ```
//!
//! Commands: `pwd`, `cd DIR`, `cdup`, `ls [PATH]`, `nlst [PATH]`, `mkdir DIR`, `rmdir DIR`,
//! `rm FILE`, `mv FROM TO`, `get [-c] REMOTE LOCAL` (`-c`: resume a partial LOCAL),
//! `put LOCAL REMOTE`, `append LOCAL REMOTE`, `size FILE`, `mdtm FILE`. Several in one run are
//! separated by `;` as an argument of its own (quoted from the shell, as with find's `-exec`);
//! with none, it reads one command per line from standard input. With no user in the URL it logs
//! in as anonymous. Data connections are passive (EPSV, or PASV alone with `--pasv`), or active
//! with `--active` (EPRT, or PORT alone with `--pasv` too).
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

const USAGE: &str = "usage: client [--pasv] [--active] ftp://[USER[:PASSWORD]@]HOST[:PORT]/ [COMMAND [ARG...] [; COMMAND ...]]
commands: pwd | cd DIR | cdup | ls [PATH] | nlst [PATH] | mkdir DIR | rmdir DIR | rm FILE | mv FROM TO
          get [-c] REMOTE LOCAL | put LOCAL REMOTE | append LOCAL REMOTE | size FILE | mdtm FILE";

/// The command line: the URL, the data connection options, the commands.
struct Options {
    url: Url,
    extended: bool,
    active: bool,
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

/// `[--pasv] [--active] URL [COMMAND [ARG...] [; COMMAND ...]]`, every command checked before
/// connecting.
fn arguments() -> Result<Options, String> {
    let mut args = std::env::args_os().skip(1).peekable();
    let (mut extended, mut active) = (true, false);
    while let Some(flag) = args.next_if(|a| a == "--pasv" || a == "--active") {
        if flag == "--pasv" {
            extended = false;
        } else {
            active = true;
        }
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
        actions,
    })
}
