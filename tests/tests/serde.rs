//! The `serde` feature: the code types and `ReplyCode` as their number, the errors as what
//! they say. Needs the feature, as Cargo.toml declares:
//! `cargo test -p ftp-codes-tests --features serde --test serde` (`.ci/run` runs it).

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

#[test]
fn reply_codes_are_their_number_both_ways() {
    use ftp_codes::ReplyCode;
    let code = ReplyCode::from_u16(299).unwrap();
    assert_eq!(serde_json::to_string(&code).unwrap(), "299");
    assert_eq!(serde_json::from_str::<ReplyCode>("299").unwrap(), code);
    assert!(serde_json::from_str::<ReplyCode>("700").is_err());
    assert_eq!(serde_json::to_string(&Code::ServiceReady).unwrap(), "220");
}

#[test]
fn errors_serialize_as_what_they_say() {
    use ftp_codes::reply::{self, ParseOptions};
    use ftp_codes::{command, payload};
    let error = reply::parse(b"22x\r\n", &ParseOptions::strict()).unwrap_err();
    assert_eq!(
        serde_json::to_string(&error).unwrap(),
        r#"{"kind":"invalid reply code","offset":0}"#
    );
    let error = command::parse(b"RETR a\0\r\n", &ParseOptions::strict()).unwrap_err();
    assert_eq!(
        serde_json::to_string(&error).unwrap(),
        r#"{"kind":"forbidden byte","offset":6}"#
    );
    let (reply, _) = reply::parse(b"213 1,048,576\r\n", &ParseOptions::default())
        .unwrap()
        .complete()
        .unwrap();
    let error = payload::size(&reply).unwrap_err();
    assert_eq!(
        serde_json::to_string(&error).unwrap(),
        r#""the payload is malformed""#
    );
    let invalid = "abc".parse::<Code>().unwrap_err();
    assert_eq!(
        serde_json::to_string(&invalid).unwrap(),
        r#""invalid reply code: expected exactly three ASCII digits""#
    );
}
