ftp_codes::command_catalog! {
    pub enum Commands from "catalogues/command-code-not-in-the-named-reply-catalogue.toml", codes from "catalogues/duplicate-code.toml"
}

fn main() {}
