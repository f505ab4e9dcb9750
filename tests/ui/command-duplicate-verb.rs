ftp_codes::command_catalog! {
    pub enum Commands from "catalogues/command-duplicate-verb.toml"
}

fn main() {}
