//! `ftp://USER:PASSWORD@HOST:PORT/CWD1/CWD2;type=X`, as RFC 1738 §3.2 writes it (with RFC 3986's
//! empty port).

/// Where to connect, as whom, and where to start.
pub(crate) struct Url {
    pub(crate) user: Vec<u8>,
    pub(crate) password: Vec<u8>,
    /// A name or an address (an IPv6 address without its brackets).
    pub(crate) host: String,
    pub(crate) port: u16,
    /// The directories to change into, one CWD each (RFC 1738 §3.2.2), decoded: `%2F` is a
    /// `/` inside a name. Empty segments (`//`, a trailing `/`) are skipped.
    pub(crate) directories: Vec<Vec<u8>>,
    /// `;type=a`: transfers in ASCII (TYPE A). `;type=i` and `;type=d` change nothing here: I
    /// is the default, and the URL names a directory anyway.
    pub(crate) ascii: bool,
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
        let (path, ascii) = type_code(path)?;
        let directories = path
            .split('/')
            .filter(|segment| !segment.is_empty())
            .map(decode)
            .collect::<Result<_, _>>()?;
        Ok(Self {
            user,
            password,
            host: host.to_owned(),
            port,
            directories,
            ascii,
        })
    }
}

/// The path without its `;type=X` (RFC 1738 §3.2.2: a, i or d), and whether it asks for ASCII.
fn type_code(path: &str) -> Result<(&str, bool), String> {
    let Some((path, code)) = path.rsplit_once(";type=") else {
        return Ok((path, false));
    };
    match code {
        "a" | "A" => Ok((path, true)),
        "i" | "I" | "d" | "D" => Ok((path, false)),
        _ => Err(format!("{code:?} is not an RFC 1738 type code (a, i or d)")),
    }
}

/// `host`, `host:port`, `[v6]` or `[v6]:port`; the port defaults to 21, also when it is empty
/// (`host:`, as RFC 3986 §3.2.3 allows).
fn split_port(host_port: &str) -> Result<(&str, u16), String> {
    let (host, port) = match host_port.strip_prefix('[') {
        Some(bracketed) => {
            let (host, after) = bracketed
                .split_once(']')
                .ok_or("an IPv6 address needs its closing ]")?;
            match after {
                "" => (host, None),
                _ => match after.strip_prefix(':') {
                    Some(port) => (host, Some(port)),
                    None => {
                        return Err(format!(
                            "{after:?} after an IPv6 address: only :PORT may follow ]"
                        ));
                    }
                },
            }
        }
        None => match host_port.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (host_port, None),
        },
    };
    let port = match port {
        Some("") | None => 21,
        Some(port) if port.bytes().all(|b| b.is_ascii_digit()) => port
            .parse()
            .map_err(|_| format!("{port:?} is not a port"))?,
        Some(port) => return Err(format!("{port:?} is not a port")),
    };
    Ok((host, port))
}

/// Undoes `%XX` escapes (exactly two hex digits), so that a user, a password or a directory
/// may hold `@`, `:`, `/` or `;`.
fn decode(text: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&byte, after)) = rest.split_first() {
        if byte == b'%' {
            let hex = match after {
                [high, low, ..] if high.is_ascii_hexdigit() && low.is_ascii_hexdigit() => {
                    [*high, *low]
                }
                _ => {
                    return Err(format!(
                        "bad %-escape in {text:?}: two hex digits must follow %"
                    ));
                }
            };
            let value = std::str::from_utf8(&hex)
                .ok()
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
                .ok_or_else(|| format!("bad %-escape in {text:?}"))?;
            bytes.push(value);
            rest = after.get(2..).unwrap_or_default();
        } else {
            bytes.push(byte);
            rest = after;
        }
    }
    Ok(bytes)
}
