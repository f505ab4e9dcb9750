//! `ReplyCode`, any well-formed reply code, and `InvalidCode`, the error of every conversion.

use crate::{Catalogue, Category, Code, Group};
use core::fmt;
use core::str::FromStr;

/// Any well-formed FTP reply code, catalogued or not: a number from 100 to 699.
///
/// Servers send codes no catalogue lists; `ReplyCode` classifies them by their digits all the
/// same (RFC 959 §4.2.1), and [`known`](Self::known) looks them up in the standard catalogue.
///
/// ```
/// use ftp_codes::{Category, Code, Group, ReplyCode};
///
/// let code: ReplyCode = "550".parse()?;
/// assert_eq!(code.category(), Category::PermanentNegative);
/// assert_eq!(code.group(), Some(Group::FileSystem));
/// assert_eq!(code.known(), Some(Code::FileUnavailable));
/// assert!(code.is_negative());
///
/// let odd = ReplyCode::from_u16(299)?; // well-formed, but in no catalogue
/// assert!(odd.is_positive_completion());
/// assert_eq!(odd.known(), None);
/// assert_eq!(odd.to_string(), "299");
/// # Ok::<(), ftp_codes::InvalidCode>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReplyCode(u16);

crate::__private::impl_serde!(ReplyCode: u16, via as_u16, ReplyCode::checked);
crate::__private::impl_defmt!(ReplyCode via as_u16);

impl ReplyCode {
    /// The smallest reply code.
    pub const MIN: Self = Self(100);
    /// The largest reply code (6yz replies are RFC 2228's protected replies).
    pub const MAX: Self = Self(699);

    /// `code` as a reply code, if it is from 100 to 699.
    ///
    /// ```
    /// use ftp_codes::ReplyCode;
    ///
    /// assert_eq!(ReplyCode::from_u16(226).map(ReplyCode::as_u16), Ok(226));
    /// assert!(ReplyCode::from_u16(99).is_err());
    /// assert!(ReplyCode::from_u16(700).is_err());
    /// ```
    pub const fn from_u16(code: u16) -> Result<Self, InvalidCode> {
        if Self::MIN.0 <= code && code <= Self::MAX.0 {
            Ok(Self(code))
        } else {
            Err(InvalidCode::OUT_OF_RANGE)
        }
    }

    /// Exactly three ASCII digits, the first from 1 to 6, as on the wire.
    ///
    /// ```
    /// use ftp_codes::ReplyCode;
    ///
    /// assert_eq!(ReplyCode::from_ascii(b"421").map(ReplyCode::as_u16), Ok(421));
    /// for bad in [&b"+12"[..], b" 22", b"1234", b"42", b"700", b"099", b""] {
    ///     assert!(ReplyCode::from_ascii(bad).is_err());
    /// }
    /// ```
    pub const fn from_ascii(bytes: &[u8]) -> Result<Self, InvalidCode> {
        let [a, b, c] = *match bytes.first_chunk::<3>() {
            Some(digits) if bytes.len() == 3 => digits,
            _ => return Err(InvalidCode::NOT_THREE_DIGITS),
        };
        if !(a.is_ascii_digit() && b.is_ascii_digit() && c.is_ascii_digit()) {
            return Err(InvalidCode::NOT_THREE_DIGITS);
        }
        // Three digits: only the range can be wrong.
        match Self::from_digits([a, b, c]) {
            Some(code) => Ok(code),
            None => Err(InvalidCode::OUT_OF_RANGE),
        }
    }

