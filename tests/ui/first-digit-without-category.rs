ftp_codes::catalog! {
    #[catalog(standard)]
    pub enum Codes from "catalogues/first-digit-without-category.toml"
}

fn main() {}
