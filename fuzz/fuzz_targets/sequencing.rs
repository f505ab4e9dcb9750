//! The control connection against a scripted server that the fuzzer drives: arbitrary replies
//! (any number of 1yz, then one final reply, per command, as RFC 959 §4.2 has it), arbitrary
//! read and write splits, write errors, read timeouts, and async calls cancelled at any await
//! point. Invariants:
//! - no command gets a reply meant for another: each reply's text names the wire line it
//!   answers, and every reply a call hands out answers a line that call is about;
//! - no line on the wire is not a whole checked command: the wire is whole command lines, and
//!   a partial one only at the very end of a connection that says it is broken.
#![no_main]

use core::future::Future;
use core::pin::pin;
use core::task::{Context, Poll, Waker};
use ftp_codes::client::control::{AsyncControl, Control, ControlError};
use ftp_codes::client::exchange::{Exchange, Next};
use ftp_codes::command;
use ftp_codes::reply::{ParseOptions, Reply, Status};
use ftp_codes::{Command, Outcome, ReplyCode};
use libfuzzer_sys::fuzz_target;

/// The fuzzer's bytes, read one at a time; zeros once they run out.
struct Input<'a>(&'a [u8]);

impl Input<'_> {
    fn byte(&mut self) -> u8 {
        let (first, rest) = self.0.split_first().unwrap_or((&0, &[]));
        self.0 = rest;
        *first
    }
}

const PRELIMINARY: [u16; 4] = [110, 120, 125, 150];
const FINAL: [u16; 26] = [
    200, 202, 211, 213, 220, 221, 225, 226, 227, 229, 230, 250, 257, 331, 332, 350, 421, 425, 426,
    450, 451, 500, 501, 502, 530, 550,
];

/// The server: answers each whole line it receives with replies the fuzzer picks, each naming
/// the line (`#k`) it answers; serves them in pieces the fuzzer sizes.
struct Server<'a> {
    input: Input<'a>,
    out: Vec<u8>,
    wire: Vec<u8>,
    answered: usize,
    /// The verb of each whole line received.
    verbs: Vec<Vec<u8>>,
    /// A write error after this many bytes of the wire, once.
    write_fails_at: Option<usize>,
    /// The next read fails (a timeout), once.
    read_fails: bool,
    yielded: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Failed;

impl core::fmt::Display for Failed {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("failed")
    }
}
impl core::error::Error for Failed {}
impl embedded_io::Error for Failed {
    fn kind(&self) -> embedded_io::ErrorKind {
        embedded_io::ErrorKind::TimedOut
    }
}

impl<'a> Server<'a> {
    /// A server that has sent its greeting (tagged `g`).
    fn greeting(input: Input<'a>) -> Self {
        let mut server = Server {
            input,
            out: Vec::new(),
            wire: Vec::new(),
            answered: 0,
            verbs: Vec::new(),
            write_fails_at: None,
            read_fails: false,
            yielded: false,
        };
        server.replies("g");
        server
    }

    fn replies(&mut self, tag: &str) {
        for _ in 0..self.input.byte() % 3 {
            let code = PRELIMINARY[usize::from(self.input.byte()) % PRELIMINARY.len()];
            self.out
                .extend_from_slice(format!("{code} #{tag}\r\n").as_bytes());
        }
        let code = FINAL[usize::from(self.input.byte()) % FINAL.len()];
        self.out
            .extend_from_slice(format!("{code} #{tag}\r\n").as_bytes());
    }

    fn answer(&mut self) {
        while let Some(end) = self.wire[self.answered..]
            .windows(2)
            .position(|w| w == b"\r\n")
        {
            let line = &self.wire[self.answered..self.answered + end];
            let verb = line
                .split(|&b| b == b' ')
                .next()
                .unwrap_or_default()
                .to_vec();
            let tag = self.verbs.len().to_string();
            self.verbs.push(verb);
            self.replies(&tag);
            self.answered += end + 2;
        }
    }

    fn read_now(&mut self, buf: &mut [u8]) -> Result<usize, Failed> {
        if core::mem::take(&mut self.read_fails) {
            return Err(Failed);
        }
        let n = (usize::from(self.input.byte() % 64) + 1)
            .min(buf.len())
            .min(self.out.len());
        buf[..n].copy_from_slice(&self.out[..n]);
        self.out.drain(..n);
        Ok(n)
    }

