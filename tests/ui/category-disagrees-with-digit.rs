ftp_codes::catalog! {
    pub enum Codes from "catalogues/category-disagrees-with-digit.toml"
}

fn main() {}
