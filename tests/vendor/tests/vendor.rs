//! The vendor catalogue: standard codes plus the vendor's, one standard text replaced.

use ftp_codes::{Catalogue, Category, Code, Group, ReplyCode};
use ftp_codes_vendor_catalogue::VendorCode;

#[test]
fn holds_every_standard_code_plus_the_vendors_in_ascending_order() {
    let numbers: Vec<u16> = VendorCode::ALL.iter().map(|c| c.as_u16()).collect();
    let mut expected: Vec<u16> = Code::ALL.iter().map(|c| c.as_u16()).collect();
    expected.extend([210, 459]);
    expected.sort_unstable();
    assert_eq!(numbers, expected);
    assert!(numbers.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn standard_codes_keep_their_names_and_entries() {
    for &standard in Code::ALL {
        let vendor = VendorCode::from_u16(standard.as_u16()).expect("every standard code");
        assert_eq!(vendor.name(), standard.name());
        if standard != Code::ServiceReady {
            assert_eq!(vendor.text(), standard.text(), "{standard:?}");
            assert_eq!(vendor.source(), standard.source());
            assert_eq!(vendor.alternatives(), standard.alternatives());
        }
    }
}

#[test]
fn the_replaced_code_has_the_site_text() {
    let greeting = VendorCode::ServiceReady;
    assert_eq!(greeting.as_u16(), 220);
    assert_eq!(greeting.text(), "Example Corp FTP service ready.");
    assert_eq!(greeting.to_string(), "220 Example Corp FTP service ready.");
    assert!(greeting.source().starts_with("Example Corp"));
    assert_eq!(
        Code::ServiceReady.text(),
        "Service ready for new user.",
        "the standard is untouched"
    );
}

#[test]
fn vendor_codes_are_looked_up_and_classified() {
    let zone = VendorCode::from_u16(210).expect("210");
    assert_eq!(zone, VendorCode::ZoneInfo);
    assert_eq!(zone.category(), Category::PositiveCompletion);
    assert_eq!(zone.group(), Group::Information);
    assert_eq!(
        "459".parse::<VendorCode>(),
        Ok(VendorCode::QuotaCheckPending)
    );
    assert_eq!(
        VendorCode::QuotaCheckPending.category(),
        Category::TransientNegative
    );
    assert_eq!(VendorCode::QuotaCheckPending.group(), Group::FileSystem);
    assert!(VendorCode::try_from(299).is_err());
    assert_eq!(
        Code::from_u16(210),
        None,
        "the standard catalogue does not grow"
    );
}

/// Code written once against the trait, used with both catalogues.
fn text_of<C: Catalogue>(digits: &str) -> Option<&'static str> {
    let code: ReplyCode = digits.parse().ok()?;
    code.known_in::<C>().map(Catalogue::text)
}

#[test]
fn generic_code_works_with_either_catalogue() {
    assert_eq!(text_of::<Code>("220"), Some("Service ready for new user."));
    assert_eq!(
        text_of::<VendorCode>("220"),
        Some("Example Corp FTP service ready.")
    );
    assert_eq!(text_of::<Code>("210"), None);
    assert_eq!(text_of::<VendorCode>("210"), Some("UTC offset is +0000."));
    assert_eq!(<VendorCode as Catalogue>::ALL.len(), Code::ALL.len() + 2);
    let reply: ReplyCode = VendorCode::ZoneInfo.into();
    assert_eq!(reply, 210);
}

#[test]
fn vendor_commands_have_their_own_catalogue() {
    use ftp_codes::{Outcome, ReplyCode};
    use ftp_codes_vendor_catalogue::SiteCommand;

    let xcrc = SiteCommand::from_verb(b"xCrC").unwrap();
    assert_eq!(
        (xcrc.verb(), xcrc.syntax()),
        ("XCRC", "<pathname> [<SP> <start> <SP> <end>]")
    );
    assert_eq!(
        xcrc.classify(ReplyCode::from_u16(250).unwrap()),
        Outcome::Completed
    );
    assert_eq!(
        xcrc.classify(ReplyCode::from_u16(550).unwrap()),
        Outcome::PermanentFailure
    );
    assert_eq!(
        xcrc.classify(ReplyCode::from_u16(150).unwrap()),
        Outcome::Unexpected
    );
    assert_eq!(SiteCommand::from_verb(b"RETR"), None, "only ours");
    assert_eq!(SiteCommand::ALL.len(), 3);
    assert!(SiteCommand::RULES.is_empty());
    // A vendor verb is written with `command_verb`, and framed on the server by the standard
    // framer, which keeps it as bytes.
    let mut buf = [0u8; 64];
    let mut out = ftp_codes::write::Writer::new(&mut buf, Default::default());
    out.command_verb(xcrc.verb().as_bytes(), b"file.bin")
        .unwrap();
    let (line, _) = ftp_codes::command::parse(out.written(), &Default::default())
        .unwrap()
        .complete()
        .unwrap();
    assert_eq!(line.command(), None);
    assert_eq!(SiteCommand::from_verb(line.verb()), Some(xcrc));
}

#[test]
fn a_command_catalogue_extends_the_standard_one_with_our_own_codes() {
    use ftp_codes::{Command, Outcome, ReplyCode};
    use ftp_codes_vendor_catalogue::{VendorCode, VendorCommand};

    // Every standard command, by the same verbs, with the same tables and rules.
    assert_eq!(VendorCommand::ALL.len(), Command::ALL.len() + 1);
    for &standard in Command::ALL {
        let ours = VendorCommand::from_verb(standard.verb().as_bytes()).unwrap();
        assert_eq!(ours.replies(), standard.replies(), "{standard}");
        assert_eq!(ours.tolerated(), standard.tolerated(), "{standard}");
    }
    assert_eq!(VendorCommand::RULES, Command::RULES);
    // Ours, answered with a code of ours.
    let xzon = VendorCommand::from_verb(b"XZON").unwrap();
    let zone = ReplyCode::from(VendorCode::ZoneInfo);
    assert_eq!(xzon.classify(zone), Outcome::Completed);
    assert_eq!(
        xzon.classify(ReplyCode::from_u16(421).unwrap()),
        Outcome::TransientFailure
    );
}