    fn write_now(&mut self, buf: &[u8]) -> Result<usize, Failed> {
        let mut n = (usize::from(self.input.byte() % 16) + 1).min(buf.len());
        if let Some(at) = self.write_fails_at {
            let left = at.saturating_sub(self.wire.len());
            if left == 0 {
                self.write_fails_at = None;
                return Err(Failed);
            }
            n = n.min(left);
        }
        self.wire.extend_from_slice(&buf[..n]);
        self.answer();
        Ok(n)
    }
}

impl embedded_io::ErrorType for Server<'_> {
    type Error = Failed;
}
impl embedded_io::Read for Server<'_> {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Failed> {
        self.read_now(buf)
    }
}
impl embedded_io::Write for Server<'_> {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Failed> {
        self.write_now(buf)
    }
    fn flush(&mut self) -> Result<(), Failed> {
        Ok(())
    }
}

async fn yield_once(yielded: &mut bool) {
    core::future::poll_fn(|cx| {
        if core::mem::take(yielded) {
            Poll::Ready(())
        } else {
            *yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
    .await;
}

impl embedded_io_async::Read for Server<'_> {
    async fn read(&mut self, buf: &mut [u8]) -> Result<usize, Failed> {
        yield_once(&mut self.yielded).await;
        self.read_now(buf)
    }
}
impl embedded_io_async::Write for Server<'_> {
    async fn write(&mut self, buf: &[u8]) -> Result<usize, Failed> {
        yield_once(&mut self.yielded).await;
        self.write_now(buf)
    }
    async fn flush(&mut self) -> Result<(), Failed> {
        Ok(())
    }
}

/// The wire line a reply answers, from its text (`#k`); `None` for the greeting.
fn answers(reply: &Reply<'_>) -> Option<usize> {
    let text = core::str::from_utf8(reply.raw()).ok()?;
    text.rsplit('#').next()?.trim_end().parse().ok()
}

/// The command lines on the wire, and whether a partial line ends it.
fn wire_lines(wire: &[u8]) -> (Vec<Vec<u8>>, bool) {
    let mut lines = Vec::new();
    let mut rest = wire;
    loop {
        match command::parse(rest, &ParseOptions::strict()) {
            Ok(Status::Complete((line, used))) => {
                lines.push(line.verb().to_vec());
                rest = &rest[used..];
            }
            Ok(Status::Partial) => return (lines, !rest.is_empty()),
            Err(error) => panic!("a line on the wire that no server can read: {error}: {wire:?}"),
        }
    }
}

/// What one call is about: the wire lines it may take replies for.
#[derive(Clone, Copy)]
enum About {
    /// Lines written by this call (from this index on).
    New(usize),
    /// The last line with this verb before the call (`finish`).
    Due(usize),
    /// Anything (`read_reply`).
    Any,
}

fn check(about: About, reply: &Reply<'_>) {
    let Some(line) = answers(reply) else {
        // The greeting: only `greeting` and `read_reply` hand it out, before any line.
        assert!(
            matches!(about, About::Any),
            "the greeting given to a command"
        );
        return;
    };
    match about {
        About::New(first) => assert!(
            line >= first,
            "line {line}'s reply given to a command from line {first} on"
        ),
        About::Due(due) => assert_eq!(line, due, "a reply to line {line} given for line {due}"),
        About::Any => {}
    }
}

const COMMANDS: [Command; 12] = [
    Command::Noop,
    Command::Pwd,
    Command::Retr,
    Command::Stor,
    Command::List,
    Command::Abor,
    Command::User,
    Command::Rnfr,
    Command::Dele,
    Command::Rest,
    Command::Stat,
    Command::Type,
];

fn argument(command: Command) -> &'static [u8] {
    match command.argument() {
        ftp_codes::command::Argument::Required => b"x",
        _ => b"",
    }
}

/// One call, picked by the fuzzer, on a blocking or async connection; the reply's check.
macro_rules! call {
    ($control:expr, $input:expr, $lines:expr, $await_:ident) => {{
        let op = $input.byte();
        let command = COMMANDS[usize::from(op >> 3) % COMMANDS.len()];
        let lines = $lines;
        match op % 6 {
            0 => {
                let result = $await_!($control.greeting());
                (About::Any, result.map(|(_, r)| r))
            }
            1 => (About::Any, $await_!($control.read_reply())),
            2 => {
                let then = [(Command::Pass, &b"p"[..]), (Command::Rnto, &b"y"[..])];
                (
                    About::New(lines),
                    $await_!($control.run(command, argument(command), &then)).map(|(_, r)| r),
                )
            }
            3 => (
                About::New(lines),
                $await_!($control.send(command, argument(command))),
            ),
            4 => {
                let conversation = $control.conversation();
                let due = conversation.abort_due().or(conversation.due());
                (
                    due.map_or(About::Any, |verb| {
                        About::Due(last_line(&$control.transport_mut().verbs, verb))
                    }),
                    $await_!($control.finish()).map(|(_, r)| r),
                )
            }
            _ => (
                About::New(lines),
                $await_!($control.send_verb(b"XCRC", b"f")),
            ),
        }
    }};
}

