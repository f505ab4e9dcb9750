//! Whole FTP sessions against real servers on 127.0.0.1 (pyftpdlib, and vsftpd where it is
//! installed), every reply framed by `reply::parse` in strict RFC mode and every payload read
//! by the payload parsers. No mocks.

mod support;

use ftp_codes::payload;
use ftp_codes::reply::ParseOptions;
use ftp_codes::{Category, Code};
use std::fs::File;
use std::net::SocketAddr;
use std::time::{Duration, SystemTime};
use support::control::{Control, read_data};
use support::{scratch_dir, servers, unavailable};

const CONTENT: &[u8] = b"hello over ftp\n";
/// 2024-02-29T12:34:56Z, a leap day, as the served file's modification time.
const MODIFIED: u64 = 1_709_210_096;

/// What differs between the servers.
struct Flavour {
    user: &'static str,
    password: &'static str,
    writable: bool,
}

fn serve_dir(name: &str) -> support::Scratch {
    let dir = scratch_dir(name);
    let root = dir.join("root");
    std::fs::create_dir_all(root.join("pub")).unwrap();
    std::fs::write(root.join("hello.txt"), CONTENT).unwrap();
    let file = File::options()
        .write(true)
        .open(root.join("hello.txt"))
        .unwrap();
    file.set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(MODIFIED))
        .unwrap();
    dir
}

fn pyftpdlib_session() {
    let dir = serve_dir("pyftpdlib");
    match servers::pyftpdlib(&dir.join("root")) {
        Ok(server) => session(
            server.address,
            &Flavour {
                user: "alice",
                password: "secret",
                writable: true,
            },
        ),
        Err(why) => unavailable("pyftpdlib", &why),
    }
}

fn vsftpd_session() {
    let dir = serve_dir("vsftpd");
    match servers::vsftpd(&dir.join("root"), &dir) {
        Ok(server) => session(
            server.address,
            &Flavour {
                user: "anonymous",
                password: "guest@example.com",
                writable: false,
            },
        ),
        Err(why) => unavailable("vsftpd", &why),
    }
}

