ftp_codes::command_catalog! {
    pub enum Commands from "catalogues/command-every-problem-at-once.toml"
}

fn main() {}
