//! Only what generated code names. Not public API: it may change in any release.
//!
//! Generated code reaches optional impls (serde, defmt) through the macros here, whose
//! definitions depend on the features of `ftp-codes` itself; emitting `cfg(feature = ...)`
//! instead would test the features of the calling crate.

use crate::{Category, Group, InvalidCode, Outcome, ReplyCode};
use core::fmt;

#[cfg(feature = "defmt")]
pub use defmt;
#[cfg(feature = "serde")]
pub use serde;

pub use crate::{__ftp_codes_impl_defmt as impl_defmt, __ftp_codes_impl_serde as impl_serde};

/// The proc macros behind [`catalog!`](crate::catalog) and
/// [`command_catalog!`](crate::command_catalog), which pass them `$crate` first.
pub use ftp_codes_macros::{catalog, command_catalog};

/// Seals [`Catalogue`](crate::Catalogue): only the macro's output implements it, so that
/// methods can be added to the trait without breaking anyone.
pub trait Sealed {}

/// The hash key of a verb: three or four ASCII letters, upper case, packed little-endian into
/// a `u32` and zero padded (the macro computes the same key for each catalogued verb).
///
/// Branch-free but for the length: the letters are checked and upper-cased four at a time
/// (each byte of the word tested against `a..=z` once bit 5 is set, by adding so that the
/// bytes in range carry into their top bit).
#[inline]
pub const fn verb_key(verb: &[u8]) -> Option<u32> {
    let (word, letters) = match *verb {
        [a, b, c] => (u32::from_le_bytes([a, b, c, 0]), 0x0080_8080),
        [a, b, c, d] => (u32::from_le_bytes([a, b, c, d]), 0x8080_8080),
        _ => return None,
    };
    // ASCII only, so that the additions below never carry from one byte into the next.
    let ascii = word & 0x8080_8080 == 0;
    let lower = word | 0x2020_2020;
    let at_least_a = lower.wrapping_add(0x1F1F_1F1F); // top bit set where the byte >= b'a'
    let above_z = lower.wrapping_add(0x0505_0505); // top bit set where the byte > b'z'
    let in_range = at_least_a & !above_z & letters;
    if ascii && in_range == letters {
        // Upper case: clear bit 5 of the letters; the padding byte stays 0.
        Some(word & !(0x2020_2020 & (letters >> 2)))
    } else {
        None
    }
}

/// `Command::classify`'s answer: a code listed for the command (its RFC row, a tolerated
/// deviation or a rule across commands) means what its first digit says; any other is
/// unexpected.
pub const fn outcome(code: ReplyCode, listed: bool) -> Outcome {
    if !listed {
        return Outcome::Unexpected;
    }
    match code.first_digit() {
        1 => Outcome::Preliminary,
        2 => Outcome::Completed,
        3 => Outcome::Intermediate,
        4 => Outcome::TransientFailure,
        5 => Outcome::PermanentFailure,
        _ => Outcome::Unexpected,
    }
}

/// A catalogued code; the macro has checked that it is from 100 to 699.
pub const fn reply_code(code: u16) -> ReplyCode {
    ReplyCode::from_catalogued(code)
}

/// The category of a catalogued code.
pub const fn category_of(code: u16) -> Category {
    reply_code(code).category()
}

/// The group of a catalogued code; the macro has checked that its second digit has one.
pub const fn group_of(code: u16) -> Group {
    match reply_code(code).group() {
        Some(group) => group,
        None => Group::Unspecified,
    }
}

/// `Display` of a code enum: `"220 Service ready for new user."`.
pub fn fmt_code(f: &mut fmt::Formatter<'_>, code: u16, text: &str) -> fmt::Result {
    write!(f, "{code} {text}")
}

/// `TryFrom<u16>` of a code enum: the lookup result, or why it failed.
pub fn catalogued<C>(code: u16, found: Option<C>) -> Result<C, InvalidCode> {
    match (found, ReplyCode::from_u16(code)) {
        (Some(found), _) => Ok(found),
        (None, Ok(_)) => Err(InvalidCode::NOT_CATALOGUED),
        (None, Err(error)) => Err(error),
    }
}

