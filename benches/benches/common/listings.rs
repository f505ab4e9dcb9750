//! The benchmarks' listings: 1,000 entries in each form, as vsftpd (LIST) and pyftpdlib (MLSD)
//! write them (files, directories and links, names with spaces, recent and old dates); shared
//! by the listing benchmark and the instruction-count example.

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

/// MLSD lines as pyftpdlib writes them.
pub(crate) fn mlsd_listing() -> String {
    let mut out = String::new();
    for i in 0..ENTRIES {
        let line = match i % 3 {
            0 => format!(
                "type=file;size={};modify=20240301{:02}{:02}00;perm=radfw;unix.mode=0644; report {i}.pdf",
                i * 1237,
                i % 24,
                i % 60
            ),
            1 => format!("type=dir;modify=20230112000000;perm=elcdmf;unix.mode=0755; dir{i}"),
            _ => format!(
                "type=file;size={};modify=20191224120000;perm=r;unix.mode=0600; old file {i}.tar.gz",
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
