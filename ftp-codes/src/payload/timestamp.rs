//! `Timestamp`: a checked UTC time, as MDTM carries it (RFC 3659 `time-val`).

use super::PayloadError;
use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};

/// A modification time from MDTM (RFC 3659 `time-val`), in UTC, every field range-checked.
///
/// It keeps how many fraction digits were sent, so that `Display` and
/// [`Writer::mdtm`](crate::write::Writer::mdtm) give the fraction back as received
/// (`.250` stays `.250`). Comparison, ordering and hashing look at the time alone: `.25` and
/// `.250` are the same instant.
#[derive(Clone, Copy, Debug)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Timestamp {
    year: u16,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
    nanosecond: u32,
    fraction_digits: u8,
}

impl Timestamp {
    /// 1970-01-01T00:00:00Z, the Unix epoch.
    pub const UNIX_EPOCH: Self = Self {
        year: 1970,
        month: 1,
        day: 1,
        hour: 0,
        minute: 0,
        second: 0,
        nanosecond: 0,
        fraction_digits: 0,
    };

    /// A checked timestamp: year up to 9999 (the four digits of RFC 3659), month 1..=12, a day
    /// that exists in that month, hour 0..=23, minute 0..=59, second 0..=60 (a leap second),
    /// nanosecond below one second. The fraction is written with as many digits as it needs.
    ///
    /// ```
    /// use ftp_codes::payload::{PayloadError, Timestamp};
    ///
    /// assert_eq!(Timestamp::new(2026, 2, 29, 0, 0, 0, 0), Err(PayloadError::OutOfRange));
    /// assert_eq!(Timestamp::new(10_000, 1, 1, 0, 0, 0, 0), Err(PayloadError::OutOfRange));
    /// assert_eq!(Timestamp::new(2024, 2, 29, 12, 0, 0, 500_000_000)?.to_string(), "2024-02-29T12:00:00.5Z");
    /// # Ok::<(), PayloadError>(())
    /// ```
    pub const fn new(
        year: u16,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
        nanosecond: u32,
    ) -> Result<Self, PayloadError> {
        let days = days_in_month(year, month);
        if year > 9999
            || month == 0
            || month > 12
            || day == 0
            || day > days
            || hour > 23
            || minute > 59
            || second > 60
        {
            return Err(PayloadError::OutOfRange);
        }
        if nanosecond >= 1_000_000_000 {
            return Err(PayloadError::OutOfRange);
        }
        Ok(Self {
            year,
            month,
            day,
            hour,
            minute,
            second,
            nanosecond,
            fraction_digits: significant_digits(nanosecond),
        })
    }

    /// The same time, its fraction written with `digits` digits (at most nine; never fewer
    /// than the fraction needs).
    ///
    /// ```
    /// use ftp_codes::payload::Timestamp;
    ///
    /// let time = Timestamp::new(2026, 11, 24, 9, 43, 19, 250_000_000)?.with_fraction_digits(3);
    /// assert_eq!(time.to_string(), "2026-11-24T09:43:19.250Z");
    /// # Ok::<(), ftp_codes::payload::PayloadError>(())
    /// ```
    #[must_use]
    pub const fn with_fraction_digits(mut self, digits: u8) -> Self {
        let needed = significant_digits(self.nanosecond);
        self.fraction_digits = if digits > 9 {
            9
        } else if digits < needed {
            needed
        } else {
            digits
        };
        self
    }

    /// How many fraction digits the time is written with (0 for none).
    pub const fn fraction_digits(&self) -> u8 {
        self.fraction_digits
    }

    /// The fields that make the instant, for comparison.
    const fn instant(&self) -> (u16, u8, u8, u8, u8, u8, u32) {
        (
            self.year,
            self.month,
            self.day,
            self.hour,
            self.minute,
            self.second,
            self.nanosecond,
        )
    }

    /// The UTC time `seconds` after 1970-01-01T00:00:00Z (what a file system's modification
    /// time gives), for a server's MDTM reply. Years past 9999 cannot be written.
    ///
    /// ```
    /// use ftp_codes::payload::Timestamp;
    ///
    /// let time = Timestamp::from_unix(1_709_210_096, 0)?;
    /// assert_eq!(time.to_string(), "2024-02-29T12:34:56Z");
    /// # Ok::<(), ftp_codes::payload::PayloadError>(())
    /// ```
    // `seconds` is checked against 9999-12-31T23:59:59Z first; below that every intermediate
    // value is far from u64::MAX, and the algorithm's subtractions never go below zero.
    #[allow(clippy::arithmetic_side_effects)]
    pub const fn from_unix(seconds: u64, nanosecond: u32) -> Result<Self, PayloadError> {
        const LAST_SECOND_OF_9999: u64 = 253_402_300_799;
        if seconds > LAST_SECOND_OF_9999 {
            return Err(PayloadError::OutOfRange);
        }
        let days = seconds / 86_400;
        let of_day = seconds % 86_400;
        // Howard Hinnant's days-to-civil algorithm, on unsigned days since 1970 shifted to the
        // 0000-03-01 era base so that leap days fall at the end of the year.
        let z = days + 719_468;
        let era = z / 146_097;
        let doe = z % 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
        // Every value below is range-bound by the arithmetic above: no truncation.
        #[allow(clippy::cast_possible_truncation)]
        let (year, month, day) = (year as u16, month as u8, day as u8);
        #[allow(clippy::cast_possible_truncation)]
        let (hour, minute, second) = (
            (of_day / 3600) as u8,
            (of_day / 60 % 60) as u8,
            (of_day % 60) as u8,
        );
        Self::new(year, month, day, hour, minute, second, nanosecond)
    }

