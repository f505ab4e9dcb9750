//! Passive-mode replies: 227 (PASV), 228 (LPSV, RFC 1639), 229 (EPSV, RFC 2428).

use super::scan::{byte_list, digit_runs, list_len, number, unique};
use super::{PayloadError, expect_code};
use crate::reply::Reply;
use core::net::{Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};

/// The address of a 227 reply: exactly six numbers `h1,h2,h3,h4,p1,p2` (RFC 959 §4.1.2), with
/// or without parentheses (RFC 1123 §4.1.2.6 asks clients to find them either way), with text
/// around them, on any line of the reply (aioftp sends a `227-` note first).
///
/// A list starts at a number that does not follow a comma, so a list is never read from its
/// middle: seven numbers, a number over 255 or port 0 is an error, never a shorter address
/// read from what follows. Two different addresses in one reply are an error too.
///
/// **Do not connect to the host part blindly.** A hostile server can name any host (the "PASV
/// host" or FTP bounce problem), and servers behind NAT often name a private address. Clients
/// should connect to the control connection's peer and take only the port: [`pasv_port`].
///
/// ```
/// use ftp_codes::{payload::{self, PayloadError}, reply::{self, ParseOptions}};
/// use std::net::{Ipv4Addr, SocketAddrV4};
///
/// let (reply, _) = reply::parse(b"227 Entering Passive Mode (10,0,0,7,4,1)\r\n", &ParseOptions::default())?
///     .complete().unwrap();
/// assert_eq!(payload::pasv(&reply)?, SocketAddrV4::new(Ipv4Addr::new(10, 0, 0, 7), 1025));
///
/// let (seven, _) = reply::parse(b"227 Entering Passive Mode (10,0,0,7,4,1,5).\r\n", &ParseOptions::default())?
///     .complete().unwrap();
/// assert_eq!(payload::pasv(&seven), Err(PayloadError::Malformed));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn pasv(reply: &Reply<'_>) -> Result<SocketAddrV4, PayloadError> {
    expect_code(reply, 227)?;
    unique(reply.lines().flat_map(host_ports))
}

/// The six-number lists of one line, each as an address or as the error that rules it out.
fn host_ports(text: &[u8]) -> impl Iterator<Item = Result<SocketAddrV4, PayloadError>> + '_ {
    list_starts(text).filter_map(move |start| {
        let list = text.get(start..).unwrap_or_default();
        match list_len(list) {
            // A lone number or a short list is not an address (it may be text).
            0..=5 => None,
            6 => Some(host_port(list)),
            _ => Some(Err(PayloadError::Malformed)),
        }
    })
}

fn host_port(list: &[u8]) -> Result<SocketAddrV4, PayloadError> {
    let mut bytes = [0u8; 6];
    byte_list(list, &mut bytes)?;
    let [h1, h2, h3, h4, p1, p2] = bytes;
    match u16::from_be_bytes([p1, p2]) {
        0 => Err(PayloadError::OutOfRange),
        port => Ok(SocketAddrV4::new(Ipv4Addr::new(h1, h2, h3, h4), port)),
    }
}

/// Where the comma-separated lists of `text` start: at a digit run that does not follow a
/// comma (spaces after a comma allowed).
fn list_starts(text: &[u8]) -> impl Iterator<Item = usize> + '_ {
    digit_runs(text).filter(move |&start| {
        let before = text.get(..start).unwrap_or_default();
        before.iter().rev().find(|&&b| b != b' ') != Some(&b',')
    })
}

/// Only the port of a 227 reply: what a client should use (see [`pasv`]).
pub fn pasv_port(reply: &Reply<'_>) -> Result<u16, PayloadError> {
    pasv(reply).map(|address| address.port())
}

/// The address of a 228 reply (RFC 1639): `(af,hal,h1,...,pal,p1,p2)` with address family 4
/// (4 host bytes) or 6 (16 host bytes) and a 2-byte port, which may not be 0.
///
/// ```
/// use ftp_codes::{payload, reply::{self, ParseOptions}};
///
/// let text = b"228 Entering Long Passive Mode (6,16,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,2,4,1)\r\n";
/// let (reply, _) = reply::parse(text, &ParseOptions::default())?.complete().unwrap();
/// assert_eq!(payload::lpsv(&reply)?, "[::1]:1025".parse()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn lpsv(reply: &Reply<'_>) -> Result<SocketAddr, PayloadError> {
    expect_code(reply, 228)?;
    unique(reply.lines().flat_map(long_host_ports))
}

