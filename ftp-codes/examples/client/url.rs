//! `ftp://USER:PASSWORD@HOST:PORT/PATH`, as RFC 1738 §3.2 writes it.

/// Where to connect and as whom.
pub(crate) struct Url {
    pub(crate) user: Vec<u8>,
    pub(crate) password: Vec<u8>,
    /// A name or an address (an IPv6 address without its brackets).
    pub(crate) host: String,
    pub(crate) port: u16,
    /// The directory to start in, if the URL names one.
    pub(crate) path: Vec<u8>,
}

impl Url {
    /// Reads an FTP URL; with no user, the anonymous login of RFC 1635.
    pub(crate) fn parse(url: &str) -> Result<Self, String> {
        let rest = url
            .strip_prefix("ftp://")
            .ok_or_else(|| format!("{url:?} is not an ftp:// URL"))?;
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        let (userinfo, host_port) = match authority.rsplit_once('@') {
            Some((userinfo, host_port)) => (Some(userinfo), host_port),
            None => (None, authority),
        };
        let (user, password) = match userinfo {
            Some(userinfo) => {
                let (user, password) = userinfo.split_once(':').unwrap_or((userinfo, ""));
                (decode(user)?, decode(password)?)
            }
            None => (b"anonymous".to_vec(), b"anonymous@".to_vec()),
        };
        let (host, port) = split_port(host_port)?;
        if host.is_empty() {
            return Err(format!("{url:?} names no host"));
        }
        Ok(Self {
            user,
            password,
            host: host.to_owned(),
            port,
            path: decode(path)?,
        })
    }
}

/// `host`, `host:port`, `[v6]` or `[v6]:port`; the port defaults to 21.
fn split_port(host_port: &str) -> Result<(&str, u16), String> {
    let (host, port) = match host_port.strip_prefix('[') {
        Some(bracketed) => {
            let (host, after) = bracketed
                .split_once(']')
                .ok_or("an IPv6 address needs its closing ]")?;
            (host, after.strip_prefix(':'))
        }
        None => match host_port.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (host_port, None),
        },
    };
    let port = match port {
        Some(port) => port
            .parse()
            .map_err(|_| format!("{port:?} is not a port"))?,
        None => 21,
    };
    Ok((host, port))
}

/// Undoes `%XX` escapes, so that a user or password may hold `@`, `:` or `/`.
fn decode(text: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&byte, after)) = rest.split_first() {
        if byte == b'%' {
            let hex = after
                .get(..2)
                .and_then(|hex| std::str::from_utf8(hex).ok())
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
                .ok_or_else(|| format!("bad %-escape in {text:?}"))?;
            bytes.push(hex);
            rest = after.get(2..).unwrap_or_default();
        } else {
            bytes.push(byte);
            rest = after;
        }
    }
    Ok(bytes)
}
