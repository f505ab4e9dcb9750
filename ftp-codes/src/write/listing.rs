//! Directory listings for servers: MLSx entries and their MLST reply (RFC 3659 §7), and
//! `ls -l` style LIST lines, the exact inverses of the `listing` parsers.

use super::builders::time_val;
use super::decimal::Decimal;
use super::emit::{Sink, check};
use super::{WriteError, Writer};
use crate::listing::{FactSet, Kind, Listed, MONTHS, grace, yearless};
use crate::payload::Timestamp;

/// Six months, as `ls -l` counts them (half of 365.2425 days): older dates show their year.
const SIX_MONTHS: u64 = 15_778_476;

impl Writer<'_> {
    /// Appends one MLSD line (`type=file;size=12;modify=20240229123456; name\r\n`) with the
    /// facts of `selected` that `entry` has, read back by
    /// [`listing::mlsx`](crate::listing::mlsx).
    ///
    /// Refused before anything is written: an empty name, CR, LF or NUL in it (or a 0xFF
    /// that is not doubled, as in any text), and a `perm` or link target holding `;` or a
    /// space, which no fact value may (`Unrepresentable`). [`Kind::Other`] has no `type`.
    ///
    /// ```
    /// use ftp_codes::listing::{FactSet, Kind, Listed};
    /// use ftp_codes::write::{WriteOptions, Writer};
    ///
    /// let mut buf = [0u8; 128];
    /// let mut out = Writer::new(&mut buf, WriteOptions::default());
    /// out.mlsx_entry(&Listed::new(b"my file", Kind::File).with_size(12), FactSet::DEFAULT)?;
    /// assert_eq!(out.written(), b"type=file;size=12; my file\r\n");
    /// # Ok::<(), ftp_codes::write::WriteError>(())
    /// ```
    pub fn mlsx_entry(
        &mut self,
        entry: &Listed<'_>,
        selected: FactSet,
    ) -> Result<usize, WriteError> {
        let double_iac = self.options().double_iac;
        check_mlsx(entry, double_iac)?;
        self.transaction(|sink| {
            facts(sink, entry, selected)?;
            sink.put(b" ")?;
            sink.text(entry.name(), double_iac)?;
            sink.put(b"\r\n")
        })
    }

    /// Appends the reply to MLST (RFC 3659 §7.2): `250-Listing`, the fact line after one
    /// space, `250 End`; read back by [`listing::mlst`](crate::listing::mlst) on the reply's
    /// second line. Refused as [`mlsx_entry`](Self::mlsx_entry) refuses.
    ///
    /// ```
    /// use ftp_codes::listing::{FactSet, Kind, Listed};
    /// use ftp_codes::write::{WriteOptions, Writer};
    ///
    /// let mut buf = [0u8; 128];
    /// let mut out = Writer::new(&mut buf, WriteOptions::default());
    /// out.mlst(&Listed::new(b"/pub", Kind::Directory), FactSet::DEFAULT)?;
    /// assert_eq!(out.written(), b"250-Listing /pub\r\n type=dir; /pub\r\n250 End\r\n");
    /// # Ok::<(), ftp_codes::write::WriteError>(())
    /// ```
    pub fn mlst(&mut self, entry: &Listed<'_>, selected: FactSet) -> Result<usize, WriteError> {
        let double_iac = self.options().double_iac;
        check_mlsx(entry, double_iac)?;
        self.transaction(|sink| {
            sink.put(b"250-Listing ")?;
            sink.text(entry.name(), double_iac)?;
            sink.put(b"\r\n ")?;
            facts(sink, entry, selected)?;
            sink.put(b" ")?;
            sink.text(entry.name(), double_iac)?;
            sink.put(b"\r\n250 End\r\n")
        })
    }

    /// Appends one `ls -l` style LIST line, read back by
    /// [`listing::list`](crate::listing::list) with
    /// [`ListOptions::with_now`](crate::listing::ListOptions::with_now) given the same `now`:
    /// `-rw-r--r-- 1 ftp ftp 12 Feb 29 10:30 name\r\n`, the time instead of the year for the
    /// six months before `now` (as `ls` does), `name -> target` for a link. Minutes are
    /// written, no seconds; a date outside those six months shows its year (midnight when
    /// read back). An entry without a time gets the Unix epoch's date.
    ///
    /// Refused: an empty name, CR, LF or NUL (or a 0xFF not doubled) in the name or the
    /// target, and a link whose name or target holds ` -> ` (`Unrepresentable`: the line
    /// would read two ways).
    ///
    /// ```
    /// use ftp_codes::listing::{Kind, Listed};
    /// use ftp_codes::payload::Timestamp;
    /// use ftp_codes::write::{WriteOptions, Writer};
    ///
    /// let now = Timestamp::new(2024, 3, 1, 12, 0, 0, 0)?;
    /// let modified = Timestamp::new(2024, 2, 29, 10, 30, 0, 0)?;
    /// let mut buf = [0u8; 128];
    /// let mut out = Writer::new(&mut buf, WriteOptions::default());
    /// out.ls_entry(&Listed::new(b"a b", Kind::File).with_size(12).with_modified(modified), now)?;
    /// assert_eq!(out.written(), b"-rw-r--r-- 1 ftp ftp 12 Feb 29 10:30 a b\r\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ls_entry(&mut self, entry: &Listed<'_>, now: Timestamp) -> Result<usize, WriteError> {
        let double_iac = self.options().double_iac;
        let name = entry.name();
        let target = entry.link_target().filter(|_| entry.kind() == Kind::Link);
        check(&[name, target.unwrap_or_default()], double_iac)?;
        let arrow = |bytes: &[u8]| bytes.windows(4).any(|w| w == b" -> ");
        if name.is_empty()
            || (entry.kind() == Kind::Link && (arrow(name) || target.is_some_and(arrow)))
        {
            return Err(WriteError::Unrepresentable);
        }
        let time = entry
            .modified()
            .or_else(|| Timestamp::from_unix(0, 0).ok())
            .ok_or(WriteError::Unrepresentable)?;
        self.transaction(|sink| {
            mode(sink, entry)?;
            sink.put(b" 1 ftp ftp ")?;
            sink.put(Decimal::new(entry.size().unwrap_or(0)).as_bytes())?;
            sink.put(b" ")?;
            date(sink, time, now)?;
            sink.put(b" ")?;
            sink.text(name, double_iac)?;
            if let Some(target) = target {
                sink.put(b" -> ")?;
                sink.text(target, double_iac)?;
            }
            sink.put(b"\r\n")
        })
    }
}