    /// [`from_ascii`](Self::from_ascii) for the reply parser's hot path: the same answer,
    /// without the error's kind, inlined (three compares and the number).
    // With `#[inline]` alone it stayed a call: 26 of the 180 instructions a short reply took.
    #[allow(clippy::inline_always)] // measured: see above
    #[inline(always)]
    pub(crate) const fn from_digits(digits: [u8; 3]) -> Option<Self> {
        // The first digit's range, from MIN and MAX (x00 and y99: any two digits follow).
        const FIRST: u16 = ReplyCode::MIN.0 / 100;
        const LAST: u16 = ReplyCode::MAX.0 / 100;
        const _: () = assert!(ReplyCode::MIN.0 % 100 == 0 && ReplyCode::MAX.0 % 100 == 99);
        let [a, b, c] = digits;
        let (a, b, c) = (digit(a), digit(b), digit(c));
        // Unsigned compares: a byte below '0' wraps above every bound.
        if a.wrapping_sub(FIRST) <= LAST - FIRST && b < 10 && c < 10 {
            Some(Self(
                a.wrapping_mul(100)
                    .wrapping_add(b.wrapping_mul(10))
                    .wrapping_add(c),
            ))
        } else {
            None
        }
    }

    /// The code as three ASCII digits, as on the wire.
    ///
    /// ```
    /// use ftp_codes::ReplyCode;
    ///
    /// assert_eq!(&ReplyCode::from_u16(257)?.to_ascii(), b"257");
    /// # Ok::<(), ftp_codes::InvalidCode>(())
    /// ```
    pub const fn to_ascii(self) -> [u8; 3] {
        // Each digit is 0..=9, so adding b'0' cannot wrap.
        [
            self.first_digit().wrapping_add(b'0'),
            self.second_digit().wrapping_add(b'0'),
            self.third_digit().wrapping_add(b'0'),
        ]
    }

    /// The number, from 100 to 699.
    pub const fn as_u16(self) -> u16 {
        self.0
    }

    /// The first digit, from 1 to 6.
    #[allow(clippy::cast_possible_truncation)] // at most 9
    pub const fn first_digit(self) -> u8 {
        (self.0 / 100) as u8
    }

    /// The second digit, from 0 to 9.
    #[allow(clippy::cast_possible_truncation)] // at most 9
    pub const fn second_digit(self) -> u8 {
        (self.0 / 10 % 10) as u8
    }

    /// The third digit, from 0 to 9.
    #[allow(clippy::cast_possible_truncation)] // at most 9
    pub const fn third_digit(self) -> u8 {
        (self.0 % 10) as u8
    }

    /// What kind of reply this is, from the first digit. Every reply code has one.
    pub const fn category(self) -> Category {
        match Category::from_digit(self.first_digit()) {
            Some(category) => category,
            // The standard catalogue must define every first digit 1..=6 (the macro checks it).
            None => Category::Protected,
        }
    }

    /// What the reply is about, from the second digit; `None` for 6 to 9, which RFC 959
    /// leaves undefined.
    pub const fn group(self) -> Option<Group> {
        Group::from_digit(self.second_digit())
    }

    /// The standard catalogue's entry for this code, if it has one.
    pub const fn known(self) -> Option<Code> {
        Code::from_u16(self.0)
    }

    /// The entry for this code in catalogue `C` (the standard one or one of your own), if any.
    ///
    /// ```
    /// use ftp_codes::{Code, ReplyCode};
    ///
    /// let code = ReplyCode::from_u16(220)?;
    /// assert_eq!(code.known_in::<Code>(), Some(Code::ServiceReady));
    /// # Ok::<(), ftp_codes::InvalidCode>(())
    /// ```
    pub fn known_in<C: Catalogue>(self) -> Option<C> {
        C::from_u16(self.0)
    }

    /// 1yz: the action is starting; expect another reply.
    pub const fn is_positive_preliminary(self) -> bool {
        self.first_digit() == 1
    }

    /// 2yz: the action completed.
    pub const fn is_positive_completion(self) -> bool {
        self.first_digit() == 2
    }

    /// 3yz: accepted, but more information is needed.
    pub const fn is_positive_intermediate(self) -> bool {
        self.first_digit() == 3
    }

    /// 4yz: failed, but the same command may work later.
    pub const fn is_transient_negative(self) -> bool {
        self.first_digit() == 4
    }

    /// 5yz: failed; the same command will fail again.
    pub const fn is_permanent_negative(self) -> bool {
        self.first_digit() == 5
    }

    /// 6yz: a protected reply (RFC 2228) whose text must be decoded first.
    pub const fn is_protected(self) -> bool {
        self.first_digit() == 6
    }

