ftp_codes::command_catalog! {
    pub enum Commands from "catalogues/command-unknown-reply-code.toml"
}

fn main() {}