impl Writer<'_> {
    /// Appends one NLST line: the name and CRLF (RFC 959 §4.1.3: a name per line). Refused:
    /// an empty name, CR, LF or NUL in it (or a 0xFF not doubled, as in any text).
    ///
    /// ```
    /// use ftp_codes::write::{WriteOptions, Writer};
    ///
    /// let mut buf = [0u8; 32];
    /// let mut out = Writer::new(&mut buf, WriteOptions::default());
    /// out.name_entry(b"a b.txt")?;
    /// assert_eq!(out.written(), b"a b.txt\r\n");
    /// assert!(out.name_entry(b"evil\r\n226 x").is_err());
    /// # Ok::<(), ftp_codes::write::WriteError>(())
    /// ```
    pub fn name_entry(&mut self, name: &[u8]) -> Result<usize, WriteError> {
        let double_iac = self.options().double_iac;
        check(&[name], double_iac)?;
        if name.is_empty() {
            return Err(WriteError::Unrepresentable);
        }
        self.transaction(|sink| {
            sink.text(name, double_iac)?;
            sink.put(b"\r\n")
        })
    }
}

/// What no MLSx line can carry.
fn check_mlsx(entry: &Listed<'_>, double_iac: bool) -> Result<(), WriteError> {
    check(&[entry.name()], double_iac)?;
    let bad_value = |value: &[u8]| {
        value
            .iter()
            .any(|&b| matches!(b, b';' | b' ' | b'\r' | b'\n' | 0 | 0xFF))
    };
    if entry.name().is_empty()
        || entry.perm().is_some_and(bad_value)
        || entry.link_target().is_some_and(bad_value)
    {
        return Err(WriteError::Unrepresentable);
    }
    Ok(())
}

