//! A minimal firmware image: an entry point that uses a chosen part of ftp-codes on inputs the
//! optimiser cannot see (`black_box`), so that exactly that part is linked. Built by
//! `flash/report` for `thumbv7em-none-eabihf`.

#![no_std]
#![no_main]
// Each use below is wrapped in `black_box` only to keep it linked.
#![allow(unused_must_use, unused_imports)]

use core::hint::black_box;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    loop {}
}

/// The image's entry point (the linker is told to start here).
#[unsafe(no_mangle)]
pub extern "C" fn entry() -> ! {
    loop {
        use_the_crate();
    }
}

#[inline(never)]
fn use_the_crate() {
    #[cfg(feature = "lookup")]
    {
        use ftp_codes::{Code, ReplyCode};
        let n = black_box(550u16);
        black_box(Code::from_u16(n).map(Code::text));
        let _ = black_box(
            ReplyCode::from_ascii(black_box(b"421"))
                .map(|c| (c.category(), c.group(), c.is_negative())),
        );
    }
    #[cfg(feature = "descriptions")]
    {
        black_box(ftp_codes::Code::from_u16(black_box(550)).map(ftp_codes::Code::description));
    }
    #[cfg(any(feature = "parse", feature = "parse-alone"))]
    {
        use ftp_codes::payload;
        use ftp_codes::reply::{self, ParseOptions, Status};
        let buf: &[u8] = black_box(b"227 Entering Passive Mode (10,0,0,1,4,1).\r\n");
        if let Ok(Status::Complete((reply, _))) = reply::parse(buf, &ParseOptions::lenient()) {
            black_box(payload::pasv(&reply));
            black_box(payload::epsv(&reply));
            black_box(payload::size(&reply));
            black_box(payload::mdtm(&reply));
            black_box(payload::pathname(&reply).map(|p| p.raw()));
            black_box(payload::features(&reply).map(|f| f.count()));
            black_box(reply.lines().count());
        }
    }
    #[cfg(feature = "memory")]
    {
        // The C memory routines any firmware with a network stack links (smoltcp and
        // embassy-net copy with them): what the rows that copy bytes are charged for them.
        let mut buf = black_box([0u8; 64]);
        let at = black_box(3usize) % 32;
        buf.copy_within(at..at + 16, 0);
        let src = black_box([1u8; 48]);
        buf[..at + 8].copy_from_slice(&src[..at + 8]);
        buf[at..at + 20].fill(0);
        black_box(buf);
    }
    #[cfg(feature = "listing")]
    {
        use ftp_codes::listing::{self, ListOptions};
        use ftp_codes::payload::Timestamp;
        if let Ok(facts) = listing::mlsx(black_box(b"type=file;size=12;modify=20240229123456; a b"))
        {
            black_box((
                facts.name(),
                facts.kind(),
                facts.size(),
                facts.modified(),
                facts.fact(b"perm"),
            ));
        }
        black_box(listing::mlst(black_box(b" type=dir; /pub")).map(|f| f.kind()));
        if let Ok(now) = Timestamp::new(2024, 3, 1, 12, 0, 0, 0) {
            let options = ListOptions::default().with_now(black_box(now));
            let line: &[u8] = black_box(b"-rw-r--r-- 1 ftp ftp 12 Feb 29 10:30 a b");
            if let Ok(entry) = listing::list(line, &options) {
                black_box((
                    entry.name(),
                    entry.kind(),
                    entry.size(),
                    entry.modified(),
                    entry.link_target(),
                ));
            }
        }
    }
    #[cfg(feature = "listing-writer")]
    {
        use ftp_codes::listing::{FactSet, Kind, Listed};
        use ftp_codes::payload::Timestamp;
        use ftp_codes::write::{WriteOptions, Writer};
        let mut buf = [0u8; 128];
        let mut out = Writer::new(&mut buf, WriteOptions::default());
        if let Ok(now) = Timestamp::new(2024, 3, 1, 12, 0, 0, 0) {
            let entry = Listed::new(black_box(b"a b"), Kind::File)
                .with_size(black_box(12))
                .with_modified(now);
            black_box(out.mlsx_entry(&entry, FactSet::DEFAULT));
            black_box(out.ls_entry(&entry, black_box(now)));
        }
        black_box(out.written());
    }
    #[cfg(feature = "commands")]
    {
        use ftp_codes::{Command, ReplyCode};
        if let Some(command) = Command::from_verb(black_box(b"retr")) {
            black_box(command.verb());
            if let Ok(code) = ReplyCode::from_u16(black_box(226)) {
                black_box(command.classify(code));
            }
        }
    }
    #[cfg(feature = "command-writer")]
    {
        use ftp_codes::Command;
        use ftp_codes::write::{WriteOptions, Writer};
        let mut buf = [0u8; 128];
        let mut out = Writer::new(&mut buf, WriteOptions::default());
        black_box(
            out.command(black_box(Command::Retr), black_box(b"file.bin"))
                .ok(),
        );
        black_box(out.written());
    }
    #[cfg(feature = "control")]
    {
        use ftp_codes::Command;
        use ftp_codes::client::control::Control;
        use ftp_codes::reply::ParseOptions;
        let mut buffer = [0u8; 256];
        let mut control = Control::new(
            Wire(black_box(b"220 Hi\r\n331 Pw\r\n230 In\r\n")),
            &mut buffer,
            ParseOptions::default(),
        );
        black_box(control.read_reply().map(|r| r.code()).ok());
        black_box(
            control
                .run(Command::User, b"u", &[(Command::Pass, b"p")])
                .map(|(o, r)| (o, r.code()))
                .ok(),
        );
    }
    #[cfg(feature = "client")]
    {
        use ftp_codes::Command;
        use ftp_codes::client::Session;
        use ftp_codes::client::control::Control;
        use ftp_codes::reply::ParseOptions;
        let mut buffer = [0u8; 256];
        let control = Control::new(
            Wire(black_box(b"220 Hi\r\n")),
            &mut buffer,
            ParseOptions::default(),
        );
        if let Ok(mut ftp) = Session::start(control, Data) {
            black_box(ftp.login(b"u", b"p").ok());
            black_box(ftp.size(b"f").ok());
            black_box(ftp.mdtm(b"f").ok());
            let mut received = 0usize;
            black_box(
                ftp.transfer(Command::Retr, b"f", 0, |_, started| {
                    received += started.reply().map_or(0, |reply| reply.raw().len());
                    Ok(core::ops::ControlFlow::Continue(()))
                })
                .ok(),
            );
            black_box(received);
            black_box(ftp.rename(b"f", b"g").ok());
            black_box(ftp.command(Command::Dele, b"g").ok());
            black_box(
                ftp.quit()
                    .ok()
                    .map(|control| control.into_transport().0.len()),
            );
        }
    }
    #[cfg(feature = "ftps")]
    {
        use ftp_codes_embedded_ftps::{Buffers, Connect, Protection, Provider, Upload, upload};
        let (mut control_read, mut control_write) = ([0u8; 16_640], [0u8; 4096]);
        let (mut data_read, mut data_write) = ([0u8; 16_640], [0u8; 4096]);
        let mut replies = [0u8; 512];
        let buffers = Buffers {
            control_read: &mut control_read,
            control_write: &mut control_write,
            data_read: &mut data_read,
            data_write: &mut data_write,
            replies: &mut replies,
        };
        let ca: &[u8] = black_box(&[0x30, 0x82]);
        let mut control_provider = Provider::new(Rng(black_box(1)), ca);
        let mut data_provider = Provider::new(Rng(black_box(2)), ca);
        let job = Upload {
            server_name: black_box("ftp.example.net"),
            user: b"logger",
            password: b"secret",
            path: b"readings.csv",
            bytes: black_box(b"t,22.5\n"),
            protection: if black_box(true) {
                Protection::Private
            } else {
                Protection::Clear
            },
        };
        let future = upload(
            AsyncWire(black_box(b"220 Hi\r\n234 Go\r\n")),
            Sockets,
            buffers,
            &mut control_provider,
            &mut data_provider,
            job,
        );
        // One poll with a waker that does nothing: the wire never waits, so this runs the
        // whole exchange the input allows, and links all of it.
        let mut future = core::pin::pin!(future);
        let mut context = core::task::Context::from_waker(core::task::Waker::noop());
        black_box(future.as_mut().poll(&mut context).is_ready());
    }
    #[cfg(feature = "server")]
    {
        use ftp_codes::server::{Event, Request, Session};
        let mut session: Session<64> = Session::default();
        let mut out = [0u8; 512];
        black_box(session.greet(&mut out).ok());
        let mut input: &[u8] = black_box(b"USER a\r\nPASS b\r\nEPSV\r\nRETR f\r\nQUIT\r\n");
        while let Ok(read) = session.read(input, &mut out) {
            let used = read.used;
            let n = match read.event {
                Event::Reply(n) | Event::Close(n) => Some(n),
                Event::Request(Request::Passive(_)) => session
                    .passive(
                        &mut out,
                        black_box(core::net::SocketAddr::from(([127, 0, 0, 1], 2000))),
                    )
                    .ok(),
                Event::Request(Request::Size(..)) => {
                    session.answer(&mut out, |w| w.size(black_box(12))).ok()
                }
                Event::Request(_) => session.succeed(&mut out).ok(),
                _ => None,
            };
            black_box(n.map(|n| out.get(..n)));
            if used == 0 || session.is_closed() {
                break;
            }
            input = input.get(used..).unwrap_or_default();
        }
    }
    #[cfg(feature = "write")]
    {
        use ftp_codes::Code;
        use ftp_codes::write::{WriteOptions, Writer};
        let mut buf = [0u8; 256];
        let mut out = Writer::new(&mut buf, WriteOptions::default());
        black_box(out.write(black_box(Code::ServiceReady)).ok());
        black_box(
            out.pasv(black_box(core::net::SocketAddrV4::new(
                core::net::Ipv4Addr::new(10, 0, 0, 1),
                1025,
            )))
            .ok(),
        );
        black_box(out.pathname(black_box(b"/pub"), b"created").ok());
        black_box(out.size(black_box(1234)).ok());
        black_box(out.written());
    }
}

