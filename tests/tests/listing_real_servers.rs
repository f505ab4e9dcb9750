//! The same directory listed by real servers, read by `listing`: pyftpdlib's, Pure-FTPd's and
//! ProFTPD's LIST and MLSD and vsftpd's LIST must come to the same names, kinds, sizes and times (to the precision
//! each form has). Files, a subdirectory, a symlink, names with spaces and quotes, a file
//! older than six months, and a sparse file above 4 GiB.

mod support;

use ftp_codes::client::control::{Control, FromStd};
use ftp_codes::listing::{self, Kind, ListOptions, ListingErrorKind};
use ftp_codes::payload::{self, Timestamp};
use ftp_codes::reply::ParseOptions;
use ftp_codes::{Command, Outcome};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::Read;
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use support::{scratch_dir, servers, unavailable};

/// What a listing says of one entry: kind, size (files), modified.
type Seen = (Kind, Option<u64>, Option<Timestamp>);

const BIG: u64 = 5 * 1024 * 1024 * 1024;

/// 2020-01-02T03:04:00Z: older than six months, shown with its year by `ls -l`.
const OLD: u64 = 1_577_934_240;

/// A recent time, to the minute: ten days ago, taken once for the whole run, so that the
/// times written into the tree and the times expected back are the same minute (reading the
/// clock twice failed once, across a minute's end).
fn recent() -> u64 {
    static WHEN: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *WHEN.get_or_init(|| {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs();
        (now - 10 * 86_400) / 60 * 60
    })
}

fn set_time(path: &Path, seconds: u64) {
    File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(UNIX_EPOCH + Duration::from_secs(seconds))
        .unwrap();
}

/// The directory every server lists.
fn tree(name: &str) -> support::Scratch {
    let dir = scratch_dir(name);
    let root = dir.join("root");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    let when = recent();
    for (file, content) in [
        ("plain.txt", &b"plain"[..]),
        ("with  two spaces.txt", b"spaces"),
        ("say \"hi\".txt", b"quotes!"),
        ("old.txt", b"old"),
    ] {
        std::fs::write(root.join(file), content).unwrap();
        set_time(&root.join(file), if file == "old.txt" { OLD } else { when });
    }
    let big = File::create(root.join("big.bin")).unwrap();
    big.set_len(BIG).unwrap();
    drop(big);
    set_time(&root.join("big.bin"), when);
    std::os::unix::fs::symlink("plain.txt", root.join("link")).unwrap();
    dir
}

fn expected() -> BTreeMap<Vec<u8>, Seen> {
    let at = |s| Timestamp::from_unix(s, 0).ok();
    let when = recent();
    [
        ("plain.txt", Kind::File, Some(5), at(when)),
        ("with  two spaces.txt", Kind::File, Some(6), at(when)),
        ("say \"hi\".txt", Kind::File, Some(7), at(when)),
        ("old.txt", Kind::File, Some(3), at(OLD)),
        ("big.bin", Kind::File, Some(BIG), at(when)),
        ("sub", Kind::Directory, None, None),
    ]
    .into_iter()
    .map(|(name, kind, size, time)| (name.as_bytes().to_vec(), (kind, size, time)))
    .collect()
}

