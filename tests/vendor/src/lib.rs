//! A vendor catalogue that extends the standard one: the enum holds every standard code plus
//! the vendor's, and one standard code carries a site-specific text (`replaces = true`).

#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

ftp_codes::catalog! {
    /// Every standard reply code, plus Example Corp's own.
    pub enum VendorCode from "vendor-codes.toml"
}

ftp_codes::command_catalog! {
    /// Our server's vendor commands, with the replies each may get.
    pub enum SiteCommand from "site-commands.toml"
}

ftp_codes::command_catalog! {
    /// Every standard command, plus ours, checked against our reply catalogue.
    pub enum VendorCommand from "vendor-commands.toml", codes from "vendor-codes.toml"
}
