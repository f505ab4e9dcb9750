ftp_codes::catalog! {
    pub enum Codes from "catalogues/empty-text.toml"
}

fn main() {}
