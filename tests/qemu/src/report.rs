//! The report: what ftp-codes makes of several servers' replies fed in pieces of 1, 3, 7 and 64
//! bytes through `control::Control`, and of the parsers, payload parsers, writer and `classify`.
//! The same code runs on the host and on the emulated Cortex-M4F; the two outputs must be equal
//! byte for byte.

use core::fmt;
use core::net::{Ipv4Addr, SocketAddr, SocketAddrV4};
use ftp_codes::client::control::Control;
use ftp_codes::payload::{self, Timestamp};
use ftp_codes::reply::{self, ParseOptions, Parser, Reply, Status};
use ftp_codes::write::{WriteOptions, Writer};
use ftp_codes::{Code, Command, Outcome, ReplyCode};

#[path = "../../shared/pieces.rs"]
mod pieces;
pub use pieces::Pieces;

/// One command of a session, and the command that follows a 3yz (PASS after USER).
pub struct Step {
    pub command: Command,
    pub argument: &'static [u8],
    pub then: &'static [(Command, &'static [u8])],
}

const fn step(command: Command, argument: &'static [u8]) -> Step {
    Step {
        command,
        argument,
        then: &[],
    }
}

const LOGIN: Step = Step {
    command: Command::User,
    argument: b"alice",
    then: &[(Command::Pass, b"secret")],
};

/// A server's replies to a session, in its own style.
pub struct Server {
    pub name: &'static str,
    pub replies: &'static [u8],
    pub steps: &'static [Step],
    pub options: ParseOptions,
}

pub const SERVERS: &[Server] = &[
    Server {
        name: "vsftpd",
        replies: b"220 (vsFTPd 3.0.3)\r\n331 Please specify the password.\r\n230 Login successful.\r\n\
            257 \"/\" is the current directory\r\n200 Switching to Binary mode.\r\n213 1048576\r\n\
            213 20261124094319\r\n229 Entering Extended Passive Mode (|||41735|)\r\n\
            150 Opening BINARY mode data connection for big.bin (1048576 bytes).\r\n\
            226 Transfer complete.\r\n221 Goodbye.\r\n",
        steps: &[
            LOGIN,
            step(Command::Pwd, b""),
            step(Command::Type, b"I"),
            step(Command::Size, b"big.bin"),
            step(Command::Mdtm, b"big.bin"),
            step(Command::Epsv, b""),
            step(Command::Retr, b"big.bin"),
            step(Command::Quit, b""),
        ],
        options: ParseOptions::strict(),
    },
    Server {
        name: "pyftpdlib",
        replies: b"220 pyftpdlib 1.5.10 ready.\r\n331 Username ok, send password.\r\n\
            230 Login successful.\r\n211-Features supported:\r\n EPRT\r\n EPSV\r\n MDTM\r\n\
             MLST type*;perm*;size*;modify*;unique*;unix.mode;\r\n REST STREAM\r\n SIZE\r\n\
             TVFS\r\n UTF8\r\n211 End FEAT.\r\n227 Entering passive mode (127,0,0,1,195,80).\r\n\
            125 Data connection already open. Transfer starting.\r\n226 Transfer complete.\r\n\
            550 No such file or directory.\r\n221 Goodbye.\r\n",
        steps: &[
            LOGIN,
            step(Command::Feat, b""),
            step(Command::Pasv, b""),
            step(Command::List, b""),
            step(Command::Size, b"missing"),
            step(Command::Quit, b""),
        ],
        options: ParseOptions::strict(),
    },
    Server {
        name: "IIS",
        replies: b"220-Microsoft FTP Service\r\n  Welcome, authorised users only.\r\n220 Ready\r\n\
            331 Password required\r\n230-Welcome to the site.\r\n230 User logged in.\r\n\
            257 \"/say \"\"hi\"\"\" directory created.\r\n250 CWD command successful.\r\n\
            200 EPRT command successful.\r\n150 Opening BINARY mode data connection.\r\n\
            226 Transfer complete.\r\n",
        steps: &[
            LOGIN,
            step(Command::Mkd, b"say \"hi\""),
            step(Command::Cwd, b"say \"hi\""),
            step(Command::Eprt, b"|2|::1|50000|"),
            step(Command::Stor, b"up.bin"),
        ],
        options: ParseOptions::lenient(),
    },
    Server {
        name: "glftpd",
        replies: b"220 glFTPd ready.\r\n331 Password required for alice.\r\n230 User alice logged in.\r\n\
            553- Directory excluded (precheck).\r\n553- Try another one.\r\n150 Opening BINARY mode.\r\n\
            214-The following commands are recognized:\r\n USER PASS RETR STOR\r\n214 Direct comments to root.\r\n",
        steps: &[LOGIN, step(Command::Stor, b"x.bin"), step(Command::Help, b"")],
        options: ParseOptions::lenient().with_mismatched_ends(true),
    },
];

