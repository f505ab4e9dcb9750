ftp_codes::command_catalog! {
    pub enum Commands from "catalogues/command-empty-catalogue.toml"
}

fn main() {}
