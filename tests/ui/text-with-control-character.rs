ftp_codes::catalog! {
    pub enum Codes from "catalogues/text-with-control-character.toml"
}

fn main() {}
