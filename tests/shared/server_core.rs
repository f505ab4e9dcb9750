//! The server's session core over pipelined command lines, every one answered, against
//! `command::parse` alone over the same lines. Shared by the QEMU firmware's report and
//! measurements and the benchmarks (each includes this file with `#[path]`).

use ftp_codes::command;
use ftp_codes::reply::{ParseOptions, Status};
use ftp_codes::server::{Event, Request, Session};

/// Commands a client pipelines, its login first: the session answers them itself, or hands
/// out a request the caller answers at once.
pub const PIPELINED: &[u8] =
    b"USER a\r\nPASS b\r\nNOOP\r\nPWD\r\nTYPE I\r\nSIZE log.csv\r\nCWD /\r\nMDTM log.csv\r\n\
    MODE S\r\nSTRU F\r\nSYST\r\nNOOP\r\nTYPE A\r\nCDUP\r\n";

/// The lines of `PIPELINED` through a new session core, answered: the number of replies.
pub fn session_core(input: &[u8]) -> usize {
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
            Event::Reply(_) => true,
            Event::Request(Request::Size(..)) => session.answer(&mut out, |w| w.size(18)).is_ok(),
            Event::Request(_) => session.succeed(&mut out).is_ok(),
            _ => false,
        };
        if !answered || used == 0 {
            break;
        }
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
