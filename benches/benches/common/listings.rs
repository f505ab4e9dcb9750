//! The benchmarks' listings: 1,000 entries in each form, as vsftpd (LIST) and pyftpdlib (MLSD)
//! write them (files, directories and links, names with spaces, recent and old dates); shared
//! by the listing benchmark and the instruction-count example.

use ftp_codes::payload::Timestamp;

pub(crate) const ENTRIES: usize = 1000;

/// `ls -l` lines as vsftpd writes them, CRLF-ended.
pub(crate) fn list_listing() -> String {
    let mut out = String::new();
    for i in 0..ENTRIES {
        let line = match i % 4 {
            0 => format!(
                "-rw-r--r--    1 1000     1000     {:>10} Mar 0{} 10:{:02} report {i}.pdf",
                i * 1237,
                i % 9 + 1,
                i % 60
            ),
            1 => format!("drwxr-xr-x    2 1000     1000         4096 Jan 12  2023 dir{i}"),
            2 => format!(
                "lrwxrwxrwx    1 1000     1000            9 Feb 28 23:59 link{i} -> target{i}"
            ),
            _ => format!(
                "-rw-------    1 0        0        {:>10} Dec 24  2019 old file {i}.tar.gz",
                i * 99_991
            ),
        };
        out.push_str(&line);
        out.push_str("\r\n");
    }
    out
}

/// MLSD lines as pyftpdlib 2 writes them on a POSIX system for a user with every
/// permission: its default facts (type, perm, size, modify, unique) sorted by name, `perm` as
/// its `format_mlsx` derives it for files and for directories, `unique` from the device and
/// the inode in hex.
pub(crate) fn mlsd_listing() -> String {
    let mut out = String::new();
    for i in 0..ENTRIES {
        let inode = 0x1a_0000 + i;
        let line = match i % 3 {
            0 => format!(
                "modify=20240301{:02}{:02}00;perm=radfwMT;size={};type=file;unique=803g{inode:x}; report {i}.pdf",
                i % 24,
                i % 60,
                i * 1237,
            ),
            1 => format!(
                "modify=20230112000000;perm=eldfmMTcp;size=4096;type=dir;unique=803g{inode:x}; dir{i}"
            ),
            _ => format!(
                "modify=20191224120000;perm=radfwMT;size={};type=file;unique=803g{inode:x}; old file {i}.tar.gz",
                i * 99_991
            ),
        };
        out.push_str(&line);
        out.push_str("\r\n");
    }
    out
}

pub(crate) fn lines(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    text.split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
}

/// An entry of `listing::Entry`'s shape (its fields are private), for `read_nothing`.
pub(crate) struct Stand<'a> {
    pub(crate) name: &'a [u8],
    kind: u8,
    size: Option<u64>,
    modified: Option<Timestamp>,
    link_target: Option<&'a [u8]>,
}

/// A parser that reads nothing: the name is the line past its 50th byte. Out of line, as
/// `listing::list` is.
#[inline(never)]
pub(crate) fn read_nothing(line: &[u8]) -> Result<Stand<'_>, usize> {
    let name = line.get(50..).ok_or(line.len())?;
    let stand = Stand {
        name,
        kind: line.first().copied().unwrap_or_default(),
        size: u64::try_from(line.len()).ok(),
        modified: None,
        link_target: None,
    };
    std::hint::black_box((stand.kind, stand.size, stand.modified, stand.link_target));
    Ok(stand)
}
