//! The command catalogue against the RFC tables, typed here a second time from RFC 959 §5.4,
//! RFC 2228 §8 and the extension RFCs' texts (so that a slip in commands.toml shows as a
//! difference), and the generated API: lookups by verb, classification.

use ftp_codes::command::Argument;
use ftp_codes::{Code, Command, Outcome, ReplyCode};
use std::collections::BTreeSet;

/// RFC 959 §5.4, command by command: every code of the row, in the order the RFC prints it.
const RFC_959: &[(&str, &[u16])] = &[
    ("USER", &[230, 530, 500, 501, 421, 331, 332]),
    ("PASS", &[230, 202, 530, 500, 501, 503, 421, 332]),
    ("ACCT", &[230, 202, 530, 500, 501, 503, 421]),
    ("CWD", &[250, 500, 501, 502, 421, 530, 550]),
    ("CDUP", &[200, 500, 501, 502, 421, 530, 550]),
    ("SMNT", &[202, 250, 500, 501, 502, 421, 530, 550]),
    ("REIN", &[120, 220, 220, 421, 500, 502]),
    ("QUIT", &[221, 500]),
    ("PORT", &[200, 500, 501, 421, 530]),
    ("PASV", &[227, 500, 501, 502, 421, 530]),
    ("MODE", &[200, 500, 501, 504, 421, 530]),
    ("TYPE", &[200, 500, 501, 504, 421, 530]),
    ("STRU", &[200, 500, 501, 504, 421, 530]),
    ("ALLO", &[200, 202, 500, 501, 504, 421, 530]),
    ("REST", &[500, 501, 502, 421, 530, 350]),
    (
        "STOR",
        &[
            125, 150, 110, 226, 250, 425, 426, 451, 551, 552, 532, 450, 452, 553, 500, 501, 421,
            530,
        ],
    ),
    (
        "STOU",
        &[
            125, 150, 110, 226, 250, 425, 426, 451, 551, 552, 532, 450, 452, 553, 500, 501, 421,
            530,
        ],
    ),
    (
        "RETR",
        &[
            125, 150, 110, 226, 250, 425, 426, 451, 450, 550, 500, 501, 421, 530,
        ],
    ),
    (
        "LIST",
        &[
            125, 150, 226, 250, 425, 426, 451, 450, 500, 501, 502, 421, 530,
        ],
    ),
    (
        "NLST",
        &[
            125, 150, 226, 250, 425, 426, 451, 450, 500, 501, 502, 421, 530,
        ],
    ),
    (
        "APPE",
        &[
            125, 150, 110, 226, 250, 425, 426, 451, 551, 552, 532, 450, 550, 452, 553, 500, 501,
            502, 421, 530,
        ],
    ),
    ("RNFR", &[450, 550, 500, 501, 502, 421, 530, 350]),
    ("RNTO", &[250, 532, 553, 500, 501, 502, 503, 421, 530]),
    ("DELE", &[250, 450, 550, 500, 501, 502, 421, 530]),
    ("RMD", &[250, 500, 501, 502, 421, 530, 550]),
    ("MKD", &[257, 500, 501, 502, 421, 530, 550]),
    ("PWD", &[257, 500, 501, 502, 421, 550]),
    ("ABOR", &[225, 226, 500, 501, 502, 421]),
    ("SYST", &[215, 500, 501, 502, 421]),
    ("STAT", &[211, 212, 213, 450, 500, 501, 502, 421, 530]),
    ("HELP", &[211, 214, 500, 501, 502, 421]),
    ("SITE", &[200, 202, 500, 501, 530]),
    ("NOOP", &[200, 500, 421]),
];

/// The codes §5.4 prints indented under a 1yz: they only follow it.
const RFC_959_AFTER_1YZ: &[(&str, &[u16])] = &[
    ("STOR", &[110, 226, 250, 425, 426, 451, 551, 552]),
    ("STOU", &[110, 226, 250, 425, 426, 451, 551, 552]),
    ("RETR", &[110, 226, 250, 425, 426, 451]),
    ("LIST", &[226, 250, 425, 426, 451]),
    ("NLST", &[226, 250, 425, 426, 451]),
    ("APPE", &[110, 226, 250, 425, 426, 451, 551, 552]),
];

