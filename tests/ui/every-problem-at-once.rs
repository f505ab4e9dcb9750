ftp_codes::catalog! {
    pub enum Codes from "catalogues/every-problem-at-once.toml"
}

fn main() {}
