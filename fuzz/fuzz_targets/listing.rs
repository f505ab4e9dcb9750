//! The listing parsers on arbitrary lines: `mlsx`, `mlst` and `list` never panic; what they
//! read borrows from the line (the name is its end); and an entry read back through the
//! writers reads the same again.
#![no_main]

use ftp_codes::listing::{self, FactSet, Kind, ListOptions, Listed};
use ftp_codes::payload::Timestamp;
use ftp_codes::write::{WriteOptions, Writer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let now = Timestamp::new(2024, 3, 1, 12, 0, 0, 0).expect("a date");
    for facts in [listing::mlsx(data), listing::mlst(data)]
        .into_iter()
        .flatten()
    {
        assert!(data.ends_with(facts.name()) && !facts.name().is_empty());
        let _ = (
            facts.kind(),
            facts.size(),
            facts.modified(),
            facts.link_target(),
        );
        assert!(facts.iter().count() <= data.len());
        // Written back with the facts it has, it reads as the same entry.
        let mut entry = Listed::new(facts.name(), facts.kind());
        if let Some(size) = facts.size() {
            entry = entry.with_size(size);
        }
        if let Some(time) = facts.modified() {
            entry = entry.with_modified(time);
        }
        let mut buf = vec![0u8; data.len() + 128];
        let mut out = Writer::new(&mut buf, WriteOptions::default().with_double_iac(false));
        if out.mlsx_entry(&entry, FactSet::DEFAULT).is_ok() {
            let line = out.written().strip_suffix(b"\r\n").expect("a line");
            let again = listing::mlsx(line).expect("a written entry reads back");
            assert_eq!(again.name(), facts.name());
            assert_eq!(
                (again.size(), again.modified()),
                (facts.size(), facts.modified())
            );
            if facts.kind() != Kind::Other && facts.kind() != Kind::Link {
                assert_eq!(again.kind(), facts.kind());
            }
        }
    }
    for options in [ListOptions::default(), ListOptions::default().with_now(now)] {
        if let Ok(entry) = listing::list(data, &options) {
            assert!(!entry.name().is_empty());
            let _ = (
                entry.kind(),
                entry.size(),
                entry.modified(),
                entry.link_target(),
            );
        }
    }
});
