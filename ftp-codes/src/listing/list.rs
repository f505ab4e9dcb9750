//! LIST lines: no standard, so the styles real servers send, told apart per line: Unix
//! `ls -l`, DOS/IIS, and EPLF.

use super::{Kind, ListingError, ListingErrorKind};
use crate::line::scan::forbidden;
use crate::payload::{Timestamp, whole_number};

/// How [`list`] reads lines: the reference time that year-less Unix dates are resolved
/// against.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ListOptions {
    now: Option<Timestamp>,
    /// A day after `now`: the latest date a year-less one may be this year's.
    grace: Option<Timestamp>,
}

impl ListOptions {
    /// Resolve `Mon DD HH:MM` dates against `now` (the server's clock, in UTC where it has
    /// one): `ls -l` prints the time instead of the year for files from the six months
    /// before now, so a date more than a day after `now` is last year's. Without `now`,
    /// such a date has no year, and [`Entry::modified`] is `None`: nothing is guessed.
    #[must_use]
    pub fn with_now(mut self, now: Timestamp) -> Self {
        self.now = Some(now);
        self.grace = grace(now);
        self
    }

    /// The reference time, if set.
    pub const fn now(&self) -> Option<Timestamp> {
        self.now
    }
}

/// One entry of a LIST listing, borrowed from the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry<'a> {
    name: &'a [u8],
    kind: Kind,
    size: Option<u64>,
    modified: Option<Timestamp>,
    link_target: Option<&'a [u8]>,
}

impl<'a> Entry<'a> {
    /// The name, as the server sent it (leading and inner spaces kept). Check it with
    /// [`is_one_component`](super::is_one_component) before using it as a local file name.
    pub const fn name(&self) -> &'a [u8] {
        self.name
    }

    /// What the entry is.
    pub const fn kind(&self) -> Kind {
        self.kind
    }

    /// The size in bytes; `None` for a directory in DOS style, a device, or where the line
    /// has none.
    pub const fn size(&self) -> Option<u64> {
        self.size
    }

    /// When it was last modified, to the minute (`ls -l` and DOS show no seconds) or the day
    /// (`Mon DD YYYY`); `None` for a year-less date without [`ListOptions::with_now`].
    pub const fn modified(&self) -> Option<Timestamp> {
        self.modified
    }

    /// Where a symbolic link points (`name -> target`).
    pub const fn link_target(&self) -> Option<&'a [u8]> {
        self.link_target
    }
}

/// Reads one line of a LIST listing (without its CRLF), in whichever style it is: Unix
/// `ls -l` (with or without the group column, numeric owners, ACL marks, devices'
/// `major, minor`, `name -> target` links, `Mon DD HH:MM` and `Mon DD YYYY` dates), DOS/IIS
/// (`MM-DD-YY hh:mmAM <DIR> name`, 4-digit years, 24-hour times) and EPLF (`+facts\tname`).
///
/// Lines that are no entry (`total 12`, a blank line) are [`ListingErrorKind::NotAnEntry`],
/// which a caller skips. A line is read in one pass, linear in its length.
///
/// ```
/// use ftp_codes::listing::{self, Kind, ListOptions};
/// use ftp_codes::payload::Timestamp;
///
/// let now = Timestamp::new(2024, 3, 1, 12, 0, 0, 0)?;
/// let options = ListOptions::default().with_now(now);
/// let unix = listing::list(b"-rw-r--r--   1 ftp  ftp   5368709120 Feb 29 10:30  big file", &options)?;
/// assert_eq!((unix.kind(), unix.size(), unix.name()), (Kind::File, Some(5_368_709_120), &b" big file"[..]));
/// assert_eq!(unix.modified().map(|t| t.to_string()), Some("2024-02-29T10:30:00Z".into()));
/// let link = listing::list(b"lrwxrwxrwx 1 0 0 7 Jan 02  2020 latest -> v2.1", &options)?;
/// assert_eq!((link.kind(), link.link_target()), (Kind::Link, Some(&b"v2.1"[..])));
/// let dos = listing::list(b"04-27-00  09:09PM       <DIR>          licensed", &options)?;
/// assert_eq!((dos.kind(), dos.name()), (Kind::Directory, &b"licensed"[..]));
/// let total = listing::list(b"total 12", &options).unwrap_err();
/// assert_eq!(total.kind(), listing::ListingErrorKind::NotAnEntry);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn list<'a>(line: &'a [u8], options: &ListOptions) -> Result<Entry<'a>, ListingError> {
    if let Some(at) = forbidden(line) {
        return Err(ListingError::new(ListingErrorKind::ForbiddenByte, at));
    }
    match line.first() {
        Some(b'+') => eplf(line),
        Some(b'0'..=b'9') => dos(line),
        Some(_) if is_unix_mode(line) => unix(line, options),
        Some(b' ') => {
            // Some servers indent `ls -l` lines (basic-ftp's macOS sample): a mode after the
            // spaces is unmistakable, and the name is still the line's own bytes.
            let indent = line.iter().take_while(|&&b| b == b' ').count();
            let rest = line.get(indent..).unwrap_or_default();
            if is_unix_mode(rest) {
                unix(rest, options)
                    .map_err(|e| ListingError::new(e.kind(), e.offset().saturating_add(indent)))
            } else {
                Err(ListingError::new(ListingErrorKind::NotAnEntry, 0))
            }
        }
        _ => Err(ListingError::new(ListingErrorKind::NotAnEntry, 0)),
    }
}

