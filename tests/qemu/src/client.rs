//! The client session on the microcontroller: the `embedded_async` example's `fetch` (on
//! `client::AsyncSession`) and the blocking `client::Session`, over the transcript of a
//! firmware download served in pieces, with the image arriving over an in-memory data socket.
//! Also the same exchanges through `io::Control` alone, which the firmware measures against
//! the session.

use crate::report::{Pieces, escaped};
use core::fmt;
use core::net::SocketAddr;
use core::ops::ControlFlow;
use embedded_io::ErrorKind;
use ftp_codes::client::{AsyncDataConnection, AsyncSession, DataConnection, Session};
use ftp_codes::io::{AsyncControl, Control};
use ftp_codes::reply::ParseOptions;
use ftp_codes::{Command, Outcome};

#[allow(unused_attributes, dead_code)] // the example's `#![no_std]` is the crate's here
#[path = "../../../ftp-codes/examples/embedded_async.rs"]
mod embedded_async;

/// The server's replies to a firmware download: login, TYPE, SIZE, MDTM, EPSV, RETR, QUIT.
pub const TRANSCRIPT: &[u8] = b"220 ready\r\n331 password?\r\n230 in\r\n200 binary\r\n\
    213 11\r\n213 20261124094319\r\n229 Entering Extended Passive Mode (|||50021|)\r\n\
    150 Opening BINARY mode data connection for fw.bin (11 bytes).\r\n226 done\r\n221 bye\r\n";

const IMAGE: &[u8] = b"hello world";

impl embedded_io_async::Read for Pieces<'_> {
    async fn read(&mut self, buf: &mut [u8]) -> Result<usize, ErrorKind> {
        embedded_io::Read::read(self, buf)
    }
}

impl embedded_io_async::Write for Pieces<'_> {
    async fn write(&mut self, buf: &[u8]) -> Result<usize, ErrorKind> {
        embedded_io::Write::write(self, buf)
    }

    async fn flush(&mut self) -> Result<(), ErrorKind> {
        Ok(())
    }
}

/// The data socket: the image, `step` bytes a read; the port it was opened to.
pub struct Memory {
    image: Pieces<'static>,
    pub port: u16,
}

impl Memory {
    pub fn new(step: usize) -> Self {
        Self {
            image: Pieces::new(IMAGE, step),
            port: 0,
        }
    }
}

impl embedded_io::ErrorType for Memory {
    type Error = ErrorKind;
}

impl embedded_io_async::Read for Memory {
    async fn read(&mut self, buf: &mut [u8]) -> Result<usize, ErrorKind> {
        embedded_io::Read::read(&mut self.image, buf)
    }
}

impl DataConnection for Memory {
    type Error = ErrorKind;

    fn connect(&mut self, port: u16) -> Result<(), ErrorKind> {
        self.port = port;
        Ok(())
    }

    fn listen(&mut self) -> Result<SocketAddr, ErrorKind> {
        Err(ErrorKind::Unsupported)
    }

    fn accept(&mut self) -> Result<(), ErrorKind> {
        Err(ErrorKind::Unsupported)
    }

    fn close(&mut self) -> Result<(), ErrorKind> {
        Ok(())
    }
}

impl AsyncDataConnection for Memory {
    type Error = ErrorKind;

    async fn connect(&mut self, port: u16) -> Result<(), ErrorKind> {
        DataConnection::connect(self, port)
    }

    async fn listen(&mut self) -> Result<SocketAddr, ErrorKind> {
        Err(ErrorKind::Unsupported)
    }

    async fn accept(&mut self) -> Result<(), ErrorKind> {
        Err(ErrorKind::Unsupported)
    }

    async fn close(&mut self) -> Result<(), ErrorKind> {
        Ok(())
    }
}

/// Polls a future whose transports never wait, with no executor.
fn ready<F: Future>(future: F) -> Option<F::Output> {
    let mut future = core::pin::pin!(future);
    let mut context = core::task::Context::from_waker(core::task::Waker::noop());
    for _ in 0..10_000 {
        if let core::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return Some(output);
        }
    }
    None
}

