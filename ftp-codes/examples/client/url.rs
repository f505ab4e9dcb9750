//! `ftp://USER:PASSWORD@HOST:PORT/CWD1/CWD2;type=X`, as RFC 1738 §3.2 writes it (with RFC 3986's
//! empty port).

/// Where to connect, as whom, and where to start.
#[derive(Debug, PartialEq, Eq)]
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

#[cfg(test)]
mod tests {
    use super::Url;

    /// What a URL comes to: host, port, directories, whether in ASCII.
    type Parts = (String, u16, Vec<Vec<u8>>, bool);

    fn parsed(url: &str) -> Result<Parts, String> {
        Url::parse(url).map(|u| (u.host, u.port, u.directories, u.ascii))
    }

    #[test]
    fn hosts_ports_and_paths() {
        type Case<'a> = (&'a str, (&'a str, u16, &'a [&'a [u8]], bool));
        let ok: &[Case<'_>] = &[
            ("ftp://h", ("h", 21, &[], false)),
            ("ftp://h:", ("h", 21, &[], false)),
            ("ftp://h:/", ("h", 21, &[], false)),
            ("ftp://h:2121/", ("h", 2121, &[], false)),
            ("ftp://[::1]/", ("::1", 21, &[], false)),
            ("ftp://[::1]:", ("::1", 21, &[], false)),
            ("ftp://[::1]:2121/a", ("::1", 2121, &[b"a"], false)),
            ("ftp://h/a/b/", ("h", 21, &[b"a", b"b"], false)),
            ("ftp://h/a%2Fb/c", ("h", 21, &[b"a/b", b"c"], false)),
            ("ftp://h//a", ("h", 21, &[b"a"], false)),
            ("ftp://h/pub;type=a", ("h", 21, &[b"pub"], true)),
            ("ftp://h/pub;type=d", ("h", 21, &[b"pub"], false)),
            ("ftp://h/a%3Btype=a", ("h", 21, &[b"a;type=a"], false)),
        ];
        for (url, (host, port, dirs, ascii)) in ok {
            let dirs: Vec<Vec<u8>> = dirs.iter().map(|d| d.to_vec()).collect();
            assert_eq!(
                parsed(url),
                Ok(((*host).to_owned(), *port, dirs, *ascii)),
                "{url}"
            );
        }
        for bad in [
            "ftp://[::1]x/",
            "ftp://[::1]x:21/",
            "ftp://[::1/",
            "ftp://h:+21/",
            "ftp://h:70000/",
            "ftp://h/a;type=x",
            "ftp://h/%+4",
            "ftp://h/%4",
            "ftp://h/%zz",
            "http://h/",
            "ftp:///a",
        ] {
            assert!(parsed(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn users_and_passwords() {
        let url = Url::parse("ftp://al%40ice:p%3Ass@h/").unwrap();
        assert_eq!(
            (url.user, url.password),
            (b"al@ice".to_vec(), b"p:ss".to_vec())
        );
        let url = Url::parse("ftp://alice:@h/").unwrap();
        assert_eq!((url.user, url.password), (b"alice".to_vec(), Vec::new()));
        let url = Url::parse("ftp://h/").unwrap();
        assert_eq!(url.user, b"anonymous");
        assert!(Url::parse("ftp://a%+4@h/").is_err());
    }
}
