ftp_codes::catalog! {
    pub enum Codes from "catalogues/name-not-upper-camel-case.toml"
}

fn main() {}
