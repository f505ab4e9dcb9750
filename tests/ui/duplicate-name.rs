ftp_codes::catalog! {
    pub enum Codes from "catalogues/duplicate-name.toml"
}

fn main() {}
