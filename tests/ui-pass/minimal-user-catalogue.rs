use ftp_codes::{Catalogue, Category, Group};

ftp_codes::catalog! {
    /// A catalogue of two site codes; attributes given here go onto the enum.
    #[allow(clippy::upper_case_acronyms)]
    pub enum SiteCode from "catalogues/minimal.toml"
}

fn main() {
    assert_eq!(SiteCode::ALL, &[SiteCode::ZoneInfo, SiteCode::LocalRefusal]);
    assert_eq!(SiteCode::from_u16(559), Some(SiteCode::LocalRefusal));
    assert_eq!(SiteCode::from_u16(220), None);
    assert_eq!(SiteCode::LocalRefusal.category(), Category::PermanentNegative);
    assert_eq!(SiteCode::LocalRefusal.group(), Group::FileSystem);
    assert_eq!(SiteCode::ZoneInfo.to_string(), "210 Some reply text.");
    assert_eq!(<SiteCode as Catalogue>::ALL.len(), 2);
}
