//! The example server over FTPS (RFC 4217, `--tls-cert`, feature `rustls`), driven by
//! Python's `ftplib.FTP_TLS` and curl on 127.0.0.1, with a CA and a certificate the test
//! makes (rcgen); nothing with a key is checked in.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The files a test's server uses: the served root, and the certificates.
struct Files {
    /// Holds the rest; removed when the test ends.
    _dir: support::Scratch,
    root: PathBuf,
    ca: PathBuf,
    certificate: PathBuf,
    key: PathBuf,
}

/// A root with `pub/hello.txt`, a CA, and a certificate it signed for 127.0.0.1 and localhost.
fn files(name: &str) -> Files {
    let dir = support::scratch_dir(&format!("tls-{name}"));
    let root = dir.join("root");
    std::fs::create_dir_all(root.join("pub")).unwrap();
    std::fs::write(root.join("pub/hello.txt"), b"hello over TLS\n").unwrap();
    let made = support::certificates::for_loopback(&dir);
    Files {
        _dir: dir,
        root,
        ca: made.ca,
        certificate: made.certificate,
        key: made.key,
    }
}

/// The example server over `files`, for alice, with TLS offered or required.
fn start(files: &Files, required: bool) -> support::examples::Listening {
    let mut args: Vec<std::ffi::OsString> = ["--listen", "127.0.0.1:0", "--user", "alice:secret"]
        .map(Into::into)
        .into();
    for (flag, path) in [
        ("--root", &files.root),
        ("--tls-cert", &files.certificate),
        ("--tls-key", &files.key),
    ] {
        args.extend([flag.into(), path.clone().into()]);
    }
    if required {
        args.push("--tls-required".into());
    }
    support::examples::listening("server", args)
}

fn ftplib(mode: &str) {
    support::require("python3", &["-c", "import ftplib, ssl; ftplib.FTP_TLS"]);
    let files = files(&format!("ftplib-{mode}"));
    let server = start(&files, mode == "required");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("clients/ftplib_tls_session.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(server.address.port().to_string())
        .arg(&files.root)
        .arg(&files.ca)
        .arg(mode)
        .output()
        .expect("run the FTP_TLS session");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "FTP_TLS {mode}:\n{stdout}\n{stderr}");
    assert!(stdout.contains("ftplib TLS session ok"), "{stdout}");
}

fn python_ftp_tls_with_tls_offered() {
    ftplib("offered");
}

fn python_ftp_tls_with_tls_required() {
    ftplib("required");
}

