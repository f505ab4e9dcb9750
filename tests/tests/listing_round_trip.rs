//! The listing writers against the listing parsers: an MLSD line, an MLST reply and an
//! `ls -l` line read back as what was written, for names of any bytes, or are refused for a
//! reason; every byte value alone and between letters, and proptest's arbitrary values.

use ftp_codes::listing::{self, FactSet, Kind, ListOptions, Listed};
use ftp_codes::payload::Timestamp;
use ftp_codes::reply::{self, ParseOptions, Status};
use ftp_codes::write::{WriteError, WriteOptions, Writer};
use proptest::prelude::*;

/// What no name may hold in any listing: the bytes that end a line, and a lone IAC.
fn forbidden(name: &[u8]) -> bool {
    name.iter().any(|b| matches!(b, b'\r' | b'\n' | 0 | 0xFF))
}

fn write(
    f: impl FnOnce(&mut Writer<'_>) -> Result<usize, WriteError>,
) -> Result<Vec<u8>, WriteError> {
    let mut buf = vec![0u8; 4096];
    let mut out = Writer::new(&mut buf, WriteOptions::default());
    f(&mut out)?;
    Ok(out.written().to_vec())
}

/// What an MLSx line written for `entry` must read back as: (name, kind, size, modified).
type Read = (Vec<u8>, Kind, Option<u64>, Option<Timestamp>);

fn mlsx_back(entry: &Listed<'_>) -> Result<Read, WriteError> {
    let line = write(|w| w.mlsx_entry(entry, FactSet::SUPPORTED))?;
    let body = line.strip_suffix(b"\r\n").expect("a CRLF-ended line");
    let facts = listing::mlsx(body).unwrap_or_else(|e| panic!("{body:?}: {e}"));
    assert_eq!(facts.fact(b"UNIX.mode").map(<[u8]>::len), Some(4));
    Ok((
        facts.name().to_vec(),
        facts.kind(),
        facts.size(),
        facts.modified(),
    ))
}

fn mlst_back(entry: &Listed<'_>) -> Result<Read, WriteError> {
    let written = write(|w| w.mlst(entry, FactSet::DEFAULT))?;
    // Names may hold control characters, which the strict options refuse in replies.
    let Ok(Status::Complete((reply, used))) = reply::parse(&written, &ParseOptions::default())
    else {
        panic!("an MLST reply the parser refuses: {written:?}");
    };
    assert_eq!(used, written.len());
    let line = reply.lines().nth(1).expect("the fact line");
    let facts = listing::mlst(line).unwrap_or_else(|e| panic!("{line:?}: {e}"));
    Ok((
        facts.name().to_vec(),
        facts.kind(),
        facts.size(),
        facts.modified(),
    ))
}

fn ls_back(entry: &Listed<'_>, now: Timestamp) -> Result<Read, WriteError> {
    let line = write(|w| w.ls_entry(entry, now))?;
    let body = line.strip_suffix(b"\r\n").expect("a CRLF-ended line");
    let read = listing::list(body, &ListOptions::default().with_now(now))
        .unwrap_or_else(|e| panic!("{}: {e}", String::from_utf8_lossy(body)));
    if let Some(target) = entry.link_target().filter(|_| entry.kind() == Kind::Link) {
        assert_eq!(read.link_target(), Some(target).filter(|t| !t.is_empty()));
    }
    Ok((
        read.name().to_vec(),
        read.kind(),
        read.size(),
        read.modified(),
    ))
}

/// To the minute when the date is within the six months before `now` (where `ls` shows the
/// time), else at midnight of the day.
fn as_listed(time: Timestamp, now: Timestamp) -> Timestamp {
    let minute = Timestamp::new(
        time.year(),
        time.month(),
        time.day(),
        time.hour(),
        time.minute(),
        0,
        0,
    )
    .unwrap();
    let day = Timestamp::new(time.year(), time.month(), time.day(), 0, 0, 0, 0).unwrap();
    let line =
        write(|w| w.ls_entry(&Listed::new(b"x", Kind::File).with_modified(time), now)).unwrap();
    if line.windows(1).any(|w| w == b":") {
        minute
    } else {
        day
    }
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (
        1970u16..=2100,
        1u8..=12,
        1u8..=31,
        0u8..=23,
        0u8..=59,
        0u8..=59,
        0u32..1_000_000_000,
        0u8..=9,
    )
        .prop_filter_map("a real date", |(y, mo, d, h, mi, s, ns, digits)| {
            let ns = if digits == 0 {
                0
            } else {
                ns / 10u32.pow(9 - u32::from(digits)) * 10u32.pow(9 - u32::from(digits))
            };
            Timestamp::new(y, mo, d, h, mi, s, ns)
                .ok()
                .map(|t| t.with_fraction_digits(digits))
        })
}

fn kind() -> impl Strategy<Value = Kind> {
    prop::sample::select(vec![
        Kind::File,
        Kind::Directory,
        Kind::Link,
        Kind::CurrentDirectory,
        Kind::ParentDirectory,
    ])
}

fn check_mlsx(name: &[u8], kind: Kind, size: Option<u64>, time: Option<Timestamp>) {
    let mut entry = Listed::new(name, kind).with_mode(0o640);
    if let Some(size) = size {
        entry = entry.with_size(size);
    }
    if let Some(time) = time {
        entry = entry.with_modified(time);
    }
    let expected = if name.is_empty() {
        Err(WriteError::Unrepresentable)
    } else if forbidden(name) {
        Err(WriteError::ForbiddenByte { byte: 0, line: 0 })
    } else {
        Ok((name.to_vec(), kind, size, time))
    };
    for back in [mlsx_back(&entry), mlst_back(&entry)] {
        match (&back, &expected) {
            (Err(WriteError::ForbiddenByte { .. }), Err(WriteError::ForbiddenByte { .. })) => {}
            _ => assert_eq!(back, expected, "{name:?}"),
        }
    }
}

fn check_ls(name: &[u8], kind: Kind, size: u64, time: Timestamp, now: Timestamp) {
    let entry = Listed::new(name, kind).with_size(size).with_modified(time);
    let back = ls_back(&entry, now);
    // The LIST line shows directories' kinds as `d`, reading back as a directory.
    let read_kind = match kind {
        Kind::CurrentDirectory | Kind::ParentDirectory => Kind::Directory,
        other => other,
    };
    let arrow = name.windows(4).any(|w| w == b" -> ");
    match back {
        Err(WriteError::ForbiddenByte { .. }) => assert!(forbidden(name), "{name:?}"),
        Err(WriteError::Unrepresentable) => {
            assert!(name.is_empty() || (kind == Kind::Link && arrow), "{name:?}")
        }
        Err(other) => panic!("{name:?}: {other}"),
        Ok(read) => {
            assert!(!forbidden(name));
            assert_eq!(
                read,
                (
                    name.to_vec(),
                    read_kind,
                    Some(size),
                    Some(as_listed(time, now))
                ),
                "{name:?}"
            );
        }
    }
}

#[test]
fn every_byte_value_in_a_name_reads_back_or_is_refused() {
    let now = Timestamp::new(2024, 3, 1, 12, 0, 0, 0).unwrap();
    let time = Timestamp::new(2024, 2, 29, 10, 30, 15, 0).unwrap();
    for b in 0..=255u8 {
        for name in [vec![b], vec![b'a', b, b'z'], vec![b' ', b], vec![b, b' ']] {
            for kind in [Kind::File, Kind::Directory, Kind::Link] {
                check_mlsx(&name, kind, Some(7), Some(time));
                check_ls(&name, kind, 7, time, now);
            }
        }
    }
    check_mlsx(b"", Kind::File, None, None);
    check_ls(b"", Kind::File, 0, time, now);
}

#[test]
fn the_six_month_rule_on_the_way_out() {
    let now = Timestamp::new(2024, 3, 1, 12, 0, 0, 0).unwrap();
    let cases = [
        (
            Timestamp::new(2024, 2, 29, 10, 30, 0, 0).unwrap(),
            &b"Feb 29 10:30"[..],
        ),
        (
            Timestamp::new(2023, 11, 5, 8, 0, 0, 0).unwrap(),
            b"Nov 05 08:00",
        ),
        (
            Timestamp::new(2023, 8, 1, 8, 0, 0, 0).unwrap(),
            b"Aug 01  2023",
        ),
        (
            Timestamp::new(2024, 3, 2, 11, 0, 0, 0).unwrap(),
            b"Mar 02 11:00",
        ), // within a day
        (
            Timestamp::new(2024, 6, 1, 8, 0, 0, 0).unwrap(),
            b"Jun 01  2024",
        ), // the future
    ];
    for (time, shown) in cases {
        let line =
            write(|w| w.ls_entry(&Listed::new(b"f", Kind::File).with_modified(time), now)).unwrap();
        assert!(
            line.windows(shown.len()).any(|w| w == shown),
            "{}",
            String::from_utf8_lossy(&line)
        );
    }
}

#[test]
fn fact_values_that_no_fact_can_hold_are_refused() {
    let link = Listed::new(b"l", Kind::Link).with_link_target(b"a;b");
    assert_eq!(
        write(|w| w.mlsx_entry(&link, FactSet::TYPE)),
        Err(WriteError::Unrepresentable)
    );
    let perm = Listed::new(b"f", Kind::File).with_perm(b"r w");
    assert_eq!(
        write(|w| w.mlsx_entry(&perm, FactSet::PERM)),
        Err(WriteError::Unrepresentable)
    );
    let arrow = Listed::new(b"a -> b", Kind::Link).with_link_target(b"c");
    let now = Timestamp::new(2024, 3, 1, 12, 0, 0, 0).unwrap();
    assert_eq!(
        write(|w| w.ls_entry(&arrow, now)),
        Err(WriteError::Unrepresentable)
    );
    // The same name is a plain file's name.
    let file = Listed::new(b"a -> b", Kind::File);
    assert!(write(|w| w.ls_entry(&file, now)).is_ok());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn mlsx_entries_read_back(name in prop::collection::vec(any::<u8>(), 0..24), kind in kind(), size in prop::option::of(any::<u64>()), time in prop::option::of(timestamp())) {
        check_mlsx(&name, kind, size, time);
    }

    #[test]
    fn ls_lines_read_back(name in prop::collection::vec(any::<u8>(), 0..24), kind in kind(), size in any::<u64>(), time in timestamp(), now in timestamp()) {
        check_ls(&name, kind, size, time, now);
    }
}
