ftp_codes::command_catalog! {
    pub enum Commands from "catalogues/command-verb-taken-by-a-standard-command.toml"
}

fn main() {}
