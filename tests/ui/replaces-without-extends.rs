ftp_codes::catalog! {
    pub enum Codes from "catalogues/replaces-without-extends.toml"
}

fn main() {}