/// The span of the first word at or after `from`: the spaces before it skipped, up to the
/// next space or the line's end. (An indexed byte loop: `iter().position` was slower here.)
fn word_from(line: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut at = from;
    while line.get(at) == Some(&b' ') {
        at = at.saturating_add(1);
    }
    if at >= line.len() {
        return None;
    }
    let start = at;
    while line.get(at).is_some_and(|&b| b != b' ') {
        at = at.saturating_add(1);
    }
    Some((start, at))
}

/// `1*DIGIT` and nothing else, as a `u64`.
fn digits(word: &[u8]) -> Option<u64> {
    whole_number(word)
}

fn small(word: &[u8]) -> Option<u8> {
    digits(word).and_then(|n| u8::try_from(n).ok())
}

/// `drwxr-xr-x`: a type letter and three `rwx` triplets, each letter in its place (`s`, `S`,
/// `t`, `T` and `l` where `ls` puts them); then an optional ACL or security-context mark
/// (`+`, `.`, `@`) and, glued to it by some servers, the link count (`drwxr-x---+1464`).
fn is_unix_mode(line: &[u8]) -> bool {
    // Compared letter by letter in place: this runs on every line a listing has.
    let Some(([kind, permissions @ ..], rest)) = line.split_first_chunk::<10>() else {
        return false;
    };
    let rest = match rest.split_first() {
        Some((b'+' | b'.' | b'@', count)) => count,
        _ => rest,
    };
    let [r1, w1, x1, r2, w2, x2, r3, w3, x3] = permissions;
    let either = |b: &u8, letter: u8| *b == letter || *b == b'-';
    matches!(kind, b'-' | b'd' | b'l' | b'c' | b'b' | b'p' | b's' | b'D')
        && either(r1, b'r')
        && either(w1, b'w')
        && matches!(x1, b'x' | b's' | b'S' | b'-')
        && either(r2, b'r')
        && either(w2, b'w')
        && matches!(x2, b'x' | b's' | b'S' | b'l' | b'-')
        && either(r3, b'r')
        && either(w3, b'w')
        && matches!(x3, b'x' | b't' | b'T' | b'-')
        && rest
            .iter()
            .take_while(|&&b| b != b' ')
            .all(u8::is_ascii_digit)
}

/// The months as `ls -l` writes them (read ignoring case).
pub(crate) const MONTHS: [&[u8; 3]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];

fn month(word: &[u8]) -> Option<u8> {
    // Most words tried are no month: their length says so at once. A `match` on the
    // lower-cased letters, not twelve slice compares: every line has a date (the LIST
    // writer's `MONTHS` is the same list, checked by the test below).
    let &[a, b, c] = word else {
        return None;
    };
    let lower = [
        a.to_ascii_lowercase(),
        b.to_ascii_lowercase(),
        c.to_ascii_lowercase(),
    ];
    Some(match &lower {
        b"jan" => 1,
        b"feb" => 2,
        b"mar" => 3,
        b"apr" => 4,
        b"may" => 5,
        b"jun" => 6,
        b"jul" => 7,
        b"aug" => 8,
        b"sep" => 9,
        b"oct" => 10,
        b"nov" => 11,
        b"dec" => 12,
        _ => return None,
    })
}

/// `HH:MM`.
fn clock(word: &[u8]) -> Option<(u8, u8)> {
    let (hour, minute) = split_once(word, b':')?;
    (hour.len() <= 2 && minute.len() == 2).then_some(())?;
    let (hour, minute) = (small(hour)?, small(minute)?);
    (hour < 24 && minute < 60).then_some((hour, minute))
}

fn split_once(word: &[u8], at: u8) -> Option<(&[u8], &[u8])> {
    let i = word.iter().position(|&b| b == at)?;
    Some((word.get(..i)?, word.get(i.saturating_add(1)..)?))
}

