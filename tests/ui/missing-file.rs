ftp_codes::catalog! {
    pub enum Codes from "catalogues/does-not-exist.toml"
}

fn main() {}