/// `FromStr` of a code enum: three ASCII digits naming a catalogued code.
pub fn parse_catalogued<C>(s: &str, from_u16: fn(u16) -> Option<C>) -> Result<C, InvalidCode> {
    let code: ReplyCode = s.parse()?;
    from_u16(code.as_u16()).ok_or(InvalidCode::NOT_CATALOGUED)
}

/// serde for a generated type, as a number: `impl_serde!(Code: u16, via as_u16, Code::from_u16)`.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __ftp_codes_impl_serde {
    ($ty:ident: $repr:ty, via $to:ident, $from:path) => {
        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                <$repr as $crate::__private::serde::Serialize>::serialize(&self.$to(), serializer)
            }
        }
        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                let number =
                    <$repr as $crate::__private::serde::Deserialize>::deserialize(deserializer)?;
                $from(number).ok_or_else(|| {
                    <D::Error as $crate::__private::serde::de::Error>::custom(::core::concat!(
                        "no ",
                        ::core::stringify!($ty),
                        " has this number"
                    ))
                })
            }
        }
    };
}

/// serde for a generated type: nothing without the `serde` feature.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __ftp_codes_impl_serde {
    ($($anything:tt)*) => {};
}

/// `defmt::Format` for a generated type, as what `$to` returns: `impl_defmt!(Code via as_u16)`.
#[cfg(feature = "defmt")]
#[doc(hidden)]
#[macro_export]
macro_rules! __ftp_codes_impl_defmt {
    ($ty:ident via $to:ident) => {
        impl $crate::__private::defmt::Format for $ty {
            fn format(&self, f: $crate::__private::defmt::Formatter<'_>) {
                $crate::__private::defmt::Format::format(&self.$to(), f);
            }
        }
    };
}

/// `defmt::Format` for a generated type: nothing without the `defmt` feature.
#[cfg(not(feature = "defmt"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __ftp_codes_impl_defmt {
    ($($anything:tt)*) => {};
}

/// Whether the catalogues' lookup tables take the compact layout (feature `compact-tables`).
pub const COMPACT_TABLES: bool = cfg!(feature = "compact-tables");

#[cfg(test)]
mod tests {
    #![allow(clippy::arithmetic_side_effects)]

    extern crate std;

    use super::verb_key;
    use std::vec::Vec;

    /// The plain definition `verb_key` must agree with.
    fn reference(verb: &[u8]) -> Option<u32> {
        if !(3..=4).contains(&verb.len()) || !verb.iter().all(u8::is_ascii_alphabetic) {
            return None;
        }
        let mut bytes = [0u8; 4];
        for (slot, b) in bytes.iter_mut().zip(verb) {
            *slot = b.to_ascii_uppercase();
        }
        Some(u32::from_le_bytes(bytes))
    }

    #[test]
    fn verb_key_agrees_with_its_definition_on_every_three_bytes() {
        for n in 0..1u32 << 24 {
            let [a, b, c, _] = n.to_le_bytes();
            assert_eq!(verb_key(&[a, b, c]), reference(&[a, b, c]), "{a} {b} {c}");
        }
    }

    #[test]
    fn verb_key_agrees_with_its_definition_on_four_bytes_near_the_edges() {
        // Every byte next to a range the check tests, and a few inside and far outside.
        let edges: Vec<u8> = [
            0, 1, 0x1F, 0x20, 0x3F, 0x40, 0x41, 0x5A, 0x5B, 0x5F, 0x60, 0x61,
        ]
        .into_iter()
        .chain([0x6D, 0x7A, 0x7B, 0x7F, 0x80, 0xC1, 0xDA, 0xE1, 0xFA, 0xFF])
        .collect();
        for &a in &edges {
            for &b in &edges {
                for &c in &edges {
                    for &d in &edges {
                        let verb = [a, b, c, d];
                        assert_eq!(verb_key(&verb), reference(&verb), "{verb:?}");
                    }
                }
            }
        }
        for verb in [&b""[..], b"A", b"AB", b"ABCDE"] {
            assert_eq!(verb_key(verb), None);
        }
    }
}
