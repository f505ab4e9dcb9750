//! `client::Client` against real servers: the pinned usage of the client-session issue run as
//! written, then 1 MiB transfers in EPSV, PASV and active mode compared byte for byte, a
//! resumed download, an append, and each refusal with its code. pyftpdlib (and with EPSV
//! unknown to it: the fallback to PASV, once), vsftpd, Pure-FTPd and ProFTPD; the same session
//! through tokio.

mod support;

use ftp_codes::client::{Client, DataMode, Error, Progress};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::{Arc, Mutex};
use support::{scratch_dir, servers, unavailable};

/// 1 MiB that no shifted copy of itself matches: a misplaced byte shows.
fn payload() -> Vec<u8> {
    let mut state = 0x2545_f491_u32;
    (0..1 << 20)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state.to_le_bytes()[0]
        })
        .collect()
}

/// The task, as its pinned std usage writes it: log in, make a directory, upload,
/// list, SIZE and MDTM, download and compare, rename, delete, clean up.
fn pinned_usage(address: SocketAddr, user: &str, password: &str, local: &Path) {
    let run = || -> Result<(), Box<dyn std::error::Error>> {
        let mut ftp = Client::connect(address)?; // TCP + greeting; timeouts on by default
        ftp.login(user, password)?;
        println!("{}", ftp.pwd()?); // the path: Display + AsRef<[u8]>
        ftp.mkdir("reports")?;
        ftp.cwd("reports")?;
        let sent = ftp.put("r.bin", &mut std::fs::File::open(local)?)?; // any Read; bytes sent
        let mut names = Vec::new();
        for name in ftp.nlst("")? {
            names.push(name.as_ref().to_vec()); // name: AsRef<[u8]>
        }
        let size: u64 = ftp.size("r.bin")?;
        let when = ftp.mdtm("r.bin")?; // payload::Timestamp
        let got = ftp.get("r.bin", &mut std::io::sink())?; // any Write; bytes received
        ftp.rename("r.bin", "s.bin")?;
        ftp.delete("s.bin")?;
        ftp.cdup()?;
        ftp.rmdir("reports")?;
        ftp.quit()?;

        assert_eq!(sent, 1 << 20);
        assert_eq!((size, got), (sent, sent));
        assert!(
            names.iter().any(|name| name.ends_with(b"r.bin")),
            "{names:?}"
        );
        assert!(when.year() >= 2024, "{when}");
        Ok(())
    };
    run().unwrap_or_else(|error| panic!("{error}"));
}

/// 1 MiB up and down in `mode`, compared; a resumed download; an append; progress reported.
fn transfers(address: SocketAddr, user: &str, password: &str, mode: DataMode, extended: bool) {
    let data = payload();
    let mut ftp = Client::connect(address).unwrap();
    ftp.login(user, password).unwrap();
    ftp.set_mode(mode);
    ftp.set_extended(extended);
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    ftp.on_progress(move |progress: Progress| {
        log.lock().unwrap().push(progress.bytes);
        ControlFlow::Continue(())
    });
    let name = format!("t-{mode:?}-{extended}.bin");

    assert_eq!(ftp.put(&name, &mut &data[..]).unwrap(), data.len() as u64);
    let mut back = Vec::new();
    assert_eq!(ftp.get(&name, &mut back).unwrap(), data.len() as u64);
    assert!(back == data, "the download differs from the upload");
    let progress = seen.lock().unwrap().clone();
    assert_eq!(progress.last(), Some(&(data.len() as u64)));
    // The upload's counts rise to the size, then the download's again.
    let turn = progress
        .iter()
        .position(|&b| b == data.len() as u64)
        .unwrap();
    assert!(progress[..=turn].is_sorted() && progress[turn + 1..].is_sorted());
    assert!(progress.len() >= 2 * 16, "{} calls", progress.len());

    // Resumed: the first 300,000 bytes are there, REST asks for the rest.
    let mut rest = Vec::new();
    let got = ftp.get_from(&name, 300_000, &mut rest).unwrap();
    assert_eq!(got, data.len() as u64 - 300_000);
    assert!(rest == data[300_000..], "the resumed part differs");

    // Appended: the file is the payload twice.
    assert_eq!(
        ftp.append(&name, &mut &data[..]).unwrap(),
        data.len() as u64
    );
    assert_eq!(ftp.size(&name).unwrap(), 2 * data.len() as u64);
    let mut twice = Vec::new();
    ftp.get(&name, &mut twice).unwrap();
    assert!(twice[..data.len()] == data[..] && twice[data.len()..] == data[..]);

    ftp.delete(&name).unwrap();
    ftp.quit().unwrap();
}

