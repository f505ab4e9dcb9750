ftp_codes::catalog! {
    pub enum Codes from "catalogues/minimal.toml", codes from "catalogues/minimal.toml"
}

fn main() {}
