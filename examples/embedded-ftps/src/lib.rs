//! FTPS on a microcontroller: a data logger that uploads its readings over explicit TLS
//! (RFC 4217), on `ftp_codes::client::AsyncSession` and [`embedded_tls`] (TLS 1.3, client only,
//! `no_std`, no allocation). Built for `thumbv7em-none-eabihf` in CI; its test runs it on the
//! host against the example FTPS server.
//!
//! What works, and what does not:
//! - The control connection over TLS: `AUTH TLS`, the handshake with the server's certificate
//!   checked against a CA and a host name, then everything in it (login, commands, replies).
//! - Data connections over TLS (`PROT P`), each with a full handshake of its own, to a server
//!   that does not require them to resume the control connection's session (pyftpdlib,
//!   Pure-FTPd, ftp-codes' own `server::Server` by default); or in the clear (`PROT C`) where
//!   the server allows it.
//! - Not: servers that require session reuse (vsftpd's default `require_ssl_reuse=YES`,
//!   ProFTPD's `mod_tls`, FileZilla Server). embedded-tls reads the server's TLS 1.3
//!   `NewSessionTicket` messages and drops them, and has no way to offer one (its
//!   `with_psk` is an external PSK, with the other binder label). BENCHMARKS.md ("FTPS on the
//!   microcontroller") says what resumption would take: a ticket store of the caller's (one
//!   ticket is the server's opaque bytes, some 200 bytes from OpenSSL, plus a 32- or 48-byte
//!   secret), the resumption secret from the key schedule, and a `pre_shared_key` extension
//!   with the resumption binder.
//!
//! With embassy-net, the control socket is a `TcpSocket` connected to port 21, and
//! [`Connect`] opens a second one for each data connection:
//!
//! ```text
//! struct Sockets<'a> { stack: Stack<'a>, server: IpAddress, rx: &'a mut [u8], tx: &'a mut [u8] }
//! impl Connect for Sockets<'_> {
//!     type Socket<'s> = TcpSocket<'s> where Self: 's;
//!     async fn connect(&mut self, port: u16) -> Result<TcpSocket<'_>, TlsError> { ... }
//! }
//! ```

#![no_std]

use core::ops::ControlFlow;
use embedded_io_async::{Error as _, Read, Write};
use embedded_tls::{
    Aes128GcmSha256, Certificate, CryptoProvider, TlsConfig, TlsConnection, TlsContext, TlsError,
    TlsVerifier,
};
use ftp_codes::client::control::{AsyncControl, ControlError};
use ftp_codes::client::{AsyncDataConnection, AsyncSession, SessionError};
use ftp_codes::reply::ParseOptions;
use ftp_codes::{Command, Outcome, ReplyCode};
use rand_core::CryptoRngCore;

/// The cipher suite: TLS 1.3's mandatory one (RFC 8446 §9.1), which every server offers.
pub type Suite = Aes128GcmSha256;

/// The largest server certificate (DER) the verifier keeps while it checks the handshake's
/// signature.
const CERTIFICATE_SIZE: usize = 2048;

/// The randomness and the certificate check of one TLS connection.
pub struct Provider<'a, R> {
    rng: R,
    verifier: embedded_tls::pki::CertVerifier<'a, Suite, embedded_tls::NoClock, CERTIFICATE_SIZE>,
}

impl<'a, R: CryptoRngCore> Provider<'a, R> {
    /// `rng` (a hardware generator), and the CA certificate (DER) the server's chain must end
    /// in. Without a clock the certificates' validity dates are not checked: give the device
    /// one (`TlsClock`) where it has the time.
    pub fn new(rng: R, ca_der: &'a [u8]) -> Self {
        Self {
            rng,
            verifier: embedded_tls::pki::CertVerifier::new(Certificate::X509(ca_der)),
        }
    }
}

impl<R: CryptoRngCore> CryptoProvider for Provider<'_, R> {
    type CipherSuite = Suite;
    type Signature = &'static [u8];

    fn rng(&mut self) -> impl CryptoRngCore {
        &mut self.rng
    }

    fn verifier(&mut self) -> Result<&mut impl TlsVerifier<Suite>, TlsError> {
        Ok(&mut self.verifier)
    }
}

/// Opens the data connections: TCP to the control connection's server at a port.
pub trait Connect {
    /// A connected socket.
    type Socket: Read + Write;

    /// Connects to the server's `port` (from its EPSV or PASV reply).
    fn connect(&mut self, port: u16) -> impl Future<Output = Result<Self::Socket, TlsError>>;
}

/// The session's data connection: the socket [`Connect`] opened, in the clear; the upload runs
/// TLS on it once the server sent its 150 (RFC 4217 §9: the server starts TLS on the data
/// connection after the transfer command).
pub struct DataSocket<K: Connect> {
    connector: K,
    socket: Option<K::Socket>,
}

impl<K: Connect> AsyncDataConnection for DataSocket<K> {
    type Error = TlsError;

    async fn connect(&mut self, port: u16) -> Result<(), TlsError> {
        self.socket = Some(self.connector.connect(port).await?);
        Ok(())
    }

    async fn listen(&mut self) -> Result<core::net::SocketAddr, TlsError> {
        Err(TlsError::Unimplemented) // passive only
    }

    async fn accept(&mut self) -> Result<(), TlsError> {
        Err(TlsError::Unimplemented)
    }

    async fn close(&mut self) -> Result<(), TlsError> {
        self.socket = None;
        Ok(())
    }
}

