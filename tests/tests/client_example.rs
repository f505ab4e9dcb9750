//! The client example against real servers on 127.0.0.1: pyftpdlib (user alice, read-write)
//! and vsftpd (anonymous, writable), in extended passive mode and with `--pasv`.

mod support;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;
use support::example_client::{client, megabyte, run_commands, session, text};
use support::servers::{self, Server};

/// The commands on top of the first ones: append, mv, nlst, cdup, and a resumed `get -c` that
/// keeps the partial file's bytes and adds only the rest.
fn more_commands(url: &str, flags: &[&[u8]], root: &Path, scratch: &Path) {
    let data = megabyte();
    let (half, whole) = (scratch.join("half.bin"), scratch.join("whole.bin"));
    std::fs::write(&half, &data[..data.len() / 2]).unwrap();
    std::fs::write(&whole, &data).unwrap();
    // The partial download holds the first 300,000 bytes.
    let partial = scratch.join("partial.bin");
    std::fs::write(&partial, &data[..300_000]).unwrap();
    let (half, whole, partial) = (
        half.to_str().unwrap(),
        whole.to_str().unwrap(),
        partial.to_str().unwrap(),
    );
    let run = run_commands(
        flags,
        url,
        &[
            &[&b"mkdir"[..], b"sub"][..],
            &[b"cd", b"sub"],
            &[b"put", half.as_bytes(), b"a.bin"],
            &[b"append", half.as_bytes(), b"a.bin"],
            &[b"size", b"a.bin"],
            &[b"put", whole.as_bytes(), b"w.bin"],
            &[b"get", b"-c", b"w.bin", partial.as_bytes()],
            &[b"mv", b"a.bin", b"b.bin"],
            &[b"nlst"],
            &[b"rm", b"b.bin"],
            &[b"rm", b"w.bin"],
            &[b"cdup"],
            &[b"rmdir", b"sub"],
        ],
    );
    let (stdout, stderr) = (text(&run.stdout), text(&run.stderr));
    assert!(run.status.success(), "{stderr}\n{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    // The appended file is both halves; the names listed after the rename.
    assert_eq!(lines[0], data.len().to_string(), "{stdout}");
    let names: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.trim_start_matches("./"))
        .collect();
    let mut names = names;
    names.sort_unstable();
    assert_eq!(names, ["b.bin", "w.bin"], "{stdout}");
    assert!(
        std::fs::read(partial).unwrap() == data,
        "the resumed download is the file"
    );
    assert!(!root.join("sub").exists());
}

/// Each kind of failure, with its status and what it says on standard error.
fn failures(url: &str, bad_login: &str, root: &Path) {
    std::fs::write(root.join("keep.txt"), b"keep").unwrap();

    let missing = client(&[url.as_bytes(), b"size", b"no-such-file"], b"");
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        text(&missing.stderr).starts_with("SIZE refused: 550"),
        "{}",
        text(&missing.stderr)
    );

    let login = client(&[bad_login.as_bytes(), b"pwd"], b"");
    assert_eq!(login.status.code(), Some(1));
    assert!(
        text(&login.stderr).contains("refused: 530"),
        "{}",
        text(&login.stderr)
    );

    // CR LF in a name: refused by the command writer, so DELE keep.txt is never sent.
    let hostile = client(&[url.as_bytes(), b"rm", b"x\r\nDELE keep.txt"], b"");
    assert_eq!(hostile.status.code(), Some(1));
    assert!(
        text(&hostile.stderr).contains("command not sent"),
        "{}",
        text(&hostile.stderr)
    );
    assert!(root.join("keep.txt").exists(), "nothing was sent");

    // Commands from standard input, stopping at the first that fails.
    let piped = client(
        &[url.as_bytes()],
        b"size keep.txt\n\nrm no-such-file\npwd\n",
    );
    assert_eq!(piped.status.code(), Some(1));
    assert_eq!(
        text(&piped.stdout),
        "4\n",
        "pwd after the failure never ran"
    );
    assert!(
        text(&piped.stderr).contains("refused: 550"),
        "{}",
        text(&piped.stderr)
    );
}

fn scratch(name: &str) -> (support::Scratch, PathBuf) {
    let dir = support::scratch_dir(name);
    let root = dir.join("root");
    std::fs::create_dir_all(&root).unwrap();
    (dir, root)
}

