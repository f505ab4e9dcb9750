ftp_codes::catalog! {
    pub enum Codes from "catalogues/unknown-category-name.toml"
}

fn main() {}