/// Unix `ls -l`: mode, links, owner, [group], size or `major, minor`, date, name.
fn unix<'a>(line: &'a [u8], options: &ListOptions) -> Result<Entry<'a>, ListingError> {
    // The date is the first month word followed by a day and a time or year, whose word
    // before it is a number (the size, or a device's minor): at word 3 (no link count, as
    // some servers send), 4 (no group column) or later, after owner and group names with
    // spaces (cygwin's, Windows' `Domain Users`); within the first 24 words.
    // The words are read up to the date only: a name's own words are never split.
    let mut window = Window::default();
    let mut date = None;
    while date.is_none() && window.read < MAX_WORDS && window.next(line) {
        if window.read >= 6 {
            date = date_at(&window, line);
        }
    }
    let Some(Found {
        month,
        day,
        time_or_year,
        size,
    }) = date
    else {
        return Err(ListingError::new(ListingErrorKind::NotAnEntry, 0));
    };
    let device = window.get(line, 4).is_some_and(|w| w.ends_with(b","));
    let size = if device { None } else { size };
    let time_end = window.end();
    // Exactly one space after the date: the rest is the name, its own spaces and all.
    let rest = line.get(time_end.saturating_add(1)..).unwrap_or_default();
    if line.get(time_end) != Some(&b' ') || rest.is_empty() {
        return Err(ListingError::new(ListingErrorKind::EmptyName, time_end));
    }
    let kind = match line.first() {
        Some(b'-') => Kind::File,
        Some(b'd') => Kind::Directory,
        Some(b'l') => Kind::Link,
        _ => Kind::Other,
    };
    let (name, link_target) = if kind == Kind::Link {
        link(rest, time_end.saturating_add(1))?
    } else {
        (rest, None)
    };
    // `Mon DD YYYY` at midnight, or `Mon DD HH:MM` in the year the six-month rule gives.
    let modified = match (time_or_year, options.now, options.grace) {
        (TimeOrYear::Time(time), Some(now), Some(grace)) => yearless(month, day, time, now, grace),
        (TimeOrYear::Time(_), _, _) => None,
        (TimeOrYear::Year(year), _, _) => Timestamp::new(year, month, day, 0, 0, 0, 0).ok(),
    };
    // A date with no such day (Feb 30) is no date; only a year-less one without `now` may
    // stay unknown.
    let yearless_unknown = matches!(time_or_year, TimeOrYear::Time(_)) && options.now.is_none();
    if modified.is_none() && !yearless_unknown {
        return Err(ListingError::new(ListingErrorKind::NotAnEntry, 0));
    }
    Ok(Entry {
        name,
        kind,
        size,
        modified,
        link_target,
    })
}

/// How many words `unix` reads at most while it looks for the date.
const MAX_WORDS: usize = 24;

/// The last five words read, as [`unix`] looks for the date: the time (or year), the day,
/// the month, the number before it, and the word before that (a device's `major,`). Five
/// spans, not every word's: the window moves, nothing is zeroed or searched per word.
#[derive(Default)]
struct Window {
    /// The latest word last.
    spans: [(usize, usize); 5],
    /// How many words were read.
    read: usize,
}

impl Window {
    /// Reads the next word, if there is one.
    fn next(&mut self, line: &[u8]) -> bool {
        let Some(span) = word_from(line, self.end()) else {
            return false;
        };
        // Moved by hand: `rotate_left` links `memmove` (1.5 KB on the M4).
        let [_, a, b, c, d] = self.spans;
        self.spans = [a, b, c, d, span];
        self.read = self.read.saturating_add(1);
        true
    }

    /// The word read `back` words before the latest (0: the latest), if it was read.
    fn get<'a>(&self, line: &'a [u8], back: usize) -> Option<&'a [u8]> {
        (back < self.read).then_some(())?;
        let index = self.spans.len().checked_sub(back.saturating_add(1))?;
        let &(start, end) = self.spans.get(index)?;
        line.get(start..end)
    }

    /// Where the latest word ends (0 before any).
    fn end(&self) -> usize {
        self.spans.last().map_or(0, |&(_, end)| end)
    }
}

/// A date found in the window: its month and day, its time (year-less) or year, and the
/// size before it (`None` for a device's `major, minor`).
struct Found {
    month: u8,
    day: u8,
    time_or_year: TimeOrYear,
    size: Option<u64>,
}

/// The date's last word: `HH:MM` (a year-less date) or `YYYY`.
#[derive(Clone, Copy)]
enum TimeOrYear {
    Time((u8, u8)),
    Year(u16),
}

