//! Listing lines from peers' test suites, with each one's origin, read by `listing`; and
//! where ftp-codes reads a line differently from the peer, the difference and why.
//!
//! Origins: Apache Commons Net (`UnixFTPEntryParserTest.java`, `NTFTPEntryParserTest.java`),
//! basic-ftp (`test/parseListSpec.js`), suppaftp (`src/list.rs`'s tests),
//! jlaffaye/ftp (`parse_test.go`, whose clock, 2017-03-10 23:00 UTC, is used here too; its
//! vectors are also next to the parser), CPython (`test_ftplib.py`'s `MLSD_DATA`), RFC 3659
//! §7.7 (its example listings), D. J. Bernstein's EPLF page, FluentFTP
//! (`FluentFTP.Tests/Unit/ParserTests.cs`: `Machine`, `Unix`, `WindowsIIS`) and curl (tests 576
//! and 1114: the listings `tests/directories.pm` serves, and the entries the tests expect).

use ftp_codes::listing::{self, Kind, ListOptions, ListingErrorKind};
use ftp_codes::payload::Timestamp;

fn options() -> ListOptions {
    ListOptions::default().with_now(Timestamp::new(2017, 3, 10, 23, 0, 0, 0).unwrap())
}

fn at(y: u16, mo: u8, d: u8, h: u8, mi: u8) -> Option<Timestamp> {
    Timestamp::new(y, mo, d, h, mi, 0, 0).ok()
}

/// (origin, line, name, kind, size, modified).
type Vector = (
    &'static str,
    &'static str,
    &'static str,
    Kind,
    Option<u64>,
    Option<Timestamp>,
);

/// (line, name, kind, size, modified): a peer's vector without its origin.
type Case = (
    &'static str,
    &'static str,
    Kind,
    Option<u64>,
    Option<Timestamp>,
);

/// A curl test-server entry: (mode, links, size, time, name as listed, kind, link target).
type CurlUnixEntry = (
    &'static str,
    u32,
    u64,
    &'static str,
    &'static str,
    Kind,
    Option<&'static str>,
);