/// Logs in, and reads what `command` sends over a passive data connection.
fn listing(address: SocketAddr, user: &[u8], password: &[u8], command: Command) -> Vec<u8> {
    let stream = TcpStream::connect_timeout(&address, Duration::from_secs(10)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut buffer = [0u8; 1024];
    let mut control = Control::new(FromStd::new(stream), &mut buffer, ParseOptions::default());
    control.greeting().unwrap();
    let (outcome, _) = control
        .run(Command::User, user, &[(Command::Pass, password)])
        .unwrap();
    assert_eq!(outcome, Outcome::Completed);
    let epsv = control.send(Command::Epsv, b"").unwrap();
    let port = payload::epsv(&epsv).unwrap();
    let mut data = TcpStream::connect((address.ip(), port)).unwrap();
    data.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let started = control.send(command, b"").unwrap().code();
    assert_eq!(started.first_digit(), 1, "{command}: {started}");
    let mut bytes = Vec::new();
    data.read_to_end(&mut bytes).unwrap();
    // ProFTPD sends the 226 only once the client has closed its end too (a lingering close).
    drop(data);
    let outcome = control.finish().map(|(outcome, _)| outcome);
    let outcome =
        outcome.unwrap_or_else(|e| panic!("{command}: {e}; {:?}", control.conversation()));
    assert_eq!(outcome, Outcome::Completed);
    bytes
}

fn lines(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    bytes
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .filter(|l| !l.is_empty())
}

/// A LIST listing: `ls -l` dates to the minute (the year for the old file, at midnight).
fn read_list(bytes: &[u8]) -> BTreeMap<Vec<u8>, Seen> {
    let now = Timestamp::from_unix(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs(),
        0,
    )
    .unwrap();
    let options = ListOptions::default().with_now(now);
    let mut seen = BTreeMap::new();
    let mut links = 0;
    for line in lines(bytes) {
        match listing::list(line, &options) {
            Ok(entry) => {
                if entry.kind() == Kind::Link {
                    assert_eq!(entry.name(), b"link", "{}", String::from_utf8_lossy(line));
                    assert_eq!(entry.link_target(), Some(&b"plain.txt"[..]));
                    links += 1;
                    continue;
                }
                assert!(listing::is_one_component(entry.name()));
                let size = entry.size().filter(|_| entry.kind() == Kind::File);
                let time = entry.modified().filter(|_| entry.kind() == Kind::File);
                seen.insert(entry.name().to_vec(), (entry.kind(), size, time));
            }
            Err(error) if error.kind() == ListingErrorKind::NotAnEntry => {}
            Err(error) => panic!("{}: {error}", String::from_utf8_lossy(line)),
        }
    }
    assert_eq!(links, 1, "the symlink, once");
    seen
}

/// An MLSD listing: seconds, which the files here do not have.
fn read_mlsd(bytes: &[u8]) -> BTreeMap<Vec<u8>, Seen> {
    let mut seen = BTreeMap::new();
    for line in lines(bytes) {
        let facts = listing::mlsx(line)
            .unwrap_or_else(|e| panic!("{}: {e}", String::from_utf8_lossy(line)));
        if matches!(facts.kind(), Kind::CurrentDirectory | Kind::ParentDirectory)
            || facts.name() == b"link"
        {
            continue;
        }
        let size = facts.size().filter(|_| facts.kind() == Kind::File);
        let time = facts.modified().filter(|_| facts.kind() == Kind::File);
        seen.insert(facts.name().to_vec(), (facts.kind(), size, time));
    }
    seen
}

/// The old file at midnight, as a year-only `ls -l` date reads.
fn as_list_shows(mut expected: BTreeMap<Vec<u8>, Seen>) -> BTreeMap<Vec<u8>, Seen> {
    if let Some(old) = expected.get_mut(&b"old.txt"[..]) {
        old.2 = Timestamp::from_unix(OLD / 86_400 * 86_400, 0).ok();
    }
    expected
}

fn pyftpdlib_lists_the_same_in_list_and_mlsd() {
    let dir = tree("listing-pyftpdlib");
    let server = match servers::pyftpdlib(&dir.join("root")) {
        Ok(server) => server,
        Err(why) => unavailable("pyftpdlib", &why),
    };
    list_and_mlsd(server.address);
}

/// LIST and MLSD, as alice, read to the same entries.
fn list_and_mlsd(address: SocketAddr) {
    let list = listing(address, b"alice", b"secret", Command::List);
    let shown = String::from_utf8_lossy(&list);
    assert_eq!(read_list(&list), as_list_shows(expected()), "{shown}");
    let mlsd = listing(address, b"alice", b"secret", Command::Mlsd);
    let shown = String::from_utf8_lossy(&mlsd);
    assert_eq!(read_mlsd(&mlsd), expected(), "{shown}");
}

fn vsftpd_lists_the_same_in_list() {
    let dir = tree("listing-vsftpd");
    let server = match servers::vsftpd(&dir.join("root"), &dir) {
        Ok(server) => server,
        Err(why) => unavailable("vsftpd", &why),
    };
    let list = listing(
        server.address,
        b"anonymous",
        b"guest@example.com",
        Command::List,
    );
    assert_eq!(
        read_list(&list),
        as_list_shows(expected()),
        "{}",
        String::from_utf8_lossy(&list)
    );
}

fn pure_ftpd_lists_the_same_in_list_and_mlsd() {
    let dir = tree("listing-pure-ftpd");
    let server = match servers::pure_ftpd(&dir.join("root"), &dir) {
        Ok(server) => server,
        Err(why) => unavailable("Pure-FTPd", &why),
    };
    // Pure-FTPd writes `sizd` for directories' sizes (basic-ftp #95): not `size`, so none.
    list_and_mlsd(server.address);
}

fn proftpd_lists_the_same_in_list_and_mlsd() {
    let dir = tree("listing-proftpd");
    let server = match servers::proftpd(&dir.join("root"), &dir) {
        Ok(server) => server,
        Err(why) => unavailable("ProFTPD", &why),
    };
    list_and_mlsd(server.address);
}

fn main() -> std::process::ExitCode {
    support::harness::run(tests![
        pyftpdlib_lists_the_same_in_list_and_mlsd,
        vsftpd_lists_the_same_in_list,
        pure_ftpd_lists_the_same_in_list_and_mlsd,
        proftpd_lists_the_same_in_list_and_mlsd,
    ])
}
