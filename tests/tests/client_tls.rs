//! The client example over FTPS (`--tls`, RFC 4217; feature `rustls` through the examples'
//! `tls`) against real servers on 127.0.0.1 that require TLS on the control and the data
//! connections: vsftpd (`require_ssl_reuse=YES`, on TLS 1.3 and held to TLS 1.2), pyftpdlib's
//! `TLS_FTPHandler`, ProFTPD (mod_tls, which also requires session reuse) and Pure-FTPd. Each:
//! a whole session in EPSV and in PASV (1 MiB up and down, compared byte for byte), ten
//! transfers in a row, a certificate from another CA and one for another name refused, and a
//! plain client refused with the server's own reply. Certificates are made by the test.

mod support;

use rustls::pki_types::pem::PemObject;
use std::path::{Path, PathBuf};
use support::certificates::{self, Certificates};
use support::example_client::{client, megabyte, run_commands, session, text};
use support::servers::{self, Server, TlsVersions};

/// A test's directories and certificates: for 127.0.0.1 only, so that `localhost` is another
/// name.
struct Setup {
    dir: support::Scratch,
    root: PathBuf,
    certificates: Certificates,
}

fn setup(name: &str) -> Setup {
    let dir = support::scratch_dir(name);
    let root = dir.join("root");
    std::fs::create_dir_all(&root).unwrap();
    let certificates = certificates::make(&dir.join("certificates"), &["127.0.0.1"]);
    Setup {
        dir,
        root,
        certificates,
    }
}

fn path_bytes(path: &Path) -> &[u8] {
    path.to_str().unwrap().as_bytes()
}

/// Everything a TLS server is put through by the client example; `userinfo` is `alice:secret@`
/// or empty (anonymous). `ten`: ten transfers in one session too.
fn over_tls(server: &Server, userinfo: &str, setup: &Setup, ten: bool) {
    let url = format!("ftp://{userinfo}{}/", server.address);
    let ca = path_bytes(&setup.certificates.ca);
    session(&url, &[b"--tls", b"--ca-file", ca], &setup.root, &setup.dir);
    // The options in another order.
    session(
        &url,
        &[b"--pasv", b"--ca-file", ca, b"--tls"],
        &setup.root,
        &setup.dir,
    );
    if ten {
        ten_transfers(&url, ca, &setup.dir);
    }
    refused_certificates(server, userinfo, setup);
}

/// Ten data connections in one session, uploads and downloads mixed: each must resume the
/// TLS session afresh (a TLS 1.3 ticket is good for one connection), and each upload's end
/// must reach the server.
fn ten_transfers(url: &str, ca: &[u8], scratch: &Path) {
    let data = megabyte();
    let local = scratch.join("ten.bin");
    std::fs::write(&local, &data).unwrap();
    let backs: Vec<PathBuf> = (0..4)
        .map(|i| scratch.join(format!("back{i}.bin")))
        .collect();
    let local = path_bytes(&local);
    let run = run_commands(
        &[b"--tls", b"--ca-file", ca],
        url,
        &[
            &[&b"put"[..], local, b"ten.bin"][..],
            &[b"get", b"ten.bin", path_bytes(&backs[0])],
            &[b"ls"],
            &[b"append", local, b"ten.bin"],
            &[b"nlst"],
            &[b"get", b"ten.bin", path_bytes(&backs[1])],
            &[b"put", local, b"ten.bin"],
            &[b"get", b"ten.bin", path_bytes(&backs[2])],
            &[b"ls"],
            &[b"get", b"ten.bin", path_bytes(&backs[3])],
            &[b"rm", b"ten.bin"],
        ],
    );
    assert!(
        run.status.success(),
        "{}\n{}",
        text(&run.stderr),
        text(&run.stdout)
    );
    let twice = [&data[..], &data[..]].concat();
    for (back, expected) in backs.iter().zip([&data, &twice, &data, &data]) {
        let got = std::fs::read(back).unwrap();
        assert!(got == *expected, "{}: {} bytes", back.display(), got.len());
    }
}

/// A certificate from another CA, and the right CA's certificate reached under another name:
/// both end the run with status 1 after the handshake, and no command follows.
fn refused_certificates(server: &Server, userinfo: &str, setup: &Setup) {
    let other = certificates::make(&setup.dir.join("other-ca"), &["127.0.0.1"]);
    let url = format!("ftp://{userinfo}{}/", server.address);
    let run = client(
        &[
            b"--tls",
            b"--ca-file",
            path_bytes(&other.ca),
            url.as_bytes(),
            b"ls",
        ],
        b"",
    );
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("TLS handshake failed") && stderr.contains("UnknownIssuer"),
        "{stderr}"
    );
    let url = format!("ftp://{userinfo}localhost:{}/", server.address.port());
    let ca = path_bytes(&setup.certificates.ca);
    let run = client(&[b"--tls", b"--ca-file", ca, url.as_bytes(), b"ls"], b"");
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("TLS handshake failed")
            && stderr.contains("not valid for name \"localhost\""),
        "{stderr}"
    );
}

