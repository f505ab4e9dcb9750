ftp_codes::catalog! {
    pub enum Codes in "catalogues/minimal.toml"
}

fn main() {}
