ftp_codes::catalog! {
    pub enum Codes from "catalogues/unknown-extends-value.toml"
}

fn main() {}
