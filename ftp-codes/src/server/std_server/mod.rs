//! The session over `std::net`: [`Server`] serves a listener, one thread per connection.

mod connection;
mod directory;
mod file_system;
mod listings;
#[cfg(feature = "rustls")]
mod tls;
mod transfer;

pub use directory::Directory;
pub use file_system::{Access, Authenticator, FileInfo, FileSystem, Users};
#[cfg(feature = "rustls")]
pub use tls::TlsSettings;

use super::Config;
use crate::Command;
use std::boxed::Box;
use std::io;
use std::net::{TcpListener, TcpStream};
use std::ops::RangeInclusive;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// An FTP server over `std::net`: the [`Session`](super::Session) core for each control
/// connection, with the data connections (passive listeners on the control connection's
/// local address, active connections to the client's own address only, RFC 2577), transfers
/// during which ABOR and STAT are read, idle sessions closed with 421, and a file system and
/// authenticator of yours. One thread per session (the sessions' own state is the core's,
/// a few hundred bytes; a thread's stack is the cost). TYPE A transfers move the bytes as they
/// are, as vsftpd does by default.
///
/// ```no_run
/// use ftp_codes::server::{Directory, Server, Users};
/// use std::net::TcpListener;
///
/// let server = Server::new(Directory::new("/srv/ftp")?, Users::anonymous());
/// server.serve(&TcpListener::bind("127.0.0.1:2121")?)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct Server<F, A> {
    shared: Arc<Shared<F, A>>,
}

pub(super) struct Shared<F, A> {
    pub(super) files: F,
    pub(super) users: A,
    pub(super) config: Config,
    pub(super) idle: Duration,
    pub(super) data_wait: Duration,
    pub(super) passive_ports: Option<RangeInclusive<u16>>,
    pub(super) max_sessions: usize,
    pub(super) sessions: AtomicUsize,
    pub(super) log: Option<Box<ReplyLog>>,
    #[cfg(feature = "rustls")]
    pub(super) tls: Option<TlsSettings>,
}

/// What [`Server::with_reply_log`] calls.
type ReplyLog = dyn Fn(Option<Command>, &[u8]) + Send + Sync;

impl<F: FileSystem, A: Authenticator> Server<F, A> {
    /// A server of `files` for `users`: every command of [`Config::new`], 5 minutes' idle
    /// time, 10 seconds for a client to open a data connection, passive ports from the
    /// system, at most 256 sessions at once.
    pub fn new(files: F, users: A) -> Self {
        Self {
            shared: Arc::new(Shared {
                files,
                users,
                config: Config::new(),
                idle: Duration::from_secs(300),
                data_wait: Duration::from_secs(10),
                passive_ports: None,
                max_sessions: 256,
                sessions: AtomicUsize::new(0),
                log: None,
                #[cfg(feature = "rustls")]
                tls: None,
            }),
        }
    }

    fn shared_mut(&mut self) -> &mut Shared<F, A> {
        Arc::get_mut(&mut self.shared).unwrap_or_else(|| unreachable!("not shared before serve"))
    }

    /// The sessions' settings: which commands are served, the longest line. Whether TLS is
    /// offered is [`with_tls`](Self::with_tls)'s to say (feature `rustls`); without it `AUTH`
    /// gets 502.
    #[must_use]
    pub fn with_config(mut self, config: Config) -> Self {
        let tls = self.shared.config.tls();
        self.shared_mut().config = config.with_tls(tls);
        self
    }

    /// FTPS (RFC 4217, feature `rustls`): `AUTH TLS` offered ([`Tls::Offered`](super::Tls)),
    /// or required before a login and `PROT P` before a transfer ([`Tls::Required`](super::Tls));
    /// FEAT lists `AUTH TLS`, `PBSZ` and `PROT`. Data connections run TLS after `PROT P`,
    /// without requiring the control connection's session to be resumed (Python's stock
    /// `FTP_TLS` does not resume) and without sending session tickets on them.
    #[cfg(feature = "rustls")]
    #[must_use]
    pub fn with_tls(mut self, settings: TlsSettings, policy: super::Tls) -> Self {
        let shared = self.shared_mut();
        shared.config = shared.config.with_tls(policy);
        shared.tls = (policy != super::Tls::Off).then_some(settings);
        self
    }

    /// How long a session may be silent before it is closed with 421.
    #[must_use]
    pub fn with_idle_timeout(mut self, idle: Duration) -> Self {
        self.shared_mut().idle = idle;
        self
    }

    /// How long a transfer waits for the client's data connection (passive) or for
    /// connecting to it (active) before 425.
    #[must_use]
    pub fn with_data_timeout(mut self, wait: Duration) -> Self {
        self.shared_mut().data_wait = wait;
        self
    }

    /// The ports passive listeners take (a firewall's range); the system's choice without.
    #[must_use]
    pub fn with_passive_ports(mut self, ports: RangeInclusive<u16>) -> Self {
        self.shared_mut().passive_ports = Some(ports);
        self
    }

    /// How many sessions run at once; the next client gets 421 and is closed.
    #[must_use]
    pub fn with_max_sessions(mut self, max: usize) -> Self {
        self.shared_mut().max_sessions = max;
        self
    }

    /// Calls `log` with each reply sent and the command it answered (`None` for the greeting,
    /// a 421, or a line that named no command), before the reply goes out: an access log.
    #[must_use]
    pub fn with_reply_log(
        mut self,
        log: impl Fn(Option<Command>, &[u8]) + Send + Sync + 'static,
    ) -> Self {
        self.shared_mut().log = Some(Box::new(log));
        self
    }

    /// Serves each connection `listener` accepts in a thread of its own, until accepting
    /// fails.
    pub fn serve(&self, listener: &TcpListener) -> io::Result<()> {
        loop {
            let (stream, _) = listener.accept()?;
            let shared = Arc::clone(&self.shared);
            std::thread::spawn(move || {
                let _ = connection::serve(&shared, stream);
            });
        }
    }

    /// Serves one control connection in this thread until the client quits, the connection
    /// breaks or the session is idle too long.
    pub fn serve_connection(&self, stream: TcpStream) -> io::Result<()> {
        connection::serve(&self.shared, stream)
    }
}

impl From<super::ServerError> for io::Error {
    fn from(error: super::ServerError) -> Self {
        Self::other(error)
    }
}

/// Counts a session for the limit while it lives.
pub(super) struct Admitted<'a>(&'a AtomicUsize);

impl<'a> Admitted<'a> {
    pub(super) fn new(count: &'a AtomicUsize, max: usize) -> Option<Self> {
        let before = count.fetch_add(1, Ordering::AcqRel);
        let admitted = Self(count);
        (before < max).then_some(admitted)
    }
}

impl Drop for Admitted<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}
