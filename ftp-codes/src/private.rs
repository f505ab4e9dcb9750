//! Only what generated code names. Not public API: it may change in any release.
//!
//! Generated code reaches optional impls (serde, defmt) through the macros here, whose
//! definitions depend on the features of `ftp-codes` itself; emitting `cfg(feature = ...)`
//! instead would test the features of the calling crate.

use crate::{Category, Group, InvalidCode, ReplyCode};
use core::fmt;

#[cfg(feature = "defmt")]
pub use defmt;
#[cfg(feature = "serde")]
pub use serde;

pub use crate::{
    __ftp_codes_impl_defmt as impl_defmt, __ftp_codes_impl_defmt_digit as impl_defmt_digit,
    __ftp_codes_impl_serde as impl_serde, __ftp_codes_impl_serde_digit as impl_serde_digit,
};

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
    match (found, ReplyCode::new(code)) {
        (Some(found), _) => Ok(found),
        (None, Ok(_)) => Err(InvalidCode::NOT_CATALOGUED),
        (None, Err(error)) => Err(error),
    }
}

/// `FromStr` of a code enum: three ASCII digits naming a catalogued code.
pub fn parse_catalogued<C>(s: &str, from_u16: fn(u16) -> Option<C>) -> Result<C, InvalidCode> {
    let code: ReplyCode = s.parse()?;
    from_u16(code.get()).ok_or(InvalidCode::NOT_CATALOGUED)
}

/// serde for a code enum, as its number.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __ftp_codes_impl_serde {
    ($ty:ident) => {
        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_u16(self.as_u16())
            }
        }
        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                let code =
                    <u16 as $crate::__private::serde::Deserialize>::deserialize(deserializer)?;
                <$ty>::try_from(code)
                    .map_err(<D::Error as $crate::__private::serde::de::Error>::custom)
            }
        }
    };
}

/// serde for a code enum: nothing without the `serde` feature.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __ftp_codes_impl_serde {
    ($ty:ident) => {};
}

/// serde for `Category` and `Group`, as their digit.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __ftp_codes_impl_serde_digit {
    ($ty:ident) => {
        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_u8(self.digit())
            }
        }
        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                let digit =
                    <u8 as $crate::__private::serde::Deserialize>::deserialize(deserializer)?;
                <$ty>::from_digit(digit).ok_or_else(|| {
                    <D::Error as $crate::__private::serde::de::Error>::custom(
                        "digit has no meaning here",
                    )
                })
            }
        }
    };
}

/// serde for `Category` and `Group`: nothing without the `serde` feature.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __ftp_codes_impl_serde_digit {
    ($ty:ident) => {};
}

/// `defmt::Format` for a code enum, as its number.
#[cfg(feature = "defmt")]
#[doc(hidden)]
#[macro_export]
macro_rules! __ftp_codes_impl_defmt {
    ($ty:ident) => {
        impl $crate::__private::defmt::Format for $ty {
            fn format(&self, f: $crate::__private::defmt::Formatter<'_>) {
                $crate::__private::defmt::Format::format(&self.as_u16(), f);
            }
        }
    };
}

/// `defmt::Format` for a code enum: nothing without the `defmt` feature.
#[cfg(not(feature = "defmt"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __ftp_codes_impl_defmt {
    ($ty:ident) => {};
}

/// `defmt::Format` for `Category` and `Group`, as their name.
#[cfg(feature = "defmt")]
#[doc(hidden)]
#[macro_export]
macro_rules! __ftp_codes_impl_defmt_digit {
    ($ty:ident) => {
        impl $crate::__private::defmt::Format for $ty {
            fn format(&self, f: $crate::__private::defmt::Formatter<'_>) {
                $crate::__private::defmt::Format::format(self.name(), f);
            }
        }
    };
}

/// `defmt::Format` for `Category` and `Group`: nothing without the `defmt` feature.
#[cfg(not(feature = "defmt"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __ftp_codes_impl_defmt_digit {
    ($ty:ident) => {};
}
