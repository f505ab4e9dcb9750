ftp_codes::catalog! {
    pub enum Codes from "catalogues/collision-without-replaces.toml"
}

fn main() {}