    /// 1yz, 2yz or 3yz.
    pub const fn is_positive(self) -> bool {
        self.category().is_positive()
    }

    /// 4yz or 5yz.
    pub const fn is_negative(self) -> bool {
        self.category().is_negative()
    }

    /// `from_u16` as an `Option`, for the serde helper.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) const fn checked(code: u16) -> Option<Self> {
        match Self::from_u16(code) {
            Ok(code) => Some(code),
            Err(_) => None,
        }
    }

    /// For generated code: a catalogued code, already checked by the macro to be in range.
    pub(crate) const fn from_catalogued(code: u16) -> Self {
        Self(code)
    }
}

/// The value of an ASCII digit already checked with `is_ascii_digit`: 0..=9, so three of them
/// combine to at most 999 without wrapping.
const fn digit(ascii: u8) -> u16 {
    ascii.wrapping_sub(b'0') as u16
}

impl fmt::Display for ReplyCode {
    /// The three digits, such as `550`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for ReplyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ReplyCode({})", self.0)
    }
}

impl FromStr for ReplyCode {
    type Err = InvalidCode;

    /// Exactly three ASCII digits; see [`ReplyCode::from_ascii`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_ascii(s.as_bytes())
    }
}

impl TryFrom<u16> for ReplyCode {
    type Error = InvalidCode;

    fn try_from(code: u16) -> Result<Self, Self::Error> {
        Self::from_u16(code)
    }
}

impl From<ReplyCode> for u16 {
    fn from(code: ReplyCode) -> u16 {
        code.0
    }
}

impl PartialEq<u16> for ReplyCode {
    fn eq(&self, other: &u16) -> bool {
        self.0 == *other
    }
}

impl PartialEq<ReplyCode> for u16 {
    fn eq(&self, other: &ReplyCode) -> bool {
        *self == other.0
    }
}

/// A number or text that is not a reply code (or not one of the catalogue's).
///
/// Opaque on purpose, like `http::status::InvalidStatusCode`: its message says what was wrong.
///
/// ```
/// use ftp_codes::{Code, ReplyCode};
///
/// let error = "12a".parse::<ReplyCode>().unwrap_err();
/// assert_eq!(error.to_string(), "invalid reply code: expected exactly three ASCII digits");
/// let error = Code::try_from(299).unwrap_err();
/// assert_eq!(error.to_string(), "reply code is not in the catalogue");
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct InvalidCode {
    kind: Kind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
enum Kind {
    NotThreeDigits,
    OutOfRange,
    NotCatalogued,
}

impl InvalidCode {
    const NOT_THREE_DIGITS: Self = Self {
        kind: Kind::NotThreeDigits,
    };
    const OUT_OF_RANGE: Self = Self {
        kind: Kind::OutOfRange,
    };
    pub(crate) const NOT_CATALOGUED: Self = Self {
        kind: Kind::NotCatalogued,
    };
}

impl fmt::Debug for InvalidCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("InvalidCode").field(&self.kind).finish()
    }
}

impl fmt::Display for InvalidCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.kind {
            Kind::NotThreeDigits => "invalid reply code: expected exactly three ASCII digits",
            Kind::OutOfRange => "invalid reply code: must be from 100 to 699",
            Kind::NotCatalogued => "reply code is not in the catalogue",
        })
    }
}

impl core::error::Error for InvalidCode {}

#[cfg(test)]
mod tests {
    use super::ReplyCode;

    /// The parser's fast path gives `from_ascii`'s answer for every first byte, beside digits
    /// and the bytes around them in the other places.
    #[test]
    fn from_digits_agrees_with_from_ascii() {
        let around = [
            0u8, b' ', b'/', b'0', b'1', b'5', b'6', b'7', b'9', b':', 0x7F, 0xFF,
        ];
        for a in 0..=255u8 {
            for b in around {
                for c in around {
                    let digits = [a, b, c];
                    assert_eq!(
                        ReplyCode::from_digits(digits),
                        ReplyCode::from_ascii(&digits).ok(),
                        "{digits:?}"
                    );
                }
            }
        }
    }
}
