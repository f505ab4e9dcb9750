//! A read-write FTP server on `ftp_codes::server`:
//!
//! ```text
//! cargo run --example server -- --listen 127.0.0.1:2121 --root DIR [--user NAME:PASSWORD]...
//!     [--tls-cert CERT.pem --tls-key KEY.pem [--tls-required]]
//! curl ftp://127.0.0.1:2121/                               # anonymous: read-only
//! curl -T notes.txt ftp://alice:secret@127.0.0.1:2121/     # with --user alice:secret
//! curl --ssl-reqd --cacert CA.pem ftp://alice:secret@localhost:2121/   # with --tls-cert
//! ```
//!
//! Without `--user`, anonymous users (`anonymous` or `ftp`, any password) read and nothing on
//! disk changes; with `--user` (repeatable) those users read and write under DIR and anonymous
//! is refused. With `--tls-cert` and `--tls-key` it offers FTPS (`AUTH TLS`, RFC 4217; built
//! with `--features tls`), and with `--tls-required` refuses logins and transfers without it.
//! It prints `listening on ADDR` once ready (`--listen 127.0.0.1:0` picks a free
//! port) and serves several clients at once. With `--trace FILE` it appends each reply's
//! command and code to FILE (`RETR 226`; `-` for no command), which its tests check against
//! the command catalogue. The library does the rest: sequencing, refusals, data connections,
//! listings, and the jail under DIR.

use ftp_codes::server::{Directory, Server, Users};
use std::fs::File;
use std::io::Write;
use std::net::TcpListener;
use std::process::ExitCode;
use std::sync::Mutex;

/// What the command line asks for.
struct Options {
    listen: String,
    root: String,
    users: Vec<(String, String)>,
    trace: Option<String>,
    /// The certificate and key files, and whether TLS is required.
    tls: Option<(String, String)>,
    tls_required: bool,
}

fn main() -> ExitCode {
    let options = match arguments(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!(
                "{message}\nusage: server [--listen ADDR] --root DIR [--user NAME:PASSWORD]... [--trace FILE] [--tls-cert CERT.pem --tls-key KEY.pem [--tls-required]]"
            );
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(options: &Options) -> std::io::Result<()> {
    let mut files = Directory::new(&options.root)?;
    let mut users = Users::none();
    for (name, password) in &options.users {
        users = users.with_user(name, password);
    }
    if options.users.is_empty() {
        (files, users) = (files.read_only(), Users::anonymous());
    }
    let mut server = Server::new(files, users);
    if let Some((certificate, key)) = &options.tls {
        server = with_tls(server, certificate, key, options.tls_required)?;
    }
    if let Some(path) = &options.trace {
        let trace = Mutex::new(File::options().create(true).append(true).open(path)?);
        server = server.with_reply_log(move |command, reply| {
            let verb = command.map_or("-", |c| c.verb());
            let code = String::from_utf8_lossy(reply.get(..3).unwrap_or_default()).into_owned();
            if let Ok(mut file) = trace.lock() {
                let _ = writeln!(file, "{verb} {code}");
            }
        });
    }
    let listener = TcpListener::bind(&options.listen)?;
    println!("listening on {}", listener.local_addr()?);
    std::io::stdout().flush()?;
    server.serve(&listener)
}

/// FTPS with the certificate and key in these PEM files, offered or required.
#[cfg(feature = "tls")]
fn with_tls<F: ftp_codes::server::FileSystem, A: ftp_codes::server::Authenticator>(
    server: Server<F, A>,
    certificate: &str,
    key: &str,
    required: bool,
) -> std::io::Result<Server<F, A>> {
    use ftp_codes::server::{Tls, TlsSettings};
    let policy = if required {
        Tls::Required
    } else {
        Tls::Offered
    };
    Ok(server.with_tls(TlsSettings::from_pem_files(certificate, key)?, policy))
}

#[cfg(not(feature = "tls"))]
fn with_tls<F, A>(_: Server<F, A>, _: &str, _: &str, _: bool) -> std::io::Result<Server<F, A>> {
    Err(std::io::Error::other(
        "this build has no TLS: cargo run --example server --features tls",
    ))
}

fn arguments(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        listen: "127.0.0.1:2121".to_owned(),
        root: String::new(),
        users: Vec::new(),
        trace: None,
        tls: None,
        tls_required: false,
    };
    let (mut certificate, mut key) = (None, None);
    while let Some(flag) = args.next() {
        if flag == "--tls-required" {
            options.tls_required = true;
            continue;
        }
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--listen" => options.listen = value,
            "--root" => options.root = value,
            "--trace" => options.trace = Some(value),
            "--tls-cert" => certificate = Some(value),
            "--tls-key" => key = Some(value),
            "--user" => {
                let (name, password) = value.split_once(':').ok_or("--user takes NAME:PASSWORD")?;
                options.users.push((name.to_owned(), password.to_owned()));
            }
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    if options.root.is_empty() {
        return Err("--root DIR is required".to_owned());
    }
    options.tls = match (certificate, key) {
        (Some(certificate), Some(key)) => Some((certificate, key)),
        (None, None) if !options.tls_required => None,
        _ => return Err("TLS takes --tls-cert and --tls-key together".to_owned()),
    };
    Ok(options)
}
