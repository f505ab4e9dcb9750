//! Command arguments formed on the stack without `core::fmt` (which would add kilobytes to a
//! firmware that has no other use for it): PORT's, EPRT's and LPRT's addresses, REST's
//! marker. IPv6 addresses are written as RFC 5952 says (and as `core` displays them).

use super::WriteError;
use super::decimal::Decimal;
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4};

/// An argument on the stack: the longest, an LPRT of an IPv6 address, is 78 bytes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Argument96 {
    bytes: [u8; 96],
    len: usize,
}

impl Argument96 {
    pub(crate) const fn new() -> Self {
        Self {
            bytes: [0; 96],
            len: 0,
        }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }

    fn push(&mut self, text: &[u8]) -> Result<(), WriteError> {
        let end = self.len.checked_add(text.len()).ok_or(WriteError::Fmt)?;
        self.bytes
            .get_mut(self.len..end)
            .ok_or(WriteError::Fmt)?
            .copy_from_slice(text);
        self.len = end;
        Ok(())
    }

    /// `n` in decimal.
    pub(crate) fn push_decimal(&mut self, n: u64) -> Result<(), WriteError> {
        self.push(Decimal::new(n).as_bytes())
    }

    /// `n1,n2,...`.
    fn push_list(&mut self, values: &[u8]) -> Result<(), WriteError> {
        for (i, &value) in values.iter().enumerate() {
            if i > 0 {
                self.push(b",")?;
            }
            self.push_decimal(u64::from(value))?;
        }
        Ok(())
    }

    fn push_ipv4(&mut self, ip: Ipv4Addr) -> Result<(), WriteError> {
        for (i, &octet) in ip.octets().iter().enumerate() {
            if i > 0 {
                self.push(b".")?;
            }
            self.push_decimal(u64::from(octet))?;
        }
        Ok(())
    }

    /// RFC 5952 §4: lowercase hex without leading zeros, the longest run of two or more zero
    /// groups (the first of equal runs) as `::`, an IPv4-mapped address as `::ffff:a.b.c.d`.
    fn push_ipv6(&mut self, ip: Ipv6Addr) -> Result<(), WriteError> {
        if let Some(v4) = ip.to_ipv4_mapped() {
            self.push(b"::ffff:")?;
            return self.push_ipv4(v4);
        }
        let groups = ip.segments();
        let (mut run_start, mut run_len) = (groups.len(), 0);
        let mut i = 0;
        while i < groups.len() {
            let zeros = groups
                .get(i..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&g| g == 0)
                .count();
            if zeros > run_len && zeros >= 2 {
                (run_start, run_len) = (i, zeros);
            }
            i = i.saturating_add(zeros.max(1));
        }
        let mut i = 0;
        while i < groups.len() {
            if i == run_start {
                self.push(b"::")?;
                i = i.saturating_add(run_len);
                continue;
            }
            if i > 0 && i != run_start.saturating_add(run_len) {
                self.push(b":")?;
            }
            self.push_hex(groups.get(i).copied().unwrap_or(0))?;
            i = i.saturating_add(1);
        }
        Ok(())
    }

    fn push_hex(&mut self, group: u16) -> Result<(), WriteError> {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let nibbles = group.to_be_bytes();
        let digits = [
            nibbles[0] >> 4,
            nibbles[0] & 15,
            nibbles[1] >> 4,
            nibbles[1] & 15,
        ];
        let first = digits.iter().position(|&d| d != 0).unwrap_or(3);
        for &digit in digits.get(first..).unwrap_or_default() {
            self.push(
                HEX.get(usize::from(digit)..=usize::from(digit))
                    .unwrap_or_default(),
            )?;
        }
        Ok(())
    }
}

/// PORT's argument, `h1,h2,h3,h4,p1,p2`; port 0 cannot be written.
pub(crate) fn port_argument(address: SocketAddrV4) -> Result<Argument96, WriteError> {
    if address.port() == 0 {
        return Err(WriteError::Unrepresentable);
    }
    let mut argument = Argument96::new();
    let [p1, p2] = address.port().to_be_bytes();
    let [h1, h2, h3, h4] = address.ip().octets();
    argument.push_list(&[h1, h2, h3, h4, p1, p2])?;
    Ok(argument)
}

