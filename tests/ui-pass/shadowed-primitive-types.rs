//! The generated code names primitive types by absolute path: types of the caller's that
//! shadow them do not break it.
#![allow(non_camel_case_types, dead_code)]

struct u8;
struct u16;
struct usize;
struct str;
struct bool;

ftp_codes::catalog! {
    /// Codes generated beside types that shadow the primitives.
    pub enum Codes from "catalogues/minimal.toml"
}

fn main() {
    let code = Codes::ALL[0];
    assert_eq!(Codes::from_u16(code.as_u16()), Some(code));
    assert!(code == code.reply_code() && code.reply_code() == code);
    assert!(!code.text().is_empty());
}
