//! The `serde` feature: the code types deserialize from their number (run with
//! `cargo test -p ftp-codes --features serde`; `.ci/run` does).
#![cfg(feature = "serde")]
#![allow(clippy::unwrap_used)]

use ftp_codes::{Category, Code, Group};
use serde::Deserialize;
use serde::de::value::{Error, U8Deserializer, U16Deserializer};

fn code(n: u16) -> Result<Code, Error> {
    Code::deserialize(U16Deserializer::<Error>::new(n))
}

#[test]
fn codes_deserialize_from_their_number() {
    assert_eq!(code(550).unwrap(), Code::FileUnavailable);
    let error = code(299).unwrap_err().to_string();
    assert!(error.contains("Code"), "{error}");
    assert!(code(7).is_err());
}

#[test]
fn categories_and_groups_deserialize_from_their_digit() {
    assert_eq!(
        Category::deserialize(U8Deserializer::<Error>::new(6)).unwrap(),
        Category::Protected
    );
    assert!(Category::deserialize(U8Deserializer::<Error>::new(7)).is_err());
    assert_eq!(
        Group::deserialize(U8Deserializer::<Error>::new(5)).unwrap(),
        Group::FileSystem
    );
    assert!(Group::deserialize(U8Deserializer::<Error>::new(6)).is_err());
}