/// The RFC 1639 lists of one line.
fn long_host_ports(text: &[u8]) -> impl Iterator<Item = Result<SocketAddr, PayloadError>> + '_ {
    list_starts(text).filter_map(move |start| {
        let list = text.get(start..).unwrap_or_default();
        // af, hal, 4 or 16 host bytes, pal, 2 port bytes: 9 or 21 numbers.
        let count = list_len(list);
        if count < 9 {
            return None;
        }
        let mut values = [0u8; 21];
        let Some(values) = values.get_mut(..count) else {
            return Some(Err(PayloadError::Malformed));
        };
        Some(byte_list(list, values).and_then(|()| long_address(values)))
    })
}

pub(crate) fn long_address(values: &[u8]) -> Result<SocketAddr, PayloadError> {
    let address = match values {
        [4, 4, h1, h2, h3, h4, 2, p1, p2] => SocketAddr::V4(SocketAddrV4::new(
            Ipv4Addr::new(*h1, *h2, *h3, *h4),
            u16::from_be_bytes([*p1, *p2]),
        )),
        [6, 16, rest @ ..] => match rest.split_first_chunk::<16>() {
            Some((host, [2, p1, p2])) => SocketAddr::V6(SocketAddrV6::new(
                Ipv6Addr::from(*host),
                u16::from_be_bytes([*p1, *p2]),
                0,
                0,
            )),
            _ => return Err(PayloadError::Malformed),
        },
        _ => return Err(PayloadError::Malformed),
    };
    if address.port() == 0 {
        return Err(PayloadError::OutOfRange);
    }
    Ok(address)
}

/// The port of a 229 reply (RFC 2428 §3): `(<d><d><d><port><d>)`, where the delimiter `d` is
/// any printable ASCII character but a digit (usually `|`) and all four must match; the port is
/// 1 to 65535. The group may follow text that has parentheses of its own. The host is the
/// control connection's.
///
/// ```
/// use ftp_codes::{payload, reply::{self, ParseOptions}};
///
/// let (reply, _) = reply::parse(b"229 Entering Extended Passive Mode (!!!6446!)\r\n", &ParseOptions::default())?
///     .complete().unwrap();
/// assert_eq!(payload::epsv(&reply)?, 6446);
/// let (reply, _) = reply::parse(b"229 some text (ha-ha) (|||665|)\r\n", &ParseOptions::default())?
///     .complete().unwrap();
/// assert_eq!(payload::epsv(&reply)?, 665);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn epsv(reply: &Reply<'_>) -> Result<u16, PayloadError> {
    expect_code(reply, 229)?;
    let groups = reply.lines().flat_map(|text| {
        text.iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'(')
            .map(move |(open, _)| text.get(open.saturating_add(1)..).unwrap_or_default())
    });
    // Every `(` is a candidate; the one group that parses is the port. Text in parentheses
    // that is no group is passed over, but only if a group is found.
    let mut first_error = None;
    let found = unique(groups.filter_map(|inner| match epsv_group(inner) {
        Ok(port) => Some(Ok(port)),
        Err(error) => {
            first_error.get_or_insert(error);
            None
        }
    }));
    match (found, first_error) {
        (Err(PayloadError::Missing), Some(error)) => Err(error),
        (found, _) => found,
    }
}

/// `<d><d><d><port><d>)` after an opening parenthesis.
fn epsv_group(inner: &[u8]) -> Result<u16, PayloadError> {
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
    if rest.get(..2) != Some(&[d1, b')'][..]) {
        return Err(PayloadError::Malformed);
    }
    match u16::try_from(port) {
        Ok(0) | Err(_) => Err(PayloadError::OutOfRange),
        Ok(port) => Ok(port),
    }
}