/// `fact=value;` for each fact of `selected` that `entry` has.
fn facts(sink: &mut dyn Sink, entry: &Listed<'_>, selected: FactSet) -> Result<(), WriteError> {
    for (fact, name) in selected.each() {
        let value = |sink: &mut dyn Sink| -> Result<bool, WriteError> {
            if fact == FactSet::TYPE {
                let value: &[u8] = match entry.kind() {
                    Kind::File => b"file",
                    Kind::Directory => b"dir",
                    Kind::CurrentDirectory => b"cdir",
                    Kind::ParentDirectory => b"pdir",
                    Kind::Link => {
                        head(sink, name)?;
                        sink.put(b"OS.unix=slink:")?;
                        sink.put(entry.link_target().unwrap_or_default())?;
                        return Ok(true);
                    }
                    _ => return Ok(false),
                };
                head(sink, name)?;
                sink.put(value)?;
            } else if fact == FactSet::SIZE {
                let Some(size) = entry.size() else {
                    return Ok(false);
                };
                head(sink, name)?;
                sink.put(Decimal::new(size).as_bytes())?;
            } else if fact == FactSet::MODIFY {
                let Some(time) = entry.modified() else {
                    return Ok(false);
                };
                head(sink, name)?;
                time_val(sink, time)?;
            } else if fact == FactSet::PERM {
                let Some(perm) = entry.perm() else {
                    return Ok(false);
                };
                head(sink, name)?;
                sink.put(perm)?;
            } else {
                head(sink, name)?;
                octal(sink, entry.mode())?;
            }
            Ok(true)
        };
        if value(sink)? {
            sink.put(b";")?;
        }
    }
    Ok(())
}

fn head(sink: &mut dyn Sink, name: &str) -> Result<(), WriteError> {
    sink.put(name.as_bytes())?;
    sink.put(b"=")
}

/// Four octal digits: `0644`.
fn octal(sink: &mut dyn Sink, mode: u16) -> Result<(), WriteError> {
    let digits = [9u16, 6, 3, 0].map(|shift| {
        // Each digit is three bits: 0 to 7.
        #[allow(clippy::cast_possible_truncation)]
        let digit = ((mode >> shift) & 7) as u8;
        b'0'.saturating_add(digit)
    });
    sink.put(&digits)
}

/// `drwxr-xr-x`.
fn mode(sink: &mut dyn Sink, entry: &Listed<'_>) -> Result<(), WriteError> {
    let kind = match entry.kind() {
        Kind::Directory | Kind::CurrentDirectory | Kind::ParentDirectory => b'd',
        Kind::Link => b'l',
        _ => b'-',
    };
    let bits = entry.mode();
    let mut text = [kind, b'-', b'-', b'-', b'-', b'-', b'-', b'-', b'-', b'-'];
    for (i, letter) in b"rwxrwxrwx".iter().enumerate() {
        if bits & (0o400 >> i) != 0 {
            if let Some(slot) = text.get_mut(i.saturating_add(1)) {
                *slot = *letter;
            }
        }
    }
    sink.put(&text)
}

/// `Mon DD HH:MM` for the six months before `now` when it reads back as the same time, else
/// `Mon DD  YYYY`.
fn date(sink: &mut dyn Sink, time: Timestamp, now: Timestamp) -> Result<(), WriteError> {
    let month = MONTHS
        .get(usize::from(time.month()).saturating_sub(1))
        .copied()
        .ok_or(WriteError::Unrepresentable)?;
    sink.put(month)?;
    sink.put(b" ")?;
    sink.put(Decimal::new(u64::from(time.day())).padded(2))?;
    let minute = Timestamp::new(
        time.year(),
        time.month(),
        time.day(),
        time.hour(),
        time.minute(),
        0,
        0,
    )
    .map_err(|_| WriteError::Unrepresentable)?;
    let recent = match (minute.unix_seconds(), now.unix_seconds()) {
        (Some(t), Some(n)) => t.saturating_add(SIX_MONTHS) > n && t <= n.saturating_add(86_400),
        _ => false,
    };
    let reads_back = grace(now).is_some_and(|grace| {
        yearless(
            time.month(),
            time.day(),
            (time.hour(), time.minute()),
            now,
            grace,
        ) == Some(minute)
    });
    if recent && reads_back {
        sink.put(b" ")?;
        sink.put(Decimal::new(u64::from(time.hour())).padded(2))?;
        sink.put(b":")?;
        sink.put(Decimal::new(u64::from(time.minute())).padded(2))
    } else {
        sink.put(b"  ")?;
        sink.put(Decimal::new(u64::from(time.year())).padded(4))
    }
}