/// The index of the last wire line with `command`'s verb.
fn last_line(verbs: &[Vec<u8>], command: Command) -> usize {
    verbs
        .iter()
        .rposition(|verb| verb.eq_ignore_ascii_case(command.verb().as_bytes()))
        .expect("a due command is on the wire")
}

macro_rules! blocking {
    ($e:expr) => {
        $e
    };
}

fn poll_at_most<F: Future>(future: F, polls: usize) -> Option<F::Output> {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    (0..polls).find_map(|_| match future.as_mut().poll(&mut cx) {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    })
}

fn blocking_session(input: Input<'_>) {
    let server = Server::greeting(input);
    let mut buffer = [0u8; 96];
    let mut control = Control::new(server, &mut buffer, ParseOptions::default());
    let mut broken = false;
    for _ in 0..32 {
        let fault = control.transport_mut().input.byte();
        let wire_len = control.transport_mut().wire.len();
        match fault % 16 {
            0 => control.transport_mut().write_fails_at = Some(wire_len + usize::from(fault >> 4)),
            1 => control.transport_mut().read_fails = true,
            _ => {}
        }
        let lines = control.transport_mut().verbs.len();
        let (about, result) = call!(control, control.transport_mut().input, lines, blocking);
        match result {
            Ok(reply) => check(about, &reply),
            Err(ControlError::Broken) => broken = true,
            Err(ControlError::Closed | ControlError::ClosedMidReply) => break,
            Err(_) => {}
        }
    }
    let (_, partial) = wire_lines(&control.transport_mut().wire);
    assert!(!partial || broken || control.read_reply().err() == Some(ControlError::Broken));
}

fn async_session(input: Input<'_>) {
    let server = Server::greeting(input);
    let mut buffer = [0u8; 96];
    let mut control = AsyncControl::new(server, &mut buffer, ParseOptions::default());
    for _ in 0..32 {
        let polls = usize::from(control.transport_mut().input.byte());
        let lines = control.transport_mut().verbs.len();
        macro_rules! cancellable {
            ($e:expr) => {
                match poll_at_most($e, polls) {
                    Some(result) => result,
                    None => Err(ControlError::NothingDue),
                }
            };
        }
        let (about, result) = call!(control, control.transport_mut().input, lines, cancellable);
        match result {
            Ok(reply) => check(about, &reply),
            Err(ControlError::Closed | ControlError::ClosedMidReply) => break,
            Err(_) => {}
        }
    }
    let (_, partial) = wire_lines(&control.transport_mut().wire);
    if partial {
        let next = poll_at_most(control.run(Command::Noop, b"", &[]), 64);
        assert!(
            matches!(next, Some(Err(ControlError::Broken))),
            "a partial line and a connection that goes on"
        );
    }
}

/// The sans-IO exchange on arbitrary codes: it never panics, ends at most once, and after
/// its end every reply is unexpected.
fn exchange(input: &mut Input<'_>) {
    let command = COMMANDS[usize::from(input.byte()) % COMMANDS.len()];
    let mut exchange = Exchange::new(command);
    let mut done = false;
    for _ in 0..16 {
        let Ok(code) = ReplyCode::from_u16(100 + u16::from(input.byte()) * 2 % 600) else {
            continue;
        };
        let next = exchange.reply(code);
        if done {
            assert_eq!(next, Next::Done(Outcome::Unexpected));
        }
        done |= matches!(next, Next::Done(_));
        assert_eq!(done, exchange.is_finished());
    }
}

fuzz_target!(|data: &[u8]| {
    let (mode, rest) = data.split_first().unwrap_or((&0, data));
    match mode % 3 {
        0 => blocking_session(Input(rest)),
        1 => async_session(Input(rest)),
        _ => exchange(&mut Input(rest)),
    }
});
