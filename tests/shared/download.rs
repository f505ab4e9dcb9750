//! A firmware download (login, TYPE, SIZE, MDTM, EPSV, RETR, QUIT) over an in-memory
//! transport, through `client::Session` and through `control::Control` alone (the glue the session
//! replaces): the QEMU firmware measures both, and so do the benchmarks (each includes this
//! file with `#[path]`, next to `pieces.rs`).

use super::Pieces;
use core::net::SocketAddr;
use core::ops::ControlFlow;
use embedded_io::ErrorKind;
use ftp_codes::client::control::Control;
use ftp_codes::client::{DataConnection, Session};
use ftp_codes::reply::ParseOptions;
use ftp_codes::{Command, Outcome};

/// The server's replies to a firmware download: login, TYPE, SIZE, MDTM, EPSV, RETR, QUIT.
pub const TRANSCRIPT: &[u8] = b"220 ready\r\n331 password?\r\n230 in\r\n200 binary\r\n\
    213 11\r\n213 20261124094319\r\n229 Entering Extended Passive Mode (|||50021|)\r\n\
    150 Opening BINARY mode data connection for fw.bin (11 bytes).\r\n226 done\r\n221 bye\r\n";

const IMAGE: &[u8] = b"hello world";

/// The data socket: the image, `step` bytes a read; the port it was opened to.
pub struct Memory {
    pub image: Pieces<'static>,
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

/// The same exchanges written against `control::Control` alone, as a user did before the session
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
    if control
        .send(Command::Retr, b"fw.bin")
        .ok()?
        .code()
        .first_digit()
        != 1
    {
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