/// RFC 2228 §8: its own commands' rows, and the replies it adds to RFC 959's (CCC from §3).
const RFC_2228: &[(&str, &[u16])] = &[
    ("AUTH", &[234, 334, 502, 504, 534, 431, 500, 501, 421]),
    ("ADAT", &[235, 335, 503, 501, 535, 500, 501, 421]),
    ("PBSZ", &[200, 503, 500, 501, 421, 530]),
    ("PROT", &[200, 504, 536, 503, 534, 431, 500, 501, 421, 530]),
    ("CCC", &[200, 500, 533, 534]),
    ("MIC", &[535, 533, 500, 501, 421]),
    ("CONF", &[535, 533, 500, 501, 421]),
    ("ENC", &[535, 533, 500, 501, 421]),
];
/// RFC 2389 §3.2 and §4, RFC 2428 §2 and §3, RFC 3659 §3, §4 and §7.2, RFC 1639, RFC 2640 §4.1,
/// RFC 7151 §3.2: the replies their texts name.
const EXTENSIONS: &[(&str, &str, &[u16])] = &[
    ("FEAT", "RFC 2389", &[211, 500, 502, 501]),
    ("OPTS", "RFC 2389", &[200, 451, 501, 500, 502]),
    ("EPRT", "RFC 2428", &[200, 500, 501, 522]),
    ("EPSV", "RFC 2428", &[229, 500, 501, 522]),
    ("MDTM", "RFC 3659", &[213, 550, 500, 501]),
    ("SIZE", "RFC 3659", &[213, 550, 500, 501]),
    (
        "MLST",
        "RFC 3659",
        &[250, 500, 501, 550, 530, 553, 503, 504, 421, 450, 451],
    ),
    (
        "MLSD",
        "RFC 3659",
        &[
            150, 226, 501, 500, 550, 530, 553, 503, 504, 421, 450, 451, 125, 250, 425, 426,
        ],
    ),
    ("LPRT", "RFC 1639", &[200, 500, 501, 421, 530, 521]),
    ("LPSV", "RFC 1639", &[228, 500, 501, 502, 421, 530, 521]),
    ("LANG", "RFC 2640", &[200, 504, 500, 501, 502]),
    // RFC 7151 §3.2 and §3.3 (checked against the text: no 120, and 530 only by the rule).
    ("HOST", "RFC 7151", &[220, 421, 500, 501, 502, 503, 504]),
];

/// RFC 775's commands and the RFC 959 command each is a synonym of (RFC 1123 §4.1.3.1).
const RFC_775: &[(&str, &str)] = &[
    ("XCWD", "CWD"),
    ("XCUP", "CDUP"),
    ("XMKD", "MKD"),
    ("XRMD", "RMD"),
    ("XPWD", "PWD"),
];

/// RFC 1123 §4.1.3.4: a transfer after REST may be refused for the marker.
const RFC_1123_ADDED: &[(&str, &[u16])] = &[
    ("RETR", &[554, 555]),
    ("STOR", &[554, 555]),
    ("APPE", &[554, 555]),
];

const RFC_2228_ADDED: &[(&str, &[u16])] = &[
    ("USER", &[232, 336]),
    ("STOR", &[534, 535]),
    ("STOU", &[534, 535]),
    ("RETR", &[534, 535]),
    ("LIST", &[534, 535]),
    ("NLST", &[534, 535]),
    ("APPE", &[534, 535]),
];

fn command(verb: &str) -> Command {
    Command::from_verb(verb.as_bytes()).unwrap_or_else(|| panic!("{verb} is catalogued"))
}