fn list_vectors() -> Vec<Vector> {
    let unix = "Commons Net UnixFTPEntryParserTest";
    let nt = "Commons Net NTFTPEntryParserTest";
    vec![
        (
            unix,
            "-rw-r--r--   1 500      500            21 Aug  8 14:14 JB3-TES1.gz",
            "JB3-TES1.gz",
            Kind::File,
            Some(21),
            at(2016, 8, 8, 14, 14),
        ),
        (
            unix,
            "drwxr-xr-x   2 root     root         4096 Aug 24  2001 zxjdbc",
            "zxjdbc",
            Kind::Directory,
            Some(4096),
            at(2001, 8, 24, 0, 0),
        ),
        (
            unix,
            "drwxr-xr-x 1 usernameftp 512 Jan 29 23:32 prog",
            "prog",
            Kind::Directory,
            Some(512),
            at(2017, 1, 29, 23, 32),
        ),
        (
            unix,
            "lrw-r--r--   1 14       14          80284 Aug 22  2000 zxJDBC-1.2.3.tar.gz",
            "zxJDBC-1.2.3.tar.gz",
            Kind::Link,
            Some(80284),
            at(2000, 8, 22, 0, 0),
        ),
        (
            unix,
            "-rw-r--r-T   1 500      500             0 Mar 25 08:20 testSticky",
            "testSticky",
            Kind::File,
            Some(0),
            at(2016, 3, 25, 8, 20),
        ),
        (
            unix,
            "-rwSr-Sr--   1 500      500             0 Mar 25 08:22 testSuid",
            "testSuid",
            Kind::File,
            Some(0),
            at(2016, 3, 25, 8, 22),
        ),
        (
            unix,
            "-rwsr-sr--   1 500      500             0 Mar 25 0:23 testSuidExec2",
            "testSuidExec2",
            Kind::File,
            Some(0),
            at(2016, 3, 25, 0, 23),
        ),
        (
            unix,
            "drwxrwx---+ 23 500     500    0 Jan 10 13:09 testACL",
            "testACL",
            Kind::Directory,
            Some(0),
            at(2017, 1, 10, 13, 9),
        ),
        (
            unix,
            "-rw-r--r--   1 1        3518644 May 25 12:12 std",
            "std",
            Kind::File,
            Some(3_518_644),
            at(2016, 5, 25, 12, 12),
        ),
        (
            unix,
            "-rw-r--r--   1 ftp      group with spaces in it as allowed in cygwin see bug 38634   83853 Jan 22  2001 zxJDBC-1.2.4.tar.gz",
            "zxJDBC-1.2.4.tar.gz",
            Kind::File,
            Some(83853),
            at(2001, 1, 22, 0, 0),
        ),
        (
            unix,
            "crw-r----- 1 root kmem 0, 27 Jan 30 11:42 kmem",
            "kmem",
            Kind::Other,
            None,
            at(2017, 1, 30, 11, 42),
        ),
        (
            unix,
            "crw-------   1 root     sys      109,767 Jul  2  2004 pci@1c,600000:devctl",
            "pci@1c,600000:devctl",
            Kind::Other,
            None,
            at(2004, 7, 2, 0, 0),
        ),
        (
            unix,
            "-rwxrwx---   1 ftp      ftp-admin 816026400 Oct  5  2008 bloplab 7 cd1.img",
            "bloplab 7 cd1.img",
            Kind::File,
            Some(816_026_400),
            at(2008, 10, 5, 0, 0),
        ),
        (
            unix,
            "drwx------ 4 maxm Domain Users 512 Oct 2 10:59 .metadata",
            ".metadata",
            Kind::Directory,
            Some(512),
            at(2016, 10, 2, 10, 59),
        ),
        (
            unix,
            "drwxr-xr-x   2 john smith     group         4096 Mar  2 15:13 zxbox     ",
            "zxbox     ",
            Kind::Directory,
            Some(4096),
            at(2017, 3, 2, 15, 13),
        ),
        (
            unix,
            "drwxr-xr-x   2 john smith     group         4096 Mar  2 15:13   zxbox",
            "  zxbox",
            Kind::Directory,
            Some(4096),
            at(2017, 3, 2, 15, 13),
        ),
        (
            unix,
            "drwxr-x---+1464 chrism   chrism     41472 Feb 25 13:17 20090225",
            "20090225",
            Kind::Directory,
            Some(41472),
            at(2017, 2, 25, 13, 17),
        ),
        (
            unix,
            "-rw-r--r--   1 ftpuser  ftpusers 12414535 Mar 17 11:07 test 1999 abc.pdf",
            "test 1999 abc.pdf",
            Kind::File,
            Some(12_414_535),
            at(2016, 3, 17, 11, 7),
        ),
        (
            unix,
            "-rw-rw-rw-   1 user group 5840 Mar 19 09:34 123 456 abc.csv",
            "123 456 abc.csv",
            Kind::File,
            Some(5840),
            at(2016, 3, 19, 9, 34),
        ),
        (
            unix,
            "-rwxr-xr-x   2 user     my group 500        5000000000 Mar  2 15:13 zxbox",
            "zxbox",
            Kind::File,
            Some(5_000_000_000),
            at(2017, 3, 2, 15, 13),
        ),
        (
            unix,
            "lrwxrwxrwx   1 neeme neeme             23 Mar  2 18:06 macros -> ./../../global/macros/.",
            "macros",
            Kind::Link,
            Some(23),
            at(2017, 3, 2, 18, 6),
        ),
        (
            nt,
            "05-26-95  10:57AM               143712 $LDR$",
            "$LDR$",
            Kind::File,
            Some(143_712),
            at(1995, 5, 26, 10, 57),
        ),
        (
            nt,
            "12-05-96  05:03PM       <DIR>          absoft2",
            "absoft2",
            Kind::Directory,
            None,
            at(1996, 12, 5, 17, 3),
        ),
        (
            nt,
            "05-26-1995  10:57AM               143712 $LDR$",
            "$LDR$",
            Kind::File,
            Some(143_712),
            at(1995, 5, 26, 10, 57),
        ),
        (
            nt,
            "12-05-96  17:03         <DIR>          absoft2",
            "absoft2",
            Kind::Directory,
            None,
            at(1996, 12, 5, 17, 3),
        ),
        (
            nt,
            "09-13-10  13:08                   23 Control Panel.lnk",
            "Control Panel.lnk",
            Kind::File,
            Some(23),
            at(2010, 9, 13, 13, 8),
        ),
        (
            nt,
            "05-22-97  12:08AM                  5000000000 10 years and under",
            "10 years and under",
            Kind::File,
            Some(5_000_000_000),
            at(1997, 5, 22, 0, 8),
        ),
        (
            nt,
            "12-03-96  06:38PM       <DIR>           10 years and under",
            "10 years and under",
            Kind::Directory,
            None,
            at(1996, 12, 3, 18, 38),
        ),
        (
            nt,
            "12-03-96  06:38AM       <DIR>          123 abc xyz",
            "123 abc xyz",
            Kind::Directory,
            None,
            at(1996, 12, 3, 6, 38),
        ),
        (
            nt,
            "-rw-rw-r--   1 mqm        mqm          17707 Mar 12  3:33 killmq.sh.log",
            "killmq.sh.log",
            Kind::File,
            Some(17707),
            at(2016, 3, 12, 3, 33),
        ),
        (
            "EPLF (cr.yp.to/ftp/list/eplf.html)",
            "+i8388621.48594,m825718503,r,s280,\tdjb.html",
            "djb.html",
            Kind::File,
            Some(280),
            Timestamp::from_unix(825_718_503, 0).ok(),
        ),
        (
            "EPLF (cr.yp.to/ftp/list/eplf.html)",
            "+i8388621.50690,m824255907,/,\t514",
            "514",
            Kind::Directory,
            None,
            Timestamp::from_unix(824_255_907, 0).ok(),
        ),
    ]
}