/// Without `--tls`, the server's own refusal, quoted, and status 1.
fn plain_refused(server: &Server, userinfo: &str, expected: &str) {
    let url = format!("ftp://{userinfo}{}/", server.address);
    let run = client(&[url.as_bytes(), b"ls"], b"");
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.starts_with(expected), "{stderr}");
}

fn vsftpd(setup: &Setup, versions: TlsVersions) -> Server {
    servers::vsftpd_tls(&setup.root, &setup.dir, &setup.certificates, versions)
        .unwrap_or_else(|why| support::unavailable("vsftpd", &why))
}

fn vsftpd_on_tls13_with_session_reuse_required() {
    let setup = setup("tls-vsftpd-13");
    let server = vsftpd(&setup, TlsVersions::Current);
    over_tls(&server, "", &setup, true);
    let ca = path_bytes(&setup.certificates.ca);
    let url = format!("ftp://{}/", server.address);
    session(
        &url,
        &[b"--tls", b"--ca-file", ca, b"--active"],
        &setup.root,
        &setup.dir,
    );
    plain_refused(
        &server,
        "",
        "USER refused: 530 Anonymous sessions must use encryption.",
    );
}

fn vsftpd_held_to_tls12_with_session_reuse_required() {
    let setup = setup("tls-vsftpd-12");
    let server = vsftpd(&setup, TlsVersions::Tls12);
    over_tls(&server, "", &setup, true);
}

/// A client whose TLS never resumes a session: vsftpd refuses its data connections with 522,
/// and the error says it was the missing reuse (RFC 4217 gives 522 another meaning).
fn vsftpd_522_for_a_data_connection_that_did_not_resume_says_so() {
    use ftp_codes::client::{Client, DataTlsRefusal, TlsSettings};
    use rustls::pki_types::CertificateDer;
    let setup = setup("tls-vsftpd-no-resume");
    std::fs::write(setup.root.join("file.txt"), b"x").unwrap();
    let server = vsftpd(&setup, TlsVersions::Current);
    let mut roots = rustls::RootCertStore::empty();
    roots
        .add(CertificateDer::from_pem_file(&setup.certificates.ca).unwrap())
        .unwrap();
    #[allow(deprecated)] // ring: what the crate's own configurations use
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    config.resumption = rustls::client::Resumption::disabled();
    let tls = TlsSettings::from_config(std::sync::Arc::new(config));
    let ftp = Client::connect(server.address).unwrap();
    let mut ftp = ftp.secure("127.0.0.1", &tls).expect("secure");
    ftp.login("anonymous", "test@").expect("login");
    let error = ftp.get("file.txt", &mut Vec::new()).unwrap_err();
    assert_eq!(
        error.data_tls_refusal(),
        Some(DataTlsRefusal::SessionNotResumed),
        "{error}"
    );
    let message = error.to_string();
    assert!(
        message.starts_with("RETR refused: 522 ") && message.contains("resume"),
        "{message}"
    );
    // vsftpd ends the session after it (its `die()`): the next command fails cleanly.
    assert!(ftp.noop().is_err());
}

fn pyftpdlib_tls_ftp_handler() {
    let setup = setup("tls-pyftpdlib");
    let tls = format!(
        "tls={},{}",
        setup.certificates.certificate.display(),
        setup.certificates.key.display()
    );
    let server = servers::pyftpdlib_with(&setup.root, &[&tls])
        .unwrap_or_else(|why| support::unavailable("pyftpdlib", &why));
    over_tls(&server, "alice:secret@", &setup, true);
    plain_refused(
        &server,
        "alice:secret@",
        "USER refused: 550 SSL/TLS required on the control channel.",
    );
}

