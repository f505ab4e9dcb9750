//! Real FTP servers started by the tests on 127.0.0.1: pyftpdlib (from `PyPI`, into a virtual
//! environment under `target/` when it is not installed) and vsftpd (from Debian's packages,
//! which `.ci/run` installs). Each is killed when dropped and stops by itself anyway.

use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// How long a server may take to start listening.
const STARTUP: Duration = Duration::from_secs(30);
/// How long a server lives at most.
const LIFETIME_SECONDS: u32 = 120;

pub struct Server {
    child: Child,
    pub address: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// pyftpdlib serving `root`: user `alice`/`secret` (read-write) and anonymous (read-only).
pub fn pyftpdlib(root: &Path) -> Result<Server, String> {
    pyftpdlib_with(root, &[])
}

/// pyftpdlib whose 227 replies name `masquerade` instead of its own address (as behind NAT).
#[allow(dead_code)] // used by ftp-codes' tests of its client example
pub fn pyftpdlib_masquerading(root: &Path, masquerade: &str) -> Result<Server, String> {
    pyftpdlib_with(root, &[&format!("masquerade={masquerade}")])
}

/// pyftpdlib with `options` (see `tests/servers/pyftpdlib_server.py`: `no-epsv`, ...).
#[allow(dead_code)] // used by ftp-codes' tests of its client example
pub fn pyftpdlib_with(root: &Path, options: &[&str]) -> Result<Server, String> {
    let python = python_with_pyftpdlib()?;
    // The script by content, so that the tests of any package of the workspace can use this.
    let mut child = Command::new(&python)
        .args(["-c", include_str!("../../servers/pyftpdlib_server.py")])
        .arg(root)
        .arg(LIFETIME_SECONDS.to_string())
        .args(options)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", python.display()))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let line = super::first_line(stdout, STARTUP)
        .ok_or_else(|| "pyftpdlib did not report its port".to_owned())?;
    let port = line
        .strip_prefix("READY ")
        .and_then(|p| p.trim().parse::<u16>().ok());
    let Some(port) = port else {
        let _ = child.kill();
        return Err(format!("pyftpdlib said {line:?} instead of READY <port>"));
    };
    Ok(Server {
        child,
        address: SocketAddr::from((Ipv4Addr::LOCALHOST, port)),
    })
}

/// A Python that can import pyftpdlib and pyOpenSSL (its FTPS handler's TLS): the system one, or a virtual environment under the
/// target directory into which pip installs it from `PyPI`. Tests run in parallel: the first
/// to ask builds the environment while the others wait (one process), and it is built under a
/// name of its own and renamed into place whole (other processes), so that nobody ever uses a
/// half-made one.
fn python_with_pyftpdlib() -> Result<PathBuf, String> {
    static PYTHON: std::sync::OnceLock<Result<PathBuf, String>> = std::sync::OnceLock::new();
    PYTHON.get_or_init(find_or_make_python).clone()
}

fn find_or_make_python() -> Result<PathBuf, String> {
    let system = PathBuf::from("python3");
    if imports_pyftpdlib(&system) {
        return Ok(system);
    }
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let venv = tmp.join("pyftpdlib-venv");
    let python = venv.join("bin").join("python3");
    if imports_pyftpdlib(&python) {
        return Ok(python);
    }
    let building = tmp.join(format!("pyftpdlib-venv-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&building);
    run(Command::new("python3").args(["-m", "venv"]).arg(&building))?;
    run(Command::new(building.join("bin").join("python3")).args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--timeout",
        "60",
        "pyftpdlib",
        "pyopenssl",
    ]))?;
    // Another process may have finished first: then its environment is used and ours dropped.
    // One left by an older version of this file (without a package now needed) is replaced.
    if std::fs::rename(&building, &venv).is_err() {
        if !imports_pyftpdlib(&python) {
            let _ = std::fs::remove_dir_all(&venv);
            let _ = std::fs::rename(&building, &venv);
        }
        let _ = std::fs::remove_dir_all(&building);
    }
    if imports_pyftpdlib(&python) {
        Ok(python)
    } else {
        Err("pyftpdlib did not install".to_owned())
    }
}

fn imports_pyftpdlib(python: &Path) -> bool {
    Command::new(python)
        .args(["-c", "import pyftpdlib, OpenSSL"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

fn run(command: &mut Command) -> Result<(), String> {
    let output = command.output().map_err(|e| format!("{command:?}: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{command:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// vsftpd serving `root` read-only to anonymous users, as the user that launched it (its
/// unprivileged mode: `run_as_launching_user=YES`), on a free loopback port.
pub fn vsftpd(root: &Path, scratch: &Path) -> Result<Server, String> {
    vsftpd_with(root, scratch, false, "", None)
}

/// vsftpd serving `root` to anonymous users who may upload, make and remove directories, and
/// delete and rename files. (Used by ftp-codes' tests of its client example.)
#[allow(dead_code)]
pub fn vsftpd_writable(root: &Path, scratch: &Path) -> Result<Server, String> {
    vsftpd_with(root, scratch, true, "", None)
}

/// Which TLS versions a TLS server may negotiate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TlsVersions {
    /// TLS 1.2 and 1.3 (1.3 is chosen).
    Current,
    /// At most TLS 1.2.
    Tls12,
}

/// [`vsftpd_writable`] with FTPS required (`ssl_enable`, anonymous logins and data forced to
/// TLS) and `require_ssl_reuse=YES`, its default: a data connection that does not resume the
/// control connection's TLS session is refused with 522. Held to TLS 1.2 through OpenSSL's
/// configuration (vsftpd 3.0.3 has no option for TLS 1.3).
#[allow(dead_code)]
pub fn vsftpd_tls(
    root: &Path,
    scratch: &Path,
    certificates: &super::certificates::Certificates,
    versions: TlsVersions,
) -> Result<Server, String> {
    let tls = format!(
        "ssl_enable=YES\nallow_anon_ssl=YES\nforce_anon_logins_ssl=YES\nforce_anon_data_ssl=YES\n\
         require_ssl_reuse=YES\nssl_ciphers=HIGH\nrsa_cert_file={}\nrsa_private_key_file={}\n",
        certificates.certificate.display(),
        certificates.key.display()
    );
    let openssl_conf = match versions {
        TlsVersions::Current => None,
        TlsVersions::Tls12 => {
            let path = scratch.join("openssl-tls12.cnf");
            std::fs::write(
                &path,
                "openssl_conf = default_conf\n[default_conf]\nssl_conf = ssl_sect\n\
                 [ssl_sect]\nsystem_default = system_default_sect\n\
                 [system_default_sect]\nMaxProtocol = TLSv1.2\n",
            )
            .map_err(|e| e.to_string())?;
            Some(path)
        }
    };
    vsftpd_with(root, scratch, true, &tls, openssl_conf)
}

fn vsftpd_with(
    root: &Path,
    scratch: &Path,
    writable: bool,
    extra: &str,
    openssl_conf: Option<PathBuf>,
) -> Result<Server, String> {
    let binary = ["/usr/sbin/vsftpd", "/usr/local/sbin/vsftpd"]
        .into_iter()
        .map(PathBuf::from)
        .find(|path| path.exists())
        .ok_or("vsftpd is not installed (apt-get install vsftpd)")?;
    let empty = scratch.join("empty");
    std::fs::create_dir_all(&empty).map_err(|e| e.to_string())?;
    // vsftpd cannot report a port it picked: take a free one, and retry if another process
    // takes it first.
    let mut last_error = String::new();
    for attempt in 0..3 {
        let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .and_then(|l| l.local_addr())
            .map_err(|e| e.to_string())?
            .port();
        let config = scratch.join(format!("vsftpd-{attempt}.conf"));
        let text = vsftpd_config(root, &empty, port, writable) + extra;
        std::fs::write(&config, text).map_err(|e| e.to_string())?;
        let mut command = Command::new(&binary);
        if let Some(openssl_conf) = &openssl_conf {
            command.env("OPENSSL_CONF", openssl_conf);
        }
        let child = command
            .arg(&config)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start vsftpd: {e}"))?;
        match listening(child, port, "vsftpd") {
            Ok(server) => return Ok(server),
            Err(why) => last_error = why,
        }
    }
    Err(last_error)
}

/// The server that `start` runs on a free loopback port, once it listens there: three ports
/// tried, since a port free when picked may be taken before the server binds it.
fn on_a_free_port(
    name: &str,
    start: impl Fn(u16) -> Result<Child, String>,
) -> Result<Server, String> {
    let mut last_error = String::new();
    for _ in 0..3 {
        let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .and_then(|l| l.local_addr())
            .map_err(|e| e.to_string())?
            .port();
        match listening(start(port)?, port, name) {
            Ok(server) => return Ok(server),
            Err(why) => last_error = why,
        }
    }
    Err(last_error)
}

/// The server `child` once it accepts connections on `port` (ten seconds at most), or why not.
/// The port was free when picked, but another server started by a test beside this one may
/// take it first: then `child` cannot bind it and exits, while the probe reaches the other
/// server. So a server counts as listening only if it is still running a moment after the
/// probe succeeded (a CI run once talked to the wrong server and was reset).
fn listening(child: Child, port: u16, name: &str) -> Result<Server, String> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let mut server = Server { child, address };
    for _ in 0..100 {
        if TcpStream::connect_timeout(&address, Duration::from_millis(100)).is_ok() {
            std::thread::sleep(Duration::from_millis(200));
            return match server.child.try_wait() {
                Ok(None) => Ok(server),
                Ok(Some(status)) => Err(format!("{name} exited: {status} (its port taken?)")),
                Err(error) => Err(format!("{name}: {error}")),
            };
        }
        if let Ok(Some(status)) = server.child.try_wait() {
            return Err(format!("{name} exited: {status}"));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!("{name} did not listen"))
}

fn vsftpd_config(root: &Path, empty: &Path, port: u16, writable: bool) -> String {
    let writes = if writable {
        "write_enable=YES\nanon_upload_enable=YES\nanon_mkdir_write_enable=YES\n\
         anon_other_write_enable=YES\nanon_umask=022\n"
    } else {
        "write_enable=NO\n"
    };
    format!(
        "listen=YES\nlisten_ipv6=NO\nlisten_address=127.0.0.1\nlisten_port={port}\nbackground=NO\n\
         anonymous_enable=YES\nanon_root={}\nlocal_enable=NO\n{writes}\
         run_as_launching_user=YES\nseccomp_sandbox=NO\nsecure_chroot_dir={}\nxferlog_enable=NO\n\
         idle_session_timeout={LIFETIME_SECONDS}\ndata_connection_timeout=30\n",
        root.display(),
        empty.display()
    )
}

/// Pure-FTPd serving `root` to the virtual user `alice`/`secret` (a PureDB of its own), on a
/// free loopback port. Its package is unpacked, not installed (installing it would remove
/// vsftpd): `FTP_CODES_PURE_FTPD` names the unpacked `usr/sbin/pure-ftpd` (`.ci/run` sets it),
/// else `/usr/sbin/pure-ftpd`. It needs root, to become the virtual user.
pub fn pure_ftpd(root: &Path, scratch: &Path) -> Result<Server, String> {
    pure_ftpd_with(root, scratch, &[])
}

/// [`pure_ftpd`] with FTPS required (`-Y 2`: no login, no transfer without TLS).
#[allow(dead_code)]
pub fn pure_ftpd_tls(
    root: &Path,
    scratch: &Path,
    certificates: &super::certificates::Certificates,
) -> Result<Server, String> {
    let certfile = format!(
        "-2{},{}",
        certificates.certificate.display(),
        certificates.key.display()
    );
    pure_ftpd_with(root, scratch, &["-Y2", &certfile])
}

fn pure_ftpd_with(root: &Path, scratch: &Path, extra: &[&str]) -> Result<Server, String> {
    let binary = unpacked("FTP_CODES_PURE_FTPD", "pure-ftpd", "pure-ftpd")?;
    let pure_pw = binary
        .parent()
        .and_then(Path::parent)
        .map(|usr| usr.join("bin").join("pure-pw"))
        .filter(|path| path.exists())
        .ok_or("pure-pw is not beside pure-ftpd")?;
    // The files belong to the account the virtual user runs as.
    let owner = "nobody";
    give_to_nobody(root, "Pure-FTPd's virtual users")?;
    let (passwd, pdb) = (
        scratch.join("pureftpd.passwd"),
        scratch.join("pureftpd.pdb"),
    );
    let mut add = Command::new(&pure_pw)
        .args(["useradd", "alice", "-u", owner, "-g", "nogroup", "-d"])
        .arg(root)
        .arg("-f")
        .arg(&passwd)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run pure-pw: {e}"))?;
    if let Some(mut stdin) = add.stdin.take() {
        use std::io::Write;
        stdin
            .write_all(b"secret\nsecret\n")
            .map_err(|e| e.to_string())?;
    }
    add.wait().map_err(|e| e.to_string())?;
    let made = Command::new(&pure_pw)
        .arg("mkdb")
        .arg(&pdb)
        .arg("-f")
        .arg(&passwd)
        .status()
        .map_err(|e| e.to_string())?;
    if !made.success() {
        return Err("pure-pw mkdb failed".into());
    }
    on_a_free_port("pure-ftpd", |port| {
        Command::new(&binary)
            .arg(format!("-lpuredb:{}", pdb.display()))
            .arg(format!("-S127.0.0.1,{port}"))
            .args(["-E", "-A", "-H"])
            .arg(format!("-I{}", LIFETIME_SECONDS / 60))
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start pure-ftpd: {e}"))
    })
}

/// ProFTPD serving `root` to `alice`/`secret` (mod_auth_file), on a free loopback port, in the
/// foreground (`-n`). Unpacked, not installed, as Pure-FTPd is: `FTP_CODES_PROFTPD` names the
/// unpacked `usr/sbin/proftpd`, whose libraries are looked for beside it (`.ci/run` unpacks them
/// too), else `/usr/sbin/proftpd`. It needs root, to become `nobody` for the session.
pub fn proftpd(root: &Path, scratch: &Path) -> Result<Server, String> {
    proftpd_with(root, scratch, String::new())
}

/// [`proftpd`] with FTPS required (mod_tls, from Debian's `proftpd-mod-crypto`, unpacked
/// beside it: `TLSRequired on`), and mod_tls's default of requiring data connections to
/// resume the control connection's TLS session; overwriting allowed.
#[allow(dead_code)]
pub fn proftpd_tls(
    root: &Path,
    scratch: &Path,
    certificates: &super::certificates::Certificates,
    versions: TlsVersions,
) -> Result<Server, String> {
    let binary = unpacked("FTP_CODES_PROFTPD", "proftpd", "proftpd-core")?;
    let protocols = match versions {
        TlsVersions::Current => "TLSv1.2 TLSv1.3",
        TlsVersions::Tls12 => "TLSv1.2",
    };
    let modules = binary
        .parent()
        .and_then(Path::parent)
        .map(|usr| usr.join("lib").join("proftpd"))
        .filter(|dir| dir.join("mod_tls.so").exists())
        .ok_or("no mod_tls.so beside ProFTPD: unpack the Debian package proftpd-mod-crypto into the same tree")?;
    let tls = format!(
        "ModulePath {}\nLoadModule mod_tls.c\nTLSEngine on\nTLSRequired on\nAllowOverwrite on\n\
         TLSProtocol {protocols}\nTLSECCertificateFile {}\nTLSECCertificateKeyFile {}\n",
        modules.display(),
        certificates.certificate.display(),
        certificates.key.display()
    );
    proftpd_with(root, scratch, tls)
}

fn proftpd_with(root: &Path, scratch: &Path, extra: String) -> Result<Server, String> {
    let binary = unpacked("FTP_CODES_PROFTPD", "proftpd", "proftpd-core")?;
    let libraries = binary
        .parent()
        .and_then(Path::parent)
        .map(|usr| usr.join("lib").join("x86_64-linux-gnu"))
        .unwrap_or_default();
    give_to_nobody(root, "ProFTPD's sessions")?;
    // "secret", SHA-512 crypt with a fixed salt (`openssl passwd -6 -salt ftpcodestests`).
    let hash = "$6$ftpcodestests$FEjh17z1C.WO7eRNLcb.Kaieswl4E1l6JSJuM9159xG.JhCh1yrEYOhixDxCBFIv9ESjzw5eCbF1ZsTePcUfG1";
    let passwd = scratch.join("proftpd.passwd");
    std::fs::write(
        &passwd,
        format!("alice:{hash}:65534:65534::{}:/bin/false\n", root.display()),
    )
    .map_err(|e| e.to_string())?;
    // mod_auth_file refuses a password file others may read.
    std::fs::set_permissions(&passwd, std::os::unix::fs::PermissionsExt::from_mode(0o600))
        .map_err(|e| e.to_string())?;
    on_a_free_port("proftpd", |port| {
        let config = scratch.join("proftpd.conf");
        let state = scratch.display();
        std::fs::write(
            &config,
            format!(
                "ServerType standalone\nDefaultServer on\nPort {port}\nDefaultAddress 127.0.0.1\n\
                 UseIPv6 off\nUser nobody\nGroup nogroup\nScoreboardFile {state}/proftpd.scoreboard\n\
                 PidFile {state}/proftpd.pid\nWtmpLog off\nDelayTable none\nUseReverseDNS off\n\
                 AuthOrder mod_auth_file.c\nAuthUserFile {}\nRequireValidShell off\nDefaultRoot ~\n\
                 TransferLog none\nTimeoutIdle {LIFETIME_SECONDS}\n\
                 # APPE and REST before STOR (off by default: 451 \"Append/Restart not permitted\")\n\
                 AllowStoreRestart on\n{extra}",
                passwd.display()
            ),
        )
        .map_err(|e| e.to_string())?;
        Command::new(&binary)
            .args(["-n", "-q", "-c"])
            .arg(&config)
            .env("LD_LIBRARY_PATH", &libraries)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start proftpd: {e}"))
    })
}

/// The unpacked server binary that `variable` names, else `/usr/sbin/NAME`.
fn unpacked(variable: &str, name: &str, package: &str) -> Result<PathBuf, String> {
    std::env::var_os(variable)
        .map(PathBuf::from)
        .into_iter()
        .chain([Path::new("/usr/sbin").join(name)])
        .find(|path| path.exists())
        .ok_or_else(|| {
            format!("no {name} in ${variable} or /usr/sbin: unpack the Debian package {package} and set {variable} to its usr/sbin/{name}")
        })
}

/// Gives `root` to `nobody`, whom `who` run as once they leave root, which they need.
fn give_to_nobody(root: &Path, who: &str) -> Result<(), String> {
    let uid = Command::new("id")
        .arg("-u")
        .output()
        .map_err(|e| e.to_string())?;
    if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
        return Err(format!("{who} need root, to become nobody"));
    }
    Command::new("chown")
        .args(["-R", "nobody"])
        .arg(root)
        .status()
        .map_err(|e| e.to_string())?;
    Ok(())
}
