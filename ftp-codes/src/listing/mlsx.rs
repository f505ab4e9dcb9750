//! MLSx entries (RFC 3659 §7.2): `[facts] SP pathname`, facts `1*(factname "=" value ";")`.

use super::{Kind, ListingError, ListingErrorKind};
use crate::line::scan::{find, forbidden};
use crate::payload::{Timestamp, time_val, whole_number};
use core::iter::FusedIterator;

/// One entry of an MLSD listing, or the fact line of an MLST reply: the facts and the name,
/// borrowed from the line. [`mlsx`] has checked the facts' form, and the form of the facts
/// this type reads (`type`, `size`, `modify`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts<'a> {
    /// `fact;fact;...;`, empty when the line has none.
    list: &'a [u8],
    name: &'a [u8],
    /// What the check found of the facts this type reads, so that reading them is free.
    known: Known<'a>,
}

/// The values of `type`, `size` and `modify`, found and checked in the one pass over the
/// facts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Known<'a> {
    kind: Option<&'a [u8]>,
    size: Option<u64>,
    modified: Option<Timestamp>,
}

/// One fact of an entry: its name as sent (`Size`, `UNIX.mode`) and its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fact<'a> {
    /// The fact's name, as sent; compare it ignoring ASCII case.
    pub name: &'a [u8],
    /// The value: any bytes but `;`, space, CR, LF and NUL (`=` included: RFC 3659's SCHAR).
    pub value: &'a [u8],
}

/// Reads one line of an MLSD listing (without its CRLF): `type=file;size=12; name`.
///
/// The name is everything after the first space, spaces and semicolons included, borrowed
/// exactly. The facts must each have a name and `=`, and end in `;`; `size` must be a number
/// and `modify` RFC 3659's `YYYYMMDDHHMMSS[.sss]`, and neither, nor `type`, may be given twice.
/// Other facts' values are taken as they come (any byte but `;`, space, CR, LF and NUL, where
/// the RFC's SCHAR is a subset of ASCII): servers send `UNIX.owner` names and `unique` values
/// outside it. The work is linear in the line.
///
/// ```
/// use ftp_codes::listing::{self, Kind, ListingErrorKind};
///
/// let dir = listing::mlsx(b"Type=dir;Modify=20240101000000.5;UNIX.mode=0755; my; dir")?;
/// assert_eq!((dir.kind(), dir.name()), (Kind::Directory, &b"my; dir"[..]));
/// assert_eq!(dir.fact(b"unix.mode"), Some(&b"0755"[..]));
/// assert_eq!(listing::mlsx(b" no facts")?.name(), b"no facts");
///
/// let bad = listing::mlsx(b"size=12 name").unwrap_err();
/// assert_eq!((bad.kind(), bad.offset()), (ListingErrorKind::MissingSemicolon, 7));
/// # Ok::<(), ftp_codes::listing::ListingError>(())
/// ```
pub fn mlsx(line: &[u8]) -> Result<Facts<'_>, ListingError> {
    if let Some(at) = forbidden(line) {
        return Err(ListingError::new(ListingErrorKind::ForbiddenByte, at));
    }
    let space = find(line, b' ').ok_or(ListingError::new(
        ListingErrorKind::MissingSpace,
        line.len(),
    ))?;
    let (facts, name) = line.split_at(space);
    let name = name.get(1..).unwrap_or_default();
    if name.is_empty() {
        return Err(ListingError::new(
            ListingErrorKind::EmptyName,
            space.saturating_add(1),
        ));
    }
    let known = check(facts)?;
    Ok(Facts {
        list: facts,
        name,
        known,
    })
}

