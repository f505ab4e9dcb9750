//! Data connections and transfers: passive listeners, active connections, and the copy,
//! run in a thread of its own while the control connection is read for ABOR and STAT.

use super::connection::{Connection, is_timeout};
use super::file_system::{Authenticator, FileSystem};
use crate::Code;
use crate::server::{Event, Request};
use crate::stream::Stream;
use std::boxed::Box;
use std::io::{self, Read, Write};
use std::net::{IpAddr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::ops::RangeInclusive;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::ScopedJoinHandle;
use std::time::{Duration, Instant};

/// How often the control connection is looked at while a transfer runs.
const CONTROL_POLL: Duration = Duration::from_millis(50);
/// How often a passive listener is asked for the client's connection.
const ACCEPT_POLL: Duration = Duration::from_millis(5);

/// The data connection set up for the next transfer.
pub(super) enum DataSetup {
    /// PASV or EPSV: the client connects here.
    Passive(TcpListener),
    /// PORT or EPRT: the server connects there.
    Active(SocketAddr),
}

/// Which way the bytes go.
pub(super) enum Moved<'a> {
    /// RETR, LIST, NLST, MLSD: from the file to the client.
    Send(&'a mut Box<dyn Read + Send>),
    /// STOR, APPE: from the client to the file.
    Receive(&'a mut Box<dyn Write + Send>),
}

/// Which end of a transfer failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Side {
    /// The data connection (426).
    Data,
    /// The file (451).
    File,
}

/// What the control connection said while the transfer ran.
enum Control {
    Quiet,
    Aborted,
    Gone,
}

/// A listener for PASV or EPSV at `ip`, on a port of `ports` (the system's choice without).
pub(super) fn listen(
    ip: IpAddr,
    ports: Option<RangeInclusive<u16>>,
) -> io::Result<(TcpListener, SocketAddr)> {
    let listener = match ports {
        None => TcpListener::bind((ip, 0))?,
        Some(ports) => ports
            .into_iter()
            .find_map(|port| TcpListener::bind((ip, port)).ok())
            .ok_or_else(|| io::Error::new(io::ErrorKind::AddrInUse, "no free passive port"))?,
    };
    let address = listener.local_addr()?;
    Ok((listener, address))
}

/// The data connection: the client's, accepted within `wait` from its own address only (RFC
/// 2577 §3), or one made to it within `wait`.
fn open(setup: DataSetup, peer: IpAddr, wait: Duration) -> io::Result<TcpStream> {
    let listener = match setup {
        DataSetup::Active(address) => return TcpStream::connect_timeout(&address, wait),
        DataSetup::Passive(listener) => listener,
    };
    listener.set_nonblocking(true)?;
    let start = Instant::now();
    while start.elapsed() < wait {
        match listener.accept() {
            Ok((stream, from)) if from.ip() == peer => {
                stream.set_nonblocking(false)?;
                return Ok(stream);
            }
            // Another host: dropped, and the wait goes on.
            Ok(_) => {}
            Err(error) if error.kind() == io::ErrorKind::WouldBlock => {
                std::thread::sleep(ACCEPT_POLL);
            }
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::TimedOut,
        "no data connection",
    ))
}

/// A transfer after the file was found: 150, the data connection (425 if it does not come),
/// the copy with the control connection read meanwhile, then the last reply.
pub(super) fn run_transfer<F: FileSystem, A: Authenticator>(
    connection: &mut Connection<'_, F, A>,
    moved: Moved<'_>,
) -> io::Result<()> {
    let n = connection
        .session
        .succeed(&mut connection.out)
        .map_err(io::Error::other)?;
    connection.send(n)?;
    let setup = connection.data.take();
    let wait = connection.shared.data_wait;
    let peer = connection.peer.ip();
    let stream = setup.map_or_else(
        || Err(io::ErrorKind::NotConnected.into()),
        |setup| open(setup, peer, wait),
    );
    let Ok(stream) = stream else {
        let n = connection
            .session
            .refuse(&mut connection.out, Code::CannotOpenDataConnection)
            .map_err(io::Error::other)?;
        return connection.send(n);
    };
    let idle = Some(connection.shared.idle);
    stream.set_read_timeout(idle)?;
    stream.set_write_timeout(idle)?;
    let handle = stream.try_clone()?;
    let stream = match protect(connection, stream) {
        Ok(stream) => stream,
        // RFC 4217 §10.2: the data connection's TLS failed or was unacceptable; the text says
        // which, as vsftpd's does.
        Err(error) => {
            let text = if error.kind() == io::ErrorKind::PermissionDenied {
                "TLS session resumption required on the data connection."
            } else {
                "TLS negotiation on the data connection failed."
            };
            let n = connection.session.reply(
                &mut connection.out,
                Code::NetworkProtocolNotSupported,
                text,
            )?;
            return connection.send(n);
        }
    };
    let (stop, count) = (AtomicBool::new(false), AtomicU64::new(0));
    std::thread::scope(|scope| {
        let worker = scope.spawn(|| copy(moved, stream, &stop, &count));
        let control = watch(connection, &worker, &count);
        if !matches!(control, Ok(Control::Quiet)) {
            stop.store(true, Ordering::Relaxed);
            let _ = handle.shutdown(Shutdown::Both);
        }
        let result = worker.join().unwrap_or(Err(Side::Data));
        connection.control.tcp().set_read_timeout(idle)?;
        match control? {
            Control::Gone => Ok(()),
            control => connection.finish_transfer(result, matches!(control, Control::Aborted)),
        }
    })
}

/// Reads the control connection until the transfer ends: STAT is answered with the count so
/// far, ABOR stops the transfer; another command waits for the transfer's end.
fn watch<F: FileSystem, A: Authenticator>(
    connection: &mut Connection<'_, F, A>,
    worker: &ScopedJoinHandle<'_, Result<u64, Side>>,
    count: &AtomicU64,
) -> io::Result<Control> {
    connection
        .control
        .tcp()
        .set_read_timeout(Some(CONTROL_POLL))?;
    while !worker.is_finished() {
        let read = connection
            .session
            .read(&connection.input, &mut connection.out)?;
        let used = read.used;
        // The session reads nothing but ABOR and STAT while a transfer runs.
        let (abort, status, wait, reply) = match read.event {
            Event::Request(Request::Abort) => (true, false, false, None),
            Event::Request(_) => (false, true, false, None),
            Event::Busy | Event::StartTls(_) => (false, false, true, None),
            Event::Reply(n) | Event::Close(n) => (false, false, false, Some(n)),
            Event::Partial => (false, false, false, None),
        };
        connection.input.drain(..used);
        if abort {
            return Ok(Control::Aborted);
        }
        if wait {
            // A command that waits: the transfer runs to its end.
            return Ok(Control::Quiet);
        }
        if status {
            let text = std::format!(
                "Transfer in progress, {} bytes so far.",
                count.load(Ordering::Relaxed)
            );
            let n = connection
                .session
                .reply(&mut connection.out, Code::SystemStatus, &text)?;
            connection.send(n)?;
        } else if let Some(n) = reply {
            connection.send(n)?;
        } else {
            let mut chunk = [0u8; 1024];
            match connection.control.read(&mut chunk) {
                Ok(0) => return Ok(Control::Gone),
                Ok(n) => connection
                    .input
                    .extend_from_slice(chunk.get(..n).unwrap_or_default()),
                Err(error) if is_timeout(&error) => {}
                Err(error) => return Err(error),
            }
        }
    }
    Ok(Control::Quiet)
}

/// Moves the bytes until the end of the file (or of the client's data), or `stop`. The
/// data connection is closed on return, before the last reply is sent (RFC 959 §3.2).
fn copy(
    moved: Moved<'_>,
    mut stream: Stream,
    stop: &AtomicBool,
    count: &AtomicU64,
) -> Result<u64, Side> {
    let mut buf = std::vec![0u8; 64 * 1024];
    let mut total = 0u64;
    // Each end with the side to blame when it fails.
    let ((from, from_side), (to, to_side)): ((&mut dyn Read, Side), (&mut dyn Write, Side)) =
        match moved {
            Moved::Send(file) => ((file, Side::File), (&mut stream, Side::Data)),
            Moved::Receive(file) => ((&mut stream, Side::Data), (file, Side::File)),
        };
    loop {
        if stop.load(Ordering::Relaxed) {
            return Err(Side::Data);
        }
        let n = match from.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            // An upload whose TLS ends without close_notify (a plain close) is a failed one
            // (426): the end may have been cut. vsftpd accepts it by default; curl and
            // Python's FTP_TLS send close_notify.
            Err(_) => return Err(from_side),
        };
        to.write_all(buf.get(..n).unwrap_or_default())
            .map_err(|_| to_side)?;
        total = total.saturating_add(u64::try_from(n).unwrap_or(u64::MAX));
        count.store(total, Ordering::Relaxed);
    }
    to.flush().map_err(|_| to_side)?;
    // The data's end, said over TLS too (close_notify), before the last reply. Best effort:
    // every byte was delivered, and a client that closed first (curl, once it has the data)
    // makes this fail without the transfer being any less complete.
    let _ = stream.finish();
    Ok(total)
}

/// The data connection as the session's `PROT` wants it: TLS after `PROT P`.
fn protect<F: FileSystem, A: Authenticator>(
    connection: &Connection<'_, F, A>,
    tcp: TcpStream,
) -> io::Result<Stream> {
    if !connection.session.data_protected() {
        return Ok(Stream::plain(tcp));
    }
    #[cfg(feature = "rustls")]
    if let Some(settings) = &connection.shared.tls {
        return super::tls::accept_data(settings, tcp);
    }
    Err(io::ErrorKind::Unsupported.into())
}