/// Every code of a command's replies, each checked to sit in its first digit's slot.
fn codes(command: Command) -> BTreeSet<u16> {
    let replies = command.replies();
    let mut all = BTreeSet::new();
    for (slot, digit) in [
        (replies.preliminary, 1),
        (replies.completion, 2),
        (replies.intermediate, 3),
        (replies.transient, 4),
        (replies.permanent, 5),
    ] {
        for code in slot {
            assert_eq!(
                code.first_digit(),
                digit,
                "{command}: {code} in the slot of {digit}yz"
            );
            all.insert(code.as_u16());
        }
    }
    all
}

fn added(command: Command) -> BTreeSet<u16> {
    added_by(command, "")
}

/// The codes a later RFC adds to the row, from the additions whose source starts with `rfc`.
fn added_by(command: Command, rfc: &str) -> BTreeSet<u16> {
    command
        .added()
        .iter()
        .filter(|a| a.source.starts_with(rfc))
        .flat_map(|a| a.codes.iter().map(|c| c.as_u16()))
        .collect()
}

#[test]
fn every_rfc_959_command_has_its_section_5_4_row_in_the_right_slots() {
    for &(verb, row) in RFC_959 {
        let command = command(verb);
        assert!(
            command.source().starts_with("RFC 959 §4.1"),
            "{verb}: {}",
            command.source()
        );
        let expected: BTreeSet<u16> = row.iter().copied().collect();
        let base: BTreeSet<u16> = codes(command)
            .difference(&added(command))
            .copied()
            .collect();
        assert_eq!(base, expected, "{verb}");
    }
    for &(verb, after) in RFC_959_AFTER_1YZ {
        // RFC 4217's 522 follows a 150 too; the rest of the mark is RFC 959's.
        let marked: Vec<u16> = command(verb)
            .replies()
            .after_preliminary
            .iter()
            .map(|c| c.as_u16())
            .filter(|&c| !added_by(command(verb), "RFC 4217").contains(&c))
            .collect();
        assert_eq!(marked, after, "{verb}");
    }
    let marked: BTreeSet<&str> = Command::ALL
        .iter()
        .filter(|c| !c.replies().after_preliminary.is_empty())
        .map(|c| c.verb())
        .collect();
    let transfers: BTreeSet<&str> = RFC_959_AFTER_1YZ
        .iter()
        .map(|&(verb, _)| verb)
        .chain(["MLSD"])
        .collect();
    assert_eq!(marked, transfers, "only the transfer commands mark replies");
    assert_eq!(
        command("MLSD").replies().after_preliminary,
        command("LIST").replies().after_preliminary
    );
}

#[test]
fn rfc_2228_rows_and_additions() {
    for &(verb, row) in RFC_2228 {
        let command = command(verb);
        assert!(command.source().starts_with("RFC 2228"), "{verb}");
        assert_eq!(codes(command), row.iter().copied().collect(), "{verb}");
    }
    for &(verb, extra) in RFC_2228_ADDED {
        let command = command(verb);
        assert_eq!(
            added_by(command, "RFC 2228"),
            extra.iter().copied().collect(),
            "{verb}"
        );
        assert!(
            extra.iter().all(|c| codes(command).contains(c)),
            "{verb}: merged into the row"
        );
    }
}

#[test]
fn a_transfer_after_rest_may_be_refused_for_its_marker() {
    for &(verb, extra) in RFC_1123_ADDED {
        let command = command(verb);
        assert_eq!(
            added_by(command, "RFC 1123 §4.1.3.4"),
            extra.iter().copied().collect(),
            "{verb}"
        );
        assert_eq!(command.classify(code(554)), Outcome::PermanentFailure);
    }
    // Every addition is one of these RFCs' (RFC 775's own example and RFC 4217's, below).
    for &command in Command::ALL {
        for addition in command.added() {
            assert!(
                ["RFC 2228", "RFC 1123", "RFC 775", "RFC 4217"]
                    .iter()
                    .any(|rfc| addition.source.starts_with(rfc)),
                "{command}: {}",
                addition.source
            );
        }
    }
    assert!(Command::Rest.note().contains("RFC 3659 §5"));
}

