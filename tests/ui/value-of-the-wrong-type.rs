ftp_codes::catalog! {
    pub enum Codes from "catalogues/value-of-the-wrong-type.toml"
}

fn main() {}
