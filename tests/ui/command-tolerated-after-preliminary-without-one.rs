ftp_codes::command_catalog! {
    pub enum Commands from "catalogues/command-tolerated-after-preliminary-without-one.toml"
}

fn main() {}
