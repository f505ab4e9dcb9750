ftp_codes::catalog! {
    pub enum Codes from "catalogues/duplicate-code.toml"
}

fn main() {}
