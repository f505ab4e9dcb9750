//! The control connection over scripted transports: each way it could fall out of step,
//! replayed in pieces of every size, with what reached the wire checked byte for byte; and the
//! async layer cancelled at every await point.

// The scripted transports are test code: they index and count as tests do.
#![allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::expect_used
)]

use super::{AsyncControl, Control, ControlError};
use crate::client::exchange::NotNow;
use crate::reply::ParseOptions;
use crate::{Command, Outcome};
use core::future::Future;
use core::pin::pin;
use core::task::{Context, Poll, Waker};
use std::vec::Vec;

/// What a scripted transport does at one point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fault {
    /// A read fails once with this kind (a timeout), then the script goes on.
    ReadOnce(embedded_io::ErrorKind),
    /// Writes take this many bytes in all, then fail with this kind.
    WriteAfter(usize, embedded_io::ErrorKind),
}

/// The error of the scripted transports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Failed(embedded_io::ErrorKind);

impl core::fmt::Display for Failed {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "scripted failure: {:?}", self.0)
    }
}

impl core::error::Error for Failed {}

impl embedded_io::Error for Failed {
    fn kind(&self) -> embedded_io::ErrorKind {
        self.0
    }
}

/// A server's replies, served `step` bytes a read; what the client writes, `step` bytes a
/// write at most; an optional fault. `answers` makes it a server that answers each whole
/// command line it receives, by verb, after the replies it started with.
#[derive(Debug)]
struct Script {
    replies: Vec<u8>,
    step: usize,
    written: Vec<u8>,
    fault: Option<Fault>,
    answers: &'static [(&'static str, &'static [u8])],
    /// How much of `written` was answered.
    answered: usize,
    /// For the async form: every call returns `Pending` once first.
    yielded: bool,
}

impl Script {
    fn new(replies: &'static [u8], step: usize) -> Self {
        Self {
            replies: replies.to_vec(),
            step,
            written: Vec::new(),
            fault: None,
            answers: &[],
            answered: 0,
            yielded: false,
        }
    }

    fn answering(mut self, answers: &'static [(&'static str, &'static [u8])]) -> Self {
        self.answers = answers;
        self
    }

    /// Queues the answers to the whole lines received since the last call.
    fn answer(&mut self) {
        while let Some(end) = self.written[self.answered..]
            .windows(2)
            .position(|pair| pair == b"\r\n")
        {
            let line = &self.written[self.answered..self.answered + end];
            let verb = line.split(|&b| b == b' ').next().unwrap_or_default();
            if let Some((_, replies)) = self.answers.iter().find(|(v, _)| v.as_bytes() == verb) {
                self.replies.extend_from_slice(replies);
            }
            self.answered += end + 2;
        }
    }

    fn with_fault(mut self, fault: Fault) -> Self {
        self.fault = Some(fault);
        self
    }

    fn read_now(&mut self, buf: &mut [u8]) -> Result<usize, Failed> {
        if let Some(Fault::ReadOnce(kind)) = self.fault {
            self.fault = None;
            return Err(Failed(kind));
        }
        let n = self.replies.len().min(buf.len()).min(self.step);
        buf[..n].copy_from_slice(&self.replies[..n]);
        self.replies.drain(..n);
        Ok(n)
    }

    fn write_now(&mut self, buf: &[u8]) -> Result<usize, Failed> {
        let mut n = buf.len().min(self.step);
        if let Some(Fault::WriteAfter(limit, kind)) = self.fault {
            let left = limit.saturating_sub(self.written.len());
            if left == 0 {
                if kind == embedded_io::ErrorKind::Interrupted {
                    // Interrupted once, then the writes go on.
                    self.fault = None;
                }
                return Err(Failed(kind));
            }
            n = n.min(left);
        }
        self.written.extend_from_slice(&buf[..n]);
        self.answer();
        Ok(n)
    }
}

impl embedded_io::ErrorType for Script {
    type Error = Failed;
}

impl embedded_io::Read for Script {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Failed> {
        self.read_now(buf)
    }
}

impl embedded_io::Write for Script {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Failed> {
        self.write_now(buf)
    }
    fn flush(&mut self) -> Result<(), Failed> {
        Ok(())
    }
}

