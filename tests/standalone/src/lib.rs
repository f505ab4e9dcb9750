//! A standalone catalogue: only a device's own codes, without the standard ones.

#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

ftp_codes::catalog! {
    /// The codes a small device sends, and nothing else.
    pub enum DeviceCode from "standalone-codes.toml"
}
