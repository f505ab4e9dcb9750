//! FTPS for [`Client`] (feature `rustls`): the roots a server's certificate is checked
//! against, and [`Client::secure`], which runs `AUTH TLS`, the handshake, `PBSZ 0` and
//! `PROT P`.

use super::{Client, Error, Result};
use crate::client::control::FromStd;
use crate::stream::Stream;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use rustls::{ClientConfig, RootCertStore};
use std::io;
use std::net::TcpStream;
use std::path::Path;
use std::string::ToString;
use std::sync::Arc;

/// What [`Client::secure`] runs TLS with: the roots the server's certificate must chain to,
/// TLS 1.2 and 1.3, and rustls's session cache, from which every data connection resumes the
/// control connection's session (TLS 1.3 tickets are single-use: each data connection takes
/// one, and stores the one the server sends on it for the next).
#[derive(Clone, Debug)]
pub struct TlsSettings {
    config: Arc<ClientConfig>,
}

impl TlsSettings {
    /// The operating system's trusted roots (on Linux, the distribution's CA bundle), as curl
    /// and browsers trust them. Fails when none can be read.
    pub fn system_roots() -> io::Result<Self> {
        let found = rustls_native_certs::load_native_certs();
        let mut roots = RootCertStore::empty();
        let (added, _) = roots.add_parsable_certificates(found.certs);
        if added == 0 {
            let why = found
                .errors
                .first()
                .map_or_else(|| "no trusted roots found".to_string(), ToString::to_string);
            return Err(io::Error::new(io::ErrorKind::NotFound, why));
        }
        Self::from_roots(roots)
    }

    /// The certificates of a PEM file as the only roots (curl's `--cacert`): a private CA, a
    /// server's self-signed certificate.
    pub fn from_ca_file(path: impl AsRef<Path>) -> io::Result<Self> {
        let mut roots = RootCertStore::empty();
        for certificate in CertificateDer::pem_file_iter(path.as_ref()).map_err(io::Error::other)? {
            roots
                .add(certificate.map_err(io::Error::other)?)
                .map_err(io::Error::other)?;
        }
        if roots.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "no certificate in the CA file",
            ));
        }
        Self::from_roots(roots)
    }

    /// A rustls configuration of yours (other roots, TLS 1.2 only, a client certificate).
    /// Keep its session resumption on: servers that require the data connection to resume
    /// the control connection's session (vsftpd's default) refuse transfers without it.
    pub fn from_config(config: Arc<ClientConfig>) -> Self {
        Self { config }
    }

    fn from_roots(roots: RootCertStore) -> io::Result<Self> {
        // ring builds with a C compiler alone, as on the server's side.
        #[allow(deprecated)]
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(io::Error::other)?
            .with_root_certificates(roots)
            .with_no_client_auth();
        Ok(Self::from_config(Arc::new(config)))
    }
}

/// What the data connections need to run TLS as the control connection does: the
/// configuration (with its session cache) and the server's name, under which the sessions to
/// resume are kept.
#[derive(Clone, Debug)]
pub(crate) struct DataTls {
    config: Arc<ClientConfig>,
    name: ServerName<'static>,
}

impl DataTls {
    /// A TLS client on `tcp`; the handshake runs with the first read or write, once the
    /// server, after its 150, is ready for it.
    pub(crate) fn client(&self, tcp: TcpStream) -> io::Result<Stream> {
        let connection = rustls::ClientConnection::new(Arc::clone(&self.config), self.name.clone())
            .map_err(io::Error::other)?;
        Ok(Stream::tls_client(connection, tcp))
    }
}

impl Client {
    /// Explicit FTPS (RFC 4217): `AUTH TLS`, the TLS handshake with the server's certificate
    /// checked for `server_name` (a host name, or an IP address the certificate names), then
    /// `PBSZ 0` and `PROT P`, so that every data connection is TLS too, resuming the control
    /// connection's session. Call it before [`login`](Self::login):
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use ftp_codes::client::{Client, TlsSettings};
    /// let tls = TlsSettings::system_roots()?;              // or TlsSettings::from_ca_file(path)
    /// let mut ftp = Client::connect("ftp.example.com:21")?.secure("ftp.example.com", &tls)?;
    /// ftp.login("alice", "secret")?;
    /// ftp.get("report.pdf", &mut std::fs::File::create("report.pdf")?)?;
    /// ftp.quit()?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// A refused `AUTH TLS` is [`Error::Refused`] with the server's reply; a failed handshake
    /// (a certificate from another CA, for another name, expired) is [`Error::Tls`]. Either
    /// way the client is dropped and nothing more is sent, in the clear or otherwise. The
    /// bytes a server (or an attacker) sent after its 234 and before the handshake are
    /// dropped, never read as replies (curl's CVE-2021-22947).
    pub fn secure(mut self, server_name: &str, tls: &TlsSettings) -> Result<Self> {
        let name = ServerName::try_from(server_name.to_string())
            .map_err(|error| Error::Tls(io::Error::new(io::ErrorKind::InvalidInput, error)))?;
        let result = self.session.auth_tls();
        self.check(result)?;
        let Self {
            session,
            timeouts,
            progress,
        } = self;
        let data = DataTls {
            config: Arc::clone(&tls.config),
            name,
        };
        let mut session = session
            .into_tls(|control| {
                let tcp = control.into_inner().into_plain().ok_or_else(|| {
                    io::Error::new(
                        io::ErrorKind::AlreadyExists,
                        "the connection is already TLS",
                    )
                })?;
                let mut stream = data.client(tcp)?;
                stream.handshake()?;
                Ok(FromStd::new(stream))
            })
            .map_err(Error::Tls)?;
        session.data_mut().protect(data);
        let mut client = Self {
            session,
            timeouts,
            progress,
        };
        let result = client.session.protect_data();
        client.check(result)?;
        Ok(client)
    }
}