/// ProFTPD 1.3.8 on TLS 1.3 sends no session ticket on an upload's data connection (it never
/// writes there), and rustls never uses a TLS 1.3 ticket twice (RFC 8446 §C.4): after as many
/// uploads as the control connection's handshake gave tickets (OpenSSL's default: 2), a data
/// connection cannot resume, and mod_tls refuses it (425). So one upload a session here; ten
/// transfers in a row are tested against vsftpd and pyftpdlib. The same ProFTPD held to
/// TLS 1.2, where a session can be resumed any number of times, takes the ten.
fn proftpd_with_mod_tls() {
    let setup = setup("tls-proftpd");
    let server = servers::proftpd_tls(
        &setup.root,
        &setup.dir,
        &setup.certificates,
        TlsVersions::Current,
    )
    .unwrap_or_else(|why| support::unavailable("ProFTPD", &why));
    over_tls(&server, "alice:secret@", &setup, false);
    drop(server);
    let setup = self::setup("tls-proftpd-12");
    let server = servers::proftpd_tls(
        &setup.root,
        &setup.dir,
        &setup.certificates,
        TlsVersions::Tls12,
    )
    .unwrap_or_else(|why| support::unavailable("ProFTPD", &why));
    ten_transfers(
        &format!("ftp://alice:secret@{}/", server.address),
        path_bytes(&setup.certificates.ca),
        &setup.dir,
    );
    plain_refused(
        &server,
        "alice:secret@",
        "USER refused: 550 SSL/TLS required on the control channel",
    );
}

fn pure_ftpd_with_tls_required() {
    let setup = setup("tls-pure-ftpd");
    let server = servers::pure_ftpd_tls(&setup.root, &setup.dir, &setup.certificates)
        .unwrap_or_else(|why| support::unavailable("Pure-FTPd", &why));
    over_tls(&server, "alice:secret@", &setup, true);
    plain_refused(&server, "alice:secret@", "USER refused: 421");
}

/// A scripted peer's start: the client's connection, greeted, its `AUTH TLS` answered with
/// 234 (ten seconds at most for each read).
fn accept_auth_tls(listener: &std::net::TcpListener) -> std::net::TcpStream {
    use std::io::{BufRead, BufReader, Write};
    let (mut tcp, _) = listener.accept().unwrap();
    tcp.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    tcp.write_all(b"220 ready\r\n").unwrap();
    let mut line = String::new();
    BufReader::new(&mut tcp).read_line(&mut line).unwrap();
    assert_eq!(line, "AUTH TLS\r\n");
    tcp.write_all(b"234 go ahead\r\n").unwrap();
    tcp
}

/// A rustls server configuration with the certificate and key of `certificates`.
fn server_config(certificates: &Certificates) -> std::sync::Arc<rustls::ServerConfig> {
    let chain = rustls::pki_types::CertificateDer::pem_file_iter(&certificates.certificate)
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    let key = rustls::pki_types::PrivateKeyDer::from_pem_file(&certificates.key).unwrap();
    #[allow(deprecated)] // ring: what the crate's own configurations use
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .unwrap();
    std::sync::Arc::new(config)
}

/// A server that ends a download's TLS without `close_notify` (a plain TCP close), then says
/// how the transfer went: the client takes the data and the 226 as a completed download, and a
/// 426 after the same close as the failure it is. None of the servers here omits
/// `close_notify` (older IIS and FileZilla Server releases did), so the server is a few lines
/// of this test: it answers the client's commands in order over TLS, and is checked to have
/// received them.
fn a_download_without_close_notify_is_judged_by_its_reply() {
    use ftp_codes::client::{Client, TlsSettings};
    use std::io::{BufRead, BufReader, Write};
    let setup = setup("tls-no-close-notify");
    let data = megabyte();
    for last in [
        "226 Transfer complete.\r\n",
        "426 Connection closed; transfer aborted.\r\n",
    ] {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        let config = server_config(&setup.certificates);
        let sent = data.clone();
        let peer = std::thread::spawn(move || {
            let tcp = accept_auth_tls(&listener);
            let server = rustls::ServerConnection::new(std::sync::Arc::clone(&config)).unwrap();
            let mut control = BufReader::new(rustls::StreamOwned::new(server, tcp));
            let mut received = Vec::new();
            let data_listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            let data_port = data_listener.local_addr().unwrap().port();
            for _ in 0..10 {
                let mut line = String::new();
                if control.read_line(&mut line).unwrap_or(0) == 0 {
                    break;
                }
                received.push(line.trim_end().to_owned());
                let reply = match line.split_whitespace().next().unwrap_or_default() {
                    "PBSZ" => "200 PBSZ=0\r\n".to_owned(),
                    "PROT" => "200 Protection level set to P\r\n".to_owned(),
                    "USER" => "331 Password required\r\n".to_owned(),
                    "PASS" => "230 Logged in\r\n".to_owned(),
                    "TYPE" => "200 Type set to I\r\n".to_owned(),
                    "EPSV" => format!("229 Entering Extended Passive Mode (|||{data_port}|)\r\n"),
                    "RETR" => {
                        control
                            .get_mut()
                            .write_all(b"150 Here it comes\r\n")
                            .unwrap();
                        let (tcp, _) = data_listener.accept().unwrap();
                        let server =
                            rustls::ServerConnection::new(std::sync::Arc::clone(&config)).unwrap();
                        let mut stream = rustls::StreamOwned::new(server, tcp);
                        stream.write_all(&sent).unwrap();
                        stream.flush().unwrap();
                        // No close_notify: the socket is closed under the TLS session.
                        stream.sock.shutdown(std::net::Shutdown::Both).unwrap();
                        drop(stream);
                        last.to_owned()
                    }
                    "QUIT" => "221 Bye\r\n".to_owned(),
                    _ => "502 Not here\r\n".to_owned(),
                };
                control.get_mut().write_all(reply.as_bytes()).unwrap();
            }
            received
        });
        let tls = TlsSettings::from_ca_file(&setup.certificates.ca).unwrap();
        let mut ftp = Client::connect(address)
            .unwrap()
            .secure("127.0.0.1", &tls)
            .unwrap();
        ftp.login("alice", "secret").unwrap();
        let mut got = Vec::new();
        let result = ftp.get("file.bin", &mut got);
        if last.starts_with("226") {
            assert_eq!(result.unwrap(), data.len() as u64);
            assert!(got == data, "{} bytes", got.len());
            ftp.quit().unwrap();
        } else {
            let error = result.unwrap_err();
            assert_eq!(
                error.reply_code().map(|code| code.as_u16()),
                Some(426),
                "{error}"
            );
            drop(ftp);
        }
        let received = peer.join().unwrap();
        assert_eq!(
            received[..6],
            [
                "PBSZ 0",
                "PROT P",
                "USER alice",
                "PASS secret",
                "TYPE I",
                "EPSV"
            ]
        );
        assert_eq!(received[6], "RETR file.bin");
    }
}

