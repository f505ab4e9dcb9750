//! The standard command catalogue: `Command`, generated from `commands.toml` by the same
//! pipeline as the reply codes.

crate::command_catalog! {
    /// An FTP command of RFC 959 and its extensions, with its argument syntax, its source, and
    /// the replies its RFC allows (RFC 959 §5.4, or the extension RFC's table), plus the
    /// documented deviations of real servers.
    ///
    /// ```
    /// use ftp_codes::{Command, Outcome, ReplyCode, command::Argument};
    ///
    /// let retr = Command::from_verb(b"retr").unwrap();
    /// assert_eq!(retr, Command::Retr);
    /// assert_eq!((retr.verb(), retr.argument(), retr.syntax()), ("RETR", Argument::Required, "<pathname>"));
    /// assert_eq!(retr.classify(ReplyCode::from_u16(150)?), Outcome::Preliminary);
    /// assert_eq!(Command::from_verb(b"XYZW"), None);
    /// # Ok::<(), ftp_codes::InvalidCode>(())
    /// ```
    ///
    /// The enum is `#[non_exhaustive]`: a later release may add commands.
    #[catalog(standard)]
    pub enum Command from "commands.toml"
}
