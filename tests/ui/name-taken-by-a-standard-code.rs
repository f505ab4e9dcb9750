ftp_codes::catalog! {
    pub enum Codes from "catalogues/name-taken-by-a-standard-code.toml"
}

fn main() {}
