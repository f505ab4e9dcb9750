//! The server's session core over pipelined command lines, every one answered, against
//! `command::parse` alone and against the bare work under the session, over the same lines.
//! Shared by the QEMU firmware's report and measurements and the benchmarks (each includes this
//! file with `#[path]`).

use ftp_codes::reply::{ParseOptions, Status};
use ftp_codes::server::{Event, Path, Request, Session};
use ftp_codes::write::{WriteOptions, Writer};
use ftp_codes::{Code, Command, command};

/// Commands a client pipelines, its login first: the session answers them itself, or hands
/// out a request the caller answers at once.
pub const PIPELINED: &[u8] =
    b"USER a\r\nPASS b\r\nNOOP\r\nPWD\r\nTYPE I\r\nSIZE log.csv\r\nCWD /\r\nMDTM log.csv\r\n\
    MODE S\r\nSTRU F\r\nSYST\r\nNOOP\r\nTYPE A\r\nCDUP\r\n";

/// The lines of `PIPELINED` through a new session core, answered, each reply handed to `keep`:
/// the number of replies.
pub fn session_core(input: &[u8], mut keep: impl FnMut(&[u8])) -> usize {
    let mut session: Session<64> = Session::default();
    let mut out = [0u8; 512];
    let mut rest = input;
    let mut replies = 0;
    while !rest.is_empty() {
        let Ok(read) = session.read(rest, &mut out) else {
            break;
        };
        let used = read.used;
        let answered = match read.event {
            Event::Reply(len) => Some(len),
            Event::Request(Request::Size(..)) => session.answer(&mut out, |w| w.size(18)).ok(),
            Event::Request(_) => session.succeed(&mut out).ok(),
            _ => None,
        };
        let Some(reply) = answered.and_then(|len| out.get(..len)) else {
            break;
        };
        if used == 0 {
            break;
        }
        keep(reply);
        replies += 1;
        rest = rest.get(used..).unwrap_or_default();
    }
    replies
}

/// The same lines framed by `command::parse` alone: the number of lines.
pub fn parse_alone(input: &[u8]) -> usize {
    let options = ParseOptions::lenient().with_max_line_len(512);
    let mut rest = input;
    let mut lines = 0;
    while let Ok(Status::Complete((line, used))) = command::parse(rest, &options) {
        core::hint::black_box(line.command());
        lines += 1;
        rest = rest.get(used..).unwrap_or_default();
    }
    lines
}

/// The same lines with no session: each framed by `command::parse`, its path joined against the
/// working directory, and the reply the session gives it written (its constant texts copied,
/// the rest through the writer); no gate, no state, no check against the command's row. What
/// any server does for these lines, the floor under `session_core`: the number of replies,
/// each handed to `keep` (the same bytes as the session's).
pub fn bare_work(input: &[u8], mut keep: impl FnMut(&[u8])) -> usize {
    let options = ParseOptions::lenient().with_max_line_len(512);
    let mut cwd: Path<64> = Path::default();
    let mut out = [0u8; 512];
    let mut rest = input;
    let mut replies = 0;
    while let Ok(Status::Complete((line, used))) = command::parse(rest, &options) {
        let argument = line.argument();
        let copy = |out: &mut [u8], text: &[u8]| {
            let slot = out.get_mut(..text.len())?;
            slot.copy_from_slice(text);
            Some(text.len())
        };
        let written = match line.command() {
            Some(Command::User) => copy(&mut out, b"331 User name okay, need password.\r\n"),
            Some(Command::Pass) => copy(&mut out, b"230 User logged in, proceed.\r\n"),
            Some(Command::Noop) => copy(&mut out, b"200 NOOP okay.\r\n"),
            Some(Command::Type) => copy(&mut out, b"200 Type set.\r\n"),
            Some(Command::Mode) => copy(&mut out, b"200 Mode set.\r\n"),
            Some(Command::Stru) => copy(&mut out, b"200 Structure set.\r\n"),
            Some(Command::Syst) => copy(&mut out, b"215 UNIX Type: L8\r\n"),
            Some(Command::Pwd) => Writer::new(&mut out, WriteOptions::default())
                .pathname(cwd.as_bytes(), b"is the current directory.")
                .ok(),
            Some(Command::Size) => cwd.join(argument).ok().and_then(|path| {
                core::hint::black_box(path);
                Writer::new(&mut out, WriteOptions::default()).size(18).ok()
            }),
            Some(Command::Mdtm) => cwd.join(argument).ok().and_then(|path| {
                core::hint::black_box(path);
                Writer::new(&mut out, WriteOptions::default())
                    .write(Code::FileStatus)
                    .ok()
            }),
            Some(Command::Cwd) => cwd.join(argument).ok().and_then(|path| {
                cwd = path;
                copy(&mut out, b"250 Requested file action okay, completed.\r\n")
            }),
            Some(Command::Cdup) => {
                cwd = cwd.parent();
                copy(&mut out, b"200 Command okay.\r\n")
            }
            _ => None,
        };
        let Some(reply) = written.and_then(|len| out.get(..len)) else {
            break;
        };
        keep(reply);
        replies += 1;
        rest = rest.get(used..).unwrap_or_default();
    }
    replies
}
