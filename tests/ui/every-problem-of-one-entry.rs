ftp_codes::catalog! {
    pub enum Codes from "catalogues/every-problem-of-one-entry.toml"
}

fn main() {}
