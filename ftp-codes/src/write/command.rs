//! Command lines for clients: `VERB [argument]\r\n`, with nothing a hostile name can inject.

use super::argument::{eprt_argument, lprt_argument, port_argument};
use super::emit::check;
use super::{WriteError, Writer};
use crate::CommandCatalogue;
use crate::command::Argument;

/// Telnet Interrupt Process then Data Mark, before ABOR (RFC 959 §4.1.3).
const INTERRUPT: [u8; 4] = [0xFF, 0xF4, 0xFF, 0xF2];

impl Writer<'_> {
    /// Appends a command line for a catalogued command: `RETR notes.txt\r\n`. An empty
    /// argument writes the verb alone.
    ///
    /// Refused before anything is written: a CR, LF or NUL in the argument (a file name holding
    /// `\r\nDELE x` would be a second command: CVE-2017-3533, bpo-30119,
    /// GHSA-8mhj-xm4h-m5m6), a 0xFF (Telnet IAC: ProFTPD read `keep\xff\xf4.txt` as
    /// `keep.txt`) unless [`WriteOptions::with_double_iac`](super::WriteOptions::with_double_iac)
    /// doubles it, a missing argument where the command needs one, and an argument to a
    /// command that takes none. An empty password is written `PASS ` with an empty argument,
    /// as ftplib does (accounts without one exist). `ABOR` gets Telnet's `IAC IP IAC DM`
    /// first when
    /// [`with_interrupt_before_abor`](super::WriteOptions::with_interrupt_before_abor) says so.
    ///
    /// Any command catalogue works ([`CommandCatalogue`]): [`Command`](crate::Command), or one
    /// of your own.
    ///
    /// ```
    /// use ftp_codes::{Command, write::{WriteError, WriteOptions, Writer}};
    ///
    /// let mut buf = [0u8; 64];
    /// let mut out = Writer::new(&mut buf, WriteOptions::default());
    /// out.command(Command::Retr, b"notes.txt")?;
    /// out.command(Command::Pwd, b"")?;
    /// assert_eq!(out.written(), b"RETR notes.txt\r\nPWD\r\n");
    /// let evil = b"x\r\nDELE important";
    /// assert_eq!(out.command(Command::Dele, evil), Err(WriteError::ForbiddenArgumentByte { byte: b'\r' }));
    /// assert_eq!(out.command(Command::Dele, b"keep\xff\xf4.txt"), Err(WriteError::ForbiddenArgumentByte { byte: 0xFF }));
    /// assert_eq!(out.command(Command::Dele, b""), Err(WriteError::MissingArgument));
    /// assert_eq!(out.command(Command::Pwd, b"/"), Err(WriteError::UnexpectedArgument));
    /// assert_eq!(out.written(), b"RETR notes.txt\r\nPWD\r\n"); // nothing of the refused ones
    /// # Ok::<(), WriteError>(())
    /// ```
    pub fn command<C: CommandCatalogue>(
        &mut self,
        command: C,
        argument: &[u8],
    ) -> Result<usize, WriteError> {
        match (command.argument(), argument.is_empty()) {
            (Argument::Required, true) if command.is("PASS") => {
                return self.empty_argument(command.verb().as_bytes());
            }
            (Argument::Required, true) => return Err(WriteError::MissingArgument),
            (Argument::None, false) => return Err(WriteError::UnexpectedArgument),
            _ => {}
        }
        let interrupt = command.is("ABOR") && self.options().interrupt_before_abor;
        self.command_line(command.verb().as_bytes(), argument, interrupt)
    }

    /// `VERB \r\n`: the verb, its space and an empty argument.
    fn empty_argument(&mut self, verb: &[u8]) -> Result<usize, WriteError> {
        self.transaction(|sink| {
            sink.put(verb)?;
            sink.put(b" \r\n")
        })
    }

    /// Appends a command line for a verb outside the catalogue (`XCRC`, `CLNT`, a site's own):
    /// one to four ASCII letters, written as given; the argument is checked as in
    /// [`command`](Self::command), but whether it is needed is the caller's to know.
    ///
    /// ```
    /// use ftp_codes::write::{WriteError, WriteOptions, Writer};
    ///
    /// let mut buf = [0u8; 64];
    /// let mut out = Writer::new(&mut buf, WriteOptions::default());
    /// out.command_verb(b"XCRC", b"file.bin")?;
    /// assert_eq!(out.written(), b"XCRC file.bin\r\n");
    /// assert_eq!(out.command_verb(b"X CRC", b""), Err(WriteError::InvalidVerb));
    /// # Ok::<(), WriteError>(())
    /// ```
    pub fn command_verb(&mut self, verb: &[u8], argument: &[u8]) -> Result<usize, WriteError> {
        if !(1..=4).contains(&verb.len()) || !verb.iter().all(u8::is_ascii_alphabetic) {
            return Err(WriteError::InvalidVerb);
        }
        self.command_line(verb, argument, false)
    }

    fn command_line(
        &mut self,
        verb: &[u8],
        argument: &[u8],
        interrupt: bool,
    ) -> Result<usize, WriteError> {
        check(&[argument], self.options().double_iac).map_err(|error| match error {
            WriteError::ForbiddenByte { byte, .. } => WriteError::ForbiddenArgumentByte { byte },
            other => other,
        })?;
        let double_iac = self.options().double_iac;
        self.transaction(|sink| {
            if interrupt {
                sink.put(&INTERRUPT)?;
            }
            sink.put(verb)?;
            if !argument.is_empty() {
                sink.put(b" ")?;
                sink.text(argument, double_iac)?;
            }
            sink.put(b"\r\n")
        })
    }
}

