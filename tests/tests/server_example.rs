//! The example server (`ftp_codes::server` over a directory) driven by real FTP clients on
//! 127.0.0.1: Python's ftplib, curl and lftp. Every reply it sent is checked against the
//! command catalogue from its `--trace`.

mod support;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

struct Server {
    /// The process, killed when the test ends.
    _running: support::examples::Listening,
    address: SocketAddr,
    root: PathBuf,
    /// Holds `root`, the trace and the clients' local files; removed when the test ends.
    _dir: support::Scratch,
    /// The server's `--trace`: each reply's command and code.
    trace: PathBuf,
}

impl Server {
    /// Checks every reply the server sent against the command catalogue: each must be in the
    /// row (or the deviations, or the rules) of the command it answered; a reply that answered
    /// no command is the greeting, a 421, or a 500 to a line that named none. The number of
    /// replies checked.
    fn replies_follow_the_catalogue(&self) -> usize {
        let trace = std::fs::read_to_string(&self.trace).expect("read the trace");
        let mut checked = 0;
        for line in trace.lines() {
            let (verb, code) = line.split_once(' ').expect("VERB CODE");
            let code = ftp_codes::ReplyCode::from_ascii(code.as_bytes()).expect("a code");
            if verb == "-" {
                assert!(
                    [220, 421, 500].contains(&code.as_u16()),
                    "{code} answered no command:\n{trace}"
                );
                continue;
            }
            let command = ftp_codes::Command::from_verb(verb.as_bytes()).expect("a command");
            assert_ne!(
                command.classify(code),
                ftp_codes::Outcome::Unexpected,
                "{verb} answered {code}, which its row lacks:\n{trace}"
            );
            checked += 1;
        }
        checked
    }
}

/// Serves a fresh directory holding `pub/hello.txt`, with `--user alice:secret` or
/// anonymous.
fn start(name: &str, user: bool) -> Server {
    let dir = support::scratch_dir(&format!("server-{name}"));
    let root = dir.join("root");
    std::fs::create_dir_all(root.join("pub")).unwrap();
    std::fs::write(
        root.join("pub/hello.txt"),
        b"hello from the example server\n",
    )
    .unwrap();
    let trace = root.with_extension("trace");
    let mut args: Vec<std::ffi::OsString> =
        ["--listen", "127.0.0.1:0", "--root"].map(Into::into).into();
    args.extend([root.clone().into(), "--trace".into(), trace.clone().into()]);
    if user {
        args.extend(["--user".into(), "alice:secret".into()]);
    }
    let running = support::examples::listening("server", args);
    Server {
        address: running.address,
        _running: running,
        root,
        _dir: dir,
        trace,
    }
}

/// 1 MiB of every byte value, as the ftplib script makes it.
fn mebibyte() -> Vec<u8> {
    (0..1u64 << 20)
        .map(|i| ((i * 2_654_435_761) >> 24) as u8)
        .collect()
}