/// The date ending at the window's latest word, if it is one: a month, a day, a time or
/// year, and before them a number (the size, or a device's minor) or a device's
/// `major,minor`. Each word is read once, and what it says kept.
fn date_at(window: &Window, line: &[u8]) -> Option<Found> {
    let word = |back| window.get(line, back);
    let month = month(word(2)?)?;
    let day = small(word(1)?).filter(|d| (1..=31).contains(d))?;
    let last = word(0)?;
    let time_or_year = match clock(last) {
        Some(time) => TimeOrYear::Time(time),
        None => TimeOrYear::Year(year(last)?),
    };
    let before = word(3)?;
    let size = match digits(before) {
        Some(size) => Some(size),
        None if is_device(before) => None,
        None => return None,
    };
    Some(Found {
        month,
        day,
        time_or_year,
        size,
    })
}

/// A device's `major,minor` written as one word.
fn is_device(word: &[u8]) -> bool {
    split_once(word, b',')
        .is_some_and(|(major, minor)| digits(major).is_some() && digits(minor).is_some())
}

/// A four-digit year.
fn year(word: &[u8]) -> Option<u16> {
    (word.len() == 4).then_some(())?;
    u16::try_from(digits(word)?).ok()
}

/// `name -> target`; a second ` -> ` would make the split a guess.
fn link(rest: &[u8], offset: usize) -> Result<(&[u8], Option<&[u8]>), ListingError> {
    // One pass: the first arrow, then a second one after it (overlapping allowed).
    let arrow = |from: usize| {
        let found = rest.get(from..)?.windows(4).position(|w| w == b" -> ")?;
        Some(from.saturating_add(found))
    };
    let first = arrow(0);
    let second = first.and_then(|at| arrow(at.saturating_add(1)));
    match (first, second) {
        (None, _) => Ok((rest, None)),
        (Some(at), None) => {
            let name = rest.get(..at).unwrap_or_default();
            let target = rest.get(at.saturating_add(4)..).unwrap_or_default();
            if name.is_empty() {
                return Err(ListingError::new(ListingErrorKind::EmptyName, offset));
            }
            Ok((name, Some(target).filter(|t| !t.is_empty())))
        }
        (Some(_), Some(_)) => Err(ListingError::new(ListingErrorKind::Ambiguous, offset)),
    }
}

/// The year-less `Mon DD HH:MM` of `ls -l`, resolved against `now`: this year's date unless
/// that is more than a day after now (`grace`: a day for the server's clock and time zone),
/// else last year's. The LIST writer uses it too, so that what it writes reads back.
pub(crate) fn yearless(
    month: u8,
    day: u8,
    (hour, minute): (u8, u8),
    now: Timestamp,
    grace: Timestamp,
) -> Option<Timestamp> {
    match Timestamp::new(now.year(), month, day, hour, minute, 0, 0) {
        Ok(date) if date <= grace => Some(date),
        _ => Timestamp::new(now.year().checked_sub(1)?, month, day, hour, minute, 0, 0).ok(),
    }
}

/// A day after `now`.
pub(crate) fn grace(now: Timestamp) -> Option<Timestamp> {
    Timestamp::from_unix(now.unix_seconds()?.saturating_add(86_400), 0).ok()
}

/// DOS/IIS: `MM-DD-YY hh:mmAM <DIR> name` or `MM-DD-YYYY HH:MM size name`.
fn dos(line: &[u8]) -> Result<Entry<'_>, ListingError> {
    let not_an_entry = ListingError::new(ListingErrorKind::NotAnEntry, 0);
    // The first three words, each with where it ends.
    let word_after = |from| {
        let (start, end) = word_from(line, from)?;
        Some((line.get(start..end)?, end))
    };
    let (date, date_end) = word_after(0).ok_or(not_an_entry)?;
    let date = dos_date(date).ok_or(not_an_entry)?;
    let (time, time_end) = word_after(date_end).ok_or(not_an_entry)?;
    let (hour, minute) = dos_time(time).ok_or(not_an_entry)?;
    let (third, third_end) = word_after(time_end).ok_or(not_an_entry)?;
    let after = line.get(third_end..).unwrap_or_default();
    let (kind, size, name_at) = if third.eq_ignore_ascii_case(b"<DIR>") {
        // IIS pads `<DIR>` to a column: the name starts at the first byte that is no space.
        let pad = after.iter().take_while(|&&b| b == b' ').count();
        (Kind::Directory, None, third_end.saturating_add(pad))
    } else {
        let size = digits(third)
            .or_else(|| grouped_digits(third))
            .ok_or(not_an_entry)?;
        // The size is right-aligned, then one space, then the name (its own spaces kept).
        (Kind::File, Some(size), third_end.saturating_add(1))
    };
    let name = line.get(name_at..).unwrap_or_default();
    if name.is_empty() || after.first() != Some(&b' ') {
        return Err(ListingError::new(ListingErrorKind::EmptyName, name_at));
    }
    let (year, month, day) = date;
    let modified =
        Timestamp::new(year, month, day, hour, minute, 0, 0).map_err(|_| not_an_entry)?;
    Ok(Entry {
        name,
        kind,
        size,
        modified: Some(modified),
        link_target: None,
    })
}

