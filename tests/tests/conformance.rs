//! The standard catalogue against the specification: every required code, each agreeing with
//! the digit rules, the texts the RFCs give, and the lookups agreeing over every `u16`.

use ftp_codes::{Catalogue, Category, Code, Group, ReplyCode};
use std::collections::HashSet;

/// The codes the catalogue must hold: RFC 959, 1123, 1639, 2228, 2428, 4217 and the common
/// unofficial ones.
const REQUIRED: [u16; 62] = [
    110, 120, 125, 150, 200, 202, 211, 212, 213, 214, 215, 220, 221, 225, 226, 227, 228, 229, 230,
    232, 234, 235, 250, 257, 331, 332, 334, 335, 336, 350, 421, 425, 426, 430, 431, 434, 450, 451,
    452, 500, 501, 502, 503, 504, 521, 522, 530, 532, 533, 534, 535, 536, 537, 550, 551, 552, 553,
    554, 555, 631, 632, 633,
];

#[test]
fn every_required_code_is_catalogued_and_nothing_else() {
    let all: Vec<u16> = Code::ALL.iter().map(|c| c.as_u16()).collect();
    assert_eq!(
        all, REQUIRED,
        "Code::ALL must be exactly the required codes, ascending"
    );
}

#[test]
fn category_and_group_agree_with_the_digits() {
    for &code in Code::ALL {
        let n = code.as_u16();
        let first = u8::try_from(n / 100).unwrap();
        let second = u8::try_from(n / 10 % 10).unwrap();
        assert_eq!(code.category().digit(), first, "{code:?}");
        assert_eq!(code.group().digit(), second, "{code:?}");
        assert_eq!(Category::from_digit(first), Some(code.category()));
        assert_eq!(Group::from_digit(second), Some(code.group()));
    }
}

#[test]
fn lookups_agree_over_every_u16() {
    let mut found = 0;
    for n in 0..=u16::MAX {
        let code = Code::from_u16(n);
        let reply = ReplyCode::from_u16(n);
        assert_eq!(
            reply.is_ok(),
            (100..=699).contains(&n),
            "ReplyCode::from_u16({n})"
        );
        if let Some(code) = code {
            found += 1;
            assert_eq!(code.as_u16(), n);
            assert_eq!(u16::from(code), n);
            assert_eq!(code.reply_code().as_u16(), n);
            assert_eq!(reply.map(ReplyCode::known), Ok(Some(code)));
            assert_eq!(Code::try_from(n), Ok(code));
        } else {
            assert!(reply.map_or(true, |r| r.known().is_none()), "{n}");
            assert!(Code::try_from(n).is_err(), "{n}");
        }
    }
    assert_eq!(found, REQUIRED.len());
}

#[test]
fn reply_code_classification_follows_the_first_digit_everywhere() {
    for n in 100..=699u16 {
        let code = ReplyCode::from_u16(n).unwrap();
        let predicates = [
            code.is_positive_preliminary(),
            code.is_positive_completion(),
            code.is_positive_intermediate(),
            code.is_transient_negative(),
            code.is_permanent_negative(),
            code.is_protected(),
        ];
        let digit = usize::from(code.first_digit());
        for (i, holds) in predicates.iter().enumerate() {
            assert_eq!(*holds, i + 1 == digit, "{n} predicate {i}");
        }
        assert_eq!(code.is_positive(), (1..=3).contains(&digit), "{n}");
        assert_eq!(code.is_negative(), (4..=5).contains(&digit), "{n}");
        assert_eq!(code.category().digit(), code.first_digit());
        assert_eq!(
            code.group().map(Group::digit),
            (code.second_digit() <= 5).then_some(code.second_digit())
        );
    }
}

#[test]
fn names_are_unique_and_match_the_debug_form() {
    let mut names = HashSet::new();
    for &code in Code::ALL {
        assert!(names.insert(code.name()), "duplicate name {}", code.name());
        assert_eq!(format!("{code:?}"), code.name());
    }
}

#[test]
fn every_entry_is_filled_in_and_one_line() {
    for &code in Code::ALL {
        for (field, value) in [
            ("text", code.text()),
            ("source", code.source()),
            ("description", code.description()),
        ] {
            assert!(!value.trim().is_empty(), "{code:?} has an empty {field}");
            assert!(
                !value.chars().any(char::is_control),
                "{code:?} {field} has a control character"
            );
        }
    }
}

#[test]
fn display_is_the_reply_line_and_parses_back() {
    for &code in Code::ALL {
        let line = code.to_string();
        assert_eq!(line, format!("{} {}", code.as_u16(), code.text()));
        assert_eq!(line[..3].parse::<Code>(), Ok(code));
        assert_eq!(code.reply_code().to_string(), line[..3]);
    }
    assert!("299".parse::<Code>().is_err());
    assert!("abc".parse::<Code>().is_err());
}