/// Returns `Pending` once, then goes on: every transport call is an await point.
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

impl embedded_io_async::Read for Script {
    async fn read(&mut self, buf: &mut [u8]) -> Result<usize, Failed> {
        yield_once(&mut self.yielded).await;
        self.read_now(buf)
    }
}

impl embedded_io_async::Write for Script {
    async fn write(&mut self, buf: &[u8]) -> Result<usize, Failed> {
        yield_once(&mut self.yielded).await;
        self.write_now(buf)
    }
    async fn flush(&mut self) -> Result<(), Failed> {
        yield_once(&mut self.yielded).await;
        Ok(())
    }
}

/// Polls `future` at most `polls` times: its output, or `None` when it was still pending
/// (and is dropped here: a cancellation).
fn poll_at_most<F: Future>(future: F, polls: usize) -> Option<F::Output> {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    (0..polls).find_map(|_| match future.as_mut().poll(&mut cx) {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    })
}

/// Runs `future` to the end (the scripted transports are never pending for long).
fn ready<F: Future>(future: F) -> F::Output {
    poll_at_most(future, 10_000).expect("the scripted transport never stalls")
}

const STEPS: [usize; 5] = [1, 2, 3, 7, 64];

/// What the client's code saw of one exchange, to compare across transports.
type Seen = (Outcome, u16);