impl Writer<'_> {
    /// `PORT h1,h2,h3,h4,p1,p2`, read back by [`command::port`](crate::command::port). Port 0
    /// cannot be written.
    ///
    /// ```
    /// use ftp_codes::write::{WriteOptions, Writer};
    /// use std::net::SocketAddrV4;
    ///
    /// let mut buf = [0u8; 64];
    /// let mut out = Writer::new(&mut buf, WriteOptions::default());
    /// out.port("192.168.1.2:5001".parse::<SocketAddrV4>()?)?;
    /// assert_eq!(out.written(), b"PORT 192,168,1,2,19,137\r\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn port(&mut self, address: core::net::SocketAddrV4) -> Result<usize, WriteError> {
        let argument = port_argument(address)?;
        self.command_line(b"PORT", argument.as_bytes(), false)
    }

    /// `EPRT |1|a.b.c.d|port|` or `EPRT |2|ipv6|port|` (RFC 2428), read back by
    /// [`command::eprt`](crate::command::eprt). Port 0 cannot be written.
    ///
    /// ```
    /// use ftp_codes::write::{WriteOptions, Writer};
    ///
    /// let mut buf = [0u8; 64];
    /// let mut out = Writer::new(&mut buf, WriteOptions::default());
    /// out.eprt("[::1]:2121".parse()?)?;
    /// assert_eq!(out.written(), b"EPRT |2|::1|2121|\r\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn eprt(&mut self, address: core::net::SocketAddr) -> Result<usize, WriteError> {
        let argument = eprt_argument(address)?;
        self.command_line(b"EPRT", argument.as_bytes(), false)
    }

    /// `LPRT af,hal,h1,...,pal,p1,p2` (RFC 1639), read back by
    /// [`command::lprt`](crate::command::lprt). Port 0 cannot be written.
    ///
    /// ```
    /// use ftp_codes::write::{WriteOptions, Writer};
    ///
    /// let mut buf = [0u8; 128];
    /// let mut out = Writer::new(&mut buf, WriteOptions::default());
    /// out.lprt("127.0.0.1:1025".parse()?)?;
    /// assert_eq!(out.written(), b"LPRT 4,4,127,0,0,1,2,4,1\r\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lprt(&mut self, address: core::net::SocketAddr) -> Result<usize, WriteError> {
        if address.port() == 0 {
            return Err(WriteError::Unrepresentable);
        }
        let argument = lprt_argument(address)?;
        self.command_line(b"LPRT", argument.as_bytes(), false)
    }
}
