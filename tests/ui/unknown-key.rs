ftp_codes::catalog! {
    pub enum Codes from "catalogues/unknown-key.toml"
}

fn main() {}