/// Reads the fact line of an MLST reply (a line of `250-` ... `250 End`, from
/// [`Reply::lines`](crate::reply::Reply::lines)).
///
/// RFC 3659 §7.2 puts one space before the facts (two before a name without facts); servers
/// send none, or several. No space: the facts start the line. One: the RFC's form. Several:
/// the RFC's no-facts form, a name after the second space, unless what follows the spaces
/// also reads as facts and a name, which is [`ListingErrorKind::Ambiguous`]: `   type=file; x`
/// is the name ` type=file; x` to the RFC and `x` to a server that indents.
///
/// ```
/// use ftp_codes::listing::{self, ListingErrorKind};
///
/// assert_eq!(listing::mlst(b" type=file;size=3; a.txt")?.size(), Some(3)); // RFC 3659
/// assert_eq!(listing::mlst(b"type=file;size=3; a.txt")?.size(), Some(3)); // no space
/// assert_eq!(listing::mlst(b"  a.txt")?.name(), b"a.txt"); // no facts
/// let twice = listing::mlst(b"   type=file;size=3; a.txt").unwrap_err();
/// assert_eq!(twice.kind(), ListingErrorKind::Ambiguous);
/// # Ok::<(), ftp_codes::listing::ListingError>(())
/// ```
pub fn mlst(line: &[u8]) -> Result<Facts<'_>, ListingError> {
    let spaces = line.iter().take_while(|&&b| b == b' ').count();
    let shifted =
        |error: ListingError| ListingError::new(error.kind(), error.offset().saturating_add(1));
    match spaces {
        0 => mlsx(line),
        1 => mlsx(line.get(1..).unwrap_or_default()).map_err(shifted),
        _ => {
            let rest = line.get(spaces..).unwrap_or_default();
            if mlsx(rest).is_ok_and(|facts| !facts.list.is_empty()) {
                return Err(ListingError::new(ListingErrorKind::Ambiguous, 0));
            }
            mlsx(line.get(1..).unwrap_or_default()).map_err(shifted)
        }
    }
}

/// Checks the facts' form: `1*(name "=" value ";")`, the facts read here once each and in
/// their form; their values.
fn check(facts: &[u8]) -> Result<Known<'_>, ListingError> {
    let mut known = Known::default();
    if facts.is_empty() {
        return Ok(known);
    }
    if facts.last() != Some(&b';') {
        return Err(ListingError::new(
            ListingErrorKind::MissingSemicolon,
            facts.len(),
        ));
    }
    // Whether `type`, `size` and `modify` were seen: the ones this module reads must not be
    // given twice (the line would say two things). Other duplicates are `fact`'s to refuse.
    let mut seen = [false; 3];
    for (at, fact) in positions(facts) {
        let Some(eq) = find(fact, b'=') else {
            return Err(ListingError::new(ListingErrorKind::MissingEquals, at));
        };
        let (name, value) = fact.split_at(eq);
        let value = value.get(1..).unwrap_or_default();
        let value_at = at.saturating_add(eq).saturating_add(1);
        if name.is_empty() {
            return Err(ListingError::new(ListingErrorKind::EmptyFactName, at));
        }
        let Some(index) = known_fact(name) else {
            continue;
        };
        if let Some(seen) = seen.get_mut(index) {
            if *seen {
                return Err(ListingError::new(ListingErrorKind::DuplicateFact, at));
            }
            *seen = true;
        }
        let invalid = ListingError::new(ListingErrorKind::InvalidFactValue, value_at);
        match index {
            0 => known.kind = Some(value),
            1 => known.size = Some(whole_number(value).ok_or(invalid)?),
            _ => match time_val(value) {
                Ok((time, used)) if used == value.len() => known.modified = Some(time),
                _ => return Err(invalid),
            },
        }
    }
    Ok(known)
}

/// Which of [`KNOWN`] `name` is, ignoring case: by length and first letter first, so that the
/// other facts cost one comparison.
fn known_fact(name: &[u8]) -> Option<usize> {
    let index = match (name.len(), name.first().map(u8::to_ascii_lowercase)) {
        (4, Some(b't')) => 0,
        (4, Some(b's')) => 1,
        (6, Some(b'm')) => 2,
        _ => return None,
    };
    KNOWN
        .get(index)
        .filter(|known| name.eq_ignore_ascii_case(known))
        .map(|_| index)
}