/// EPRT's argument, `|1|a.b.c.d|port|` or `|2|ipv6|port|`; port 0 cannot be written.
pub(crate) fn eprt_argument(address: SocketAddr) -> Result<Argument96, WriteError> {
    if address.port() == 0 {
        return Err(WriteError::Unrepresentable);
    }
    let mut argument = Argument96::new();
    match address.ip() {
        IpAddr::V4(ip) => {
            argument.push(b"|1|")?;
            argument.push_ipv4(ip)?;
        }
        IpAddr::V6(ip) => {
            argument.push(b"|2|")?;
            argument.push_ipv6(ip)?;
        }
    }
    argument.push(b"|")?;
    argument.push_decimal(u64::from(address.port()))?;
    argument.push(b"|")?;
    Ok(argument)
}

/// LPRT's argument, `af,hal,h1,...,pal,p1,p2` (RFC 1639); port 0 cannot be written.
pub(crate) fn lprt_argument(address: SocketAddr) -> Result<Argument96, WriteError> {
    if address.port() == 0 {
        return Err(WriteError::Unrepresentable);
    }
    let mut argument = Argument96::new();
    let (v4, v6);
    let (family, host): (&[u8], &[u8]) = match address.ip() {
        IpAddr::V4(ip) => {
            v4 = ip.octets();
            (&[4, 4], &v4)
        }
        IpAddr::V6(ip) => {
            v6 = ip.octets();
            (&[6, 16], &v6)
        }
    };
    argument.push_list(family)?;
    argument.push(b",")?;
    argument.push_list(host)?;
    argument.push(b",2,")?;
    argument.push_list(&address.port().to_be_bytes())?;
    Ok(argument)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::ToString;

    /// The IPv6 text is `core`'s own, for the hard cases and a spread of others.
    #[test]
    fn ipv6_is_written_as_core_displays_it() {
        let mut cases: std::vec::Vec<Ipv6Addr> = [
            "::",
            "::1",
            "1::",
            "1:0:0:2:0:0:0:3",
            "1:0:0:2:0:0:3:4",
            "0:0:1:0:0:1:0:0",
            "2001:db8::1",
            "::ffff:192.0.2.1",
            "::192.0.2.1",
            "fe80::1:0:0:1",
            "1:2:3:4:5:6:7:8",
            "0:1:2:3:4:5:6:0",
            "abcd:ef01:2345:6789:abcd:ef01:2345:6789",
        ]
        .iter()
        .map(|text| text.parse().unwrap())
        .collect();
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            // Zero some groups, so that runs of zeros of every length come up.
            let mask = state.rotate_left(17) | (state >> 3);
            let mut segments = [0u16; 8];
            for (i, segment) in segments.iter_mut().enumerate() {
                if mask >> (i * 3) & 3 != 0 {
                    *segment = u16::try_from((state >> (i * 8)) & 0xffff).unwrap();
                }
            }
            cases.push(Ipv6Addr::from(segments));
        }
        for ip in cases {
            let mut argument = Argument96::new();
            argument.push_ipv6(ip).unwrap();
            assert_eq!(
                core::str::from_utf8(argument.as_bytes()).unwrap(),
                ip.to_string(),
                "{:?}",
                ip.segments()
            );
        }
    }

    #[test]
    fn address_arguments() {
        let port = port_argument("192.168.1.2:5001".parse().unwrap()).unwrap();
        assert_eq!(port.as_bytes(), b"192,168,1,2,19,137");
        let eprt = eprt_argument("[2001:db8::7]:2121".parse().unwrap()).unwrap();
        assert_eq!(eprt.as_bytes(), b"|2|2001:db8::7|2121|");
        let lprt = lprt_argument("127.0.0.1:1025".parse().unwrap()).unwrap();
        assert_eq!(lprt.as_bytes(), b"4,4,127,0,0,1,2,4,1");
        let longest = lprt_argument(
            "[ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]:65535"
                .parse()
                .unwrap(),
        );
        assert_eq!(longest.unwrap().as_bytes().len(), 78);
        assert!(port_argument("1.2.3.4:0".parse().unwrap()).is_err());
    }
}