fn url_of(server: &Server, userinfo: &str) -> String {
    format!("ftp://{userinfo}{}/", server.address)
}

fn against_pyftpdlib() {
    let (dir, root) = scratch("client-pyftpdlib");
    let server = match servers::pyftpdlib(&root) {
        Ok(server) => server,
        Err(why) => support::unavailable("pyftpdlib", &why),
    };
    let url = url_of(&server, "alice:secret@");
    session(&url, &[], &root, &dir);
    session(&url, &[b"--pasv"], &root, &dir);
    session(&url, &[b"--active"], &root, &dir);
    more_commands(&url, &[], &root, &dir);
    more_commands(&url, &[b"--active", b"--pasv"], &root, &dir);
    failures(&url, &url_of(&server, "alice:wrong@"), &root);
}

fn against_vsftpd() {
    let (dir, root) = scratch("client-vsftpd");
    let server = match servers::vsftpd_writable(&root, &dir) {
        Ok(server) => server,
        Err(why) => support::unavailable("vsftpd", &why),
    };
    let url = url_of(&server, "");
    session(&url, &[], &root, &dir);
    session(&url, &[b"--pasv"], &root, &dir);
    session(&url, &[b"--active"], &root, &dir);
    more_commands(&url, &[], &root, &dir);
    failures(&url, &url_of(&server, "nobody:secret@"), &root);
}

/// Behind NAT a server's 227 names an address the client cannot reach: the client connects to
/// the control connection's host, with the 227's port only.
fn pasv_data_goes_to_the_control_peer_whatever_the_227_names() {
    let (_dir, root) = scratch("client-masquerade");
    std::fs::write(root.join("listed.txt"), b"x").unwrap();
    // 192.0.2.1 (TEST-NET-1, RFC 5737) is routed nowhere: a connection to it would time out.
    let server = match servers::pyftpdlib_masquerading(&root, "192.0.2.1") {
        Ok(server) => server,
        Err(why) => support::unavailable("pyftpdlib", &why),
    };
    let url = url_of(&server, "alice:secret@");
    let run = client(&[b"--pasv", url.as_bytes(), b"ls"], b"");
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(
        text(&run.stdout).contains("listed.txt"),
        "{}",
        text(&run.stdout)
    );
    // The address the 227 named is only logged.
    assert_eq!(
        text(&run.stderr),
        "note: the server's 227 named 192.0.2.1; the data connection went to 127.0.0.1 instead\n"
    );
}

/// What issue 16 found wrong in the client, against pyftpdlib: a refused `get` emptied the
/// local file, a 0xFF in a name went out raw, server text reached the terminal unescaped, an
/// empty password could not be sent, a server without EPSV could not transfer.
fn refusals_leave_files_alone_and_server_text_is_escaped() {
    let (dir, root) = scratch("client-careful");
    std::fs::write(root.join("keep.txt"), b"keep").unwrap();
    let server = match servers::pyftpdlib(&root) {
        Ok(server) => server,
        Err(why) => support::unavailable("pyftpdlib", &why),
    };
    let url = url_of(&server, "alice:secret@");

    // A refused download leaves the local file as it was, and no partial file behind.
    let notes = dir.join("notes.txt");
    std::fs::write(&notes, b"my notes").unwrap();
    let get = client(
        &[
            url.as_bytes(),
            b"get",
            b"missing.txt",
            notes.to_str().unwrap().as_bytes(),
        ],
        b"",
    );
    assert_eq!(get.status.code(), Some(1), "{}", text(&get.stderr));
    assert_eq!(std::fs::read(&notes).unwrap(), b"my notes");
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        left.iter()
            .all(|name| !name.to_string_lossy().contains(".part-")),
        "{left:?}"
    );

    // A Telnet IAC in a name is refused before anything is sent (ProFTPD would have read
    // `keep\xff\xf4.txt` as `keep.txt`).
    let iac = client(&[url.as_bytes(), b"rm", b"keep\xff\xf4.txt"], b"");
    assert_eq!(iac.status.code(), Some(1));
    assert!(text(&iac.stderr).contains("0xFF"), "{}", text(&iac.stderr));
    assert!(root.join("keep.txt").exists());

    // A directory whose name would retitle the terminal: printed escaped.
    let hostile: &[u8] = b"t\x1b]0;pwned\x07";
    let pwd = client(
        &[
            url.as_bytes(),
            b"mkdir",
            hostile,
            b";",
            b"cd",
            hostile,
            b";",
            b"pwd",
        ],
        b"",
    );
    assert!(pwd.status.success(), "{}", text(&pwd.stderr));
    assert!(
        !pwd.stdout.contains(&0x1b) && !pwd.stdout.contains(&0x07),
        "{:?}",
        pwd.stdout
    );
    assert_eq!(text(&pwd.stdout), "/t\\u{1b}]0;pwned\\u{7}\n");

    // An empty password is sent empty: pyftpdlib's bob has none.
    let bob = client(
        &[url_of(&server, "bob:@").as_bytes(), b"size", b"keep.txt"],
        b"",
    );
    assert!(bob.status.success(), "{}", text(&bob.stderr));
    assert_eq!(text(&bob.stdout), "4\n");
}

