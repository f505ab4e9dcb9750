ftp_codes::command_catalog! {
    pub enum Commands from "catalogues/command-after-preliminary-not-in-a-slot.toml"
}

fn main() {}
