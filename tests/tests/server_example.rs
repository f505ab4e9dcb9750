//! The example server driven by real FTP clients: Python's ftplib and curl, on 127.0.0.1.

mod support;

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

/// 2024-02-29T12:34:56Z.
const MODIFIED: u64 = 1_709_210_096;

struct Server {
    child: Child,
    address: SocketAddr,
    root: PathBuf,
    /// The server's `--trace`: each reply's command and code.
    trace: PathBuf,
}

impl Server {
    /// Checks every reply the server sent against the command catalogue: each must be in the
    /// table (or the deviations, or the rules) of the command it answered; a verb no catalogue
    /// holds must have been answered as unknown (500).
    fn replies_follow_the_catalogue(&self) -> usize {
        let trace = std::fs::read_to_string(&self.trace).expect("read the trace");
        let mut checked = 0;
        for line in trace.lines() {
            let (verb, code) = line.split_once(' ').expect("VERB CODE");
            let code = ftp_codes::ReplyCode::from_ascii(code.as_bytes()).expect("a code");
            match verb {
                "-" => {
                    assert_eq!(code, ftp_codes::Code::ServiceReady, "the greeting");
                    continue;
                }
                // A line that framed as no command: a syntax error, answering nothing.
                "?" => {
                    assert_eq!(code, ftp_codes::Code::SyntaxError, "an unframable line");
                    continue;
                }
                _ => {}
            }
            match ftp_codes::Command::from_verb(verb.as_bytes()) {
                Some(command) => {
                    assert_ne!(
                        command.classify(code),
                        ftp_codes::Outcome::Unexpected,
                        "{verb} answered {code}, which its table lacks:\n{trace}"
                    );
                    checked += 1;
                }
                None => assert_eq!(
                    code,
                    ftp_codes::Code::SyntaxError,
                    "{verb} is not catalogued, so unknown:\n{trace}"
                ),
            }
        }
        checked
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Serves a fresh directory holding `pub/hello.txt` and `pub/data.bin` (every byte value).
fn start(name: &str) -> Server {
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let root = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("server-{name}-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(root.join("pub")).unwrap();
    std::fs::write(
        root.join("pub/hello.txt"),
        b"hello from the example server\n",
    )
    .unwrap();
    let data: Vec<u8> = (0..100_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    std::fs::write(root.join("pub/data.bin"), data).unwrap();
    let hello = File::options()
        .write(true)
        .open(root.join("pub/hello.txt"))
        .unwrap();
    hello
        .set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(MODIFIED))
        .unwrap();

    let trace = root.with_extension("trace");
    let mut child = Command::new(support::examples::example("server"))
        .args(["--listen", "127.0.0.1:0", "--root"])
        .arg(&root)
        .arg("--trace")
        .arg(&trace)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the example server");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("the server reports its address");
    let address = line
        .trim()
        .strip_prefix("listening on ")
        .expect("\"listening on ADDRESS\"")
        .parse()
        .unwrap();
    Server {
        child,
        address,
        root,
        trace,
    }
}

/// Skips the test (ignored in the summary, or failed under CI) unless `program` runs.
fn require(program: &str, probe: &[&str]) {
    let ok = Command::new(program)
        .args(probe)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        support::unavailable(program, "it does not run here");
    }
}

fn python_ftplib_drives_a_whole_session() {
    require("python3", &["-c", "import ftplib"]);
    let server = start("ftplib");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("clients/ftplib_session.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(server.address.port().to_string())
        .arg(&server.root)
        .output()
        .expect("run the ftplib session");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "ftplib session failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("ftplib session ok"), "{stdout}");
    assert!(server.replies_follow_the_catalogue() > 20);
}

fn curl(extra: &[&str], url: &str) -> Vec<u8> {
    let out = Command::new("curl")
        .args(["--silent", "--show-error", "--max-time", "20"])
        .args(extra)
        .arg(url)
        .output()
        .expect("run curl");
    assert!(
        out.status.success(),
        "curl {extra:?} {url}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn curl_lists_and_downloads_in_passive_and_extended_passive_mode() {
    require("curl", &["--version"]);
    let server = start("curl");
    let base = format!("ftp://{}/pub/", server.address);
    let expected = std::fs::read(server.root.join("pub/data.bin")).unwrap();
    // curl uses EPSV first; --disable-epsv makes it use PASV.
    for mode in [&[][..], &["--disable-epsv"][..]] {
        let listing = String::from_utf8(curl(mode, &base)).unwrap();
        assert!(
            listing.lines().any(|l| l.ends_with(" data.bin")) && listing.contains("hello.txt"),
            "{mode:?}: {listing}"
        );
        let names = String::from_utf8(curl(&[mode, &["--list-only"]].concat(), &base)).unwrap();
        assert_eq!(
            names.lines().collect::<Vec<_>>(),
            ["data.bin", "hello.txt"],
            "{mode:?}"
        );
        let data = curl(mode, &format!("{base}data.bin"));
        assert!(
            data == expected,
            "{mode:?}: downloaded {} bytes that differ from the served file",
            data.len()
        );
    }
    assert!(server.replies_follow_the_catalogue() > 10);
}

fn main() -> std::process::ExitCode {
    support::harness::run(tests![
        python_ftplib_drives_a_whole_session,
        curl_lists_and_downloads_in_passive_and_extended_passive_mode,
    ])
}
