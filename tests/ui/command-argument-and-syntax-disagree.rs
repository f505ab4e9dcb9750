ftp_codes::command_catalog! {
    pub enum Commands from "catalogues/command-argument-and-syntax-disagree.toml"
}

fn main() {}
