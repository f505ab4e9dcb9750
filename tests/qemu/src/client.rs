//! The client session on the microcontroller: the `embedded_async` example's `fetch` (on
//! `client::AsyncSession`) and the blocking `client::Session`, over the transcript of a
//! firmware download served in pieces, with the image arriving over an in-memory data socket.
//! Also the same exchanges through `control::Control` alone, which the firmware measures against
//! the session.

use crate::report::{Pieces, escaped, ready};
use core::fmt;
use core::net::SocketAddr;
use embedded_io::ErrorKind;
use ftp_codes::client::control::AsyncControl;
use ftp_codes::client::{AsyncDataConnection, AsyncSession, DataConnection};
use ftp_codes::reply::ParseOptions;

#[path = "../../shared/download.rs"]
pub mod download;
pub use download::{Memory, TRANSCRIPT, control_alone, session};

#[allow(unused_attributes, dead_code)] // the example's `#![no_std]` is the crate's here
#[path = "../../../ftp-codes/examples/embedded_async.rs"]
mod embedded_async;

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

impl embedded_io_async::Read for Memory {
    async fn read(&mut self, buf: &mut [u8]) -> Result<usize, ErrorKind> {
        embedded_io::Read::read(&mut self.image, buf)
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

/// The client's part of the report.
pub fn report(out: &mut dyn fmt::Write) -> fmt::Result {
    writeln!(
        out,
        "client session (the embedded_async example's fetch, then client::Session and control::Control alone):"
    )?;
    for step in [1, 3, 7, 64] {
        writeln!(out, "pieces of {step}:")?;
        fetch_line(out, step)?;
        writeln!(
            out,
            "  client::Session received {:?}, control::Control alone {:?}",
            session(step),
            control_alone(step)
        )?;
    }
    Ok(())
}
