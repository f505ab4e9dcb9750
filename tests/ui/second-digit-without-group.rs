ftp_codes::catalog! {
    pub enum Codes from "catalogues/second-digit-without-group.toml"
}

fn main() {}
