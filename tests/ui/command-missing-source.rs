ftp_codes::command_catalog! {
    pub enum Commands from "catalogues/command-missing-source.toml"
}

fn main() {}
