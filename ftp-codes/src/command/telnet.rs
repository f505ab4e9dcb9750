//! The Telnet bytes a control connection may carry (RFC 854): commands before a verb, and
//! 0xFF doubled inside an argument.

use core::iter::FusedIterator;

/// Telnet's Interpret As Command byte.
pub(crate) const IAC: u8 = 0xFF;

/// Telnet's Interrupt Process and Data Mark command bytes.
const IP: u8 = 0xF4;
const DM: u8 = 0xF2;

/// How many bytes of Telnet commands start `line` (`IAC` and a command byte from 0xF1 to 0xF9,
/// such as IP 0xF4 and DM 0xF2; WILL, WONT, DO and DONT with their option byte).
///
/// Also the Synch as a socket without `SO_OOBINLINE` delivers it: BSD, netkit and inetutils
/// clients send `IAC IP IAC` as urgent data, then `DM ABOR\r\n`; the kernel takes the last
/// urgent byte (the second IAC) out of the stream, so the server reads `IAC IP DM ABOR`. A DM
/// right after `IAC IP` is that Data Mark, and nothing else: a 0xF2 anywhere else is no
/// Telnet command.
pub(crate) fn leading_commands(line: &[u8]) -> usize {
    let mut at = 0usize;
    let mut after_interrupt = false;
    loop {
        let len = match line.get(at..) {
            Some([IAC, 0xF1..=0xF9, ..]) => 2,
            Some([IAC, 0xFB..=0xFE, _, ..]) => 3,
            Some([DM, ..]) if after_interrupt => 1,
            _ => return at,
        };
        after_interrupt = matches!(line.get(at..), Some([IAC, IP, ..]));
        at = at.saturating_add(len);
    }
}

/// An argument with each doubled 0xFF read as one, in pieces that borrow from the line; see
/// [`CommandLine::argument_chunks`](super::CommandLine::argument_chunks).
#[derive(Clone, Debug)]
pub struct Unescaped<'a> {
    rest: &'a [u8],
}

impl<'a> Unescaped<'a> {
    pub(crate) const fn new(raw: &'a [u8]) -> Self {
        Self { rest: raw }
    }
}

impl<'a> Iterator for Unescaped<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let (chunk, rest) = crate::undouble::next_piece(self.rest, IAC)?;
        self.rest = rest;
        Some(chunk)
    }
}

impl FusedIterator for Unescaped<'_> {}

#[cfg(test)]
mod tests {
    use super::{Unescaped, leading_commands};

    #[test]
    fn leading_commands_are_counted_and_nothing_else() {
        let cases: &[(&[u8], usize)] = &[
            (b"ABOR\r\n", 0),
            (b"\xff\xf4\xff\xf2ABOR\r\n", 4),
            // The urgent IAC taken out by a socket without SO_OOBINLINE (BSD, netkit).
            (b"\xff\xf4\xf2ABOR\r\n", 3),
            (b"\xf2ABOR", 0), // a DM with no IP before it is no Telnet command
            (b"\xff\xf2\xf2ABOR", 2), // nor after a DM
            (b"\xff\xf4\xf2\xf2ABOR", 3), // one DM only
            (b"\xff\xf4ABOR", 2),
            (b"\xff\xfd\x06\xff\xf2ABOR", 5),
            (b"\xff\xffABOR", 0), // a literal 0xFF is no command
            (b"\xff", 0),
            (b"\xff\xfb", 0), // WILL without its option
            (b"", 0),
        ];
        for &(line, expected) in cases {
            assert_eq!(leading_commands(line), expected, "{line:x?}");
        }
    }

    #[test]
    fn doubled_iac_is_read_once() {
        let cases: &[(&[u8], &[u8])] = &[
            (b"plain", b"plain"),
            (b"a\xff\xffb", b"a\xffb"),
            (b"\xff\xff\xff\xff", b"\xff\xff"),
            (b"\xff\xff\xff", b"\xff\xff"),
            (b"", b""),
        ];
        for &(raw, expected) in cases {
            let joined: std::vec::Vec<u8> = Unescaped::new(raw).flatten().copied().collect();
            assert_eq!(joined, expected, "{raw:x?}");
        }
    }
}
