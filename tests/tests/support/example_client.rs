//! The example client run as a program, and the whole session the tests run with it against
//! each server (in the clear and over TLS).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// One mebibyte in which every byte value occurs, in an order no run of bytes repeats soon.
pub fn megabyte() -> Vec<u8> {
    (0..1_048_576u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13).to_le_bytes()[0])
        .collect()
}

/// The client, run to its end (bounded by its own 30-second timeouts).
pub fn client(args: &[&[u8]], stdin: &[u8]) -> Output {
    use std::os::unix::ffi::OsStrExt;
    let mut child = Command::new(super::examples::example("client"))
        .args(args.iter().map(|a| std::ffi::OsStr::from_bytes(a)))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the client example");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The client with `flags`, then `url`, then each of `commands` followed by `;` (one run,
/// one session).
pub fn run_commands(flags: &[&[u8]], url: &str, commands: &[&[&[u8]]]) -> Output {
    let mut args: Vec<&[u8]> = flags.to_vec();
    args.push(url.as_bytes());
    for command in commands {
        args.extend_from_slice(command);
        args.push(b";");
    }
    client(&args, b"")
}

/// A whole session: upload, listing, size, time, a directory whose name holds a double quote,
/// download, removal; every file compared byte for byte.
pub fn session(url: &str, passive: &[&[u8]], root: &Path, scratch: &Path) {
    let local = scratch.join("upload.bin");
    let back = scratch.join("download.bin");
    let data = megabyte();
    std::fs::write(&local, &data).unwrap();
    let before = SystemTime::now() - Duration::from_secs(2);
    let (local, back) = (local.to_str().unwrap(), back.to_str().unwrap());
    let run = run_commands(
        passive,
        url,
        &[
            &[&b"put"[..], local.as_bytes(), b"big.bin"][..],
            &[b"size", b"big.bin"],
            &[b"mdtm", b"big.bin"],
            &[b"ls"],
            &[b"mkdir", b"say \"hi\""],
            &[b"cd", b"say \"hi\""],
            &[b"pwd"],
            &[b"cd", b".."],
            &[b"get", b"big.bin", back.as_bytes()],
            &[b"rm", b"big.bin"],
            &[b"rmdir", b"say \"hi\""],
        ],
    );
    let (stdout, stderr) = (text(&run.stdout), text(&run.stderr));
    assert!(run.status.success(), "{stderr}\n{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "1048576", "size: {stdout}");
    let mdtm = lines[1];
    assert!(
        mdtm.len() == 20 && mdtm.ends_with('Z') && &mdtm[10..11] == "T",
        "{mdtm}"
    );
    let listed = lines.iter().any(|line| line.ends_with(" big.bin"));
    assert!(listed, "ls shows the upload: {stdout}");
    let pwd = lines
        .iter()
        .find(|l| l.starts_with('/'))
        .expect("pwd's line");
    assert!(
        pwd.ends_with("/say \"hi\""),
        "the quoted name comes back undoubled: {pwd}"
    );
    assert_eq!(
        std::fs::read(back).unwrap(),
        data,
        "the download is the upload"
    );
    assert!(!root.join("big.bin").exists() && !root.join("say \"hi\"").exists());
    // The time is the upload's, give or take the servers' rounding to the second.
    let uploaded = unix_seconds(mdtm);
    let after = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let before = before.duration_since(UNIX_EPOCH).unwrap().as_secs();
    assert!(
        (before..=after).contains(&uploaded),
        "{mdtm}: not between {before} and {after}"
    );
}

/// `YYYY-MM-DDTHH:MM:SSZ` as seconds since 1970 (days from the civil calendar).
fn unix_seconds(time: &str) -> u64 {
    let field = |range: std::ops::Range<usize>| time[range].parse::<i64>().unwrap();
    let (year, month, day) = (field(0..4), field(5..7), field(8..10));
    let (y, m) = if month <= 2 {
        (year - 1, month + 9)
    } else {
        (year, month - 3)
    };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * m + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    let seconds = days * 86_400 + field(11..13) * 3600 + field(14..16) * 60 + field(17..19);
    u64::try_from(seconds).unwrap()
}