fn curl(files: &Files, extra: &[&str], url: &str) -> Result<Vec<u8>, String> {
    let out = Command::new("curl")
        .args([
            "--silent",
            "--show-error",
            "--max-time",
            "30",
            "--ssl-reqd",
            "--cacert",
        ])
        .arg(&files.ca)
        .args(extra)
        .arg(url)
        .output()
        .expect("run curl");
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

fn curl_uploads_and_downloads_over_tls_in_epsv_and_pasv() {
    support::require("curl", &["--version"]);
    let files = files("curl");
    let server = start(&files, true);
    let base = format!("ftp://alice:secret@{}/", server.address);
    let data: Vec<u8> = (0..1u64 << 20)
        .map(|i| ((i * 2_654_435_761) >> 24) as u8)
        .collect();
    let local = files.root.with_extension("upload");
    std::fs::write(&local, &data).unwrap();
    let local = local.to_str().unwrap();
    for (i, mode) in [&[][..], &["--disable-epsv"][..]].into_iter().enumerate() {
        let name = format!("up{i}.bin");
        curl(
            &files,
            &[mode, &["-T", local]].concat(),
            &format!("{base}{name}"),
        )
        .unwrap();
        assert!(
            std::fs::read(files.root.join(&name)).unwrap() == data,
            "{mode:?}: upload"
        );
        let back = curl(&files, mode, &format!("{base}{name}")).unwrap();
        assert!(
            back == data,
            "{mode:?}: download of {} bytes differs",
            back.len()
        );
        let listing = String::from_utf8(curl(&files, mode, &base).unwrap()).unwrap();
        assert!(
            listing.contains(&name) && listing.contains("pub"),
            "{listing}"
        );
    }
    // A certificate from another CA is refused, and nothing is sent in the clear.
    let other = self::files("curl-other-ca");
    let error = curl(&other, &[], &base).expect_err("a certificate from another CA");
    assert!(
        error.contains("certificate") || error.contains("SSL"),
        "{error}"
    );
}

/// With resumption required (vsftpd's `require_ssl_reuse`): curl, which resumes the control
/// connection's session on its data connections, lists; Python's stock `FTP_TLS`, which does
/// not, gets a 522 that says why.
fn resumption_required_lets_curl_through_and_refuses_python() {
    use ftp_codes::server::{Directory, Server, Tls, TlsSettings, Users};
    support::require("curl", &["--version"]);
    support::require("python3", &["-c", "import ftplib, ssl; ftplib.FTP_TLS"]);
    let files = files("resumption");
    let settings = TlsSettings::from_pem_files(&files.certificate, &files.key)
        .unwrap()
        .with_resumption_required(true);
    let server = Server::new(
        Directory::new(&files.root).unwrap(),
        Users::none().with_user("alice", "secret"),
    )
    .with_tls(settings, Tls::Required);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || server.serve(&listener));
    let listing = curl(&files, &[], &format!("ftp://alice:secret@{address}/pub/")).unwrap();
    assert!(String::from_utf8(listing).unwrap().contains("hello.txt"));
    let script = format!(
        "import ftplib, ssl\n\
         ftp = ftplib.FTP_TLS(context=ssl.create_default_context(cafile={ca:?}))\n\
         ftp.connect('127.0.0.1', {port}, timeout=20)\n\
         ftp.auth(); ftp.login('alice', 'secret'); ftp.prot_p()\n\
         try:\n    ftp.nlst()\n    print('listed')\n\
         except ftplib.all_errors as error:\n    print(error)\n",
        ca = files.ca.to_str().unwrap(),
        port = address.port()
    );
    let out = Command::new("python3")
        .args(["-c", &script])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("522 TLS session resumption required"),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// lftp (GnuTLS) over FTPS, TLS required: an upload and a download of 1 MiB, compared, and a
/// listing, every data connection protected; and lftp refused a plain session.
fn lftp_over_tls_with_tls_required() {
    support::require("lftp", &["--version"]);
    let files = files("lftp");
    let server = start(&files, true);
    let work = files.root.with_extension("lftp");
    std::fs::create_dir_all(&work).unwrap();
    let data: Vec<u8> = (0..1u64 << 20)
        .map(|i| ((i * 2_654_435_761) >> 24) as u8)
        .collect();
    std::fs::write(work.join("up.bin"), &data).unwrap();
    let lftp = |settings: &str, commands: &str| {
        let script = format!(
            "set net:max-retries 1; set net:timeout 10; set cmd:fail-exit yes; {settings} \
             open -u alice,secret ftp://{}; {commands}",
            server.address
        );
        Command::new("lftp")
            .args(["-c", &script])
            .current_dir(&work)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("run lftp")
    };
    let tls = format!(
        "set ftp:ssl-force true; set ftp:ssl-protect-data true; set ssl:verify-certificate true; \
         set ssl:ca-file {};",
        files.ca.display()
    );
    let out = lftp(
        &tls,
        "put up.bin -o pub/up.bin; get pub/up.bin -o back.bin; cls pub",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "lftp: {stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(files.root.join("pub/up.bin")).unwrap() == data);
    assert!(std::fs::read(work.join("back.bin")).unwrap() == data);
    assert!(
        stdout.contains("up.bin") && stdout.contains("hello.txt"),
        "{stdout}"
    );
    let plain = lftp("set ftp:ssl-allow false;", "cls pub");
    assert!(!plain.status.success());
    let stderr = String::from_utf8_lossy(&plain.stderr);
    assert!(stderr.contains("530"), "{stderr}");
}

fn main() -> std::process::ExitCode {
    support::harness::run(tests![
        resumption_required_lets_curl_through_and_refuses_python,
        python_ftp_tls_with_tls_offered,
        python_ftp_tls_with_tls_required,
        curl_uploads_and_downloads_over_tls_in_epsv_and_pasv,
        lftp_over_tls_with_tls_required,
    ])
}