/// Each refusal is an error with the server's code, and the session goes on after it.
fn refusals(address: SocketAddr, user: &str, password: &str) {
    let mut wrong = Client::connect(address).unwrap();
    // vsftpd's anonymous login takes any password: a user it does not serve instead.
    let (bad_user, bad_password) = if user == "anonymous" {
        ("alice", "secret")
    } else {
        (user, "not the password")
    };
    let error = wrong.login(bad_user, bad_password).unwrap_err();
    assert_eq!(error.reply_code().map(|c| c.as_u16()), Some(530), "{error}");
    // The refusal names the command it answered: PASS for a wrong password, USER for a user
    // vsftpd does not serve.
    let refused = if user == "anonymous" { "USER" } else { "PASS" };
    assert!(
        error
            .to_string()
            .starts_with(&format!("{refused} refused: 530")),
        "{error}"
    );

    let mut ftp = Client::connect(address).unwrap();
    ftp.login(user, password).unwrap();
    let checks: [(&str, Result<(), Error>); 6] = [
        ("CWD", ftp.cwd("no such dir")),
        ("DELE", ftp.delete("no such file")),
        ("SIZE", ftp.size("no such file").map(drop)),
        ("RETR", ftp.get("no such file", &mut Vec::new()).map(drop)),
        ("RNFR", ftp.rename("no such file", "x")),
        ("RMD", ftp.rmdir("no such dir")),
    ];
    for (verb, result) in checks {
        let error = result.expect_err(verb);
        let code = error
            .reply_code()
            .unwrap_or_else(|| panic!("{verb}: {error}"));
        assert!(matches!(code.as_u16(), 450 | 500..=559), "{verb}: {error}");
        let shown = error.to_string();
        assert!(
            shown.starts_with(&format!("{verb} refused: {code}")),
            "{shown}"
        );
        assert!(!shown.contains('\r'), "{shown:?}");
    }
    // Still in step: the next command gets its own reply.
    ftp.noop().unwrap();
    assert!(ftp.pwd().unwrap().as_ref().starts_with(b"/"));
    ftp.quit().unwrap();
}

fn all_of_it(address: SocketAddr, user: &str, password: &str, dir: &Path) {
    let local = dir.join("r.bin");
    std::fs::write(&local, payload()).unwrap();
    pinned_usage(address, user, password, &local);
    transfers(address, user, password, DataMode::Passive, true);
    transfers(address, user, password, DataMode::Passive, false);
    transfers(address, user, password, DataMode::Active, true);
    transfers(address, user, password, DataMode::Active, false);
    refusals(address, user, password);
}

fn writable_root(name: &str) -> support::Scratch {
    let dir = scratch_dir(name);
    std::fs::create_dir_all(dir.join("root")).unwrap();
    dir
}

fn pyftpdlib_runs_the_whole_session() {
    let dir = writable_root("client-session-pyftpdlib");
    let server =
        servers::pyftpdlib(&dir.join("root")).unwrap_or_else(|why| unavailable("pyftpdlib", &why));
    all_of_it(server.address, "alice", "secret", &dir);
}

fn vsftpd_runs_the_whole_session() {
    let dir = writable_root("client-session-vsftpd");
    let root = dir.join("root");
    let server =
        servers::vsftpd_writable(&root, &dir).unwrap_or_else(|why| unavailable("vsftpd", &why));
    all_of_it(server.address, "anonymous", "", &dir);
}

fn pure_ftpd_runs_the_whole_session() {
    let dir = writable_root("client-session-pure-ftpd");
    let server = servers::pure_ftpd(&dir.join("root"), &dir)
        .unwrap_or_else(|why| unavailable("Pure-FTPd", &why));
    all_of_it(server.address, "alice", "secret", &dir);
}

fn proftpd_runs_the_whole_session() {
    let dir = writable_root("client-session-proftpd");
    let server = servers::proftpd(&dir.join("root"), &dir)
        .unwrap_or_else(|why| unavailable("ProFTPD", &why));
    all_of_it(server.address, "alice", "secret", &dir);
}