/// A server without EPSV (500): the client falls back to PASV, once for the session.
fn epsv_refused_falls_back_to_pasv_for_the_session() {
    let (dir, root) = scratch("client-no-epsv");
    std::fs::write(root.join("a.txt"), b"first").unwrap();
    std::fs::write(root.join("b.txt"), b"second").unwrap();
    let server = match servers::pyftpdlib_with(&root, &["no-epsv"]) {
        Ok(server) => server,
        Err(why) => support::unavailable("pyftpdlib", &why),
    };
    let url = url_of(&server, "alice:secret@");
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    let run = client(
        &[
            url.as_bytes(),
            b"get",
            b"a.txt",
            a.to_str().unwrap().as_bytes(),
            b";",
            b"get",
            b"b.txt",
            b.to_str().unwrap().as_bytes(),
            b";",
            b"ls",
        ],
        b"",
    );
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(std::fs::read(&a).unwrap(), b"first");
    assert_eq!(std::fs::read(&b).unwrap(), b"second");
    assert!(text(&run.stdout).contains("b.txt"));
}

/// A server of a few lines on loopback: sends `greeting`, then answers each line it receives
/// with the next of `replies` (one or more replies each). Its port, and the lines it received once the client is done.
fn scripted_server(
    greeting: &'static [&'static [u8]],
    replies: Vec<Vec<u8>>,
) -> (u16, std::thread::JoinHandle<Vec<String>>) {
    use std::io::{BufRead, BufReader};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut writer = stream.try_clone().unwrap();
        for line in greeting {
            writer.write_all(line).unwrap();
            std::thread::sleep(Duration::from_millis(20));
        }
        let mut received = Vec::new();
        let mut lines = BufReader::new(stream);
        for reply in replies {
            let mut line = String::new();
            lines.read_line(&mut line).unwrap();
            received.push(line);
            writer.write_all(&reply).unwrap();
        }
        received
    });
    (port, server)
}

fn lines(replies: &[&[u8]]) -> Vec<Vec<u8>> {
    replies.iter().map(|r| r.to_vec()).collect()
}

/// EPSV answered with PASV's 227 (a documented deviation: basic-ftp #135, curl #10598): read as
/// PASV's, the data connection made to the control connection's host and the 227's port.
fn epsv_answered_227_is_read_as_pasv() {
    let data = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = data.local_addr().unwrap().port();
    let sender = std::thread::spawn(move || {
        let (mut stream, _) = data.accept().unwrap();
        stream.write_all(b"listed.txt\r\n").unwrap();
    });
    let pasv = format!(
        "227 Entering Passive Mode (10,9,8,7,{},{})\r\n",
        port >> 8,
        port & 0xff
    );
    let (control_port, server) = scripted_server(
        &[b"220 Ready\r\n"],
        vec![
            b"230 In\r\n".to_vec(),
            pasv.into_bytes(),
            b"150 Here it comes\r\n226 Done\r\n".to_vec(),
            b"221 Bye\r\n".to_vec(),
        ],
    );
    let url = format!("ftp://127.0.0.1:{control_port}/");
    let run = client(&[url.as_bytes(), b"ls"], b"");
    assert!(run.status.success(), "{}", text(&run.stderr));
    // One line a name, the server's CRLF as the terminal's newline.
    assert_eq!(text(&run.stdout), "listed.txt\n");
    sender.join().unwrap();
    assert_eq!(
        server.join().unwrap(),
        ["USER anonymous\r\n", "EPSV\r\n", "LIST\r\n", "QUIT\r\n"]
    );
}

