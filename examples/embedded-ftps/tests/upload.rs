//! The example on the host, against ftp-codes' own FTPS server (`server::Server` with
//! rustls) on 127.0.0.1, over tokio sockets: uploads with `PROT P` (a full TLS handshake on the
//! data connection) and `PROT C`, a certificate from another CA and one for another name
//! refused, and a server that requires session reuse refusing the data connection with 522,
//! which embedded-tls cannot give it.

// Test code states its expectations with unwrap; the restriction lints guard the library.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use embedded_io_adapters::tokio_1::FromTokio;
use embedded_tls::TlsError;
use ftp_codes::server::{Directory, Server, Tls, TlsSettings, Users};
use ftp_codes_embedded_ftps::{Buffers, Connect, Error, Protection, Provider, Upload, upload};
use std::path::{Path, PathBuf};
use tokio::net::TcpStream;

/// A CA (its certificate in DER) and a certificate it signed for `name`, as PEM files in `dir`.
fn certificates(dir: &Path, name: &str) -> (Vec<u8>, PathBuf, PathBuf) {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
    std::fs::create_dir_all(dir).unwrap();
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let label = format!("embedded-ftps test CA {}", dir.display());
    ca_params.distinguished_name.push(DnType::CommonName, label);
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let issuer = Issuer::new(ca_params, ca_key);
    let key = KeyPair::generate().unwrap();
    let params = CertificateParams::new(vec![name.to_owned()]).unwrap();
    let certificate = params.signed_by(&key, &issuer).unwrap();
    let (cert_path, key_path) = (dir.join("server.pem"), dir.join("server.key"));
    std::fs::write(&cert_path, certificate.pem()).unwrap();
    std::fs::write(&key_path, key.serialize_pem()).unwrap();
    (ca.der().to_vec(), cert_path, key_path)
}

fn scratch(name: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "embedded-ftps-{name}-{}-{nanos}",
        std::process::id()
    ));
    std::fs::create_dir_all(dir.join("root")).unwrap();
    dir
}

/// The FTPS server on a free port, serving `dir/root` to alice.
fn serve(dir: &Path, settings: TlsSettings, tls: Tls) -> std::net::SocketAddr {
    let server = Server::new(
        Directory::new(dir.join("root")).unwrap(),
        Users::none().with_user("alice", "secret"),
    )
    .with_tls(settings, tls);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || server.serve(&listener));
    address
}

/// Data connections to the server's host, as tokio sockets.
struct Loopback;

impl Connect for Loopback {
    type Socket = FromTokio<TcpStream>;

    async fn connect(&mut self, port: u16) -> Result<Self::Socket, TlsError> {
        let socket = TcpStream::connect(("127.0.0.1", port))
            .await
            .map_err(|_| TlsError::Io(embedded_io_async::ErrorKind::ConnectionRefused))?;
        Ok(FromTokio::new(socket))
    }
}

/// Runs the example: uploads `bytes` to `upload.bin` as `server_name`, the server's
/// certificate checked against `ca`.
async fn run(
    address: std::net::SocketAddr,
    ca: &[u8],
    server_name: &str,
    bytes: &[u8],
    protection: Protection,
) -> Result<(), Error<std::io::Error>> {
    let (mut control_read, mut control_write) = (vec![0; 16_640], vec![0; 4096]);
    let (mut data_read, mut data_write) = (vec![0; 16_640], vec![0; 4096]);
    let mut replies = [0; 512];
    let buffers = Buffers {
        control_read: &mut control_read,
        control_write: &mut control_write,
        data_read: &mut data_read,
        data_write: &mut data_write,
        replies: &mut replies,
    };
    let control = FromTokio::new(TcpStream::connect(address).await.unwrap());
    let mut control_provider = Provider::new(rand_core::OsRng, ca);
    let mut data_provider = Provider::new(rand_core::OsRng, ca);
    let job = Upload {
        server_name,
        user: b"alice",
        password: b"secret",
        path: b"upload.bin",
        bytes,
        protection,
    };
    upload(
        control,
        Loopback,
        buffers,
        &mut control_provider,
        &mut data_provider,
        job,
    )
    .await
}

fn readings() -> Vec<u8> {
    (0..100_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect()
}

#[tokio::test]
async fn uploads_over_tls_with_prot_p_and_prot_c() {
    let dir = scratch("uploads");
    let (ca, cert, key) = certificates(&dir.join("certificates"), "localhost");
    let settings = TlsSettings::from_pem_files(&cert, &key).unwrap();
    let address = serve(&dir, settings, Tls::Offered);
    let bytes = readings();
    for protection in [Protection::Private, Protection::Clear] {
        std::fs::remove_file(dir.join("root/upload.bin")).ok();
        run(address, &ca, "localhost", &bytes, protection)
            .await
            .unwrap();
        let stored = std::fs::read(dir.join("root/upload.bin")).unwrap();
        assert!(
            stored == bytes,
            "{protection:?}: {} bytes stored",
            stored.len()
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn a_certificate_from_another_ca_or_for_another_name_is_refused() {
    let dir = scratch("refused");
    let (_, cert, key) = certificates(&dir.join("certificates"), "localhost");
    let (other_ca, _, _) = certificates(&dir.join("other"), "localhost");
    let settings = TlsSettings::from_pem_files(&cert, &key).unwrap();
    let address = serve(&dir, settings, Tls::Required);
    let error = run(address, &other_ca, "localhost", b"x", Protection::Private).await;
    assert!(matches!(error, Err(Error::Tls(_))), "{error:?}");
    assert!(!dir.join("root/upload.bin").exists());
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn a_name_the_certificate_does_not_give_is_refused() {
    let dir = scratch("name");
    let (ca, cert, key) = certificates(&dir.join("certificates"), "ftp.example.net");
    let settings = TlsSettings::from_pem_files(&cert, &key).unwrap();
    let address = serve(&dir, settings, Tls::Required);
    let error = run(address, &ca, "localhost", b"x", Protection::Private).await;
    assert!(
        matches!(error, Err(Error::Tls(TlsError::InvalidCertificate))),
        "{error:?}"
    );
    assert!(!dir.join("root/upload.bin").exists());
    std::fs::remove_dir_all(&dir).ok();
}

/// What does not work: a server that requires the data connection to resume the control
/// connection's TLS session (vsftpd's default) refuses embedded-tls's full handshake with 522.
#[tokio::test]
async fn a_server_that_requires_session_reuse_refuses_the_data_connection() {
    let dir = scratch("reuse");
    let (ca, cert, key) = certificates(&dir.join("certificates"), "localhost");
    let settings = TlsSettings::from_pem_files(&cert, &key)
        .unwrap()
        .with_resumption_required(true);
    let address = serve(&dir, settings, Tls::Required);
    let error = run(address, &ca, "localhost", &readings(), Protection::Private).await;
    let code = match &error {
        Err(Error::Session(session)) => session.reply_code().map(ftp_codes::ReplyCode::as_u16),
        _ => None,
    };
    assert_eq!(code, Some(522), "{error:?}");
    std::fs::remove_dir_all(&dir).ok();
}