/// The memory it runs in, all the caller's: the TLS records of the control and of the data
/// connection (16,640 bytes to read a record of any size, less if the server honours a
/// smaller maximum fragment length; some hundreds to write), and the reply buffer.
pub struct Buffers<'a> {
    /// The control connection's incoming TLS records.
    pub control_read: &'a mut [u8],
    /// The control connection's outgoing TLS records.
    pub control_write: &'a mut [u8],
    /// The data connection's incoming TLS records (the handshake's).
    pub data_read: &'a mut [u8],
    /// The data connection's outgoing TLS records (the upload's).
    pub data_write: &'a mut [u8],
    /// Room for the longest reply (a few hundred bytes).
    pub replies: &'a mut [u8],
}

/// How the data connections are protected (RFC 4217 §9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protection {
    /// `PROT P`: TLS, a full handshake each.
    Private,
    /// `PROT C`: in the clear, where the server allows it.
    Clear,
}

/// Why an upload failed.
#[derive(Debug)]
pub enum Error<E> {
    /// The control connection before TLS: `E` is the socket's error.
    Plain(ControlError<E>),
    /// The server refused `AUTH TLS` (or greeted with a refusal): its code.
    Refused(ReplyCode),
    /// The TLS handshake of the control connection failed (a certificate not from the CA or
    /// not for the name is `InvalidCertificate`); nothing more was sent.
    Tls(TlsError),
    /// The session over TLS failed or was refused.
    Session(SessionError<TlsError>),
}

impl<E> From<SessionError<TlsError>> for Error<E> {
    fn from(error: SessionError<TlsError>) -> Self {
        Self::Session(error)
    }
}

/// What to upload, where, as whom.
#[derive(Clone, Copy, Debug)]
pub struct Upload<'a> {
    /// The server's host name, as its certificate names it.
    pub server_name: &'a str,
    /// The login.
    pub user: &'a [u8],
    /// The password.
    pub password: &'a [u8],
    /// The remote file.
    pub path: &'a [u8],
    /// Its contents.
    pub bytes: &'a [u8],
    /// The data connection's protection.
    pub protection: Protection,
}

/// Greeting, `AUTH TLS`, the TLS handshake (the server's certificate checked by
/// `control_provider`), `PBSZ 0` and `PROT P` or `PROT C`, the login, `STOR` of `upload.bytes`
/// over a data connection from `connector` (TLS checked by `data_provider`, ended with
/// `close_notify`), and `QUIT`.
pub async fn upload<S, K, R>(
    control: S,
    connector: K,
    buffers: Buffers<'_>,
    control_provider: &mut Provider<'_, R>,
    data_provider: &mut Provider<'_, R>,
    upload: Upload<'_>,
) -> Result<(), Error<S::Error>>
where
    S: Read + Write,
    K: Connect,
    R: CryptoRngCore,
{
    let Buffers {
        control_read,
        control_write,
        data_read,
        data_write,
        replies,
    } = buffers;
    // In the clear: the greeting and AUTH TLS.
    let mut plain = AsyncControl::new(control, replies, ParseOptions::default());
    let (outcome, greeting) = plain.greeting().await.map_err(Error::Plain)?;
    if outcome != Outcome::Completed {
        return Err(Error::Refused(greeting.code()));
    }
    let (outcome, reply) = plain
        .run(Command::Auth, b"TLS", &[])
        .await
        .map_err(Error::Plain)?;
    if outcome != Outcome::Completed {
        return Err(Error::Refused(reply.code()));
    }
    // The same control connection over TLS; what the server sent before the handshake is
    // dropped (CVE-2021-22947).
    let Ok(mut control) = plain.map_transport(|socket| {
        Ok::<_, core::convert::Infallible>(TlsConnection::new(socket, control_read, control_write))
    });
    let config = TlsConfig::new().with_server_name(upload.server_name);
    control
        .transport_mut()
        .open(TlsContext::new(&config, &mut *control_provider))
        .await
        .map_err(Error::Tls)?;
    let data = DataSocket {
        connector,
        socket: None,
    };
    let mut ftp = AsyncSession::greeted(control, data);
    match upload.protection {
        Protection::Private => ftp.protect_data().await?,
        Protection::Clear => {
            ftp.command(Command::Pbsz, b"0").await?;
            ftp.command(Command::Prot, b"C").await?;
        }
    }
    ftp.login(upload.user, upload.password).await?;
    let (bytes, protection) = (upload.bytes, upload.protection);
    ftp.transfer(
        Command::Stor,
        upload.path,
        0,
        async |data: &mut DataSocket<K>, _started| {
            let socket = data.socket.take().ok_or(TlsError::MissingHandshake)?;
            if protection == Protection::Clear {
                let mut socket = socket;
                socket
                    .write_all(bytes)
                    .await
                    .map_err(|e| TlsError::Io(e.kind()))?;
                socket.flush().await.map_err(|e| TlsError::Io(e.kind()))?;
                return Ok(ControlFlow::Continue(()));
            }
            let mut tls = TlsConnection::new(socket, &mut *data_read, &mut *data_write);
            tls.open(TlsContext::new(&config, &mut *data_provider))
                .await?;
            tls.write_all(bytes).await?;
            tls.flush().await?;
            // close_notify: the server knows the file ended here, and was not cut.
            data.socket = Some(tls.close().await.map_err(|(_, error)| error)?);
            Ok(ControlFlow::Continue(()))
        },
    )
    .await?;
    ftp.quit().await?;
    Ok(())
}
