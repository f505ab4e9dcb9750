//! A small read-only FTP server for anonymous users, built on `ftp_codes::write`:
//!
//! ```text
//! cargo run --example server -- --listen 127.0.0.1:2121 --root ./some/dir
//! curl ftp://127.0.0.1:2121/                       # list it
//! curl -O ftp://127.0.0.1:2121/some-file.txt       # download a file
//! ```
//!
//! It prints the address it listens on once it is ready (`--listen 127.0.0.1:0` picks a free
//! port). With `--trace FILE` it appends each reply's command and code to FILE (`RETR 226`),
//! which its tests check against the command catalogue. One thread per connection; USER, PASS, SYST, FEAT, PWD, CWD, CDUP, TYPE, PASV, EPSV,
//! LIST, NLST, RETR, SIZE, MDTM, NOOP and QUIT, each error answered with its catalogue code.
//! It shows how an FTP stack uses the crate; it is not hardened for the open internet.

mod files;
mod session;

use std::fs::File;
use std::io::Write;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

fn main() -> ExitCode {
    let (listen, root, trace) = match arguments() {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!(
                "{message}\nusage: server [--listen 127.0.0.1:2121] [--root DIR] [--trace FILE]"
            );
            return ExitCode::from(2);
        }
    };
    let trace = match trace.map(|path| File::options().create(true).append(true).open(path)) {
        None => None,
        Some(Ok(file)) => Some(Arc::new(Mutex::new(file))),
        Some(Err(error)) => {
            eprintln!("error: cannot open the trace file: {error}");
            return ExitCode::from(2);
        }
    };
    let root = match root.canonicalize() {
        Ok(root) if root.is_dir() => root,
        _ => {
            eprintln!("error: --root {} is not a directory", root.display());
            return ExitCode::from(2);
        }
    };
    let listener = match TcpListener::bind(&listen) {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("error: cannot listen on {listen}: {error}");
            return ExitCode::from(2);
        }
    };
    if let Ok(address) = listener.local_addr() {
        println!("listening on {address}");
        let _ = std::io::stdout().flush();
    }
    for control in listener.incoming().flatten() {
        let (root, trace) = (root.clone(), trace.clone());
        std::thread::spawn(move || session::serve(control, root, trace));
    }
    ExitCode::SUCCESS
}

fn arguments() -> Result<(String, PathBuf, Option<PathBuf>), String> {
    let mut listen = "127.0.0.1:2121".to_owned();
    let mut root = PathBuf::from(".");
    let mut trace = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--listen" => listen = value,
            "--root" => root = PathBuf::from(value),
            "--trace" => trace = Some(PathBuf::from(value)),
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok((listen, root, trace))
}