/// A size written with thousands separators, as a localised Windows server does (`9,730`,
/// `1,392,298`): the first group one to three digits, every other exactly three, so that no
/// other reading exists.
fn grouped_digits(word: &[u8]) -> Option<u64> {
    let mut groups = word.split(|&b| b == b',');
    let first = groups.next().filter(|g| (1..=3).contains(&g.len()))?;
    let mut value = digits(first)?;
    let mut grouped = false;
    for group in groups {
        (group.len() == 3).then_some(())?;
        value = value.checked_mul(1000)?.checked_add(digits(group)?)?;
        grouped = true;
    }
    grouped.then_some(value)
}

/// `MM-DD-YY` (70 to 99 are 19xx, 00 to 69 20xx, as IIS's two-digit years are read),
/// `MM-DD-YYYY`, or `YYYY-MM-DD` (a localised Windows server's; the four digits first leave
/// no doubt which is the year).
fn dos_date(word: &[u8]) -> Option<(u16, u8, u8)> {
    let (month, rest) = split_once(word, b'-')?;
    let (day, year) = split_once(rest, b'-')?;
    if month.len() == 4 && day.len() == 2 && year.len() == 2 {
        let (year, month, day) = (month, day, year);
        return Some((
            u16::try_from(digits(year)?).ok()?,
            small(month)?,
            small(day)?,
        ));
    }
    (month.len() == 2 && day.len() == 2).then_some(())?;
    let year = match year.len() {
        2 => {
            let yy = u16::from(small(year)?);
            if yy >= 70 { 1900 + yy } else { 2000 + yy }
        }
        4 => u16::try_from(digits(year)?).ok()?,
        _ => return None,
    };
    Some((year, small(month)?, small(day)?))
}

/// `hh:mmAM`, `hh:mmPM` or 24-hour `HH:MM`.
fn dos_time(word: &[u8]) -> Option<(u8, u8)> {
    let (clock_part, half) = match word.len().checked_sub(2).map(|at| word.split_at(at)) {
        Some((clock_part, half)) if half.eq_ignore_ascii_case(b"AM") => (clock_part, Some(false)),
        Some((clock_part, half)) if half.eq_ignore_ascii_case(b"PM") => (clock_part, Some(true)),
        _ => (word, None),
    };
    let (hour, minute) = clock(clock_part)?;
    let hour = match half {
        None if hour < 24 => hour,
        Some(pm) if (1..=12).contains(&hour) => (hour % 12).saturating_add(if pm { 12 } else { 0 }),
        _ => return None,
    };
    (minute < 60).then_some((hour, minute))
}

/// EPLF (D. J. Bernstein): `+fact,fact,...,\tname`: `/` a directory, `r` a file, `s` the
/// size, `m` the modification time in seconds since 1970.
fn eplf(line: &[u8]) -> Result<Entry<'_>, ListingError> {
    let tab = line
        .iter()
        .position(|&b| b == b'\t')
        .ok_or(ListingError::new(
            ListingErrorKind::MissingSpace,
            line.len(),
        ))?;
    let facts = line.get(1..tab).unwrap_or_default();
    let name = line.get(tab.saturating_add(1)..).unwrap_or_default();
    if name.is_empty() {
        return Err(ListingError::new(
            ListingErrorKind::EmptyName,
            tab.saturating_add(1),
        ));
    }
    let (mut directory, mut file, mut size, mut modified) = (false, false, None, None);
    let mut at = 1usize;
    for fact in facts.split(|&b| b == b',') {
        let invalid = ListingError::new(ListingErrorKind::InvalidFactValue, at);
        match fact.split_first() {
            Some((b'/', _)) => directory = true,
            Some((b'r', _)) => file = true,
            Some((b's', value)) => size = Some(digits(value).ok_or(invalid)?),
            Some((b'm', value)) => {
                let seconds = digits(value).ok_or(invalid)?;
                modified = Some(Timestamp::from_unix(seconds, 0).map_err(|_| invalid)?);
            }
            _ => {}
        }
        at = at.saturating_add(fact.len()).saturating_add(1);
    }
    // Both `/` and `r` (a link to either, say): the line does not say which.
    let kind = match (directory, file) {
        (true, false) => Kind::Directory,
        (false, true) => Kind::File,
        _ => Kind::Other,
    };
    Ok(Entry {
        name,
        kind,
        size,
        modified,
        link_target: None,
    })
}

