//! The standard catalogue: `Category`, `Group` and `Code`, generated from `codes.toml` by the
//! same public macro users call.

crate::catalog! {
    /// A reply code of the standard catalogue: every code of RFC 959 and its extensions
    /// (RFC 1123, 1639, 2228, 2389, 2428, 3659, 4217), plus the common unofficial 430 and 434.
    ///
    /// Each variant's documentation is its whole catalogue entry. `Display` writes the code and
    /// its text as a reply line; lookups by number are a constant-time table read.
    ///
    /// ```
    /// use ftp_codes::{Category, Code, Group};
    ///
    /// let code = Code::from_u16(550).unwrap();
    /// assert_eq!(code, Code::FileUnavailable);
    /// assert_eq!(code.category(), Category::PermanentNegative);
    /// assert_eq!(code.group(), Group::FileSystem);
    /// assert_eq!(code.source(), "RFC 959 §4.2.2");
    /// assert!(code.to_string().starts_with("550 Requested action not taken."));
    /// assert_eq!("220".parse::<Code>(), Ok(Code::ServiceReady));
    /// ```
    ///
    /// The enum is `#[non_exhaustive]`: a later release may add codes.
    #[catalog(standard)]
    pub enum Code from "codes.toml"
}
