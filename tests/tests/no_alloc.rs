//! The whole runtime API never allocates: a counting global allocator sees zero allocations.

use ftp_codes::client::exchange::{Exchange, Next};
use ftp_codes::payload::{self, Timestamp};
use ftp_codes::reply::{LineParser, ParseOptions, Parser, Status};
use ftp_codes::write::{WriteOptions, Writer};
use ftp_codes::{Catalogue, Category, Code, Command, Group, Outcome, ReplyCode, command};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::Write;
use std::hint::black_box;

struct Counting;

thread_local! {
    // Per thread, so that the test harness's own threads do not count.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

#[allow(unsafe_code)] // a global allocator cannot be written without it
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

/// Formats into a fixed buffer on the stack.
struct StackBuf {
    bytes: [u8; 256],
    len: usize,
}

impl Write for StackBuf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(std::fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

fn exercise_everything() -> usize {
    let mut work = 0usize;
    let mut buf = StackBuf {
        bytes: [0; 256],
        len: 0,
    };
    for n in 0..=1000u16 {
        if let Ok(code) = ReplyCode::from_u16(black_box(n)) {
            let ascii = code.to_ascii();
            work += usize::from(ReplyCode::from_ascii(&ascii).is_ok());
            work += usize::from(code.category().digit())
                + code.group().map_or(0, |g| usize::from(g.digit()));
            work += usize::from(code.is_positive())
                + usize::from(code.is_negative())
                + usize::from(code.is_protected());
            work += usize::from(code.known().is_some())
                + usize::from(code.known_in::<Code>().is_some());
            buf.len = 0;
            write!(buf, "{code} {code:?}").unwrap();
            work += buf.len;
        }
        if let Some(code) = Code::from_u16(black_box(n)) {
            work += code.name().len()
                + code.text().len()
                + code.description().len()
                + code.source().len();
            work += code
                .alternatives()
                .iter()
                .map(|m| m.text.len() + m.source.len() + m.description.len())
                .sum::<usize>();
            work += usize::from(code.category().digit()) + usize::from(code.group().digit());
            work += code.category().description().len() + code.group().description().len();
            work += <Code as Catalogue>::text(code).len();
            buf.len = 0;
            write!(buf, "{code} {code:?} {} {}", code.category(), code.group()).unwrap();
            work += buf.len;
            work += usize::from(Code::try_from(n).is_ok()) + usize::from(u16::from(code) == n);
        }
    }
    for s in ["220", "299", "abc", "1234", ""] {
        work +=
            usize::from(s.parse::<ReplyCode>().is_ok()) + usize::from(s.parse::<Code>().is_ok());
        if let Err(error) = s.parse::<Code>() {
            buf.len = 0;
            write!(buf, "{error} {error:?}").unwrap();
            work += buf.len;
        }
    }
    work += Category::ALL.len() + Group::ALL.len() + Code::ALL.len();
    work += exercise_framing(&mut buf);
    work
}

/// The reply and command framers, the payload parsers and the writer, on a transcript fed in
/// pieces.
fn exercise_framing(text: &mut StackBuf) -> usize {
    let transcript: &[u8] =
        b"220-Welcome\r\n220 Ready\r\n227 Entering Passive Mode (127,0,0,1,4,1).\r\n\
        229 (|||6446|)\r\n213 file: 4096\r\n213 20240229123456.250\r\n257 \"/a \"\"b\"\"\" ok\r\n\
        211-Features:\r\n MDTM\r\n211 End\r\n";
    let mut work = 0usize;
    let options = ParseOptions::default();
    for step in [1usize, 7, 64] {
        let mut parser = Parser::new(options);
        let (mut start, mut end) = (0usize, 0usize);
        while start < transcript.len() {
            match parser.parse(black_box(&transcript[start..end])) {
                Ok(Status::Complete((reply, used))) => {
                    work += reply.lines().map(<[u8]>::len).sum::<usize>();
                    work += usize::from(payload::pasv(&reply).is_ok())
                        + usize::from(payload::epsv(&reply).is_ok())
                        + usize::from(payload::size(&reply).is_ok())
                        + usize::from(payload::features(&reply).map_or(0, Iterator::count) > 0);
                    if let Ok(time) = payload::mdtm(&reply) {
                        text.len = 0;
                        write!(text, "{time}").unwrap();
                        work += text.len;
                    }
                    if let Ok(name) = payload::pathname(&reply) {
                        let mut copy = [0u8; 32];
                        work += name.copy_to(&mut copy).map_or(0, <[u8]>::len);
                    }
                    start += used;
                }
                Ok(Status::Partial) => end = (end + step).min(transcript.len()),
                Err(error) => {
                    text.len = 0;
                    write!(text, "{error}").unwrap();
                    work += text.len;
                    break;
                }
            }
        }
    }
    let mut lines = LineParser::new(options);
    for line in transcript.split_inclusive(|&b| b == b'\n') {
        if let Ok(line) = lines.feed(line) {
            work += line
                .reply()
                .map_or(0, |r| usize::from(payload::pasv_port(&r).is_ok()));
        }
    }
    let commands: &[u8] = b"\xff\xf4\xff\xf2ABOR\r\nSTOR a\xff\xffb\r\nSIZE evil\rDELE x\r\n";
    if let Ok(Status::Complete((line, used))) = command::parse(commands, &options) {
        work += usize::from(line.telnet_interrupt()) + used;
        if let Ok(Status::Complete((line, _))) = command::parse(&commands[used..], &options) {
            work += line.argument_chunks().map(<[u8]>::len).sum::<usize>();
        }
    }
    if let Err(error) = command::parse(&commands[21..], &options) {
        text.len = 0;
        write!(text, "{error}").unwrap();
        work += text.len;
    }
    let mut out = [0u8; 256];
    let mut writer = Writer::new(&mut out, WriteOptions::default());
    work += writer.pasv("127.0.0.1:1025".parse().unwrap()).unwrap_or(0);
    if let Ok(time) = Timestamp::new(2024, 2, 29, 12, 34, 56, 250_000_000) {
        work += writer.mdtm(time.with_fraction_digits(3)).unwrap_or(0);
    }
    work += writer.pathname(b"/a\tb", b"created").unwrap_or(0);
    work + exercise_commands(text) + exercise_control() + exercise_async_control()
}

/// A transport over fixed arrays: replies in 7-byte pieces, commands into a fixed buffer.
struct Canned {
    input: &'static [u8],
    written: [u8; 256],
    len: usize,
}

impl embedded_io::ErrorType for Canned {
    type Error = embedded_io::ErrorKind;
}

impl embedded_io::Read for Canned {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Self::Error> {
        let n = self.input.len().min(buf.len()).min(7);
        buf[..n].copy_from_slice(&self.input[..n]);
        self.input = &self.input[n..];
        Ok(n)
    }
}

impl embedded_io::Write for Canned {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Self::Error> {
        let end = (self.len + buf.len()).min(self.written.len());
        let n = end - self.len;
        self.written[self.len..end].copy_from_slice(&buf[..n]);
        self.len = end;
        Ok(n)
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}

impl embedded_io_async::Read for Canned {
    async fn read(&mut self, buf: &mut [u8]) -> Result<usize, Self::Error> {
        embedded_io::Read::read(self, buf)
    }
}

impl embedded_io_async::Write for Canned {
    async fn write(&mut self, buf: &[u8]) -> Result<usize, Self::Error> {
        embedded_io::Write::write(self, buf)
    }
    async fn flush(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}

/// Polls a future that never waits (its transport is in memory) to its end, without an
/// executor that could allocate.
fn ready<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    for _ in 0..1000 {
        if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
    panic!("an in-memory exchange never finished");
}

/// A whole session through `control::AsyncControl`.
fn exercise_async_control() -> usize {
    use ftp_codes::client::control::AsyncControl;
    let transport = Canned {
        input: b"220 Ready\r\n331 Password\r\n230 In\r\n150 Go\r\n226 Done\r\n",
        written: [0; 256],
        len: 0,
    };
    let mut buffer = [0u8; 64];
    let mut control = AsyncControl::new(transport, &mut buffer, ParseOptions::default());
    let mut work = usize::from(
        ready(control.read_reply())
            .map(|r| r.code().as_u16())
            .unwrap_or(0),
    );
    let then = [(Command::Pass, &b"p"[..])];
    let (login, _) = ready(control.run(Command::User, b"u", &then)).unwrap();
    let (retr, _) = ready(control.run(Command::Retr, b"f", &[])).unwrap();
    assert_eq!((login, retr), (Outcome::Completed, Outcome::Completed));
    work += 2;
    let written = control.into_transport();
    assert_eq!(
        &written.written[..written.len],
        b"USER u\r\nPASS p\r\nRETR f\r\n"
    );
    work + written.len
}

/// A whole session through `control::Control`.
fn exercise_control() -> usize {
    use ftp_codes::client::control::Control;
    let transport = Canned {
        input: b"220 Ready\r\n331 Password\r\n230 In\r\n257 \"/\" ok\r\n150 Go\r\n226 Done\r\n221 Bye\r\n",
        written: [0; 256],
        len: 0,
    };
    let mut buffer = [0u8; 64];
    let mut control = Control::new(transport, &mut buffer, ParseOptions::default());
    let mut work = usize::from(control.read_reply().map(|r| r.code().as_u16()).unwrap_or(0));
    if let Ok((outcome, _)) = control.run(Command::User, b"u", &[(Command::Pass, b"p")]) {
        work += usize::from(outcome == Outcome::Completed);
    }
    work += control.send(Command::Pwd, b"").map_or(0, |r| r.raw().len());
    for (command, argument) in [(Command::Retr, &b"f"[..]), (Command::Quit, b"")] {
        if let Ok((outcome, _)) = control.run(command, argument, &[]) {
            work += usize::from(outcome == Outcome::Completed);
        }
    }
    work + control.into_transport().len
}

/// A data connection in memory: what a mover reads.
struct StackData {
    opened: usize,
    data: &'static [u8],
}

impl ftp_codes::client::DataConnection for StackData {
    type Error = embedded_io::ErrorKind;
    fn connect(&mut self, port: u16) -> Result<(), Self::Error> {
        self.opened += usize::from(port);
        Ok(())
    }
    fn listen(&mut self) -> Result<std::net::SocketAddr, Self::Error> {
        Ok(std::net::SocketAddr::from(([127, 0, 0, 1], 4097)))
    }
    fn accept(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
    fn close(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}

impl ftp_codes::client::AsyncDataConnection for StackData {
    type Error = embedded_io::ErrorKind;
    async fn connect(&mut self, port: u16) -> Result<(), Self::Error> {
        ftp_codes::client::DataConnection::connect(self, port)
    }
    async fn listen(&mut self) -> Result<std::net::SocketAddr, Self::Error> {
        ftp_codes::client::DataConnection::listen(self)
    }
    async fn accept(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
    async fn close(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}

/// The replies of a whole client session: login, PWD, a download (TYPE, EPSV, RETR), SIZE,
/// MDTM, a rename, an upload in active mode (EPRT refused, PORT), an aborted download, QUIT.
const SESSION: &[u8] = b"220 Ready\r\n331 Password\r\n230 In\r\n257 \"/pub\" ok\r\n\
200 Binary\r\n229 Entering Extended Passive Mode (|||40001|)\r\n150 Go (5 bytes)\r\n226 Done\r\n\
213 5\r\n213 20261204101500\r\n350 RNTO next\r\n250 Renamed\r\n\
500 EPRT unknown\r\n200 PORT ok\r\n150 Go\r\n226 Done\r\n\
200 PORT ok\r\n150 Go\r\n426 Aborted\r\n226 ABOR ok\r\n221 Bye\r\n";

/// A whole session through `client::Session`, then `client::AsyncSession`.
fn exercise_client_session() -> usize {
    use ftp_codes::client::control::{AsyncControl, Control};
    use ftp_codes::client::{AsyncSession, DataMode, Session, SessionError};
    use std::ops::ControlFlow;
    let mut work = 0;
    let mut buffer = [0u8; 128];
    let transport = Canned {
        input: SESSION,
        written: [0; 256],
        len: 0,
    };
    let control = Control::new(transport, &mut buffer, ParseOptions::default());
    let data = StackData {
        opened: 0,
        data: b"hello",
    };
    let mut ftp = Session::start(control, data).unwrap();
    ftp.login(b"u", b"p").unwrap();
    work += ftp.pwd().unwrap().len();
    ftp.transfer(Command::Retr, b"f", 0, |data, started| {
        work += data.data.len() + usize::from(started.announced_size() == Some(5));
        Ok(ControlFlow::Continue(()))
    })
    .unwrap();
    work += usize::try_from(ftp.size(b"f").unwrap()).unwrap();
    work += usize::from(ftp.mdtm(b"f").unwrap().year());
    ftp.rename(b"f", b"g").unwrap();
    ftp.set_mode(DataMode::Active);
    ftp.transfer(Command::Stor, b"g", 0, |_, _| Ok(ControlFlow::Continue(())))
        .unwrap();
    let stopped = ftp.transfer(Command::Retr, b"g", 0, |_, _| Ok(ControlFlow::Break(())));
    work += usize::from(matches!(stopped, Err(SessionError::Aborted { .. })));
    let control = ftp.quit().unwrap();
    work += control.into_transport().len;

    let mut buffer = [0u8; 128];
    let transport = Canned {
        input: SESSION,
        written: [0; 256],
        len: 0,
    };
    let control = AsyncControl::new(transport, &mut buffer, ParseOptions::default());
    let data = StackData {
        opened: 0,
        data: b"hello",
    };
    ready(async {
        let mut ftp = AsyncSession::start(control, data).await.unwrap();
        ftp.login(b"u", b"p").await.unwrap();
        work += ftp.pwd().await.unwrap().len();
        ftp.transfer(Command::Retr, b"f", 0, async |data: &mut StackData, _| {
            work += data.opened;
            Ok(ControlFlow::Continue(()))
        })
        .await
        .unwrap();
        work += usize::try_from(ftp.size(b"f").await.unwrap()).unwrap();
        ftp.quit().await.map(drop).unwrap_err();
    });
    work
}

/// The command catalogue, the exchange, the command writer and the address arguments.
fn exercise_commands(text: &mut StackBuf) -> usize {
    let mut work = 0usize;
    for verb in [
        &b"retr"[..],
        b"USER",
        b"Pass",
        b"XYZW",
        b"ab",
        b"\xff\xff\xff",
    ] {
        if let Some(command) = Command::from_verb(black_box(verb)) {
            work += command.verb().len() + command.syntax().len() + command.source().len();
            work += command.replies().completion.len() + command.tolerated().len();
            for n in [110u16, 150, 200, 226, 331, 421, 550, 631] {
                let outcome = command.classify(ReplyCode::from_u16(n).unwrap());
                work += usize::from(outcome != Outcome::Unexpected);
            }
            text.len = 0;
            write!(text, "{command} {command:?}").unwrap();
            work += text.len;
        }
    }
    let mut exchange = Exchange::new(Command::User);
    for n in [331u16, 230] {
        work += usize::from(matches!(
            exchange.reply(ReplyCode::from_u16(n).unwrap()),
            Next::Send(_)
        ));
    }
    let mut out = [0u8; 256];
    let mut writer = Writer::new(
        &mut out,
        WriteOptions::default().with_interrupt_before_abor(true),
    );
    work += writer.command(Command::Retr, b"a file").unwrap_or(0);
    work += writer.command(Command::Abor, b"").unwrap_or(0);
    work += writer.command_verb(b"XCRC", b"x").unwrap_or(0);
    work += usize::from(writer.command(Command::Dele, b"x\r\nDELE y").is_err());
    work += writer.port("127.0.0.1:1025".parse().unwrap()).unwrap_or(0);
    work += writer.eprt("[::1]:2121".parse().unwrap()).unwrap_or(0);
    work += writer.lprt("[::1]:2121".parse().unwrap()).unwrap_or(0);
    work += usize::from(command::port(b"127,0,0,1,4,1").is_ok())
        + usize::from(command::eprt(b"|2|::1|2121|").is_ok())
        + usize::from(command::lprt(b"4,4,127,0,0,1,2,4,1").is_ok());
    work
}

/// The listing parsers and writers, and the conversation of a whole session.
fn exercise_listings() -> usize {
    use ftp_codes::client::exchange::Conversation;
    use ftp_codes::listing::{self, FactSet, Kind, ListOptions, Listed};
    use ftp_codes::payload::Timestamp;
    let mut work = 0usize;
    let now = Timestamp::new(2024, 3, 1, 12, 0, 0, 0).unwrap();
    let options = ListOptions::default().with_now(now);
    for line in [
        &b"type=file;size=12;modify=20240229123456.5;UNIX.mode=0644; a b"[..],
        b"Type=OS.unix=slink:/x; l",
    ] {
        let facts = black_box(listing::mlsx(black_box(line))).unwrap();
        work += facts.name().len() + facts.iter().count();
        work += usize::from(facts.size().is_some() && facts.fact(b"unix.mode").is_some());
        work += usize::from(facts.modified().is_some() || facts.link_target().is_some());
    }
    work += usize::from(listing::mlst(black_box(b" type=dir; /pub")).is_ok());
    for line in [
        &b"-rw-r--r--   1 ftp  ftp   5368709120 Feb 29 10:30  big file"[..],
        b"lrwxrwxrwx 1 0 0 7 Jan 02  2020 latest -> v2.1",
        b"04-27-00  09:09PM       <DIR>          licensed",
        b"+i8388621.44468,m839956783,r,s10376,\tRFCEPLF",
        b"total 12",
    ] {
        if let Ok(entry) = listing::list(black_box(line), &options) {
            work += entry.name().len() + usize::from(entry.modified().is_some());
        }
    }
    let mut out = [0u8; 256];
    let mut writer = Writer::new(&mut out, WriteOptions::default());
    let entry = Listed::new(b"a b", Kind::File)
        .with_size(12)
        .with_modified(now);
    work += writer.mlsx_entry(&entry, FactSet::SUPPORTED).unwrap_or(0);
    work += writer.mlst(&entry, FactSet::DEFAULT).unwrap_or(0);
    work += writer.ls_entry(&entry, now).unwrap_or(0);
    let mut feature = [0u8; 64];
    work += FactSet::SUPPORTED
        .feature(FactSet::DEFAULT, &mut feature)
        .map_or(0, <[u8]>::len);
    let mut conversation: Conversation = Conversation::new();
    for (command, codes) in [
        (None, &[220u16][..]),
        (Some(Command::Retr), &[150]),
        (Some(Command::Abor), &[226, 225]),
    ] {
        if let Some(command) = command {
            work += usize::from(conversation.begin(command).is_ok());
        }
        for &n in codes {
            let _ = black_box(conversation.reply(ReplyCode::from_u16(n).unwrap()));
        }
    }
    work + usize::from(conversation.is_idle())
}

#[test]
fn the_runtime_api_never_allocates() {
    // Warm up anything lazy in the harness first, then count only our own calls.
    let _ = exercise_everything() + exercise_listings() + exercise_client_session();
    let before = allocations();
    let work = black_box(exercise_everything())
        + black_box(exercise_listings())
        + black_box(exercise_client_session());
    let after = allocations();
    assert!(work > 0);
    assert_eq!(
        after - before,
        0,
        "the API allocated {} times",
        after - before
    );
}

#[test]
fn the_counter_does_count() {
    // The check above means nothing unless an allocation would be seen.
    let before = allocations();
    let boxed = black_box(Box::new(black_box(7u64)));
    assert_eq!(*boxed, 7);
    assert!(allocations() > before);
}