/// RFC 4217 §10.2: over TLS, the commands that open a data connection may be refused with 521
/// before any 1yz (the PROT setting) and 522 after the 150 (the data connection's TLS
/// negotiation); MLSD opens its data connection as LIST does.
#[test]
fn ftp_over_tls_refusals_of_the_data_commands() {
    for verb in ["RETR", "STOR", "STOU", "APPE", "LIST", "NLST", "MLSD"] {
        let command = command(verb);
        assert_eq!(
            added_by(command, "RFC 4217 §10.2"),
            BTreeSet::from([521, 522]),
            "{verb}"
        );
        assert!(!command.only_after_preliminary(code(521)), "{verb}");
        assert!(command.only_after_preliminary(code(522)), "{verb}");
        assert_eq!(command.classify(code(521)), Outcome::PermanentFailure);
    }
    assert_eq!(Command::Retr.classify(code(522)), Outcome::PermanentFailure);
    assert!(added_by(Command::Mdtm, "RFC 4217").is_empty());
}

#[test]
fn rfc_775_commands_are_their_rfc_959_synonyms() {
    for &(experimental, standard) in RFC_775 {
        let (x, standard) = (command(experimental), command(standard));
        assert_eq!(x.source(), "RFC 775");
        assert_eq!(x.argument(), standard.argument(), "{x}");
        assert_eq!(x.syntax(), standard.syntax(), "{x}");
        let row: BTreeSet<u16> = codes(x).difference(&added(x)).copied().collect();
        assert_eq!(row, codes(standard), "{x} has {standard}'s row");
        assert!(
            x.note().contains("RFC 1123 §4.1.3.1"),
            "{x} says why it is a synonym"
        );
    }
    // RFC 775's own example answers XCWD with 200, which CWD's row lacks.
    assert_eq!(added(command("XCWD")), BTreeSet::from([200]));
    assert_eq!(command("XCWD").classify(code(200)), Outcome::Completed);
    assert!(
        RFC_775[1..]
            .iter()
            .all(|&(x, _)| added(command(x)).is_empty())
    );
}

#[test]
fn extension_rows_hold_the_replies_their_rfcs_name() {
    for &(verb, rfc, row) in EXTENSIONS {
        let command = command(verb);
        assert!(
            command.source().starts_with(rfc),
            "{verb}: {}",
            command.source()
        );
        // RFC 4217's additions (MLSD's 521 and 522) are checked on their own.
        let own: BTreeSet<u16> = codes(command)
            .difference(&added_by(command, "RFC 4217"))
            .copied()
            .collect();
        assert_eq!(own, row.iter().copied().collect(), "{verb}");
        assert!(
            !command.note().is_empty(),
            "{verb}: rows read from prose say so"
        );
    }
}

#[test]
fn the_catalogue_has_every_command_once_with_its_argument() {
    assert_eq!(
        Command::ALL.len(),
        RFC_959.len() + RFC_2228.len() + EXTENSIONS.len() + RFC_775.len()
    );
    let verbs: BTreeSet<&str> = Command::ALL.iter().map(|c| c.verb()).collect();
    assert_eq!(verbs.len(), Command::ALL.len());
    for &command in Command::ALL {
        assert!(!command.description().is_empty() && !command.source().is_empty());
        assert_eq!(
            command.argument() == Argument::None,
            command.syntax().is_empty(),
            "{command}"
        );
        assert_eq!(command.to_string(), command.verb());
        assert_eq!(command.verb().parse::<Command>(), Ok(command));
    }
    let none = [
        "CDUP", "REIN", "QUIT", "PASV", "STOU", "ABOR", "PWD", "SYST", "NOOP", "CCC",
    ];
    for &(verb, _) in RFC_959.iter().chain(RFC_2228) {
        let expected = if none.contains(&verb) {
            Argument::None
        } else if ["LIST", "NLST", "STAT", "HELP"].contains(&verb) {
            Argument::Optional
        } else {
            Argument::Required
        };
        assert_eq!(command(verb).argument(), expected, "{verb}");
    }
    for (verb, argument) in [
        ("FEAT", Argument::None),
        ("OPTS", Argument::Required),
        ("EPRT", Argument::Required),
        ("EPSV", Argument::Optional),
        ("MDTM", Argument::Required),
        ("SIZE", Argument::Required),
        ("MLST", Argument::Optional),
        ("MLSD", Argument::Optional),
        ("LPRT", Argument::Required),
        ("LPSV", Argument::None),
        ("LANG", Argument::Optional),
        ("HOST", Argument::Required),
    ] {
        assert_eq!(command(verb).argument(), argument, "{verb}");
    }
    assert_eq!(
        command("ALLO").syntax(),
        "<decimal-integer> [<SP> R <SP> <decimal-integer>]"
    );
}

