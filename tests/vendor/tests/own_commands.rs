//! A catalogue of one's own commands where `Command` goes: the exchange, the conversation, the
//! control connection (`run`, `send`, `finish`) and the command writer, through the
//! `CommandCatalogue` trait the macro implements.

use embedded_io::{ErrorType, Read, Write};
use ftp_codes::client::control::Control;
use ftp_codes::client::exchange::{Exchange, Next};
use ftp_codes::reply::ParseOptions;
use ftp_codes::write::{WriteOptions, Writer};
use ftp_codes::{CommandCatalogue, Outcome, ReplyCode};
use ftp_codes_vendor_catalogue::VendorCommand;

/// A server's replies, served three bytes a read; what the client writes.
struct Script {
    replies: &'static [u8],
    written: Vec<u8>,
}

impl ErrorType for Script {
    type Error = core::convert::Infallible;
}

impl Read for Script {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Self::Error> {
        let n = self.replies.len().min(buf.len()).min(3);
        buf[..n].copy_from_slice(&self.replies[..n]);
        self.replies = &self.replies[n..];
        Ok(n)
    }
}

impl Write for Script {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Self::Error> {
        self.written.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}

#[test]
fn the_control_connection_runs_our_own_commands() {
    let replies =
        b"220 hi\r\n331 pass?\r\n230 in\r\n210 UTC offset is +0100.\r\n150 go\r\n226 done\r\n";
    let script = Script {
        replies,
        written: Vec::new(),
    };
    let mut buffer = [0u8; 64];
    let mut control: Control<'_, Script, VendorCommand> =
        Control::with_catalogue(script, &mut buffer, ParseOptions::default());
    control.greeting().unwrap();
    // The login sequence follows the verbs: USER's 331 asks for our catalogue's PASS.
    let (outcome, _) = control
        .run(
            VendorCommand::User,
            b"alice",
            &[(VendorCommand::Pass, b"secret")],
        )
        .unwrap();
    assert_eq!(outcome, Outcome::Completed);
    // Our own verb, with our own 210.
    let (outcome, reply) = control.run(VendorCommand::Xzon, b"", &[]).unwrap();
    assert_eq!((outcome, reply.code().as_u16()), (Outcome::Completed, 210));
    // A transfer: the completion is due after send, and finish reads it.
    assert_eq!(control.send(VendorCommand::Retr, b"f").unwrap().code(), 150);
    assert_eq!(control.conversation().due(), Some(VendorCommand::Retr));
    let (outcome, _) = control.finish().unwrap();
    assert_eq!(outcome, Outcome::Completed);
    assert_eq!(
        control.into_transport().written,
        b"USER alice\r\nPASS secret\r\nXZON\r\nRETR f\r\n"
    );
}

#[test]
fn the_exchange_and_the_writer_take_our_own_commands() {
    let code = |n| ReplyCode::from_u16(n).unwrap();
    let mut login = Exchange::new(VendorCommand::User);
    assert_eq!(login.reply(code(331)), Next::Send(VendorCommand::Pass));
    assert_eq!(login.reply(code(230)), Next::Done(Outcome::Completed));
    let mut xzon = Exchange::new(VendorCommand::Xzon);
    assert_eq!(xzon.reply(code(210)), Next::Done(Outcome::Completed));
    assert!(VendorCommand::Xzon.is("xzon"));
    assert!(!VendorCommand::Xzon.only_after_preliminary(code(210)));

    let mut buf = [0u8; 64];
    let mut out = Writer::new(&mut buf, WriteOptions::default());
    out.command(VendorCommand::Xzon, b"").unwrap();
    out.command(VendorCommand::Pass, b"").unwrap();
    assert_eq!(out.written(), b"XZON\r\nPASS \r\n");
}