fn session(address: SocketAddr, flavour: &Flavour) {
    let mut ftp = Control::connect(address, ParseOptions::strict());

    let greeting = ftp.reply();
    assert_eq!(
        greeting.get().known(),
        Some(Code::ServiceReady),
        "{}",
        greeting.text()
    );

    // A bad login: the server refuses the password (or the user outright).
    let user = ftp.command(if flavour.writable {
        "USER alice"
    } else {
        "USER nobody"
    });
    let refused = if user.code() == 331 {
        ftp.command("PASS wrong")
    } else {
        user
    };
    assert_eq!(
        refused.get().known(),
        Some(Code::NotLoggedIn),
        "{}",
        refused.text()
    );
    assert!(refused.get().code().is_permanent_negative());

    // A good one.
    let user = ftp.command(&format!("USER {}", flavour.user));
    assert_eq!(
        user.get().known(),
        Some(Code::NeedPassword),
        "{}",
        user.text()
    );
    let pass = ftp.command(&format!("PASS {}", flavour.password));
    assert_eq!(
        pass.get().known(),
        Some(Code::UserLoggedIn),
        "{}",
        pass.text()
    );

    let syst = ftp.command("SYST");
    assert_eq!(syst.get().known(), Some(Code::SystemType));
    assert!(syst.text().contains("UNIX"), "{}", syst.text());

    let feat = ftp.command("FEAT");
    assert_eq!(feat.code(), 211);
    assert!(feat.get().is_multiline(), "{}", feat.text());
    let reply = feat.get();
    let features: Vec<Vec<u8>> = payload::features(&reply)
        .unwrap()
        .map(|f| f.name().to_ascii_uppercase())
        .collect();
    for expected in [&b"MDTM"[..], b"SIZE", b"EPSV", b"REST"] {
        assert!(
            features.iter().any(|f| f == expected),
            "FEAT lacks {:?}: {}",
            String::from_utf8_lossy(expected),
            feat.text()
        );
    }

    let pwd = ftp.command("PWD");
    let reply = pwd.get();
    let name = payload::pathname(&reply).unwrap();
    let mut buf = [0u8; 512];
    let cwd = String::from_utf8(name.copy_to(&mut buf).unwrap().to_vec()).unwrap();
    assert!(cwd.starts_with('/'), "{}", pwd.text());
    if flavour.writable {
        assert_eq!(cwd, "/");
        // A name with a quote in it: the server doubles it, the parser undoes that.
        let mkd = ftp.command("MKD say \"hi\"");
        assert_eq!(
            mkd.get().known(),
            Some(Code::PathnameCreated),
            "{}",
            mkd.text()
        );
        let reply = mkd.get();
        let created = payload::pathname(&reply).unwrap();
        assert!(created.is_doubled(), "{}", mkd.text());
        assert_eq!(created.copy_to(&mut buf).unwrap(), b"/say \"hi\"");
    } else {
        let mkd = ftp.command("MKD forbidden");
        assert_eq!(
            mkd.get().known(),
            Some(Code::FileUnavailable),
            "{}",
            mkd.text()
        );
    }

    let cwd_missing = ftp.command("CWD no-such-directory");
    assert_eq!(
        cwd_missing.get().known(),
        Some(Code::FileUnavailable),
        "{}",
        cwd_missing.text()
    );

    let type_i = ftp.command("TYPE I");
    assert_eq!(
        type_i.get().known(),
        Some(Code::CommandOk),
        "{}",
        type_i.text()
    );

    // PASV: take only the port; connect to the control connection's host.
    let pasv = ftp.command("PASV");
    let reply = pasv.get();
    let port = payload::pasv_port(&reply).unwrap();
    assert_eq!(payload::pasv(&reply).unwrap().ip().octets(), [127, 0, 0, 1]);
    let host = ftp.peer().ip();
    let listing = transfer(&mut ftp, SocketAddr::new(host, port), "LIST");
    assert!(
        String::from_utf8_lossy(&listing).contains("hello.txt"),
        "{}",
        String::from_utf8_lossy(&listing)
    );

    // EPSV: the port alone.
    let epsv = ftp.command("EPSV");
    let port = payload::epsv(&epsv.get()).unwrap();
    let listing = transfer(&mut ftp, SocketAddr::new(host, port), "LIST");
    let listing = String::from_utf8_lossy(&listing);
    assert!(
        listing.lines().any(|l| l.ends_with(" hello.txt")),
        "{listing}"
    );

    let size = ftp.command("SIZE hello.txt");
    assert_eq!(
        payload::size(&size.get()),
        Ok(CONTENT.len() as u64),
        "{}",
        size.text()
    );

    let mdtm = ftp.command("MDTM hello.txt");
    let time = payload::mdtm(&mdtm.get()).unwrap();
    assert_eq!(time.to_string(), "2024-02-29T12:34:56Z", "{}", mdtm.text());

    // RETR of a missing file, with a passive connection ready as a client would have it.
    let pasv = ftp.command("PASV");
    assert_eq!(pasv.code(), 227);
    let retr = ftp.command("RETR no-such-file.txt");
    assert_eq!(
        retr.get().known(),
        Some(Code::FileUnavailable),
        "{}",
        retr.text()
    );

    let unknown = ftp.command("XYZZY");
    let code = unknown.get().code();
    assert!(code == 500 || code == 502, "{}", unknown.text());
    assert_eq!(code.category(), Category::PermanentNegative);

    let quit = ftp.command("QUIT");
    assert_eq!(
        quit.get().known(),
        Some(Code::ServiceClosing),
        "{}",
        quit.text()
    );
}

/// Runs a transfer command over a passive connection: 150 (or 125), the data, 226.
fn transfer(ftp: &mut Control, data: SocketAddr, command: &str) -> Vec<u8> {
    // Connect first: some servers (vsftpd) send the preliminary reply only once it is open.
    let reader = std::thread::spawn(move || read_data(data));
    ftp.send(command);
    let start = ftp.reply();
    assert!(
        start.get().code().is_positive_preliminary(),
        "{command}: {}",
        start.text()
    );
    let bytes = reader.join().expect("the data connection thread");
    let done = ftp.reply();
    assert_eq!(
        done.get().known(),
        Some(Code::ClosingDataConnection),
        "{command}: {}",
        done.text()
    );
    bytes
}

fn main() -> std::process::ExitCode {
    support::harness::run(tests![pyftpdlib_session, vsftpd_session,])
}
