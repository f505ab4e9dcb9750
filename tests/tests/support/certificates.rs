//! Certificates for the FTPS tests, made by the test (rcgen): a CA of its own and a server
//! certificate it signed. Nothing with a key is checked in.

use std::path::{Path, PathBuf};

/// A CA's certificate and a server certificate (with its key) that the CA signed, as PEM
/// files in a scratch directory.
pub struct Certificates {
    /// The CA's certificate: what clients trust.
    pub ca: PathBuf,
    /// The server's certificate.
    pub certificate: PathBuf,
    /// The server's private key.
    pub key: PathBuf,
}

/// A new CA, and a certificate it signed for `names` (DNS names and IP addresses), in `dir`.
pub fn make(dir: &Path, names: &[&str]) -> Certificates {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, SanType};
    std::fs::create_dir_all(dir).unwrap();
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    // A name of its own: a client that finds a CA of the same name checks the signature with
    // it (BadSignature) instead of reporting an unknown issuer.
    let name = dir.file_name().unwrap_or_default().to_string_lossy();
    ca_params
        .distinguished_name
        .push(DnType::CommonName, format!("ftp-codes test CA {name}"));
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let issuer = Issuer::new(ca_params, ca_key);
    let key = KeyPair::generate().unwrap();
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    for name in names {
        params.subject_alt_names.push(match name.parse() {
            Ok(ip) => SanType::IpAddress(ip),
            Err(_) => SanType::DnsName((*name).try_into().unwrap()),
        });
    }
    let certificate = params.signed_by(&key, &issuer).unwrap();
    let files = Certificates {
        ca: dir.join("ca.pem"),
        certificate: dir.join("server.pem"),
        key: dir.join("server.key"),
    };
    std::fs::write(&files.ca, ca.pem()).unwrap();
    std::fs::write(&files.certificate, certificate.pem()).unwrap();
    std::fs::write(&files.key, key.serialize_pem()).unwrap();
    files
}

/// The usual case: a certificate for 127.0.0.1 and localhost.
pub fn for_loopback(dir: &Path) -> Certificates {
    make(dir, &["127.0.0.1", "localhost"])
}