#[test]
fn list_lines_of_the_peers() {
    for (origin, line, name, kind, size, modified) in list_vectors() {
        let entry = listing::list(line.as_bytes(), &options())
            .unwrap_or_else(|e| panic!("{origin}: {line}: {e}"));
        assert_eq!(
            (entry.name(), entry.kind(), entry.size(), entry.modified()),
            (name.as_bytes(), kind, size, modified),
            "{origin}: {line}"
        );
    }
}

/// Lines the peers refuse, and so does ftp-codes.
#[test]
fn lines_the_peers_refuse() {
    for line in [
        // Commons Net's bad Unix samples.
        "zrwxr-xr-x   2 root     root         4096 Mar  2 15:13 zxbox",
        "dxrwr-xr-x   2 root     root         4096 Aug 24  2001 zxjdbc",
        "drwxr-xr-x   2 root     root         4096 Jam  4 00:03 zziplib",
        "drwxr-xr-x   2 root     99           4096 Feb 23 30:01 zzplayer",
        "drwxr-xr-x   2 root     root         4096 Aug 36  2001 zztpp",
        "-rw-r--r--   1 14       staff       80284 Aug 22  zxJDBC-1.2.3.tar.gz",
        "-rw-r--r--   1 14       staff      119:26 Aug 22  2000 zxJDBC-1.2.3.zip",
        "-rw-r--r--   1 root     root       190144 2001-04-27 zxJDBC-2.0.1b1.zip",
        "-rw-r--r--   1 root     root       111325 Apr -7 18:79 zxJDBC-2.0.1b1.tar.gz",
        // Commons Net's bad NT samples.
        "20-05-97  03:31PM                  681 .bash_history",
        "     0           DIR   05-19-97   12:56  local",
        "drwxr-xr-x   2 root     99           4096Feb 23 30:01 zzplayer",
        // basic-ftp's unknown formats (a word, an MVS line) and blank lines.
        "aaa",
        "SAVE01 3390   2004/06/23  1    1  FB     128  6144  PO    INCOMING.RPTBM024.D061704",
        "      ",
        "total 0",
    ] {
        let error = listing::list(line.as_bytes(), &options()).unwrap_err();
        assert_eq!(error.kind(), ListingErrorKind::NotAnEntry, "{line}");
    }
}

/// Where ftp-codes reads a peer's vector differently, on purpose.
#[test]
fn deliberate_differences() {
    // Commons Net refuses a link count glued to the owner (`1ftp`); ftp-codes reads the line,
    // since servers without a link count put the owner there, and the rest is unambiguous.
    let glued = listing::list(
        b"-rw-r--r--   1ftp       nogroup    126552 Jan 22  2001 zxJDBC-1.2.4.zip",
        &options(),
    )
    .unwrap();
    assert_eq!(
        (glued.name(), glued.size()),
        (&b"zxJDBC-1.2.4.zip"[..], Some(126_552))
    );
    // Commons Net reads `frw-r--r--` as a file; no `ls` writes `f`, so ftp-codes does not
    // guess what it is (jlaffaye/ftp refuses unknown types too).
    let unknown = listing::list(
        b"frw-r--r--   1 14       staff      119926 Aug 22  2000 zxJDBC-1.2.3.zip",
        &options(),
    );
    assert_eq!(unknown.unwrap_err().kind(), ListingErrorKind::NotAnEntry);
    // Commons Net reads Japanese `ls` dates (6月 3日 2003年); ftp-codes reads English months only.
    let japanese = listing::list(
        "-rw-rw---- 1 ep1adm sapsys 0 6月 3日 2003年 試験ファイル.csv".as_bytes(),
        &options(),
    );
    assert_eq!(japanese.unwrap_err().kind(), ListingErrorKind::NotAnEntry);
    // basic-ftp (#193) reads a mode of nine letters (`drw-r--rw`); `ls` writes ten, and which
    // one is missing is a guess.
    let short = listing::list(
        b"drw-r--rw   1     root     root         0 Apr 21 19:31 Directory1",
        &options(),
    );
    assert_eq!(short.unwrap_err().kind(), ListingErrorKind::NotAnEntry);
    // basic-ftp (#95) reads a `sizd` fact as the size; ftp-codes reads facts by their names,
    // and leaves the misspelt one to `fact`.
    let sizd = listing::mlsx(b"sizd=4096; filename").unwrap();
    assert_eq!(
        (sizd.size(), sizd.fact(b"sizd")),
        (None, Some(&b"4096"[..]))
    );
    // jlaffaye/ftp takes a year-less date up to six months ahead as this year's; `ls` never
    // prints the time for a future date, so ftp-codes takes it as last year's (a day's grace).
    let ahead = listing::list(b"-rw-r--r-- 1 0 0 1 Sep 10 22:59 f", &options()).unwrap();
    assert_eq!(ahead.modified(), at(2016, 9, 10, 22, 59));
}