fn seen(result: Result<(Outcome, crate::reply::Reply<'_>), ControlError<Failed>>) -> Seen {
    let (outcome, reply) = result.expect("the exchange runs");
    (outcome, reply.code().as_u16())
}

/// vsftpd's real order: RETR gets 150, the data flows, the client sends ABOR before reading
/// the 226; the server answers 226 (RETR's) then 225 (ABOR's). Before this was tracked,
/// `run(ABOR)` took the 226 and left the 225 for NOOP, NOOP's 200 for PWD, and so on.
const ABOR_AFTER_THE_END: &[u8] = b"220 hi\r\n150 Opening\r\n226 Transfer complete\r\n\
225 No transfer to ABOR\r\n200 NOOP ok\r\n257 \"/\" is the current directory\r\n";

#[test]
fn abor_after_a_finished_transfer_leaves_every_later_reply_with_its_command() {
    for step in STEPS {
        let mut buffer = [0u8; 64];
        let mut control = Control::new(
            Script::new(ABOR_AFTER_THE_END, step),
            &mut buffer,
            ParseOptions::default(),
        );
        assert_eq!(seen(control.greeting()), (Outcome::Completed, 220));
        assert_eq!(control.send(Command::Retr, b"f").unwrap().code(), 150);
        assert_eq!(
            seen(control.run(Command::Abor, b"", &[])),
            (Outcome::Completed, 225)
        );
        assert_eq!(control.aborted(), Some((Command::Retr, Outcome::Completed)));
        assert_eq!(
            seen(control.run(Command::Noop, b"", &[])),
            (Outcome::Completed, 200)
        );
        assert_eq!(
            seen(control.run(Command::Pwd, b"", &[])),
            (Outcome::Completed, 257)
        );
        assert_eq!(
            control.into_transport().written,
            b"RETR f\r\nABOR\r\nNOOP\r\nPWD\r\n"
        );
    }
}

#[test]
fn abor_while_the_transfer_runs_426_for_it_then_226_for_abor() {
    let replies = b"220 hi\r\n150 Opening\r\n426 Transfer aborted\r\n226 ABOR ok\r\n200 ok\r\n";
    for step in STEPS {
        let mut buffer = [0u8; 64];
        let mut control = AsyncControl::new(
            Script::new(replies, step),
            &mut buffer,
            ParseOptions::default(),
        );
        ready(control.greeting()).unwrap();
        assert_eq!(
            ready(control.send(Command::Stor, b"f")).unwrap().code(),
            150
        );
        assert_eq!(
            seen(ready(control.run(Command::Abor, b"", &[]))),
            (Outcome::Completed, 226)
        );
        assert_eq!(
            control.aborted(),
            Some((Command::Stor, Outcome::TransientFailure))
        );
        assert_eq!(
            seen(ready(control.run(Command::Noop, b"", &[]))),
            (Outcome::Completed, 200)
        );
        assert_eq!(
            control.into_transport().written,
            b"STOR f\r\nABOR\r\nNOOP\r\n"
        );
    }
}

/// Replays `replies` in pieces of every size through the greeting and then `runs`, each run's
/// outcome and code as expected, and checks that the wire holds exactly those command lines.
fn replay(replies: &'static [u8], runs: &[(Command, &[u8], Seen)]) {
    for step in STEPS {
        let mut buffer = [0u8; 64];
        let script = Script::new(replies, step);
        let mut control = Control::new(script, &mut buffer, ParseOptions::default());
        seen(control.greeting());
        let mut wire = Vec::new();
        for &(command, argument, expected) in runs {
            let got = seen(control.run(command, argument, &[]));
            assert_eq!(got, expected, "{command} in pieces of {step}");
            wire.extend_from_slice(command.verb().as_bytes());
            if !argument.is_empty() {
                wire.push(b' ');
                wire.extend_from_slice(argument);
            }
            wire.extend_from_slice(b"\r\n");
        }
        assert_eq!(control.into_transport().written, wire, "pieces of {step}");
    }
}

#[test]
fn every_1yz_is_followed_by_another_reply_to_the_same_command() {
    // NOOP answered 150 then 200: one exchange. RETR 150, 125, 226 and LIST 150, 110, 226 too.
    let replies = b"220 hi\r\n150 odd\r\n200 NOOP ok\r\n150 go\r\n125 again\r\n226 done\r\n\
150 go\r\n110 MARK 1 = 2\r\n226 done\r\n257 \"/\"\r\n";
    replay(
        replies,
        &[
            (Command::Noop, b"", (Outcome::Completed, 200)),
            (Command::Retr, b"f", (Outcome::Completed, 226)),
            (Command::List, b"", (Outcome::Completed, 226)),
            (Command::Pwd, b"", (Outcome::Completed, 257)),
        ],
    );
}

#[test]
fn refusals_before_the_1yz_and_tolerated_codes_keep_their_meaning() {
    // vsftpd: `425 Use PORT or PASV first.` right after RETR; a 550 after LIST; a lone 200 to
    // STOR (em-ftpd's deviation only follows a 150): nothing was stored.
    let replies = b"220 hi\r\n425 Use PORT or PASV first.\r\n550 No such directory\r\n\
200 odd\r\n200 NOOP ok\r\n";
    replay(
        replies,
        &[
            (Command::Retr, b"f", (Outcome::TransientFailure, 425)),
            (Command::List, b"nope", (Outcome::PermanentFailure, 550)),
            (Command::Stor, b"f", (Outcome::Unexpected, 200)),
            (Command::Noop, b"", (Outcome::Completed, 200)),
        ],
    );
}

#[test]
fn a_120_greeting_then_220() {
    let mut buffer = [0u8; 64];
    let replies = b"120 Ready in 1 minute\r\n220 Ready\r\n200 ok\r\n";
    let mut control = Control::new(
        Script::new(replies, 3),
        &mut buffer,
        ParseOptions::default(),
    );
    assert_eq!(
        control.run(Command::Noop, b"", &[]).unwrap_err(),
        ControlError::NotNow(NotNow::GreetingDue)
    );
    assert_eq!(seen(control.greeting()), (Outcome::Completed, 220));
    assert_eq!(control.greeting().unwrap_err(), ControlError::NothingDue);
    assert_eq!(
        seen(control.run(Command::Noop, b"", &[])),
        (Outcome::Completed, 200)
    );
    assert_eq!(control.into_transport().written, b"NOOP\r\n");
}

#[test]
fn a_half_written_command_breaks_the_connection_instead_of_prefixing_the_next() {
    // Before: `DELE impor` + `NOOP` reached the server as `DELE imporNOOP`, and NOOP's 250
    // (tolerated) read as DELE's success.
    let replies = b"220 hi\r\n250 ok\r\n";
    let kind = embedded_io::ErrorKind::TimedOut;
    let mut buffer = [0u8; 64];
    let script = Script::new(replies, 64).with_fault(Fault::WriteAfter(10, kind));
    let mut control = Control::new(script, &mut buffer, ParseOptions::default());
    control.greeting().unwrap();
    assert_eq!(
        control.run(Command::Dele, b"important", &[]).unwrap_err(),
        ControlError::Io(Failed(kind))
    );
    assert_eq!(
        control.run(Command::Noop, b"", &[]).unwrap_err(),
        ControlError::Broken
    );
    assert_eq!(control.read_reply().unwrap_err(), ControlError::Broken);
    assert_eq!(control.into_transport().written, b"DELE impor");
}

#[test]
fn a_write_that_took_nothing_changes_nothing_and_interrupted_is_retried() {
    let replies = b"220 hi\r\n200 ok\r\n250 gone\r\n";
    let mut buffer = [0u8; 64];
    let timeout = embedded_io::ErrorKind::TimedOut;
    let script = Script::new(replies, 64).with_fault(Fault::WriteAfter(0, timeout));
    let mut control = Control::new(script, &mut buffer, ParseOptions::default());
    control.greeting().unwrap();
    assert_eq!(
        control.run(Command::Noop, b"", &[]).unwrap_err(),
        ControlError::Io(Failed(timeout))
    );
    control.transport_mut().fault = None;
    assert_eq!(
        seen(control.run(Command::Noop, b"", &[])),
        (Outcome::Completed, 200)
    );
    // Interrupted in the middle of a line: the rest goes out, nothing is lost or doubled.
    let interrupted = embedded_io::ErrorKind::Interrupted;
    control.transport_mut().fault = Some(Fault::WriteAfter(9, interrupted));
    control.transport_mut().step = 2;
    assert_eq!(
        seen(control.run(Command::Dele, b"x", &[])),
        (Outcome::Completed, 250)
    );
    assert_eq!(control.into_transport().written, b"NOOP\r\nDELE x\r\n");
}

#[test]
fn a_read_timeout_while_a_completion_is_due_keeps_it_due() {
    let replies = b"220 hi\r\n150 go\r\n226 done\r\n200 ok\r\n";
    let kind = embedded_io::ErrorKind::TimedOut;
    // Steps small enough that the 226 is not read with the 150.
    for step in [1, 2, 3, 7] {
        let mut buffer = [0u8; 64];
        let mut control = Control::new(
            Script::new(replies, step),
            &mut buffer,
            ParseOptions::default(),
        );
        control.greeting().unwrap();
        assert_eq!(control.send(Command::Retr, b"f").unwrap().code(), 150);
        control.transport_mut().fault = Some(Fault::ReadOnce(kind));
        assert_eq!(
            control.finish().unwrap_err(),
            ControlError::Io(Failed(kind))
        );
        // The old completion never reaches a new command: it is refused until it is read.
        assert_eq!(
            control.run(Command::Noop, b"", &[]).unwrap_err(),
            ControlError::NotNow(NotNow::ReplyDue { verb: "RETR" })
        );
        assert_eq!(seen(control.finish()), (Outcome::Completed, 226));
        assert_eq!(control.finish().unwrap_err(), ControlError::NothingDue);
        assert_eq!(
            seen(control.run(Command::Noop, b"", &[])),
            (Outcome::Completed, 200)
        );
        assert_eq!(control.into_transport().written, b"RETR f\r\nNOOP\r\n");
    }
}

#[test]
fn a_run_interrupted_after_its_1yz_leaves_the_completion_to_finish() {
    let replies = b"220 hi\r\n150 go\r\n226 done\r\n257 \"/\"\r\n";
    let kind = embedded_io::ErrorKind::TimedOut;
    let mut buffer = [0u8; 64];
    // The first read brings the greeting and the 150; the read after the 150 times out.
    let mut control = Control::new(
        Script::new(replies, 16),
        &mut buffer,
        ParseOptions::default(),
    );
    control.greeting().unwrap();
    control.transport_mut().fault = Some(Fault::ReadOnce(kind));
    assert_eq!(
        control.run(Command::Retr, b"f", &[]).unwrap_err(),
        ControlError::Io(Failed(kind))
    );
    assert_eq!(control.conversation().due(), Some(Command::Retr));
    assert_eq!(
        control.run(Command::Pwd, b"", &[]).unwrap_err(),
        ControlError::NotNow(NotNow::ReplyDue { verb: "RETR" })
    );
    assert_eq!(seen(control.finish()), (Outcome::Completed, 226));
    assert_eq!(
        seen(control.run(Command::Pwd, b"", &[])),
        (Outcome::Completed, 257)
    );
    assert_eq!(control.into_transport().written, b"RETR f\r\nPWD\r\n");
}

#[test]
fn verbs_outside_the_catalogue_wait_their_turn_too() {
    let replies = b"220 hi\r\n150 go\r\n226 done\r\n200 XCRC ok\r\n";
    let mut buffer = [0u8; 64];
    let mut control = Control::new(
        Script::new(replies, 5),
        &mut buffer,
        ParseOptions::default(),
    );
    assert_eq!(
        control.send_verb(b"XCRC", b"f").unwrap_err(),
        ControlError::NotNow(NotNow::GreetingDue)
    );
    control.greeting().unwrap();
    control.send(Command::Retr, b"f").unwrap();
    assert_eq!(
        control.send_verb(b"XCRC", b"f").unwrap_err(),
        ControlError::NotNow(NotNow::ReplyDue { verb: "RETR" })
    );
    control.finish().unwrap();
    assert_eq!(control.send_verb(b"XCRC", b"f").unwrap().code(), 200);
    // The refused ones never reached the wire.
    assert_eq!(control.into_transport().written, b"RETR f\r\nXCRC f\r\n");
}

#[test]
fn a_verb_outside_the_catalogue_answered_with_a_1yz_stays_open() {
    // Before the conversation followed them, the second XCRC got the first one's 226.
    let replies = b"220 hi\r\n150 computing\r\n226 CRC 1234\r\n200 CRC 5678\r\n";
    let mut buffer = [0u8; 64];
    let mut control = Control::new(
        Script::new(replies, 3),
        &mut buffer,
        ParseOptions::default(),
    );
    control.greeting().unwrap();
    assert_eq!(control.send_verb(b"XCRC", b"a").unwrap().code(), 150);
    assert_eq!(
        control.send_verb(b"XCRC", b"b").unwrap_err(),
        ControlError::NotNow(NotNow::VerbReplyDue)
    );
    assert_eq!(
        control.run(Command::Noop, b"", &[]).unwrap_err(),
        ControlError::NotNow(NotNow::VerbReplyDue)
    );
    assert_eq!(seen(control.finish()), (Outcome::Completed, 226));
    assert_eq!(control.send_verb(b"XCRC", b"b").unwrap().code(), 200);
    assert_eq!(control.into_transport().written, b"XCRC a\r\nXCRC b\r\n");
}

/// Whatever point an async call is cancelled at, the next exchange gets its own reply or a
/// clear refusal: never the cancelled command's.
#[test]
fn cancelled_at_every_await_point_the_next_exchange_is_right_or_refused() {
    const ANSWERS: &[(&str, &[u8])] = &[
        ("RETR", b"150 go\r\n226 done\r\n"),
        ("NOOP", b"200 NOOP ok\r\n"),
    ];
    let (mut answered, mut broken, mut cancelled) = (0, 0, 0);
    for step in [1, 3, 64] {
        for polls in 0..200 {
            let mut buffer = [0u8; 64];
            let script = Script::new(b"220 hi\r\n", step).answering(ANSWERS);
            let mut control = AsyncControl::new(script, &mut buffer, ParseOptions::default());
            ready(control.greeting()).unwrap();
            let finished = poll_at_most(control.run(Command::Retr, b"file", &[]), polls).is_some();
            cancelled += usize::from(!finished);
            let next = after_cancellation(&mut control);
            let written = control.into_transport().written;
            match next {
                // Whole lines only, in order, and NOOP got NOOP's reply.
                Ok(code) => {
                    assert_eq!(code, 200, "step {step}, {polls} polls");
                    let whole: &[u8] = if written.starts_with(b"RETR") {
                        b"RETR file\r\nNOOP\r\n"
                    } else {
                        b"NOOP\r\n"
                    };
                    assert_eq!(written, whole, "step {step}, {polls} polls");
                    answered += 1;
                }
                // Cancelled with part of RETR's line written: broken, and nothing more sent.
                Err(ControlError::Broken) => {
                    broken += 1;
                    assert!(!finished);
                    assert!(
                        b"RETR file\r\n".starts_with(&written) && written.len() < 11,
                        "step {step}, {polls} polls: {written:?}"
                    );
                }
                Err(other) => panic!("step {step}, {polls} polls: {other:?}"),
            }
            if polls > 60 {
                assert!(finished, "the run ends with enough polls");
            }
        }
    }
    // Every kind of point was reached: cancelled before, during and after the line, and
    // while replies were due.
    assert!(
        cancelled > 20 && broken > 5 && answered > 100,
        "{cancelled} {broken} {answered}"
    );
}

/// Cancels `send` and `read_reply` too, at every await point.
#[test]
fn send_and_read_reply_cancelled_at_every_await_point() {
    const ANSWERS: &[(&str, &[u8])] = &[("PWD", b"257 \"/\"\r\n"), ("NOOP", b"200 NOOP ok\r\n")];
    for step in [1, 4] {
        for polls in 0..120 {
            let mut buffer = [0u8; 64];
            let script = Script::new(b"220 hi\r\n", step).answering(ANSWERS);
            let mut control = AsyncControl::new(script, &mut buffer, ParseOptions::default());
            let greeted = poll_at_most(control.read_reply(), polls).is_some();
            if !greeted {
                ready(control.greeting()).unwrap();
            }
            let _ = poll_at_most(control.send(Command::Pwd, b""), polls);
            let next = after_cancellation(&mut control);
            let written = control.into_transport().written;
            match next {
                // Whole lines only: PWD (if it went out at all), then NOOP.
                Ok(code) => {
                    assert_eq!(code, 200, "step {step}, {polls} polls");
                    let whole: &[u8] = if written.starts_with(b"PWD") {
                        b"PWD\r\nNOOP\r\n"
                    } else {
                        b"NOOP\r\n"
                    };
                    assert_eq!(written, whole, "step {step}, {polls} polls");
                }
                // Part of PWD's line went out, and nothing after it.
                Err(ControlError::Broken) => {
                    assert!(
                        b"PWD\r\n".starts_with(&written) && written.len() < 5,
                        "step {step}, {polls} polls: {written:?}"
                    );
                }
                Err(other) => panic!("step {step}, {polls} polls: {other:?}"),
            }
        }
    }
}

/// What a careful caller does after a cancellation: read what is still due, then NOOP. The
/// NOOP's code, or the error that refused it.
fn after_cancellation(control: &mut AsyncControl<'_, Script>) -> Result<u16, ControlError<Failed>> {
    if control.conversation().due().is_some() {
        ready(control.finish())?;
    }
    let (_, reply) = ready(control.run(Command::Noop, b"", &[]))?;
    Ok(reply.code().as_u16())
}

#[test]
fn errors_print_the_transport_error_and_give_it_as_source() {
    use core::error::Error as _;
    let error: ControlError<Failed> = ControlError::Io(Failed(embedded_io::ErrorKind::TimedOut));
    assert_eq!(
        std::format!("{error}"),
        "transport error: scripted failure: TimedOut"
    );
    assert!(error.source().is_some());
    let not_now: ControlError<Failed> = ControlError::NotNow(NotNow::ReplyDue { verb: "RETR" });
    assert_eq!(
        std::format!("{not_now}"),
        "command not sent: a reply to RETR is still due: read it first (only ABOR may interrupt a transfer); `finish()` reads it"
    );
}

#[test]
fn a_connection_is_debug_whatever_its_transport() {
    struct Opaque;
    let mut buffer = [0u8; 16];
    let control: Control<'_, Opaque> = Control::new(Opaque, &mut buffer, ParseOptions::default());
    let shown = std::format!("{control:?}");
    assert!(shown.starts_with("Connection"), "{shown}");
    assert!(shown.contains("Opaque"), "{shown}");
}
