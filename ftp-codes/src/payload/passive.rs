//! Passive-mode replies: 227 (PASV), 228 (LPSV, RFC 1639), 229 (EPSV, RFC 2428).

use super::scan::{byte_list, digit_runs, number};
use super::{PayloadError, text_of};
use crate::reply::Reply;
use core::net::{Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};

/// The address of a 227 reply: `h1,h2,h3,h4,p1,p2`, with or without parentheses, with text
/// before and a period after.
///
/// **Do not connect to the host part blindly.** A hostile server can name any host (the "PASV
/// host" or FTP bounce problem), and servers behind NAT often name a private address. Clients
/// should connect to the control connection's peer and take only the port: [`pasv_port`].
///
/// ```
/// use ftp_codes::{payload, reply::{self, Options}};
/// use std::net::{Ipv4Addr, SocketAddrV4};
///
/// let (reply, _) = reply::parse(b"227 Entering Passive Mode (10,0,0,7,4,1)\r\n", &Options::default())?
///     .complete().unwrap();
/// assert_eq!(payload::pasv(&reply)?, SocketAddrV4::new(Ipv4Addr::new(10, 0, 0, 7), 1025));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn pasv(reply: &Reply<'_>) -> Result<SocketAddrV4, PayloadError> {
    let text = text_of(reply, 227)?;
    let mut malformed = false;
    for start in digit_runs(text) {
        let mut bytes = [0u8; 6];
        match byte_list(text.get(start..).unwrap_or_default(), &mut bytes) {
            Ok((6, _)) => {
                let [h1, h2, h3, h4, p1, p2] = bytes;
                let port = u16::from_be_bytes([p1, p2]);
                return Ok(SocketAddrV4::new(Ipv4Addr::new(h1, h2, h3, h4), port));
            }
            Ok(_) => {}
            Err(()) => malformed = true,
        }
    }
    Err(if malformed {
        PayloadError::OutOfRange
    } else {
        PayloadError::Missing
    })
}

/// Only the port of a 227 reply: what a client should use (see [`pasv`]).
pub fn pasv_port(reply: &Reply<'_>) -> Result<u16, PayloadError> {
    pasv(reply).map(|address| address.port())
}

/// The address of a 228 reply (RFC 1639): `(af,hal,h1,...,pal,p1,p2)` with address family 4
/// (4 host bytes) or 6 (16 host bytes) and a 2-byte port.
///
/// ```
/// use ftp_codes::{payload, reply::{self, Options}};
///
/// let text = b"228 Entering Long Passive Mode (6,16,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,2,4,1)\r\n";
/// let (reply, _) = reply::parse(text, &Options::default())?.complete().unwrap();
/// assert_eq!(payload::lpsv(&reply)?, "[::1]:1025".parse()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn lpsv(reply: &Reply<'_>) -> Result<SocketAddr, PayloadError> {
    let text = text_of(reply, 228)?;
    let start = text.iter().position(|&b| b == b'(').map_or_else(
        || digit_runs(text).next().ok_or(PayloadError::Missing),
        |open| Ok(open.saturating_add(1)),
    )?;
    // af, hal, up to 16 host bytes, pal, 2 port bytes.
    let mut values = [0u8; 21];
    let (count, _) = byte_list(text.get(start..).unwrap_or_default(), &mut values)
        .map_err(|()| PayloadError::OutOfRange)?;
    let values = values.get(..count).ok_or(PayloadError::Malformed)?;
    match values {
        [] => Err(PayloadError::Missing),
        [4, 4, h1, h2, h3, h4, 2, p1, p2] => Ok(SocketAddr::V4(SocketAddrV4::new(
            Ipv4Addr::new(*h1, *h2, *h3, *h4),
            u16::from_be_bytes([*p1, *p2]),
        ))),
        [6, 16, rest @ ..] => match rest.split_first_chunk::<16>() {
            Some((host, [2, p1, p2])) => {
                let address = Ipv6Addr::from(*host);
                Ok(SocketAddr::V6(SocketAddrV6::new(
                    address,
                    u16::from_be_bytes([*p1, *p2]),
                    0,
                    0,
                )))
            }
            _ => Err(PayloadError::Malformed),
        },
        _ => Err(PayloadError::Malformed),
    }
}

/// The port of a 229 reply (RFC 2428): `(<d><d><d><port><d>)`, where the delimiter `d` is any
/// printable ASCII character but a digit (usually `|`) and all four must match; the port is
/// 1 to 65535. The host is the control connection's.
///
/// ```
/// use ftp_codes::{payload, reply::{self, Options}};
///
/// let (reply, _) = reply::parse(b"229 Entering Extended Passive Mode (!!!6446!)\r\n", &Options::default())?
///     .complete().unwrap();
/// assert_eq!(payload::epsv(&reply)?, 6446);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn epsv(reply: &Reply<'_>) -> Result<u16, PayloadError> {
    let text = text_of(reply, 229)?;
    let open = text
        .iter()
        .position(|&b| b == b'(')
        .ok_or(PayloadError::Missing)?;
    let inner = text.get(open.saturating_add(1)..).unwrap_or_default();
    let Some((&[d1, d2, d3], rest)) = inner.split_first_chunk::<3>() else {
        return Err(PayloadError::Malformed);
    };
    let delimiter_ok = (33..=126).contains(&d1) && !d1.is_ascii_digit();
    if !delimiter_ok || d2 != d1 || d3 != d1 {
        return Err(PayloadError::Malformed);
    }
    let (port, rest) = match number(rest, u64::from(u16::MAX)) {
        Some(Ok(found)) => found,
        Some(Err(())) => return Err(PayloadError::OutOfRange),
        None => return Err(PayloadError::Malformed),
    };
    if rest.first() != Some(&d1) {
        return Err(PayloadError::Malformed);
    }
    match u16::try_from(port) {
        Ok(0) | Err(_) => Err(PayloadError::OutOfRange),
        Ok(port) => Ok(port),
    }
}