/// CPython's MLSD data (`test_ftplib.py`): `=` starts a value (`unique==keVO1+ZF4`), OS
/// types, a name with a leading space.
#[test]
fn mlsd_lines_of_cpython() {
    let cases: &[(&str, &str, Kind, &str)] = &[
        (
            "type=cdir;perm=el;unique==keVO1+ZF4; test",
            "test",
            Kind::CurrentDirectory,
            "=keVO1+ZF4",
        ),
        (
            "type=pdir;perm=e;unique==keVO1+d?3; ..",
            "..",
            Kind::ParentDirectory,
            "=keVO1+d?3",
        ),
        (
            "type=OS.unix=slink:/foobar;perm=;unique==keVO1+4G4; foobar",
            "foobar",
            Kind::Link,
            "=keVO1+4G4",
        ),
        (
            "type=OS.unix=chr-13/29;perm=;unique==keVO1+5G4; device",
            "device",
            Kind::Other,
            "=keVO1+5G4",
        ),
        (
            "type=OS.unix=blk-11/108;perm=;unique==keVO1+6G4; block",
            "block",
            Kind::Other,
            "=keVO1+6G4",
        ),
        (
            "type=file;perm=awr;unique==keVO1+8G4; writable",
            "writable",
            Kind::File,
            "=keVO1+8G4",
        ),
        (
            "type=dir;perm=cpmel;unique==keVO1+7G4; promiscuous",
            "promiscuous",
            Kind::Directory,
            "=keVO1+7G4",
        ),
        (
            "type=file;perm=r;unique==keVO1+EG4; two words",
            "two words",
            Kind::File,
            "=keVO1+EG4",
        ),
        (
            "type=file;perm=r;unique==keVO1+IH4;  leading space",
            " leading space",
            Kind::File,
            "=keVO1+IH4",
        ),
    ];
    for &(line, name, kind, unique) in cases {
        let facts = listing::mlsx(line.as_bytes()).unwrap_or_else(|e| panic!("{line}: {e}"));
        assert_eq!(
            (facts.name(), facts.kind()),
            (name.as_bytes(), kind),
            "{line}"
        );
        assert_eq!(facts.fact(b"unique"), Some(unique.as_bytes()), "{line}");
    }
    let link =
        listing::mlsx(b"type=OS.unix=slink:/foobar;perm=;unique==keVO1+4G4; foobar").unwrap();
    assert_eq!(link.link_target(), Some(&b"/foobar"[..]));
}

/// basic-ftp's MLSD cases (`parseListSpec.js`).
#[test]
fn mlsd_lines_of_basic_ftp() {
    let any = listing::mlsx(b"anything=something; filename").unwrap();
    assert_eq!((any.name(), any.kind()), (&b"filename"[..], Kind::Other));
    let case =
        listing::mlsx(b"SiZe=11;tYpe=file;MoDIfy=20181025120459;uNIx.MOde=0755; file one").unwrap();
    assert_eq!(
        (case.size(), case.kind(), case.fact(b"unix.mode")),
        (Some(11), Kind::File, Some(&b"0755"[..]))
    );
    assert_eq!(
        case.modified(),
        Timestamp::new(2018, 10, 25, 12, 4, 59, 0).ok()
    );
    let fraction =
        listing::mlsx(b"type=file;size=24;modify=20250628164658.025;perm=rw; awesome.txt").unwrap();
    assert_eq!(
        fraction.modified().map(|t| t.to_string()),
        Some("2025-06-28T16:46:58.025Z".to_owned())
    );
    let empty_target = listing::mlsx(b"type=OS.unix=slink:; filename").unwrap();
    assert_eq!(
        (empty_target.kind(), empty_target.link_target()),
        (Kind::Link, None)
    );
    let symlink = listing::mlsx(b"type=OS.unix=symlink;unique=1234; filename").unwrap();
    assert_eq!(symlink.kind(), Kind::Link);
    for dot in [&b"type=cdir; ."[..], b"type=pdir; .."] {
        assert!(!listing::is_one_component(
            listing::mlsx(dot).unwrap().name()
        ));
    }
}