/// A socket that keeps a copy of every byte read from it.
struct Recording {
    tcp: std::net::TcpStream,
    seen: Vec<u8>,
}

impl std::io::Read for Recording {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.tcp.read(buf)?;
        self.seen.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

impl std::io::Write for Recording {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.tcp.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.tcp.flush()
    }
}

/// After a handshake that fails on the certificate, the client sends nothing more: no USER, no
/// clear-text QUIT. The peer is a few lines of this test, since what is checked is every byte
/// on the wire after the 234, which no real server reports: it greets, answers AUTH TLS with
/// 234, runs a rustls server with a certificate from a CA the client does not trust, and keeps
/// everything the client sends until it closes.
fn nothing_is_sent_after_a_failed_handshake() {
    use std::io::Read;
    let setup = setup("tls-nothing-after");
    let untrusted = certificates::make(&setup.dir.join("untrusted"), &["127.0.0.1"]);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let peer = std::thread::spawn(move || {
        let tcp = accept_auth_tls(&listener);
        let mut server = rustls::ServerConnection::new(server_config(&untrusted)).unwrap();
        let mut socket = Recording {
            tcp,
            seen: Vec::new(),
        };
        let mut failed = false;
        for _ in 0..20 {
            if !server.is_handshaking() {
                break;
            }
            if server.complete_io(&mut socket).is_err() {
                failed = true;
                break;
            }
        }
        // Whatever else the client sends, until it closes (or ten seconds).
        let mut rest = Vec::new();
        let _ = socket.read_to_end(&mut rest);
        (failed, socket.seen)
    });
    let url = format!("ftp://127.0.0.1:{port}/");
    let ca = path_bytes(&setup.certificates.ca);
    let run = client(&[b"--tls", b"--ca-file", ca, url.as_bytes(), b"ls"], b"");
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("UnknownIssuer"), "{stderr}");
    let (failed, seen) = peer.join().unwrap();
    assert!(failed, "the handshake failed on the server's side too");
    // TLS records only (20 to 23: TLS 1.3's compatibility change_cipher_spec, an alert, the
    // handshake, and the alert encrypted as TLS 1.3 sends it), never a command in the clear.
    assert!(!seen.is_empty());
    let mut rest = &seen[..];
    while let [kind, _, _, high, low, tail @ ..] = rest {
        assert!(
            (20..=23).contains(kind),
            "a record of type {kind}: {seen:?}"
        );
        let length = usize::from(*high) << 8 | usize::from(*low);
        rest = tail.get(length..).expect("whole records");
    }
    assert!(rest.is_empty(), "bytes that are not a TLS record: {rest:?}");
}

fn main() -> std::process::ExitCode {
    support::harness::run(tests![
        vsftpd_on_tls13_with_session_reuse_required,
        vsftpd_held_to_tls12_with_session_reuse_required,
        vsftpd_522_for_a_data_connection_that_did_not_resume_says_so,
        pyftpdlib_tls_ftp_handler,
        proftpd_with_mod_tls,
        pure_ftpd_with_tls_required,
        nothing_is_sent_after_a_failed_handshake,
        a_download_without_close_notify_is_judged_by_its_reply,
    ])
}