/// Texts as the RFCs print them, where the commonly circulated list gets them wrong.
#[test]
fn texts_are_the_rfc_texts() {
    let expected = [
        (
            Code::ServiceNotAvailable,
            "Service not available, closing control connection.",
        ),
        (
            Code::CannotOpenDataConnection,
            "Can't open data connection.",
        ),
        (Code::NeedAccount, "Need account for login."),
        (Code::NeedPassword, "User name okay, need password."),
        (Code::FileActionOk, "Requested file action okay, completed."),
        (
            Code::LocalError,
            "Requested action aborted: local error in processing.",
        ),
        (
            Code::PageTypeUnknown,
            "Requested action aborted: page type unknown.",
        ),
        (
            Code::FileBusy,
            "Requested file action not taken. File unavailable (e.g., file busy).",
        ),
        (
            Code::InsufficientStorage,
            "Requested action not taken. Insufficient storage space in system.",
        ),
        (
            Code::ServiceClosing,
            "Service closing control connection. Logged out if appropriate.",
        ),
        (
            Code::SecurityExchangeComplete,
            "Security data exchange complete.",
        ),
        (
            Code::NeedPasswordChallenge,
            "Username okay, need password. Challenge is \"....\"",
        ),
        (
            Code::SecurityCheckFailed,
            "Failed security check (hash, sequence, etc).",
        ),
        (
            Code::ProtLevelNotSupported,
            "Requested PROT level not supported by mechanism.",
        ),
        (Code::CommandOk, "Command okay."),
        (Code::PathnameCreated, "\"PATHNAME\" created."),
        (Code::IntegrityProtected, "Integrity protected reply."),
        (
            Code::ConfidentialityAndIntegrityProtected,
            "Confidentiality and integrity protected reply.",
        ),
        (
            Code::ConfidentialityProtected,
            "Confidentiality protected reply.",
        ),
    ];
    for (code, text) in expected {
        assert_eq!(code.text(), text, "{code:?}");
    }
}

#[test]
fn unofficial_codes_say_so_and_conflicts_are_alternatives() {
    for code in [Code::InvalidCredentials, Code::HostUnavailable] {
        assert!(
            code.source().starts_with("unofficial"),
            "{code:?}: {}",
            code.source()
        );
    }
    for code in [
        Code::AddressFamilyNotSupported,
        Code::NetworkProtocolNotSupported,
    ] {
        let alternatives = code.alternatives();
        assert_eq!(alternatives.len(), 1, "{code:?}");
        assert_eq!(alternatives[0].source, "RFC 4217");
    }
    let with_alternatives = Code::ALL
        .iter()
        .filter(|c| !c.alternatives().is_empty())
        .count();
    assert_eq!(with_alternatives, 2);
}

#[test]
fn the_trait_and_the_inherent_api_agree() {
    fn via_trait<C: Catalogue>(n: u16) -> Option<(&'static str, &'static str, Category, Group)> {
        C::from_u16(n).map(|c| (c.name(), c.text(), c.category(), c.group()))
    }
    for &code in <Code as Catalogue>::ALL {
        let n = code.as_u16();
        assert_eq!(
            via_trait::<Code>(n),
            Some((code.name(), code.text(), code.category(), code.group()))
        );
        assert_eq!(
            ReplyCode::from_u16(n).unwrap().known_in::<Code>(),
            Some(code)
        );
    }
}

#[test]
fn categories_and_groups_are_the_digit_rules() {
    let categories: Vec<(u8, &str)> = Category::ALL
        .iter()
        .map(|c| (c.digit(), c.name()))
        .collect();
    assert_eq!(
        categories,
        [
            (1, "PositivePreliminary"),
            (2, "PositiveCompletion"),
            (3, "PositiveIntermediate"),
            (4, "TransientNegative"),
            (5, "PermanentNegative"),
            (6, "Protected"),
        ]
    );
    let groups: Vec<(u8, &str)> = Group::ALL.iter().map(|g| (g.digit(), g.name())).collect();
    assert_eq!(
        groups,
        [
            (0, "Syntax"),
            (1, "Information"),
            (2, "Connections"),
            (3, "Authentication"),
            (4, "Unspecified"),
            (5, "FileSystem")
        ]
    );
    for digit in [0, 7, 8, 9, 255] {
        assert_eq!(Category::from_digit(digit), None);
    }
    for digit in 6..=9 {
        assert_eq!(Group::from_digit(digit), None);
    }
    assert!(Category::ALL.iter().all(|c| !c.description().is_empty()));
}

#[test]
fn from_ascii_takes_exactly_three_digits_with_a_first_digit_of_1_to_6() {
    for n in 0..=999u16 {
        let text = format!("{n:03}");
        let parsed = ReplyCode::from_ascii(text.as_bytes());
        assert_eq!(
            parsed.map(ReplyCode::as_u16).ok(),
            (100..=699).contains(&n).then_some(n),
            "{text}"
        );
        if let Ok(code) = parsed {
            assert_eq!(code.to_ascii(), text.as_bytes());
        }
    }
    for bad in ["", "2", "22", "2200", "+22", " 22", "22 ", "2a0", "٢٢٠"] {
        assert!(ReplyCode::from_ascii(bad.as_bytes()).is_err(), "{bad:?}");
    }
}

#[test]
fn codes_and_reply_codes_compare_both_ways_with_one_vocabulary() {
    for &code in Code::ALL {
        let n = code.as_u16();
        let reply = ReplyCode::from_u16(n).unwrap();
        assert_eq!(reply.as_u16(), n);
        // Each direction is an impl of its own.
        assert_eq!(reply, code);
        assert_eq!(code, reply);
        assert_eq!(n, code);
        assert_eq!(code, n);
        assert_eq!(Code::from_u16(n), Some(code));
    }
    let other = ReplyCode::from_u16(299).unwrap();
    assert_ne!(other, Code::ServiceReady);
    assert_ne!(Code::ServiceReady, other);
    assert!(ReplyCode::from_u16(99).is_err() && ReplyCode::from_u16(700).is_err());
}