/// What a reply carries, in words: the payload the command asked for, or the text.
fn describe(out: &mut dyn fmt::Write, command: Command, reply: &Reply<'_>) -> fmt::Result {
    let code = reply.code();
    let shown = match (command, code.as_u16()) {
        (Command::Pasv, 227) => payload::pasv(reply).map(|a| write!(out, "address {a}")),
        (Command::Epsv, 229) => payload::epsv(reply).map(|p| write!(out, "port {p}")),
        (Command::Size, 213) => payload::size(reply).map(|s| write!(out, "size {s}")),
        (Command::Mdtm, 213) => payload::mdtm(reply).map(|t| write!(out, "time {t}")),
        (Command::Pwd | Command::Mkd, 257) => payload::pathname(reply).map(|name| {
            out.write_str("path ")?;
            name.chunks().try_for_each(|chunk| escaped(out, chunk))
        }),
        (Command::Feat, 211) => payload::features(reply).map(|features| {
            out.write_str("features")?;
            features.into_iter().try_for_each(|f| {
                out.write_str(" ")?;
                escaped(out, f.name())
            })
        }),
        _ => Ok(escaped(out, reply.text())),
    };
    match shown {
        Ok(written) => written,
        Err(error) => write!(out, "payload error: {error}"),
    }
}

/// Polls a future whose transports never wait, with no executor (bounded: `None` if it
/// waited).
pub fn ready<F: Future>(future: F) -> Option<F::Output> {
    let mut future = core::pin::pin!(future);
    let mut context = core::task::Context::from_waker(core::task::Waker::noop());
    for _ in 0..100_000 {
        if let core::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return Some(output);
        }
    }
    None
}

/// Bytes as text: printable ASCII as it is, anything else as `\xNN`.
pub fn escaped(out: &mut dyn fmt::Write, bytes: &[u8]) -> fmt::Result {
    bytes.iter().try_for_each(|&b| match b {
        b' '..=b'~' if b != b'\\' => out.write_char(char::from(b)),
        _ => write!(out, "\\x{b:02X}"),
    })
}

/// One server's session over `control::Control`, the transcript served `step` bytes a read.
pub fn session(out: &mut dyn fmt::Write, server: &Server, step: usize) -> fmt::Result {
    let mut buffer = [0u8; 512];
    let transport = Pieces::new(server.replies, step);
    let mut control = Control::new(transport, &mut buffer, server.options);
    match control.read_reply() {
        Ok(greeting) => writeln!(out, "  greeting {}", greeting.code())?,
        Err(error) => return writeln!(out, "  greeting: error {error}"),
    }
    for step in server.steps {
        out.write_str("  ")?;
        escaped(out, step.command.verb().as_bytes())?;
        if !step.argument.is_empty() {
            out.write_str(" ")?;
            escaped(out, step.argument)?;
        }
        match control.run(step.command, step.argument, step.then) {
            Ok((outcome, reply)) => {
                write!(out, " -> {outcome:?} {}: ", reply.code())?;
                describe(out, step.command, &reply)?;
                writeln!(out)?;
            }
            Err(error) => writeln!(out, " -> error {error}")?,
        }
    }
    let left = control.buffered().len();
    let sent = control.into_transport().written();
    writeln!(
        out,
        "  {sent} bytes of commands sent, {left} bytes left unread"
    )
}

/// Text kept in a fixed buffer, to compare one run with another without allocating.
pub struct Text<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> Text<N> {
    pub const fn new() -> Self {
        Self {
            bytes: [0; N],
            len: 0,
        }
    }

    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.bytes[..self.len]).unwrap_or("(not UTF-8)")
    }
}

