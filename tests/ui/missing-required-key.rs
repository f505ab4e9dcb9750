ftp_codes::catalog! {
    pub enum Codes from "catalogues/missing-required-key.toml"
}

fn main() {}
