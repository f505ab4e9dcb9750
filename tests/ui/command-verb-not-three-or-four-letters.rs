ftp_codes::command_catalog! {
    pub enum Commands from "catalogues/command-verb-not-three-or-four-letters.toml"
}

fn main() {}