/// RFC 3659 §7.7's example MLST and MLSD lines.
#[test]
fn rfc_3659_examples() {
    let mlst = listing::mlst(
        b" Type=file;Size=1830;Modify=19940916055648;Perm=r; /tmp/cap60.pl198.tar.gz",
    )
    .unwrap();
    assert_eq!(
        (mlst.size(), mlst.name()),
        (Some(1830), &b"/tmp/cap60.pl198.tar.gz"[..])
    );
    assert_eq!(
        mlst.modified(),
        Timestamp::new(1994, 9, 16, 5, 56, 48, 0).ok()
    );
    let dir = listing::mlsx(b"Type=dir;Modify=19990112033515; ctx").unwrap();
    assert_eq!((dir.kind(), dir.name()), (Kind::Directory, &b"ctx"[..]));
}

/// FluentFTP's `Unix` and `WindowsIIS` samples (`FluentFTP.Tests/Unit/ParserTests.cs`), its
/// "OK" lines, which ftp-codes reads as FluentFTP does.
#[test]
fn list_lines_of_fluentftp() {
    let dir = Kind::Directory;
    let file = Kind::File;
    let cases: &[Case] = &[
        (
            "drwxr-xr-x   7  user1 user1       512 Sep 27  2011 .",
            ".",
            dir,
            Some(512),
            at(2011, 9, 27, 0, 0),
        ),
        (
            "drwxr-xr-x  31 user1  user1      1024 Sep 27  2011 ..",
            "..",
            dir,
            Some(1024),
            at(2011, 9, 27, 0, 0),
        ),
        (
            "lrwxrwxrwx   1 user1  user1      9 Sep 27  2011 data.0000 -> data.6460",
            "data.0000",
            Kind::Link,
            Some(9),
            at(2011, 9, 27, 0, 0),
        ),
        (
            "drwxr-xr-x  10 user1  user1      512 Jun 29  2012 data.6460",
            "data.6460",
            dir,
            Some(512),
            at(2012, 6, 29, 0, 0),
        ),
        // Year-less: FluentFTP takes this year; against the clock here, 2016 by the six-month rule.
        (
            "drwxr-xr-x 133 user1  user1     4096 Jun 25 16:26 sys.6460",
            "sys.6460",
            dir,
            Some(4096),
            at(2016, 6, 25, 16, 26),
        ),
        (
            "dr-xr-xr-x   2 root     other        512 Apr  8  1994 File001.xml dir",
            "File001.xml dir",
            dir,
            Some(512),
            at(1994, 4, 8, 0, 0),
        ),
        (
            "dr-xr-xr-x   2 root                  512 Apr  8  1994 File003.xml dir",
            "File003.xml dir",
            dir,
            Some(512),
            at(1994, 4, 8, 0, 0),
        ),
        (
            "-------r--         326  1391972  1392298 Nov 22  1995 File-3.txt file",
            "File-3.txt file",
            file,
            Some(1_392_298),
            at(1995, 11, 22, 0, 0),
        ),
        (
            "drwxrwxr-x               folder        2 May 10  1996 Folder-Audio dir",
            "Folder-Audio dir",
            dir,
            Some(2),
            at(1996, 5, 10, 0, 0),
        ),
        (
            "03-10-21 11:12       <DIR> System Volume Information",
            "System Volume Information",
            dir,
            None,
            at(2021, 3, 10, 11, 12),
        ),
        (
            "12-03-20 13:40       <DIR> FCDATA01",
            "FCDATA01",
            dir,
            None,
            at(2020, 12, 3, 13, 40),
        ),
        (
            "03-07-13  10:02AM                  901 File01.xml",
            "File01.xml",
            file,
            Some(901),
            at(2013, 3, 7, 10, 2),
        ),
        (
            "03-15-13  02:38PM                  912 File06.xml",
            "File06.xml",
            file,
            Some(912),
            at(2013, 3, 15, 14, 38),
        ),
        (
            "04-27-00  12:09PM       <DIR>          Folder14",
            "Folder14",
            dir,
            None,
            at(2000, 4, 27, 12, 9),
        ),
        (
            "04-06-00  03:47PM                  589 File15",
            "File15",
            file,
            Some(589),
            at(2000, 4, 6, 15, 47),
        ),
        // A localised Windows server: the year first, a size with thousands separators.
        (
            "2013-09-02  18:48       <DIR>          Folder16",
            "Folder16",
            dir,
            None,
            at(2013, 9, 2, 18, 48),
        ),
        (
            "2013-09-02  19:06                9,730 File17",
            "File17",
            file,
            Some(9730),
            at(2013, 9, 2, 19, 6),
        ),
    ];
    for &(line, name, kind, size, modified) in cases {
        let entry = listing::list(line.as_bytes(), &options())
            .unwrap_or_else(|e| panic!("FluentFTP: {line}: {e}"));
        assert_eq!(
            (entry.name(), entry.kind(), entry.size(), entry.modified()),
            (name.as_bytes(), kind, size, modified),
            "FluentFTP: {line}"
        );
    }
}

