ftp_codes::catalog! {
    pub enum Codes from "catalogues/crlf-and-unicode-before-the-error.toml"
}

fn main() {}