#[test]
fn from_verb_finds_exactly_the_catalogued_verbs_in_any_case() {
    let catalogued: BTreeSet<[u8; 4]> = Command::ALL
        .iter()
        .map(|c| {
            let mut key = [0u8; 4];
            key[..c.verb().len()].copy_from_slice(c.verb().as_bytes());
            key
        })
        .collect();
    let mut found = 0;
    // Every string of three or four letters from an alphabet that mixes the cases and the
    // letters next to ASCII letters, where a sloppy case fold would alias.
    let letters: Vec<u8> = (b'@'..=b'[').chain(b'`'..=b'{').collect();
    for &a in &letters {
        for &b in &letters {
            for &c in &letters {
                for d in std::iter::once(None).chain(letters.iter().copied().map(Some)) {
                    let mut verb = vec![a, b, c];
                    verb.extend(d);
                    let result = Command::from_verb(&verb);
                    let mut upper = [0u8; 4];
                    upper[..verb.len()].copy_from_slice(&verb.to_ascii_uppercase());
                    let expected =
                        verb.iter().all(u8::is_ascii_alphabetic) && catalogued.contains(&upper);
                    assert_eq!(
                        result.is_some(),
                        expected,
                        "{:?}",
                        String::from_utf8_lossy(&verb)
                    );
                    if let Some(command) = result {
                        assert!(command.verb().as_bytes().eq_ignore_ascii_case(&verb));
                        found += 1;
                    }
                }
            }
        }
    }
    // Each verb in all of its case spellings.
    let spellings: usize = Command::ALL.iter().map(|c| 1 << c.verb().len()).sum();
    assert_eq!(found, spellings);
    for bad in [
        &b""[..],
        b"RE",
        b"RETRR",
        b"RET\0",
        b"R\xc3\xa9T",
        b"RETR ",
        b" RETR",
    ] {
        assert_eq!(Command::from_verb(bad), None, "{bad:?}");
    }
}

fn code(n: u16) -> ReplyCode {
    ReplyCode::from_u16(n).unwrap()
}