impl<const N: usize> fmt::Write for Text<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self
            .len
            .checked_add(s.len())
            .filter(|&end| end <= N)
            .ok_or(fmt::Error)?;
        self.bytes[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Every reply of a transcript with `reply::parse`, then byte by byte with `reply::Parser`.
fn parsers(out: &mut dyn fmt::Write, server: &Server) -> fmt::Result {
    let (mut rest, mut whole) = (server.replies, 0usize);
    out.write_str("  reply::parse:")?;
    while !rest.is_empty() {
        match reply::parse(rest, &server.options) {
            Ok(Status::Complete((reply, used))) => {
                write!(out, " {}/{}", reply.code(), reply.line_count())?;
                rest = &rest[used..];
                whole += 1;
            }
            Ok(Status::Partial) => return writeln!(out, " partial at the end"),
            Err(error) => return writeln!(out, " error {error}"),
        }
    }
    let mut parser = Parser::new(server.options);
    let (mut start, mut end, mut resumed) = (0, 0, 0usize);
    while end < server.replies.len() {
        end += 1;
        match parser.parse(&server.replies[start..end]) {
            Ok(Status::Complete((_, used))) => {
                start += used;
                resumed += 1;
            }
            Ok(Status::Partial) => {}
            Err(error) => return writeln!(out, "; reply::Parser: error {error}"),
        }
    }
    writeln!(
        out,
        "; {whole} replies, and {resumed} fed byte by byte to reply::Parser"
    )
}

/// The writer: replies and commands, shown as written.
fn writer(out: &mut dyn fmt::Write) -> fmt::Result {
    let mut buf = [0u8; 512];
    let mut w = Writer::new(&mut buf, WriteOptions::default());
    let time = Timestamp::new(2026, 11, 24, 9, 43, 19, 0).map_err(|_| fmt::Error)?;
    let results = [
        w.write(Code::ServiceReady),
        w.reply(
            Code::SystemStatus,
            &[&b"Features:"[..], b" EPSV", b" SIZE", b"End"],
        ),
        w.pathname(b"/say \"hi\"", b"created"),
        w.pasv(SocketAddrV4::new(Ipv4Addr::new(192, 0, 2, 7), 50021)),
        w.epsv(50021),
        w.size(1_048_576),
        w.mdtm(time),
        w.command(Command::Stor, b"up.bin"),
        w.port(SocketAddrV4::new(Ipv4Addr::new(192, 0, 2, 7), 50021)),
        w.eprt(SocketAddr::new(
            core::net::IpAddr::V6(core::net::Ipv6Addr::LOCALHOST),
            50021,
        )),
        w.command(Command::Dele, b"x\r\nDELE y"),
    ];
    for result in results {
        match result {
            Ok(n) => write!(out, " {n}")?,
            Err(error) => write!(out, " refused ({error})")?,
        }
    }
    writeln!(out)?;
    for line in w.written().split_inclusive(|&b| b == b'\n') {
        out.write_str("  ")?;
        escaped(out, line)?;
        writeln!(out)?;
    }
    Ok(())
}

/// `classify` of every code 100..=659 for every command: how many of each outcome.
fn classify(out: &mut dyn fmt::Write) -> fmt::Result {
    for &command in Command::ALL {
        let mut counts = [0u16; 6];
        for n in 100..=659 {
            let Ok(code) = ReplyCode::from_u16(n) else {
                continue;
            };
            let slot = match command.classify(code) {
                Outcome::Preliminary => 0,
                Outcome::Intermediate => 1,
                Outcome::Completed => 2,
                Outcome::TransientFailure => 3,
                Outcome::PermanentFailure => 4,
                _ => 5,
            };
            counts[slot] += 1;
        }
        let [p, i, c, t, f, u] = counts;
        writeln!(
            out,
            "  {:4} 1yz {p} 3yz {i} 2yz {c} 4yz {t} 5yz {f} unexpected {u}",
            command.verb()
        )?;
    }
    Ok(())
}

/// The whole report.
pub fn report(out: &mut dyn fmt::Write) -> fmt::Result {
    writeln!(
        out,
        "ftp-codes report: {} servers, pieces of 1, 3, 7 and 64 bytes",
        SERVERS.len()
    )?;
    for server in SERVERS {
        writeln!(out, "{}:", server.name)?;
        let mut first: Text<2048> = Text::new();
        session(&mut first, server, 1)?;
        out.write_str(first.as_str())?;
        for step in [3, 7, 64] {
            let mut again: Text<2048> = Text::new();
            session(&mut again, server, step)?;
            let same = again.as_str() == first.as_str();
            writeln!(
                out,
                "  pieces of {step}: {}",
                if same { "the same" } else { "DIFFERENT" }
            )?;
            if !same {
                out.write_str(again.as_str())?;
            }
        }
        parsers(out, server)?;
    }
    crate::client::report(out)?;
    crate::server::report(out)?;
    writeln!(out, "writer:")?;
    writer(out)?;
    writeln!(out, "classify:")?;
    classify(out)?;
    writeln!(out, "end of report")
}
