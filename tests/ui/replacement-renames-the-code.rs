ftp_codes::catalog! {
    pub enum Codes from "catalogues/replacement-renames-the-code.toml"
}

fn main() {}
