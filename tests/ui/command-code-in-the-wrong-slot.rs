ftp_codes::command_catalog! {
    pub enum Commands from "catalogues/command-code-in-the-wrong-slot.toml"
}

fn main() {}
