//! The data-connection addresses clients send: the arguments of PORT (RFC 959 §4.1.2), EPRT
//! (RFC 2428 §2) and LPRT (RFC 1639 §2), read on the server's side. Each is the exact inverse of
//! its builder ([`Writer::port`](crate::write::Writer::port), `eprt`, `lprt`), and never
//! guesses: anything but the RFC's form, port 0, or an address of the wrong family is an error.

use crate::payload::PayloadError;
use crate::payload::passive::long_address;
use crate::payload::scan::{byte_list, list_len, number};
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4};

/// The address of `PORT h1,h2,h3,h4,p1,p2`: exactly six numbers from 0 to 255, nothing
/// around them.
///
/// ```
/// use ftp_codes::command;
///
/// assert_eq!(command::port(b"127,0,0,1,4,1")?, "127.0.0.1:1025".parse()?);
/// assert!(command::port(b"127,0,0,1,4,1,7").is_err());
/// assert!(command::port(b"127,0,0,1,0,0").is_err()); // port 0
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn port(argument: &[u8]) -> Result<SocketAddrV4, PayloadError> {
    if argument.is_empty() {
        return Err(PayloadError::Missing);
    }
    if list_len(argument) != 6 || !whole_list(argument) {
        return Err(PayloadError::Malformed);
    }
    let mut bytes = [0u8; 6];
    byte_list(argument, &mut bytes)?;
    let [h1, h2, h3, h4, p1, p2] = bytes;
    match u16::from_be_bytes([p1, p2]) {
        0 => Err(PayloadError::OutOfRange),
        port => Ok(SocketAddrV4::new(Ipv4Addr::new(h1, h2, h3, h4), port)),
    }
}

/// The address of `EPRT <d><net-prt><d><net-addr><d><tcp-port><d>` (RFC 2428 §2): the
/// delimiter is any ASCII character from 33 to 126 (usually `|`), all four alike; `net-prt` is
/// 1 for an IPv4 address, 2 for an IPv6 one, and must match it.
///
/// ```
/// use ftp_codes::command;
///
/// assert_eq!(command::eprt(b"|1|132.235.1.2|6275|")?, "132.235.1.2:6275".parse()?);
/// assert_eq!(command::eprt(b"|2|1080::8:800:200C:417A|5282|")?, "[1080::8:800:200C:417A]:5282".parse()?);
/// assert!(command::eprt(b"|2|132.235.1.2|6275|").is_err()); // family and address disagree
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn eprt(argument: &[u8]) -> Result<SocketAddr, PayloadError> {
    let Some((&delimiter, rest)) = argument.split_first() else {
        return Err(PayloadError::Missing);
    };
    if !(33..=126).contains(&delimiter) {
        return Err(PayloadError::Malformed);
    }
    let mut fields = rest.split(|&b| b == delimiter);
    let (Some(family), Some(address), Some(port), Some(b""), None) = (
        fields.next(),
        fields.next(),
        fields.next(),
        fields.next(),
        fields.next(),
    ) else {
        return Err(PayloadError::Malformed);
    };
    let address = core::str::from_utf8(address).map_err(|_| PayloadError::Malformed)?;
    let ip = match family {
        b"1" => IpAddr::V4(
            address
                .parse::<Ipv4Addr>()
                .map_err(|_| PayloadError::Malformed)?,
        ),
        b"2" => IpAddr::V6(
            address
                .parse::<Ipv6Addr>()
                .map_err(|_| PayloadError::Malformed)?,
        ),
        _ => return Err(PayloadError::Malformed),
    };
    Ok(SocketAddr::new(ip, tcp_port(port)?))
}

/// The address of `LPRT af,hal,h1,...,pal,p1,p2` (RFC 1639 §2): address family 4 with 4 host
/// bytes or 6 with 16, a 2-byte port; nothing around the numbers.
///
/// ```
/// use ftp_codes::command;
///
/// assert_eq!(command::lprt(b"4,4,127,0,0,1,2,4,1")?, "127.0.0.1:1025".parse()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn lprt(argument: &[u8]) -> Result<SocketAddr, PayloadError> {
    if argument.is_empty() {
        return Err(PayloadError::Missing);
    }
    let count = list_len(argument);
    if !whole_list(argument) || !(count == 9 || count == 21) {
        return Err(PayloadError::Malformed);
    }
    let mut values = [0u8; 21];
    let values = values.get_mut(..count).ok_or(PayloadError::Malformed)?;
    byte_list(argument, values)?;
    long_address(values)
}

/// Whether `argument` is nothing but a list of numbers and commas (no spaces, no text).
fn whole_list(argument: &[u8]) -> bool {
    argument.iter().all(|&b| b.is_ascii_digit() || b == b',')
        && !argument.starts_with(b",")
        && !argument.ends_with(b",")
        && !argument.windows(2).any(|w| w == b",,")
}

/// A TCP port, 1 to 65535, all digits.
fn tcp_port(digits: &[u8]) -> Result<u16, PayloadError> {
    match number(digits, u64::from(u16::MAX)) {
        Some(Ok((port, b""))) => match u16::try_from(port) {
            Ok(0) | Err(_) => Err(PayloadError::OutOfRange),
            Ok(port) => Ok(port),
        },
        Some(Err(())) => Err(PayloadError::OutOfRange),
        _ => Err(PayloadError::Malformed),
    }
}
