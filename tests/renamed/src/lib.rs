//! A crate that knows ftp-codes only as `ftp`: `ftp::catalog!` must expand to paths that
//! reach it through that name (the macro hands the proc macro `$crate`).

ftp::catalog! {
    /// This site's codes, generated under a renamed dependency.
    pub enum SiteCode from "site-codes.toml"
}

#[cfg(test)]
mod tests {
    use super::SiteCode;
    use ftp::{Catalogue, ReplyCode};

    #[test]
    fn the_generated_enum_works_under_the_new_name() {
        assert_eq!(SiteCode::from_u16(210), Some(SiteCode::ZoneInfo));
        assert_eq!(SiteCode::ZoneInfo.to_string(), "210 Some reply text.");
        let code = ReplyCode::from_u16(559).unwrap();
        assert_eq!(code.known_in::<SiteCode>(), Some(SiteCode::LocalRefusal));
        // Both directions of the comparison are generated impls.
        assert_eq!(code, SiteCode::LocalRefusal);
        assert_eq!(SiteCode::LocalRefusal, code);
        assert_eq!(<SiteCode as Catalogue>::ALL.len(), 2);
    }
}
