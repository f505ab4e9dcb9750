//! FTPS for the std driver (feature `rustls`): the server's certificate and key, and the TLS
//! handshake on the control connection after `AUTH TLS` and on each protected data
//! connection.

use crate::stream::Stream;
use rustls::ServerConfig;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use std::io;
use std::net::TcpStream;
use std::path::Path;
use std::sync::Arc;
use std::vec::Vec;

/// What [`Server::with_tls`](super::Server::with_tls) runs TLS with: the configuration for
/// control connections, and the same without TLS 1.3 session tickets for data connections
/// (curl and lftp leave tickets unread on a data connection, and on loopback the kernel then
/// resets it under the last bytes of an upload).
#[derive(Clone, Debug)]
pub struct TlsSettings {
    pub(super) control: Arc<ServerConfig>,
    pub(super) data: Arc<ServerConfig>,
    pub(super) resumption_required: bool,
}

impl TlsSettings {
    /// From a PEM certificate chain and a PEM private key, TLS 1.2 and 1.3, no client
    /// certificates.
    pub fn from_pem_files(
        certificates: impl AsRef<Path>,
        key: impl AsRef<Path>,
    ) -> io::Result<Self> {
        let chain = CertificateDer::pem_file_iter(certificates.as_ref())
            .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            .map_err(io::Error::other)?;
        let key = PrivateKeyDer::from_pem_file(key.as_ref()).map_err(io::Error::other)?;
        // ring builds with a C compiler alone (aws-lc-rs wants CMake); its provider lacks the
        // post-quantum key exchange, which no FTP server asks for.
        #[allow(deprecated)]
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(io::Error::other)?
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .map_err(io::Error::other)?;
        Ok(Self::from_config(Arc::new(config)))
    }

    /// From a rustls configuration of yours; data connections get a copy that sends no
    /// session tickets.
    pub fn from_config(control: Arc<ServerConfig>) -> Self {
        let mut data = (*control).clone();
        data.send_tls13_tickets = 0;
        Self {
            control,
            data: Arc::new(data),
            resumption_required: false,
        }
    }

    /// Refuses a data connection whose TLS session is not resumed from one the control
    /// connection's handshake began (vsftpd's `require_ssl_reuse`): the transfer gets 522,
    /// as RFC 4217 §10.2 allows, with a text that says why. Off by default: Python's stock
    /// `FTP_TLS` does not resume. The sessions are kept in the configuration's session store
    /// (rustls's in-memory cache by default), which both connections' configurations share.
    #[must_use]
    pub fn with_resumption_required(mut self, required: bool) -> Self {
        self.resumption_required = required;
        self
    }
}

/// The TLS handshake on a data connection: refused (`PermissionDenied`) when it did not
/// resume a session and the settings require it.
pub(super) fn accept_data(settings: &TlsSettings, tcp: TcpStream) -> io::Result<Stream> {
    let mut stream = accept(&settings.data, tcp)?;
    if settings.resumption_required && !stream.resumed() {
        // Closed cleanly (close_notify), so that the client reads an empty transfer and then
        // the 522 that says why, rather than a broken connection.
        let _ = stream.finish();
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the data connection did not resume the TLS session",
        ));
    }
    Ok(stream)
}

/// The TLS handshake as the server, on `tcp`, bounded by the socket's timeouts.
pub(super) fn accept(config: &Arc<ServerConfig>, tcp: TcpStream) -> io::Result<Stream> {
    let connection = rustls::ServerConnection::new(Arc::clone(config)).map_err(io::Error::other)?;
    let mut stream = Stream::tls_server(connection, tcp);
    stream.handshake()?;
    Ok(stream)
}