fn ftplib(mode: &str) {
    support::require("python3", &["-c", "import ftplib"]);
    let server = start(&format!("ftplib-{mode}"), mode == "user");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("clients/ftplib_session.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(server.address.port().to_string())
        .arg(&server.root)
        .arg(mode)
        .output()
        .expect("run the ftplib session");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "ftplib {mode} session failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("ftplib session ok"), "{stdout}");
    assert!(server.replies_follow_the_catalogue() > 15);
}

fn python_ftplib_reads_and_writes_in_passive_and_active_mode() {
    ftplib("user");
}

fn python_ftplib_anonymous_is_read_only() {
    ftplib("anonymous");
}

fn curl(extra: &[&str], url: &str) -> Vec<u8> {
    let out = Command::new("curl")
        .args(["--silent", "--show-error", "--max-time", "30"])
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

fn curl_uploads_and_downloads_in_every_data_mode_and_resumes() {
    support::require("curl", &["--version"]);
    let server = start("curl", true);
    let base = format!("ftp://alice:secret@{}/", server.address);
    let data = mebibyte();
    let local = server.root.with_extension("upload");
    std::fs::write(&local, &data).unwrap();
    let local = local.to_str().unwrap();
    // EPSV, PASV, EPRT, PORT: curl's defaults, then each fallback forced.
    let modes: [&[&str]; 4] = [
        &[],
        &["--disable-epsv"],
        &["--ftp-port", "127.0.0.1"],
        &["--ftp-port", "127.0.0.1", "--disable-eprt"],
    ];
    for (i, &mode) in modes.iter().enumerate() {
        let name = format!("dir{i}/file.bin");
        curl(
            &[mode, &["--ftp-create-dirs", "-T", local]].concat(),
            &format!("{base}{name}"),
        );
        assert!(
            std::fs::read(server.root.join(&name)).unwrap() == data,
            "{mode:?}: upload"
        );
        assert!(
            curl(mode, &format!("{base}{name}")) == data,
            "{mode:?}: download"
        );
        let listing = String::from_utf8(curl(mode, &format!("{base}dir{i}/"))).unwrap();
        assert!(
            listing.contains(" 1048576 ") && listing.trim_end().ends_with(" file.bin"),
            "{listing}"
        );
        let names = curl(
            &[mode, &["--list-only"]].concat(),
            &format!("{base}dir{i}/"),
        );
        assert_eq!(
            String::from_utf8(names).unwrap().trim_end(),
            "file.bin",
            "{mode:?}"
        );
    }
    // A resumed download (REST) and a resumed upload (SIZE, then APPE).
    let partial = server.root.with_extension("partial");
    std::fs::write(&partial, &data[..400_000]).unwrap();
    let partial = partial.to_str().unwrap();
    curl(&["-C", "-", "-o", partial], &format!("{base}dir0/file.bin"));
    assert!(
        std::fs::read(partial).unwrap() == data,
        "REST: the resumed download"
    );
    std::fs::write(server.root.join("half.bin"), &data[..123_457]).unwrap();
    curl(&["-C", "-", "-T", local], &format!("{base}half.bin"));
    assert!(
        std::fs::read(server.root.join("half.bin")).unwrap() == data,
        "APPE: the resumed upload"
    );
    // Renames and deletes as quoted commands after the transfer.
    curl(
        &[
            "-Q",
            "-RNFR /half.bin",
            "-Q",
            "-RNTO /whole.bin",
            "-Q",
            "-DELE /dir0/file.bin",
            "-Q",
            "-RMD /dir0",
        ],
        &format!("{base}pub/hello.txt"),
    );
    assert!(server.root.join("whole.bin").exists() && !server.root.join("dir0").exists());
    assert!(server.replies_follow_the_catalogue() > 40);
}

fn lftp_mirrors_moves_and_removes_with_mlsd() {
    support::require("lftp", &["--version"]);
    let server = start("lftp", true);
    let work = server.root.with_extension("lftp");
    std::fs::create_dir_all(work.join("tree/sub")).unwrap();
    std::fs::write(work.join("tree/a.bin"), mebibyte()).unwrap();
    std::fs::write(work.join("tree/sub/b.txt"), b"bee\n").unwrap();
    let script = format!(
        "set net:max-retries 1; set net:timeout 10; set cmd:fail-exit yes; \
         open -u alice,secret ftp://{}; \
         mirror -R tree tree; cls -l tree; \
         get tree/a.bin -o back.bin; \
         set ftp:passive-mode off; get tree/sub/b.txt -o back.txt; set ftp:passive-mode on; \
         mv tree/a.bin tree/moved.bin; rm tree/sub/b.txt; rmdir tree/sub; cls tree",
        server.address
    );
    let out = Command::new("lftp")
        .args(["-c", &script])
        .current_dir(&work)
        .stdin(Stdio::null())
        .output()
        .expect("run lftp");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "lftp: {stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read(work.join("back.bin")).unwrap() == mebibyte(),
        "lftp's download"
    );
    assert_eq!(std::fs::read(work.join("back.txt")).unwrap(), b"bee\n");
    assert!(
        stdout.contains("1048576") && stdout.trim_end().ends_with("tree/moved.bin"),
        "{stdout}"
    );
    assert!(server.root.join("tree/moved.bin").exists() && !server.root.join("tree/sub").exists());
    // lftp lists with MLSD because FEAT lists MLST.
    let trace = std::fs::read_to_string(&server.trace).unwrap();
    assert!(trace.contains("MLSD 226"), "{trace}");
    assert!(server.replies_follow_the_catalogue() > 20);
}

fn main() -> std::process::ExitCode {
    support::harness::run(tests![
        python_ftplib_reads_and_writes_in_passive_and_active_mode,
        python_ftplib_anonymous_is_read_only,
        curl_uploads_and_downloads_in_every_data_mode_and_resumes,
        lftp_mirrors_moves_and_removes_with_mlsd,
    ])
}
