//! The control for `Catalogue`'s sealing (its `compile_fail` doc test): the same impl with the
//! hidden seal builds, so the doc test fails for the seal alone, not for a missing item.
#![allow(clippy::unwrap_used)]

use ftp_codes::{Category, Group, InvalidCode, Meaning, ReplyCode};
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
struct Mine;
impl core::fmt::Display for Mine {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("299")
    }
}
impl From<Mine> for u16 {
    fn from(_: Mine) -> u16 {
        299
    }
}
impl From<Mine> for ReplyCode {
    fn from(_: Mine) -> ReplyCode {
        ReplyCode::from_u16(299).unwrap()
    }
}
impl core::str::FromStr for Mine {
    type Err = InvalidCode;
    fn from_str(s: &str) -> Result<Self, InvalidCode> {
        s.parse::<ReplyCode>().map(|_| Mine)
    }
}
impl TryFrom<u16> for Mine {
    type Error = InvalidCode;
    fn try_from(n: u16) -> Result<Self, InvalidCode> {
        ReplyCode::from_u16(n).map(|_| Mine)
    }
}
impl PartialEq<ReplyCode> for Mine {
    fn eq(&self, other: &ReplyCode) -> bool {
        *other == 299
    }
}
impl PartialEq<u16> for Mine {
    fn eq(&self, other: &u16) -> bool {
        *other == 299
    }
}
impl ftp_codes::Catalogue for Mine {
    // Every item of the trait written out: only the seal is missing.
    const ALL: &'static [Self] = &[Mine];
    fn from_u16(code: u16) -> Option<Self> {
        (code == 299).then_some(Mine)
    }
    fn reply_code(self) -> ReplyCode {
        self.into()
    }
    fn name(self) -> &'static str {
        "Mine"
    }
    fn text(self) -> &'static str {
        "Mine."
    }
    fn description(self) -> &'static str {
        "Mine."
    }
    fn source(self) -> &'static str {
        "here"
    }
    fn alternatives(self) -> &'static [Meaning] {
        &[]
    }
    fn category(self) -> Category {
        Category::PositiveCompletion
    }
    fn group(self) -> Group {
        Group::Unspecified
    }
}
impl ftp_codes::__private::Sealed for Mine {}

#[test]
fn with_the_seal_the_same_impl_builds() {
    assert_eq!(<Mine as ftp_codes::Catalogue>::from_u16(299), Some(Mine));
    assert_eq!(<Mine as ftp_codes::Catalogue>::ALL.len(), 1);
}