/// FluentFTP's `Unix` samples that it marks "BROKEN - name and date incorrect" (it returns a
/// wrong name, `file`, and no date): dates in forms `ls` never writes in the C locale. ftp-codes
/// does not guess at them: no entry. And a size with a grouping comma that is no grouping.
#[test]
fn lines_fluentftp_misreads_are_refused() {
    for line in [
        "-rw-r--r--   1 root     other        531 3 29 03:26 File002.xml file",
        "-rw-r--r--   1 root     other        531 09-26 2000 File005.xml file",
        "-rw-r--r--   1 root     other        531 09-26 13:45 File006.xml file",
        "-rw-r--r--   1 root     other        531 2005-06-07 21:22 File007.xml file",
        "-rw-r--r--   1 root     other  33.5k Oct 5 21:22 File-8.txt file",
        "dr-xr-xr-x   2 root     other      2235 26. Juli, 20:10 NonEnglish-1.mp4 dir",
        "dr-xr-xr-x   2 root     other      2235 szept 26 20:10 NonEnglish-2.mp4 dir",
        "-r-xr-xr-x   2 root     other      2235 2.   Okt.  2003 NonEnglish-3.mp4 file",
        "-r-xr-xr-x   2 root     other      2235 1999/10/12 17:12 NonEnglish-4.mp4 file",
        "-r-xr-xr-x   2 root     other      2235 24-04-2003 17:12 NonEnglish-5.mp4 file",
        "-r-xr-xr-x   2 root  root  96 2004.07.15   NonEnglish-9.mp4 file",
        "2013-09-02  19:06                9,73 File17",
        "2013-09-02  19:06                1234,730 File17",
    ] {
        let error = listing::list(line.as_bytes(), &options()).unwrap_err();
        assert_eq!(error.kind(), ListingErrorKind::NotAnEntry, "{line}");
    }
    // FluentFTP reads this line's name as `Jan 29 03:26 File-9.txt file` and its size as 0: a
    // group name with a space (`domain user`) shifts its columns. ftp-codes finds the date
    // first, so the size is the number before it and the name what follows it.
    let spaced = listing::list(
        b"-rw-r--r--   1 group domain user 531 Jan 29 03:26 File-9.txt file",
        &options(),
    )
    .unwrap();
    assert_eq!(
        (spaced.name(), spaced.size(), spaced.modified()),
        (&b"File-9.txt file"[..], Some(531), at(2017, 1, 29, 3, 26))
    );
}

