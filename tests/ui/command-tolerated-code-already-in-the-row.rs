ftp_codes::command_catalog! {
    pub enum Commands from "catalogues/command-tolerated-code-already-in-the-row.toml"
}

fn main() {}
