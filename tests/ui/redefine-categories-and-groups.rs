ftp_codes::catalog! {
    pub enum Codes from "catalogues/redefine-categories-and-groups.toml"
}

fn main() {}