/// FluentFTP's `Machine` (MLSD) samples.
#[test]
fn mlsd_lines_of_fluentftp() {
    let cases: &[Case] = &[
        // The name is everything after the first space: FluentFTP keeps the tab and the
        // trailing blanks too.
        (
            "Type=file; File1-whitespace trailing\t ",
            "File1-whitespace trailing\t ",
            Kind::File,
            None,
            None,
        ),
        (
            "Type=file; \t File2-whitespace leading",
            "\t File2-whitespace leading",
            Kind::File,
            None,
            None,
        ),
        (
            "modify=20130426135501;perm=;size=14718921;type=file;unique=802U1066013B;UNIX.group=1179;UNIX.mode=00;UNIX.owner=1179; File 3 Word Doc",
            "File 3 Word Doc",
            Kind::File,
            Some(14_718_921),
            Timestamp::new(2013, 4, 26, 13, 55, 1, 0).ok(),
        ),
        (
            "type=OS.UNIX=symlink; Link Tomato 2",
            "Link Tomato 2",
            Kind::Link,
            None,
            None,
        ),
        (
            "type=OS.unix=slink; Link Strawberry 3",
            "Link Strawberry 3",
            Kind::Link,
            None,
            None,
        ),
        (
            "Type=file;Size=25730;Modify=19940728095854;Perm=; capmux.tar.z",
            "capmux.tar.z",
            Kind::File,
            Some(25730),
            Timestamp::new(1994, 7, 28, 9, 58, 54, 0).ok(),
        ),
        (
            "Type=file;Perm=awr;Unique=keVO1+8G4; writable",
            "writable",
            Kind::File,
            None,
            None,
        ),
        (
            "Type=dir;Perm=cpmel;Unique=keVO1+7G4; incoming",
            "incoming",
            Kind::Directory,
            None,
            None,
        ),
        (
            "Type=file;Size=44242;Modify=19990217230400; character-sets",
            "character-sets",
            Kind::File,
            Some(44242),
            Timestamp::new(1999, 2, 17, 23, 4, 0, 0).ok(),
        ),
    ];
    for &(line, name, kind, size, modified) in cases {
        let facts = listing::mlsx(line.as_bytes()).unwrap_or_else(|e| panic!("{line}: {e}"));
        assert_eq!(
            (facts.name(), facts.kind(), facts.size(), facts.modified()),
            (name.as_bytes(), kind, size, modified),
            "FluentFTP: {line}"
        );
    }
    // FluentFTP returns nothing for these; RFC 3659 §7.5.1 allows `OS.name=type` values, so
    // ftp-codes reads them: a link with its target, a device as `Other`.
    let link = listing::mlsx(b"Type=OS.unix=slink:/foobar;Perm=;Unique=keVO1+4G4; foobar").unwrap();
    assert_eq!(
        (link.name(), link.kind(), link.link_target()),
        (&b"foobar"[..], Kind::Link, Some(&b"/foobar"[..]))
    );
    let apple = listing::mlsx(b"type=OS.unix=slink:/anything; Link Apple 1").unwrap();
    assert_eq!(
        (apple.kind(), apple.link_target()),
        (Kind::Link, Some(&b"/anything"[..]))
    );
    for device in [
        "Type=OS.unix=chr-13/29;Perm=;Unique=keVO1+5G4; device",
        "Type=OS.unix=blk-11/108;Perm=;Unique=keVO1+6G4; block",
    ] {
        assert_eq!(
            listing::mlsx(device.as_bytes()).unwrap().kind(),
            Kind::Other,
            "{device}"
        );
    }
    // And refuses a line without a name, as FluentFTP does.
    assert!(listing::mlsx(b"Type=file;Perm=awdrf;Unique=keVO1+LH4;").is_err());
}