    /// Seconds since 1970 (the inverse of [`from_unix`](Self::from_unix), fractions dropped);
    /// `None` before 1970. Howard Hinnant's days-from-civil algorithm.
    pub(crate) fn unix_seconds(&self) -> Option<u64> {
        let (y, m, d) = (
            i64::from(self.year()),
            i64::from(self.month()),
            i64::from(self.day()),
        );
        let y = if m <= 2 { y.checked_sub(1)? } else { y };
        let era = y.div_euclid(400);
        let yoe = y.checked_sub(era.checked_mul(400)?)?;
        let mp = if m > 2 {
            m.checked_sub(3)?
        } else {
            m.checked_add(9)?
        };
        let doy = mp
            .checked_mul(153)?
            .checked_add(2)?
            .checked_div(5)?
            .checked_add(d)?
            .checked_sub(1)?;
        let doe = yoe
            .checked_mul(365)?
            .checked_add(yoe / 4)?
            .checked_sub(yoe / 100)?
            .checked_add(doy)?;
        let days = era
            .checked_mul(146_097)?
            .checked_add(doe)?
            .checked_sub(719_468)?;
        let seconds = days
            .checked_mul(86_400)?
            .checked_add(i64::from(self.hour()).checked_mul(3600)?)?
            .checked_add(i64::from(self.minute()).checked_mul(60)?)?
            .checked_add(i64::from(self.second()))?;
        u64::try_from(seconds).ok()
    }

    /// The year, such as 2026.
    pub const fn year(&self) -> u16 {
        self.year
    }
    /// The month, 1 to 12.
    pub const fn month(&self) -> u8 {
        self.month
    }
    /// The day of the month, from 1.
    pub const fn day(&self) -> u8 {
        self.day
    }
    /// The hour, 0 to 23.
    pub const fn hour(&self) -> u8 {
        self.hour
    }
    /// The minute, 0 to 59.
    pub const fn minute(&self) -> u8 {
        self.minute
    }
    /// The second, 0 to 60.
    pub const fn second(&self) -> u8 {
        self.second
    }
    /// The fraction of the second, in nanoseconds (RFC 3659 allows any number of digits;
    /// digits past the ninth are dropped).
    pub const fn nanosecond(&self) -> u32 {
        self.nanosecond
    }
}

impl fmt::Display for Timestamp {
    /// ISO 8601 in UTC: `2026-11-24T09:43:19Z`, with the fraction when there is one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )?;
        if self.fraction_digits > 0 {
            let mut digits = [b'0'; 9];
            fraction_ascii(self.nanosecond, &mut digits);
            let shown = digits
                .get(..usize::from(self.fraction_digits))
                .unwrap_or(&digits);
            f.write_str(".")?;
            for &digit in shown {
                fmt::Write::write_char(f, char::from(digit))?;
            }
        }
        f.write_str("Z")
    }
}

impl PartialEq for Timestamp {
    fn eq(&self, other: &Self) -> bool {
        self.instant() == other.instant()
    }
}

impl Eq for Timestamp {}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> Ordering {
        self.instant().cmp(&other.instant())
    }
}

impl Hash for Timestamp {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.instant().hash(state);
    }
}

/// The nine digits of a fraction of a second, most significant first.
pub(crate) fn fraction_ascii(nanosecond: u32, out: &mut [u8; 9]) {
    let mut rest = nanosecond;
    for slot in out.iter_mut().rev() {
        // `rest % 10` is a digit: the cast cannot truncate.
        #[allow(clippy::cast_possible_truncation)]
        let digit = (rest % 10) as u8;
        *slot = b'0'.wrapping_add(digit);
        rest /= 10;
    }
}

/// How many digits a fraction needs: nine less its trailing zeros, 0 for none.
const fn significant_digits(nanosecond: u32) -> u8 {
    if nanosecond == 0 {
        return 0;
    }
    let mut digits: u8 = 9;
    let mut rest = nanosecond;
    while rest % 10 == 0 {
        rest /= 10;
        digits = digits.saturating_sub(1);
    }
    digits
}

const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
