ftp_codes::command_catalog! {
    pub enum Commands from "catalogues/command-unknown-extends-value.toml"
}

fn main() {}