/// A data connection that opens and closes without moving anything.
#[cfg(feature = "client")]
struct Data;

#[cfg(feature = "client")]
impl ftp_codes::client::DataConnection for Data {
    type Error = embedded_io::ErrorKind;
    fn connect(&mut self, port: u16) -> Result<(), Self::Error> {
        black_box(port);
        Ok(())
    }
    fn listen(&mut self) -> Result<core::net::SocketAddr, Self::Error> {
        Err(embedded_io::ErrorKind::Unsupported)
    }
    fn accept(&mut self) -> Result<(), Self::Error> {
        Err(embedded_io::ErrorKind::Unsupported)
    }
    fn close(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}

/// A transport that serves fixed bytes and swallows writes.
#[cfg(feature = "control")]
struct Wire(&'static [u8]);

/// Copies the next bytes of `from` into `buf`: the wires' reads.
#[cfg(any(feature = "control", feature = "ftps"))]
fn serve(from: &mut &'static [u8], buf: &mut [u8]) -> usize {
    let n = buf.len().min(from.len());
    let (now, later) = from.split_at(n);
    if let Some(target) = buf.get_mut(..n) {
        target.copy_from_slice(now);
    }
    *from = later;
    n
}

#[cfg(feature = "control")]
impl embedded_io::ErrorType for Wire {
    type Error = embedded_io::ErrorKind;
}

#[cfg(feature = "control")]
impl embedded_io::Read for Wire {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Self::Error> {
        Ok(serve(&mut self.0, buf))
    }
}

#[cfg(feature = "control")]
impl embedded_io::Write for Wire {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Self::Error> {
        Ok(buf.len())
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}

/// The `ftps` row's transport: fixed bytes in, writes swallowed, never waiting.
#[cfg(feature = "ftps")]
struct AsyncWire(&'static [u8]);

#[cfg(feature = "ftps")]
impl embedded_io_async::ErrorType for AsyncWire {
    type Error = embedded_io_async::ErrorKind;
}

#[cfg(feature = "ftps")]
impl embedded_io_async::Read for AsyncWire {
    async fn read(&mut self, buf: &mut [u8]) -> Result<usize, Self::Error> {
        Ok(serve(&mut self.0, buf))
    }
}

#[cfg(feature = "ftps")]
impl embedded_io_async::Write for AsyncWire {
    async fn write(&mut self, buf: &[u8]) -> Result<usize, Self::Error> {
        Ok(buf.len())
    }

    async fn flush(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}

/// The `ftps` row's data connections: the same wire.
#[cfg(feature = "ftps")]
struct Sockets;

#[cfg(feature = "ftps")]
impl ftp_codes_embedded_ftps::Connect for Sockets {
    type Socket = AsyncWire;
    async fn connect(&mut self, port: u16) -> Result<AsyncWire, embedded_tls::TlsError> {
        Ok(AsyncWire(black_box(if port > 0 { b"" } else { b"x" })))
    }
}

/// Not random at all: the row measures code size; a device uses its hardware generator.
#[cfg(feature = "ftps")]
struct Rng(u64);

#[cfg(feature = "ftps")]
impl rand_core::RngCore for Rng {
    fn next_u32(&mut self) -> u32 {
        self.next_u64() as u32
    }
    fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        for byte in dest {
            *byte = self.next_u64() as u8;
        }
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}

#[cfg(feature = "ftps")]
impl rand_core::CryptoRng for Rng {}
