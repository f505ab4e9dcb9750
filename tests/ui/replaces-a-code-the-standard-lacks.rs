ftp_codes::catalog! {
    pub enum Codes from "catalogues/replaces-a-code-the-standard-lacks.toml"
}

fn main() {}
