//! A user's own command catalogue, with vendor verbs, checked against the standard reply codes.

ftp_codes::command_catalog! {
    /// Our server's commands.
    pub enum SiteCommand from "catalogues/site-commands.toml"
}

fn main() {
    use ftp_codes::{Outcome, ReplyCode};
    let xcrc = SiteCommand::from_verb(b"xcrc").unwrap();
    assert_eq!(xcrc.verb(), "XCRC");
    assert_eq!(xcrc.classify(ReplyCode::from_u16(250).unwrap()), Outcome::Completed);
    assert_eq!(SiteCommand::from_verb(b"RETR"), None);
    assert_eq!(SiteCommand::ALL.len(), 2);
}