/// The facts this module reads, in the order `check` indexes them.
const KNOWN: [&[u8]; 3] = [b"type", b"size", b"modify"];

/// Each fact of `facts` (which ends in `;`) with its offset.
fn positions(facts: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    let body = facts.strip_suffix(b";").unwrap_or(facts);
    let mut at = 0usize;
    core::iter::from_fn(move || {
        let rest = body.get(at..)?;
        let end = find(rest, b';').unwrap_or(rest.len());
        let start = at;
        // Past the end once the last fact is out.
        at = at.saturating_add(end).saturating_add(1);
        Some((start, rest.get(..end).unwrap_or_default()))
    })
}

impl<'a> Facts<'a> {
    /// The name: everything after the first space, spaces and semicolons included, as the
    /// server sent it. Check it with [`is_one_component`](super::is_one_component) before
    /// using it as a local file name.
    pub const fn name(&self) -> &'a [u8] {
        self.name
    }

    /// What the entry is, from the `type` fact; [`Kind::Other`] without one.
    pub fn kind(&self) -> Kind {
        self.known.kind.map_or(Kind::Other, kind_of)
    }

    /// Where a link points, from `type=OS.unix=slink:TARGET` (RFC 3659 §7.5.1's example of an
    /// OS-specific type); `None` for anything else, or an empty target.
    pub fn link_target(&self) -> Option<&'a [u8]> {
        let value = self.known.kind?;
        let prefix = value.get(..14)?;
        prefix
            .eq_ignore_ascii_case(b"OS.unix=slink:")
            .then(|| value.get(14..).unwrap_or_default())
            .filter(|target| !target.is_empty())
    }

    /// The `size` fact, in bytes.
    pub const fn size(&self) -> Option<u64> {
        self.known.size
    }

    /// The `modify` fact: the last modification time, in UTC, with its fraction if sent.
    pub const fn modified(&self) -> Option<Timestamp> {
        self.known.modified
    }

    /// The value of the fact named `name`, ignoring ASCII case (`perm`, `unique`,
    /// `UNIX.mode`, `media-type`, ...); `None` when absent, and when named twice (the line
    /// says two things: [`iter`](Self::iter) shows both).
    pub fn fact(&self, name: &[u8]) -> Option<&'a [u8]> {
        let mut found = None;
        for fact in self {
            if fact.name.eq_ignore_ascii_case(name) {
                if found.is_some() {
                    return None;
                }
                found = Some(fact.value);
            }
        }
        found
    }

    /// Every fact, in the order sent.
    pub fn iter(&self) -> FactIter<'a> {
        FactIter {
            rest: self.list.strip_suffix(b";").unwrap_or(self.list),
            done: self.list.is_empty(),
        }
    }
}

/// The kind a `type` fact's value names (RFC 3659 §7.5.1; values ignore case).
fn kind_of(value: &[u8]) -> Kind {
    let is = |name: &[u8]| value.eq_ignore_ascii_case(name);
    let starts = |prefix: &[u8]| {
        value
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    if is(b"file") {
        Kind::File
    } else if is(b"dir") {
        Kind::Directory
    } else if is(b"cdir") {
        Kind::CurrentDirectory
    } else if is(b"pdir") {
        Kind::ParentDirectory
    } else if starts(b"OS.unix=slink") || is(b"OS.unix=symlink") {
        Kind::Link
    } else {
        Kind::Other
    }
}

impl<'a> IntoIterator for &Facts<'a> {
    type Item = Fact<'a>;
    type IntoIter = FactIter<'a>;

    fn into_iter(self) -> FactIter<'a> {
        self.iter()
    }
}

/// The facts of an entry, in order: see [`Facts::iter`].
#[derive(Clone, Debug)]
pub struct FactIter<'a> {
    rest: &'a [u8],
    done: bool,
}

