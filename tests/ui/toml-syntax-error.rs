ftp_codes::catalog! {
    pub enum Codes from "catalogues/toml-syntax-error.toml"
}

fn main() {}