/// A 120 greeting then 220 (RFC 959 §5.4): accepted, and each later reply read for its own
/// command.
fn a_120_greeting_then_220_is_accepted() {
    let (port, server) = scripted_server(
        &[b"120 Ready in a moment\r\n", b"220 Ready\r\n"],
        lines(&[b"230 In\r\n", b"257 \"/up\"\r\n", b"221 Bye\r\n"]),
    );
    let run = client(
        &[format!("ftp://127.0.0.1:{port}/").as_bytes(), b"pwd"],
        b"",
    );
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(text(&run.stdout), "/up\n");
    assert_eq!(
        server.join().unwrap(),
        ["USER anonymous\r\n", "PWD\r\n", "QUIT\r\n"]
    );
}

/// RFC 1738 §3.2: the user and password %-decoded, an empty port is 21 (here the server's,
/// given), each path segment one CWD with `%2F` inside a name, `;type=a` as TYPE A.
fn url_paths_are_one_cwd_a_segment_and_type_codes_apply() {
    let (port, server) = scripted_server(
        &[b"220 Ready\r\n"],
        lines(&[
            b"331 Password?\r\n",
            b"230 In\r\n",
            b"250 ok\r\n",
            b"250 ok\r\n",
            b"200 Type set to A\r\n",
            b"213 42\r\n",
            b"221 Bye\r\n",
        ]),
    );
    let url = format!("ftp://al%40ice:p%3Ass@127.0.0.1:{port}/pub//a%2Fb/;type=a");
    let run = client(&[url.as_bytes(), b"size", b"f"], b"");
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(text(&run.stdout), "42\n");
    assert_eq!(
        server.join().unwrap(),
        [
            "USER al@ice\r\n",
            "PASS p:ss\r\n",
            "CWD pub\r\n",
            "CWD a/b\r\n",
            "TYPE A\r\n",
            "SIZE f\r\n",
            "QUIT\r\n"
        ]
    );
}

fn usage_errors_are_found_before_connecting() {
    // Port 9 on loopback: nothing listens, so a status of 2 proves no connection was tried.
    for args in [
        &[&b"ftp://127.0.0.1:9/"[..], b"frob"][..],
        &[b"ftp://127.0.0.1:9/", b"get", b"only-one"],
        &[b"http://127.0.0.1:9/", b"pwd"],
        &[b"ftp://127.0.0.1:port/", b"pwd"],
        &[b"ftp://[::1]x:9/", b"pwd"],
        &[b"ftp://[::1/", b"pwd"],
        &[b"ftp://127.0.0.1:+9/", b"pwd"],
        &[b"ftp://127.0.0.1:70000/", b"pwd"],
        &[b"ftp://127.0.0.1:9/%+4", b"pwd"],
        &[b"ftp://127.0.0.1:9/%4", b"pwd"],
        &[b"ftp://127.0.0.1:9/a;type=x", b"pwd"],
        &[b"ftp://a%zz@127.0.0.1:9/", b"pwd"],
        &[b"ftp:///a", b"pwd"],
        &[],
    ] {
        let run = client(args, b"");
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        assert!(text(&run.stderr).contains("usage: client"));
    }
    let refused = client(&[b"ftp://127.0.0.1:9/", b"pwd"], b"");
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("cannot connect"),
        "{}",
        text(&refused.stderr)
    );
}

fn main() -> std::process::ExitCode {
    support::harness::run(tests![
        against_pyftpdlib,
        against_vsftpd,
        pasv_data_goes_to_the_control_peer_whatever_the_227_names,
        refusals_leave_files_alone_and_server_text_is_escaped,
        epsv_refused_falls_back_to_pasv_for_the_session,
        a_120_greeting_then_220_is_accepted,
        url_paths_are_one_cwd_a_segment_and_type_codes_apply,
        epsv_answered_227_is_read_as_pasv,
        usage_errors_are_found_before_connecting,
    ])
}
