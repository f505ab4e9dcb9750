ftp_codes::catalog! {
    pub enum Codes from "catalogues/empty-catalogue.toml"
}

fn main() {}