/// curl's tests 576 (Unix) and 1114 (DOS): the listings of `/fully_simulated/UNIX/` and
/// `/fully_simulated/DOS/` as `tests/directories.pm` writes them (`%7d` sizes, `%4d` link
/// counts, the time as given), and the name, type, size and time curl's parser reports.
#[test]
fn list_lines_of_curl() {
    // (perm with type letter, links, size, time, name as listed) -> (name, kind, size, target)
    let unix: &[CurlUnixEntry] = &[
        (
            "drwxrwxrwx",
            4,
            20480,
            "Apr 27  5:12",
            ".",
            Kind::Directory,
            None,
        ),
        (
            "drwxrwxrwx",
            4,
            20480,
            "Apr 23  3:12",
            "..",
            Kind::Directory,
            None,
        ),
        (
            "-r--r--r--",
            1,
            38,
            "Jan 11 10:00",
            "chmod1",
            Kind::File,
            None,
        ),
        (
            "-rw-rw-rw-",
            1,
            38,
            "Feb  1  8:00",
            "chmod2",
            Kind::File,
            None,
        ),
        (
            "-rwxrwxrwx",
            1,
            38,
            "Feb  1  8:00",
            "chmod3",
            Kind::File,
            None,
        ),
        (
            "d--S--S--t",
            1,
            4096,
            "May  4  4:31",
            "chmod4",
            Kind::Directory,
            None,
        ),
        (
            "d--s--s--T",
            1,
            4096,
            "May  4  4:31",
            "chmod5",
            Kind::Directory,
            None,
        ),
        (
            "-rw-r--r--",
            1,
            0,
            "Apr 27 11:01",
            "empty_file.dat",
            Kind::File,
            None,
        ),
        (
            "-rw-r--r--",
            1,
            35,
            "Apr 27 11:01",
            "file.txt",
            Kind::File,
            None,
        ),
        (
            "lrwxrwxrwx",
            1,
            0,
            "Jan  6  4:42",
            "link -> file.txt",
            Kind::Link,
            Some("file.txt"),
        ),
        (
            "lrwxrwxrwx",
            1,
            0,
            "Jan  6  4:45",
            "link_absolute -> /data/ftp/file.txt",
            Kind::Link,
            Some("/data/ftp/file.txt"),
        ),
        (
            "drwxrwxrwx",
            4,
            4096,
            "Jan 23  2:05",
            ".NeXT",
            Kind::Directory,
            None,
        ),
        (
            "-rw-r--r--",
            1,
            47,
            "Apr 27 11:01",
            "someothertext.txt",
            Kind::File,
            None,
        ),
        (
            "drwxr-xrwx",
            2,
            4096,
            "Apr 23  3:12",
            "weirddir.txt",
            Kind::Directory,
            None,
        ),
    ];
    // curl's server dates are 2010's (its DOS listing has the years): the clock is June 2010.
    let options = ListOptions::default().with_now(Timestamp::new(2010, 6, 1, 0, 0, 0, 0).unwrap());
    for &(perm, links, size, time, listed, kind, target) in unix {
        let line =
            format!("{perm} {links:4} ftp-default ftp-default {size:7} {time:>10} {listed}\r\n");
        let entry = listing::list(line.trim_end().as_bytes(), &options)
            .unwrap_or_else(|e| panic!("curl 576: {line:?}: {e}"));
        let name = listed.split(" -> ").next().unwrap();
        let (month, rest) = time.split_once(' ').unwrap();
        let (day, clock) = rest.trim_start().split_once(' ').unwrap();
        let (hour, minute) = clock.trim_start().split_once(':').unwrap();
        let month = 1 + ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
            .iter()
            .position(|m| *m == month)
            .unwrap();
        let expected = Timestamp::new(
            2010,
            month as u8,
            day.parse().unwrap(),
            hour.parse().unwrap(),
            minute.parse().unwrap(),
            0,
            0,
        )
        .ok();
        assert_eq!(
            (
                entry.name(),
                entry.kind(),
                entry.size(),
                entry.modified(),
                entry.link_target()
            ),
            (
                name.as_bytes(),
                kind,
                Some(size),
                expected,
                target.map(str::as_bytes)
            ),
            "curl 576: {line:?}"
        );
    }
    // Test 1114: the DOS listing; curl reports directories' size as 0, ftp-codes as none.
    let dos: &[(&str, Option<u64>, &str)] = &[
        ("04-27-10  05:12AM", None, "."),
        ("04-23-10  03:12AM", None, ".."),
        ("01-11-10  10:00AM", Some(38), "chmod1"),
        ("02-01-10  08:00AM", Some(38), "chmod2"),
        ("02-01-10  08:00AM", Some(38), "chmod3"),
        ("05-04-10  04:31AM", None, "chmod4"),
        ("05-04-10  04:31AM", None, "chmod5"),
        ("04-27-10  11:01AM", Some(0), "empty_file.dat"),
        ("04-27-10  11:01AM", Some(35), "file.txt"),
        ("01-23-05  02:05AM", None, ".NeXT"),
        ("04-27-10  11:01AM", Some(47), "someothertext.txt"),
        ("04-23-10  03:12AM", None, "weirddir.txt"),
    ];
    for &(time, size, name) in dos {
        let size_or_dir =
            size.map_or_else(|| "      <DIR>         ".to_string(), |n| format!("{n:20}"));
        let line = format!("{time} {size_or_dir} {name}");
        let entry = listing::list(line.as_bytes(), &options)
            .unwrap_or_else(|e| panic!("curl 1114: {line:?}: {e}"));
        let kind = if size.is_some() {
            Kind::File
        } else {
            Kind::Directory
        };
        let (date, clock) = time.split_once("  ").unwrap();
        let [m, d, y]: [u8; 3] = date
            .split('-')
            .map(|n| n.parse().unwrap())
            .collect::<Vec<_>>()
            .try_into()
            .unwrap();
        let hour: u8 = clock[..2].parse().unwrap();
        let minute: u8 = clock[3..5].parse().unwrap();
        assert_eq!(
            (entry.name(), entry.kind(), entry.size(), entry.modified()),
            (
                name.as_bytes(),
                kind,
                size,
                Timestamp::new(2000 + u16::from(y), m, d, hour, minute, 0, 0).ok()
            ),
            "curl 1114: {line:?}"
        );
    }
}