#[cfg(test)]
mod tests {
    use super::{ListOptions, MONTHS, is_unix_mode, list, month};
    use crate::listing::{Kind, ListingErrorKind};
    use crate::payload::Timestamp;

    fn at(y: u16, mo: u8, d: u8, h: u8, mi: u8) -> Option<Timestamp> {
        Timestamp::new(y, mo, d, h, mi, 0, 0).ok()
    }

    /// jlaffaye/ftp's clock for its vectors (`parse_test.go`): 2017-03-10 23:00 UTC.
    fn options() -> ListOptions {
        ListOptions::default().with_now(Timestamp::new(2017, 3, 10, 23, 0, 0, 0).unwrap())
    }

    #[test]
    fn lines_as_servers_send_them() {
        // (line, name, kind, size, modified); the origin of each group above it.
        type Case<'a> = (&'a [u8], &'a [u8], Kind, Option<u64>, Option<Timestamp>);
        let cases: &[Case<'_>] = &[
            // jlaffaye/ftp parse_test.go: UNIX ls -l.
            (b"drwxr-xr-x    3 110      1002            3 Dec 02  2009 pub", b"pub", Kind::Directory, Some(3), at(2009, 12, 2, 0, 0)),
            (b"drwxr-xr-x    3 110      1002            3 Dec 02  2009 p u b", b"p u b", Kind::Directory, Some(3), at(2009, 12, 2, 0, 0)),
            (b"-rw-r--r--   1 marketwired marketwired    12016 Mar 16  2016 2016031611G087802-001.newsml", b"2016031611G087802-001.newsml", Kind::File, Some(12016), at(2016, 3, 16, 0, 0)),
            (b"lrwxrwxrwx   1 root     other          7 Jan 25 00:17 bin -> usr/bin", b"bin", Kind::Link, Some(7), at(2017, 1, 25, 0, 17)),
            // jlaffaye/ftp: no link count.
            (b"drwxr-xr-x               folder        0 Aug 15 05:49 !!!-Tipp des Haus!", b"!!!-Tipp des Haus!", Kind::Directory, Some(0), at(2016, 8, 15, 5, 49)),
            (b"-rw-r--r--        0   18446744073709551615 18446744073709551615 Nov 16  2006 VIDEO_TS.VOB", b"VIDEO_TS.VOB", Kind::File, Some(u64::MAX), at(2006, 11, 16, 0, 0)),
            // jlaffaye/ftp: Microsoft's FTP servers, WFTPD, hostedftp.com, ACLs.
            (b"----------   1 owner    group         1803128 Jul 10 10:18 ls-lR.Z", b"ls-lR.Z", Kind::File, Some(1_803_128), at(2016, 7, 10, 10, 18)),
            (b"d---------   1 owner    group               0 Nov  9 19:45 Softlib", b"Softlib", Kind::Directory, Some(0), at(2016, 11, 9, 19, 45)),
            (b"-rwxrwxrwx   1 noone    nogroup      322 Aug 19  1996 message.ftp", b"message.ftp", Kind::File, Some(322), at(1996, 8, 19, 0, 0)),
            (b"-r--------   0 user group     65222236 Feb 24 00:39 RegularFile", b"RegularFile", Kind::File, Some(65_222_236), at(2017, 2, 24, 0, 39)),
            (b"-rwxrw-r--+  1 521      101         2080 May 21 10:53 data.csv", b"data.csv", Kind::File, Some(2080), at(2016, 5, 21, 10, 53)),
            // jlaffaye/ftp: names with leading, trailing and repeated spaces.
            (b"drwxr-xr-x    3 110      1002            3 Dec 02  2009 spaces   dir   name", b"spaces   dir   name", Kind::Directory, Some(3), at(2009, 12, 2, 0, 0)),
            (b"-rwxr-xr-x    3 110      1002            1234567 Dec 02  2009  foo bar ", b" foo bar ", Kind::File, Some(1_234_567), at(2009, 12, 2, 0, 0)),
            // jlaffaye/ftp: DOS DIR output.
            (b"08-07-15  07:50PM                  718 Post_PRR_20150901_1166_265118_13049.dat", b"Post_PRR_20150901_1166_265118_13049.dat", Kind::File, Some(718), at(2015, 8, 7, 19, 50)),
            (b"08-10-15  02:04PM       <DIR>          Billing", b"Billing", Kind::Directory, None, at(2015, 8, 10, 14, 4)),
            // A localised Windows server (FluentFTP's samples): the year first, grouped sizes.
            (b"2013-09-02  19:06                9,730 File17", b"File17", Kind::File, Some(9730), at(2013, 9, 2, 19, 6)),
            (b"2013-09-02  19:06            1,392,298 big", b"big", Kind::File, Some(1_392_298), at(2013, 9, 2, 19, 6)),
            (b"2013-09-02  18:48       <DIR>          Folder16", b"Folder16", Kind::Directory, None, at(2013, 9, 2, 18, 48)),
            // DOS with a four-digit year, a 24-hour time, 12 AM and PM.
            (b"01-15-2024  13:45       5368709120 big.iso", b"big.iso", Kind::File, Some(5_368_709_120), at(2024, 1, 15, 13, 45)),
            (b"01-15-99  12:05AM       <DIR>          old", b"old", Kind::Directory, None, at(1999, 1, 15, 0, 5)),
            (b"01-15-99  12:05PM                1  noon", b" noon", Kind::File, Some(1), at(1999, 1, 15, 12, 5)),
            // Devices, with `major, minor` and `major,minor`; numeric owners, no group.
            (b"crw-rw----   1 root     disk       8,   1 Jan  5  2020 sda1", b"sda1", Kind::Other, None, at(2020, 1, 5, 0, 0)),
            (b"brw-rw---- 1 0 6 8,1 Jan 5 2020 sda", b"sda", Kind::Other, None, at(2020, 1, 5, 0, 0)),
            (b"-rw-r--r-- 1 1000 42 Mar 10 23:30 tonight", b"tonight", Kind::File, Some(42), at(2017, 3, 10, 23, 30)),
            // EPLF (cr.yp.to/ftp/list/eplf.html's examples).
            (b"+i8388621.29609,m824255902,/,\t20-sep-1996", b"20-sep-1996", Kind::Directory, None, Timestamp::from_unix(824_255_902, 0).ok()),
            (b"+i8388621.44468,m839956783,r,s10376,\tRFCEPLF", b"RFCEPLF", Kind::File, Some(10376), Timestamp::from_unix(839_956_783, 0).ok()),
        ];
        for &(line, name, kind, size, modified) in cases {
            let entry = list(line, &options())
                .unwrap_or_else(|e| panic!("{}: {e}", std::string::String::from_utf8_lossy(line)));
            let shown = std::string::String::from_utf8_lossy(line);
            assert_eq!(entry.name(), name, "{shown}");
            assert_eq!(entry.kind(), kind, "{shown}");
            assert_eq!(entry.size(), size, "{shown}");
            assert_eq!(entry.modified(), modified, "{shown}");
        }
    }

