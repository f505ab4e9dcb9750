//! The standalone catalogue: only its own codes.

use ftp_codes::{Catalogue, Category, Group, ReplyCode};
use ftp_codes_standalone_catalogue::DeviceCode;

#[test]
fn holds_only_its_own_codes_in_ascending_order() {
    let numbers: Vec<u16> = DeviceCode::ALL.iter().map(|c| c.as_u16()).collect();
    assert_eq!(numbers, [150, 211, 551]);
    assert_eq!(DeviceCode::from_u16(220), None);
    assert!("220".parse::<DeviceCode>().is_err());
}

#[test]
fn entries_classification_and_display() {
    let busy = DeviceCode::FlashBusy;
    assert_eq!(
        busy.to_string(),
        "551 Flash is being written; file unavailable."
    );
    assert_eq!(busy.category(), Category::PermanentNegative);
    assert_eq!(busy.group(), Group::FileSystem);
    assert_eq!(busy.alternatives().len(), 1);
    assert_eq!(busy.alternatives()[0].source, "RFC 959 §4.2.2");
    assert_eq!(
        DeviceCode::Opening.reply_code(),
        ReplyCode::from_u16(150).unwrap()
    );
    assert_eq!(
        ReplyCode::from_u16(211).unwrap().known_in::<DeviceCode>(),
        Some(DeviceCode::Features)
    );
}

#[test]
fn the_trait_sees_the_same_catalogue() {
    fn names<C: Catalogue>() -> Vec<&'static str> {
        C::ALL.iter().map(|c| c.name()).collect()
    }
    assert_eq!(names::<DeviceCode>(), ["Opening", "Features", "FlashBusy"]);
}