/// The example's download, `step` bytes a read: a line of what it got.
fn fetch_line(out: &mut dyn fmt::Write, step: usize) -> fmt::Result {
    let mut buffer = [0u8; 256];
    let control = AsyncControl::new(
        Pieces::new(TRANSCRIPT, step),
        &mut buffer,
        ParseOptions::default(),
    );
    let mut image = [0u8; 64];
    let outcome = ready(async {
        let mut ftp = AsyncSession::start(control, Memory::new(step)).await?;
        ftp.login(b"alice", b"secret").await?;
        let fetched = embedded_async::fetch(&mut ftp, b"fw.bin", &mut image).await;
        let port = ftp.data_mut().port;
        let control = ftp.quit().await?;
        Ok::<_, ftp_codes::client::SessionError<ErrorKind>>((
            fetched,
            port,
            control.into_transport().written(),
        ))
    });
    match outcome {
        Some(Ok((Ok(fetched), port, sent))) => {
            write!(
                out,
                "  fetch: {} bytes (modified {}) over port {port}, {sent} bytes of commands: ",
                fetched.size, fetched.modified
            )?;
            escaped(out, image.get(..fetched.size).unwrap_or_default())?;
            writeln!(out)
        }
        Some(Ok((Err(error), ..))) => writeln!(out, "  fetch: error {error:?}"),
        Some(Err(error)) => writeln!(out, "  session: error {error}"),
        None => writeln!(out, "  fetch: never finished"),
    }
}

/// The same download on the blocking `client::Session`: the bytes received, or `None`.
pub fn session(step: usize) -> Option<usize> {
    let mut buffer = [0u8; 256];
    let control = Control::new(
        Pieces::new(TRANSCRIPT, step),
        &mut buffer,
        ParseOptions::default(),
    );
    let mut ftp = Session::start(control, Memory::new(step)).ok()?;
    ftp.login(b"alice", b"secret").ok()?;
    ftp.size(b"fw.bin").ok()?;
    ftp.mdtm(b"fw.bin").ok()?;
    let mut image = [0u8; 64];
    let mut received = 0;
    ftp.transfer(Command::Retr, b"fw.bin", 0, |data, _| {
        loop {
            let rest = image.get_mut(received..).unwrap_or_default();
            match embedded_io::Read::read(&mut data.image, rest)? {
                0 => return Ok(ControlFlow::Continue(())),
                n => received += n,
            }
        }
    })
    .ok()?;
    ftp.quit().ok()?;
    Some(received)
}

/// The same exchanges written against `io::Control` alone, as a user did before the session
/// (the glue the session replaces): the bytes received, or `None`.
pub fn control_alone(step: usize) -> Option<usize> {
    let mut buffer = [0u8; 256];
    let mut control = Control::new(
        Pieces::new(TRANSCRIPT, step),
        &mut buffer,
        ParseOptions::default(),
    );
    let mut data = Memory::new(step);
    completed(control.greeting().ok()?)?;
    completed(
        control
            .run(Command::User, b"alice", &[(Command::Pass, b"secret")])
            .ok()?,
    )?;
    completed(control.run(Command::Type, b"I", &[]).ok()?)?;
    ftp_codes::payload::size(&control.run(Command::Size, b"fw.bin", &[]).ok()?.1).ok()?;
    ftp_codes::payload::mdtm(&control.run(Command::Mdtm, b"fw.bin", &[]).ok()?.1).ok()?;
    let port = ftp_codes::payload::epsv(&control.run(Command::Epsv, b"", &[]).ok()?.1).ok()?;
    DataConnection::connect(&mut data, port).ok()?;
    if control.send(Command::Retr, b"fw.bin").ok()?.code().first_digit() != 1 {
        return None;
    }
    let mut image = [0u8; 64];
    let mut received = 0;
    loop {
        let rest = image.get_mut(received..).unwrap_or_default();
        match embedded_io::Read::read(&mut data.image, rest).ok()? {
            0 => break,
            n => received += n,
        }
    }
    completed(control.finish().ok()?)?;
    completed(control.run(Command::Quit, b"", &[]).ok()?)?;
    Some(received)
}

fn completed<T>((outcome, _): (Outcome, T)) -> Option<()> {
    (outcome == Outcome::Completed).then_some(())
}

/// The client's part of the report.
pub fn report(out: &mut dyn fmt::Write) -> fmt::Result {
    writeln!(
        out,
        "client session (the embedded_async example's fetch, then client::Session and io::Control alone):"
    )?;
    for step in [1, 3, 7, 64] {
        writeln!(out, "pieces of {step}:")?;
        fetch_line(out, step)?;
        writeln!(
            out,
            "  client::Session received {:?}, io::Control alone {:?}",
            session(step),
            control_alone(step)
        )?;
    }
    Ok(())
}