    #[test]
    fn links_name_their_target_and_never_split_a_guess() {
        let line = b"lrwxrwxrwx    1 0        1001           27 Jul 07  2017 R-3.4.0.pkg -> el-capitan/base/R-3.4.0.pkg";
        let entry = list(line, &options()).unwrap();
        assert_eq!(entry.name(), b"R-3.4.0.pkg");
        assert_eq!(
            entry.link_target(),
            Some(&b"el-capitan/base/R-3.4.0.pkg"[..])
        );
        let twice = list(b"lrwxrwxrwx 1 0 0 7 Jan 02  2020 a -> b -> c", &options()).unwrap_err();
        assert_eq!(twice.kind(), ListingErrorKind::Ambiguous);
        // Two arrows that share a space are two as well.
        let shared = list(b"lrwxrwxrwx 1 0 0 7 Jan 02  2020 a -> -> c", &options()).unwrap_err();
        assert_eq!(shared.kind(), ListingErrorKind::Ambiguous);
        // An arrow in a file's name is part of the name.
        let file = list(b"-rw-r--r-- 1 0 0 7 Jan 02  2020 a -> b", &options()).unwrap();
        assert_eq!((file.name(), file.link_target()), (&b"a -> b"[..], None));
    }

    #[test]
    fn the_six_month_rule_as_ls_applies_it() {
        // ls -l shows the time instead of the year for the six months before now: a date up
        // to a day after now is this year's, a later one last year's. (jlaffaye/ftp takes a
        // date up to six months ahead as this year's; ls never prints one so.)
        let line = |date: &str| std::format!("-rw-r--r-- 1 0 0 1 {date} f");
        let cases = [
            ("Feb 10 23:00", at(2017, 2, 10, 23, 0)),
            ("Mar 11 22:00", at(2017, 3, 11, 22, 0)),
            ("Mar 12 23:00", at(2016, 3, 12, 23, 0)),
            ("Sep 10 22:59", at(2016, 9, 10, 22, 59)),
            ("Jan 23  2019", at(2019, 1, 23, 0, 0)),
            ("Feb 29 10:00", at(2016, 2, 29, 10, 0)), // 2017 has no Feb 29: last year's
        ];
        for (date, expected) in cases {
            let text = line(date);
            assert_eq!(
                list(text.as_bytes(), &options()).unwrap().modified(),
                expected,
                "{date}"
            );
        }
        // Without a reference time, a year-less date is not guessed.
        let text = line("Feb 10 23:00");
        let entry = list(text.as_bytes(), &ListOptions::default()).unwrap();
        assert_eq!((entry.modified(), entry.name()), (None, &b"f"[..]));
    }