impl<'a> Iterator for FactIter<'a> {
    type Item = Fact<'a>;

    fn next(&mut self) -> Option<Fact<'a>> {
        if self.done {
            return None;
        }
        let (fact, rest) = if let Some(at) = self.rest.iter().position(|&b| b == b';') {
            (
                self.rest.get(..at).unwrap_or_default(),
                self.rest.get(at.saturating_add(1)..).unwrap_or_default(),
            )
        } else {
            self.done = true;
            (self.rest, &[][..])
        };
        self.rest = rest;
        let eq = fact.iter().position(|&b| b == b'=').unwrap_or(fact.len());
        let (name, value) = fact.split_at(eq);
        Some(Fact {
            name,
            value: value.get(1..).unwrap_or_default(),
        })
    }
}

impl FusedIterator for FactIter<'_> {}

#[cfg(test)]
mod tests {
    use super::{mlst, mlsx};
    use crate::listing::{Kind, ListingErrorKind};

    #[test]
    fn entries_as_servers_send_them() {
        // (line, name, kind, size, modified, link target)
        type Case<'a> = (&'a [u8], &'a [u8], Kind, Option<u64>, Option<&'a str>);
        let cases: &[Case<'_>] = &[
            // RFC 3659 §7.7.3's own example lines.
            (
                b"Type=cdir;Modify=19981107085215;Perm=el; tmp",
                b"tmp",
                Kind::CurrentDirectory,
                None,
                Some("1998-11-07T08:52:15Z"),
            ),
            (
                b"Type=file;Size=25730;Modify=19940728095854;Perm=; capmux.tar.z",
                b"capmux.tar.z",
                Kind::File,
                Some(25730),
                Some("1994-07-28T09:58:54Z"),
            ),
            (b"type=pdir; ..", b"..", Kind::ParentDirectory, None, None),
            // pyftpdlib, vsftpd-style lower case, a fraction, a name with spaces and `;`.
            (
                b"type=file;size=5;modify=20240229123456.789; a; b  c ",
                b"a; b  c ",
                Kind::File,
                Some(5),
                Some("2024-02-29T12:34:56.789Z"),
            ),
            (
                b"type=OS.unix=slink:/etc/x;UNIX.mode=0777; link",
                b"link",
                Kind::Link,
                None,
                None,
            ),
            // Above 4 GiB, and no facts at all.
            (
                b"size=18446744073709551615; big",
                b"big",
                Kind::Other,
                Some(u64::MAX),
                None,
            ),
            (b" only a name", b"only a name", Kind::Other, None, None),
            (b"type=weird; x", b"x", Kind::Other, None, None),
        ];
        for &(line, name, kind, size, modified) in cases {
            let facts = mlsx(line).unwrap_or_else(|e| panic!("{line:?}: {e}"));
            assert_eq!(facts.name(), name, "{line:?}");
            assert_eq!(facts.kind(), kind, "{line:?}");
            assert_eq!(facts.size(), size, "{line:?}");
            let modified_text = facts.modified().map(|t| std::format!("{t}"));
            assert_eq!(modified_text.as_deref(), modified, "{line:?}");
        }
        let link = mlsx(b"type=OS.unix=slink:/etc/x; link").unwrap();
        assert_eq!(link.link_target(), Some(&b"/etc/x"[..]));
        assert_eq!(mlsx(b"type=file; f").unwrap().link_target(), None);
    }

    #[test]
    fn malformed_lines_are_errors_at_their_offset() {
        let cases: &[(&[u8], ListingErrorKind, usize)] = &[
            (b"type=file;name", ListingErrorKind::MissingSpace, 14),
            (b"type=file name", ListingErrorKind::MissingSemicolon, 9),
            (b"type=file;size; x", ListingErrorKind::MissingEquals, 10),
            (b"=1; x", ListingErrorKind::EmptyFactName, 0),
            (b"type=file;=1; x", ListingErrorKind::EmptyFactName, 10),
            (b"size=1;Size=2; x", ListingErrorKind::DuplicateFact, 7),
            (b"size=12a; x", ListingErrorKind::InvalidFactValue, 5),
            (b"size=; x", ListingErrorKind::InvalidFactValue, 5),
            (
                b"size=18446744073709551616; x",
                ListingErrorKind::InvalidFactValue,
                5,
            ),
            (b"modify=2024; x", ListingErrorKind::InvalidFactValue, 7),
            (
                b"modify=20241301000000; x",
                ListingErrorKind::InvalidFactValue,
                7,
            ),
            (
                b"modify=20240101000000.; x",
                ListingErrorKind::InvalidFactValue,
                7,
            ),
            (
                b"modify=20240101000000x; x",
                ListingErrorKind::InvalidFactValue,
                7,
            ),
            (b"type=file; ", ListingErrorKind::EmptyName, 11),
            (b"type=file; a\rb", ListingErrorKind::ForbiddenByte, 12),
            (b"type=file; a\0", ListingErrorKind::ForbiddenByte, 12),
            (b"", ListingErrorKind::MissingSpace, 0),
        ];
        for &(line, kind, offset) in cases {
            let error = mlsx(line).expect_err(&std::format!("{line:?}"));
            assert_eq!((error.kind(), error.offset()), (kind, offset), "{line:?}");
        }
    }

    #[test]
    fn facts_by_name_and_in_order() {
        let line = b"Type=file;Perm=r;UNIX.mode=0644;unique=a=b;X.note=;perm=w; f";
        let facts = mlsx(line).unwrap();
        let names: std::vec::Vec<&[u8]> = facts.iter().map(|f| f.name).collect();
        assert_eq!(
            names,
            [
                &b"Type"[..],
                b"Perm",
                b"UNIX.mode",
                b"unique",
                b"X.note",
                b"perm"
            ]
        );
        // `=` belongs to the value (RFC 3659's SCHAR includes it).
        assert_eq!(facts.fact(b"UNIQUE"), Some(&b"a=b"[..]));
        assert_eq!(facts.fact(b"x.note"), Some(&b""[..]));
        assert_eq!(facts.fact(b"unix.MODE"), Some(&b"0644"[..]));
        // Named twice: it says two things, so it reads as absent.
        assert_eq!(facts.fact(b"perm"), None);
        assert_eq!(facts.fact(b"missing"), None);
        assert_eq!(mlsx(b" x").unwrap().iter().count(), 0);
    }

    #[test]
    fn mlst_lines_with_none_one_or_several_leading_spaces() {
        assert_eq!(mlst(b" type=file; a b").unwrap().name(), b"a b");
        assert_eq!(mlst(b"type=file; a b").unwrap().name(), b"a b");
        assert_eq!(mlst(b"  a b").unwrap().name(), b"a b");
        assert_eq!(mlst(b"   a b").unwrap().name(), b" a b");
        let ambiguous = mlst(b"  type=file; a").unwrap_err();
        assert_eq!(ambiguous.kind(), ListingErrorKind::Ambiguous);
        // Offsets count the leading space.
        let error = mlst(b" size=x; a").unwrap_err();
        assert_eq!(
            (error.kind(), error.offset()),
            (ListingErrorKind::InvalidFactValue, 6)
        );
    }

    #[test]
    fn linear_in_the_line() {
        // A long line of facts and a long name: one pass each (basic-ftp's quadratic parse).
        let mut line = std::vec::Vec::new();
        for _ in 0..20_000 {
            line.extend_from_slice(b"a=1;");
        }
        line.extend_from_slice(b" name");
        let facts = mlsx(&line).unwrap();
        assert_eq!(facts.name(), b"name");
        assert_eq!(facts.iter().count(), 20_000);
    }
}
