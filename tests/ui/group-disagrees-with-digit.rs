ftp_codes::catalog! {
    pub enum Codes from "catalogues/group-disagrees-with-digit.toml"
}

fn main() {}