    #[test]
    fn lines_that_are_no_entries() {
        for line in [
            &b"total 12"[..],
            b"",
            b"   ",
            // jlaffaye/ftp's unsupported lines: Netware, a three-digit year, an unknown type.
            b"d [R----F--] supervisor            512       Jan 16 18:53 login",
            b"drwxr-xr-x    3 110      1002            3 Dec 02  209 pub",
            b"Zrwxrwxrwx   1 root     other          7 Jan 25 00:17 bin -> usr/bin",
            b"000000000x ",
            b"13-45-2024  10:00AM 1 x",
            b"01-15-2024  25:00 1 x",
            b"-rw-r--r-- 1 0 0 1 Feb 30  2020 x",
            // Groups of other than three digits are no grouping; a year-first date with a
            // two-digit day only.
            b"2013-09-02  19:06 9,73 x",
            b"2013-09-02  19:06 1234,730 x",
            b"2013-09-02  19:06 ,730 x",
            b"2013-09-2  19:06 1 x",
        ] {
            let error = list(line, &options()).unwrap_err();
            assert_eq!(error.kind(), ListingErrorKind::NotAnEntry, "{line:?}");
        }
        let forbidden = list(b"-rw-r--r-- 1 0 0 1 Jan 02  2020 a\rb", &options()).unwrap_err();
        assert_eq!(forbidden.kind(), ListingErrorKind::ForbiddenByte);
        let nameless = list(b"-rw-r--r-- 1 0 0 1 Jan 02  2020 ", &options()).unwrap_err();
        assert_eq!(nameless.kind(), ListingErrorKind::EmptyName);
    }

    #[test]
    fn linear_in_the_line() {
        // basic-ftp's CVE-2026-102990 was a quadratic Unix-line parse: a long name and long
        // runs of spaces are read in one pass.
        let mut line = b"-rw-r--r-- 1 0 0 1 Jan 02  2020 ".to_vec();
        line.extend(std::iter::repeat_n(b' ', 100_000));
        line.extend(std::iter::repeat_n(b'x', 100_000));
        assert_eq!(list(&line, &options()).unwrap().name().len(), 200_000);
        let spaces = std::vec![b' '; 200_000];
        let mut unix = b"-rw-r--r--".to_vec();
        unix.extend_from_slice(&spaces);
        assert_eq!(
            list(&unix, &options()).unwrap_err().kind(),
            ListingErrorKind::NotAnEntry
        );
    }

    #[test]
    fn months_are_the_writers_months_in_any_case() {
        for (number, name) in (1..).zip(MONTHS) {
            assert_eq!(month(name), Some(number));
            assert_eq!(month(&name.to_ascii_uppercase()), Some(number));
            assert_eq!(month(&name.to_ascii_lowercase()), Some(number));
        }
        // Every other three-byte word that differs from a month in one byte is none.
        for name in MONTHS {
            for at in 0..3 {
                for byte in 0..=255u8 {
                    let mut word = *name;
                    word[at] = byte;
                    let is_month = MONTHS.iter().any(|m| m.eq_ignore_ascii_case(&word));
                    assert_eq!(month(&word).is_some(), is_month, "{word:?}");
                }
            }
        }
        assert_eq!(month(b"Ja"), None);
        assert_eq!(month(b"Janu"), None);
    }

    #[test]
    fn a_mode_is_each_letter_in_its_place() {
        // The letters `ls` puts at each place of `drwxrwxrwx`.
        let places: [&[u8]; 10] = [
            b"-dlcbpsD",
            b"r-",
            b"w-",
            b"xsS-",
            b"r-",
            b"w-",
            b"xsSl-",
            b"r-",
            b"w-",
            b"xtT-",
        ];
        for at in 0..10 {
            for byte in 0..=255u8 {
                let mut mode = *b"-rwxr-xr-x 1";
                mode[at] = byte;
                assert_eq!(is_unix_mode(&mode), places[at].contains(&byte), "{mode:?}");
            }
        }
        for (line, expected) in [
            (&b"drwxr-x---+ 2"[..], true),
            (b"drwxr-x---+1464 a", true),
            (b"drwxr-x---@", true),
            (b"drwxr-x---.2 a", true),
            (b"drwxr-x---x 2", false),
            (b"drwxr-x---+x", false),
            (b"drwxr-x--- 2", true),
            (b"drwxr-x---", true),
            (b"drwxr-x--", false),
        ] {
            assert_eq!(is_unix_mode(line), expected, "{line:?}");
        }
    }
}