/// A proxy on loopback that passes the control connection through and records what the client
/// sent. Data connections go to the control connection's peer, which is the proxy's address
/// and the server's too.
fn recording_proxy(server: SocketAddr) -> (SocketAddr, Arc<Mutex<Vec<u8>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let sent = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&sent);
    std::thread::spawn(move || {
        let (mut client, _) = listener.accept().unwrap();
        let mut upstream = TcpStream::connect(server).unwrap();
        let (mut client_reader, mut upstream_writer) =
            (client.try_clone().unwrap(), upstream.try_clone().unwrap());
        std::thread::spawn(move || {
            let _ = std::io::copy(&mut upstream, &mut client);
        });
        let mut chunk = [0u8; 4096];
        // Ends when the client closes (bounded by the client's own timeouts).
        while let Ok(n) = client_reader.read(&mut chunk) {
            if n == 0 || upstream_writer.write_all(&chunk[..n]).is_err() {
                break;
            }
            record.lock().unwrap().extend_from_slice(&chunk[..n]);
        }
        let _ = upstream_writer.shutdown(std::net::Shutdown::Both);
    });
    (address, sent)
}

fn epsv_refused_falls_back_to_pasv_once() {
    let dir = writable_root("client-session-no-epsv");
    let server = servers::pyftpdlib_with(&dir.join("root"), &["no-epsv"])
        .unwrap_or_else(|why| unavailable("pyftpdlib", &why));
    let (address, sent) = recording_proxy(server.address);
    let data = payload();
    let mut ftp = Client::connect(address).unwrap();
    ftp.login("alice", "secret").unwrap();
    ftp.put("a.bin", &mut &data[..]).unwrap();
    let mut back = Vec::new();
    ftp.get("a.bin", &mut back).unwrap();
    assert!(back == data);
    assert_eq!(ftp.nlst("").unwrap(), ["a.bin"]);
    ftp.quit().unwrap();
    let sent = String::from_utf8(sent.lock().unwrap().clone()).unwrap();
    let verbs: Vec<&str> = sent
        .lines()
        .map(|line| line.split(' ').next().unwrap())
        .collect();
    assert_eq!(
        verbs,
        [
            "USER", "PASS", "TYPE", "EPSV", "PASV", "STOR", "PASV", "RETR", "PASV", "NLST", "QUIT"
        ],
        "{sent}"
    );
}

fn the_same_session_runs_on_tokio() {
    use ftp_codes::client::control::{AsyncControl, FromTokio};
    use ftp_codes::client::{AsyncSession, TokioData};
    use ftp_codes::reply::ParseOptions;
    use std::time::Duration;

    let dir = writable_root("client-session-tokio");
    let server =
        servers::pyftpdlib(&dir.join("root")).unwrap_or_else(|why| unavailable("pyftpdlib", &why));
    let data = payload();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let wait = Duration::from_secs(30);
        let stream = tokio::net::TcpStream::connect(server.address)
            .await
            .unwrap();
        let connections = TokioData::for_control(&stream, wait).unwrap();
        let mut buffer = [0u8; 1024];
        let control =
            AsyncControl::new(FromTokio::new(stream), &mut buffer, ParseOptions::default());
        let mut ftp = AsyncSession::start(control, connections).await.unwrap();
        ftp.login(b"alice", b"secret").await.unwrap();
        for mode in [DataMode::Passive, DataMode::Active] {
            ftp.set_mode(mode);
            let mut sent = 0;
            ftp.transfer(
                ftp_codes::Command::Stor,
                b"t.bin",
                0,
                async |connection: &mut TokioData, _| {
                    let stream = connection.stream()?;
                    embedded_io_async::Write::write_all(stream, &data).await?;
                    sent = data.len();
                    Ok(ControlFlow::Continue(()))
                },
            )
            .await
            .unwrap();
            assert_eq!(sent, data.len());
            let mut back = Vec::new();
            ftp.transfer(
                ftp_codes::Command::Retr,
                b"t.bin",
                0,
                async |connection: &mut TokioData, _| {
                    let stream = connection.stream()?;
                    let mut chunk = [0u8; 8192];
                    loop {
                        let n = embedded_io_async::Read::read(stream, &mut chunk).await?;
                        if n == 0 {
                            return Ok(ControlFlow::Continue(()));
                        }
                        back.extend_from_slice(&chunk[..n]);
                    }
                },
            )
            .await
            .unwrap();
            assert!(back == data, "{mode:?}: the download differs");
            assert_eq!(ftp.size(b"t.bin").await.unwrap(), data.len() as u64);
        }
        let error = ftp
            .command(ftp_codes::Command::Dele, b"missing")
            .await
            .unwrap_err();
        assert_eq!(error.reply_code().map(|c| c.as_u16()), Some(550));
        ftp.quit().await.unwrap();
    });
}

fn main() -> std::process::ExitCode {
    support::harness::run(tests![
        pyftpdlib_runs_the_whole_session,
        vsftpd_runs_the_whole_session,
        pure_ftpd_runs_the_whole_session,
        proftpd_runs_the_whole_session,
        epsv_refused_falls_back_to_pasv_once,
        the_same_session_runs_on_tokio,
    ])
}
