ftp_codes::catalog! {
    pub enum Codes from "catalogues/code-out-of-range.toml"
}

fn main() {}
