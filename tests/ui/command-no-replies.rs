ftp_codes::command_catalog! {
    pub enum Commands from "catalogues/command-no-replies.toml"
}

fn main() {}