#[test]
fn classify_follows_the_row_the_deviations_and_the_rules() {
    // The RFC row.
    assert_eq!(Command::Stor.classify(code(150)), Outcome::Preliminary);
    assert_eq!(Command::Stor.classify(code(110)), Outcome::Preliminary);
    assert_eq!(Command::Stor.classify(code(226)), Outcome::Completed);
    assert_eq!(Command::Stor.classify(code(552)), Outcome::PermanentFailure);
    assert_eq!(Command::Rnfr.classify(code(350)), Outcome::Intermediate);
    assert_eq!(Command::User.classify(code(331)), Outcome::Intermediate);
    assert_eq!(
        Command::User.classify(code(232)),
        Outcome::Completed,
        "added by RFC 2228"
    );
    // Deviations: a second, documented layer.
    assert_eq!(Command::Dele.classify(code(200)), Outcome::Completed);
    assert_eq!(Command::Cdup.classify(code(250)), Outcome::Completed);
    assert_eq!(Command::Auth.classify(code(200)), Outcome::Completed);
    assert_eq!(Command::Epsv.classify(code(227)), Outcome::Completed);
    assert_eq!(Command::Pasv.classify(code(229)), Outcome::Completed);
    assert_eq!(Command::Mdtm.classify(code(250)), Outcome::Completed);
    assert_eq!(Command::Opts.classify(code(202)), Outcome::Completed);
    assert_eq!(
        Command::Feat.classify(code(221)),
        Outcome::Unexpected,
        "not tolerated: it closes"
    );
    assert!(
        Command::Dele
            .tolerated()
            .iter()
            .any(|t| t.code == 200 && t.servers == "bftpd")
    );
    assert!(
        !Command::Dele.replies().contains(code(200)),
        "a deviation never changes the row"
    );
    // Rules across commands.
    for &command in Command::ALL {
        assert_eq!(
            command.classify(code(421)),
            Outcome::TransientFailure,
            "{command}"
        );
        assert_eq!(
            command.classify(code(530)),
            Outcome::PermanentFailure,
            "{command}"
        );
    }
    // Codes no layer lists.
    assert_eq!(Command::Pwd.classify(code(227)), Outcome::Unexpected);
    assert_eq!(Command::Noop.classify(code(150)), Outcome::Unexpected);
    assert_eq!(Command::Retr.classify(code(631)), Outcome::Unexpected);
    assert_eq!(
        Command::RULES
            .iter()
            .map(|r| r.code.as_u16())
            .collect::<Vec<_>>(),
        [421, 502, 530, 550, 503]
    );
    // RFC 3659 §5.3's rule: any command may be refused 503 after a misplaced REST.
    assert_eq!(Command::Dele.classify(code(503)), Outcome::PermanentFailure);
}

#[test]
fn notes_keep_the_rfc_contradictions() {
    assert!(Command::Cdup.note().contains("§4.1.1"));
    assert!(Command::Cdup.replies().completion == [Code::CommandOk]);
    assert!(Command::Mkd.note().contains("8726"));
    assert!(Command::Rmd.note().contains("450"));
    assert!(Command::Abor.note().contains("426"));
    assert!(Command::Noop.note().is_empty());
}

#[test]
fn every_code_the_catalogue_names_is_in_the_reply_catalogue() {
    let mut named = 0;
    for &command in Command::ALL {
        let replies = command.replies();
        let codes = [
            replies.preliminary,
            replies.intermediate,
            replies.completion,
            replies.transient,
            replies.permanent,
            replies.after_preliminary,
        ]
        .concat()
        .into_iter()
        .chain(command.tolerated().iter().map(|t| t.code))
        .chain(command.added().iter().flat_map(|a| a.codes.iter().copied()));
        for code in codes {
            assert!(code.known().is_some(), "{command}: {code}");
            named += 1;
        }
    }
    assert!(Command::RULES.iter().all(|r| r.code.known().is_some()));
    assert!(named > 300);
}

/// `classify` reads bit sets built by the macro; they must say exactly what the tables say,
/// for every command and every code a reply can have.
#[test]
fn classify_agrees_with_the_tables_for_every_command_and_code() {
    let mut listed = 0;
    for &command in Command::ALL {
        for n in 100..=699 {
            let code = code(n);
            let in_tables = command.replies().contains(code)
                || command.tolerated().iter().any(|t| t.code == code)
                || Command::RULES.iter().any(|r| r.code == code);
            let expected = if in_tables {
                match n / 100 {
                    1 => Outcome::Preliminary,
                    2 => Outcome::Completed,
                    3 => Outcome::Intermediate,
                    4 => Outcome::TransientFailure,
                    _ => Outcome::PermanentFailure,
                }
            } else {
                Outcome::Unexpected
            };
            assert_eq!(command.classify(code), expected, "{command} {n}");
            listed += usize::from(in_tables);
        }
    }
    assert!(
        listed > 500,
        "the tables list {listed} (command, code) pairs"
    );
}
