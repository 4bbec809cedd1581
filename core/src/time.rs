//! Timestamps: the signer's own form out, every form clients really sent in.
//! The core never reads a clock: the caller passes the time.

use crate::Error;
use core::fmt;

const NANOS_PER_SEC: i128 = 1_000_000_000;
/// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z as Unix seconds: the range of four-digit years.
const MIN_SECS: i64 = -62_167_219_200;
const MAX_SECS: i64 = 253_402_300_799;

/// An instant as seconds and nanoseconds since the Unix epoch (UTC).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnixTime {
    secs: i64,
    nanos: u32,
}

impl UnixTime {
    /// Whole seconds since the epoch.
    pub const fn from_secs(secs: i64) -> Self {
        UnixTime { secs, nanos: 0 }
    }

    /// Milliseconds since the epoch (negative before 1970).
    pub const fn from_millis(millis: i64) -> Self {
        let secs = millis.div_euclid(1000);
        // rem_euclid is in 0..1000, so the product fits a u32.
        let nanos = (millis.rem_euclid(1000) * 1_000_000) as u32;
        UnixTime { secs, nanos }
    }

    /// Seconds since the epoch plus a fraction in nanoseconds.
    ///
    /// # Errors
    /// [`Error::InvalidTimestamp`] when `nanos` is a second or more.
    pub const fn from_parts(secs: i64, nanos: u32) -> Result<Self, Error> {
        if nanos as i128 >= NANOS_PER_SEC {
            return Err(Error::InvalidTimestamp);
        }
        Ok(UnixTime { secs, nanos })
    }

    /// Whole seconds since the epoch (rounded toward minus infinity).
    pub const fn secs(self) -> i64 {
        self.secs
    }

    /// The fraction of the second, in nanoseconds.
    pub const fn subsec_nanos(self) -> u32 {
        self.nanos
    }

    /// Milliseconds since the epoch (the fraction truncated).
    pub const fn millis(self) -> i64 {
        self.secs
            .saturating_mul(1000)
            .saturating_add((self.nanos / 1_000_000) as i64)
    }

    /// Nanoseconds since the epoch: exact for any `i64` seconds.
    pub(crate) const fn total_nanos(self) -> i128 {
        self.secs as i128 * NANOS_PER_SEC + self.nanos as i128
    }

    /// Parses an ISO 8601 timestamp in one of the forms clients sent:
    /// `2009-02-04T15:03:50Z`, with any number of fraction digits, with
    /// `+00:00`, `+0000` or `-07` offsets, or with no zone (read as UTC).
    ///
    /// ```
    /// use mws_sign::UnixTime;
    /// let a = UnixTime::parse_iso8601("2009-02-04T15:03:50.000Z")?;
    /// let b = UnixTime::parse_iso8601("2009-02-04T08:03:50-07")?;
    /// assert_eq!((a, a.secs()), (b, 1_233_759_830));
    /// # Ok::<(), mws_sign::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidTimestamp`] for any other form or an out-of-range field.
    pub fn parse_iso8601(text: &str) -> Result<Self, Error> {
        parse(text.as_bytes()).ok_or(Error::InvalidTimestamp)
    }
}

/// Reads exactly `N` ASCII digits at `at`.
fn digits<const N: usize>(s: &[u8], at: usize) -> Option<i64> {
    let field = s.get(at..at + N)?;
    field.iter().try_fold(0i64, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + i64::from(b - b'0'))
    })
}

fn expect(s: &[u8], at: usize, byte: u8) -> Option<()> {
    (s.get(at) == Some(&byte)).then_some(())
}

fn parse(s: &[u8]) -> Option<UnixTime> {
    let year = digits::<4>(s, 0)?;
    expect(s, 4, b'-')?;
    let month = digits::<2>(s, 5)?;
    expect(s, 7, b'-')?;
    let day = digits::<2>(s, 8)?;
    expect(s, 10, b'T')?;
    let hour = digits::<2>(s, 11)?;
    expect(s, 13, b':')?;
    let minute = digits::<2>(s, 14)?;
    expect(s, 16, b':')?;
    let second = digits::<2>(s, 17)?;
    let ok = (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && hour < 24
        && minute < 60
        && second < 60;
    if !ok {
        return None;
    }

    let mut at = 19;
    let mut nanos: u32 = 0;
    if s.get(at) == Some(&b'.') {
        at += 1;
        let start = at;
        while let Some(d) = s.get(at).filter(|b| b.is_ascii_digit()) {
            // Digits past the ninth are below a nanosecond: ignored.
            if at - start < 9 {
                nanos = nanos * 10 + u32::from(d - b'0');
            }
            at += 1;
        }
        let count = at - start;
        if count == 0 {
            return None;
        }
        for _ in count..9 {
            nanos *= 10;
        }
    }

    let offset_secs = match s.get(at..)? {
        [] => 0,
        [b'Z'] => 0,
        [sign @ (b'+' | b'-'), rest @ ..] => {
            let (h, m) = match rest {
                [_, _] => (digits::<2>(rest, 0)?, 0),
                [_, _, _, _] => (digits::<2>(rest, 0)?, digits::<2>(rest, 2)?),
                [_, _, b':', _, _] => (digits::<2>(rest, 0)?, digits::<2>(rest, 3)?),
                _ => return None,
            };
            if h >= 24 || m >= 60 {
                return None;
            }
            let magnitude = h * 3600 + m * 60;
            if *sign == b'-' { -magnitude } else { magnitude }
        }
        _ => return None,
    };

    let local = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
    Some(UnixTime {
        secs: local - offset_secs,
        nanos,
    })
}

const fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

const fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
const fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`]: (year, month, day).
const fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
    (year, month, day)
}

/// The length of the signer's timestamp form, `YYYY-MM-DDTHH:MM:SS.sssZ`.
pub const TIMESTAMP_LEN: usize = 24;

/// A timestamp in the signer's form, `YYYY-MM-DDTHH:MM:SS.sssZ` (UTC): the
/// form Amazon's own clients sent.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timestamp {
    text: [u8; TIMESTAMP_LEN],
}

impl Timestamp {
    /// Formats an instant (milliseconds kept, finer digits truncated).
    ///
    /// ```
    /// let t = mws_sign::Timestamp::from_unix_millis(1_233_759_830_123)?;
    /// assert_eq!(t.as_str(), "2009-02-04T15:03:50.123Z");
    /// # Ok::<(), mws_sign::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidTimestamp`] outside years 0000–9999.
    pub fn new(time: UnixTime) -> Result<Self, Error> {
        if time.secs < MIN_SECS || time.secs > MAX_SECS {
            return Err(Error::InvalidTimestamp);
        }
        let days = time.secs.div_euclid(86_400);
        let sod = time.secs.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        let fields = [
            (year, 4),
            (month, 2),
            (day, 2),
            (sod / 3600, 2),
            (sod / 60 % 60, 2),
            (sod % 60, 2),
            (i64::from(time.nanos / 1_000_000), 3),
        ];
        let mut text = *b"0000-00-00T00:00:00.000Z";
        let starts = [0, 5, 8, 11, 14, 17, 20];
        for ((value, width), start) in fields.into_iter().zip(starts) {
            let mut v = value;
            for i in (start..start + width).rev() {
                // `v % 10` is a single digit: all fields are non-negative here.
                text[i] = b'0' + (v % 10) as u8;
                v /= 10;
            }
        }
        Ok(Timestamp { text })
    }

    /// As [`Timestamp::new`] from Unix milliseconds.
    ///
    /// # Errors
    /// [`Error::InvalidTimestamp`] outside years 0000–9999.
    pub fn from_unix_millis(millis: i64) -> Result<Self, Error> {
        Self::new(UnixTime::from_millis(millis))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.text).unwrap_or("")
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Timestamp").field(&self.as_str()).finish()
    }
}

impl AsRef<str> for Timestamp {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt_ms(ms: i64) -> Result<Timestamp, Error> {
        Timestamp::from_unix_millis(ms)
    }

    #[test]
    fn formats_edges() {
        let cases = [
            (0, "1970-01-01T00:00:00.000Z"),
            (-1, "1969-12-31T23:59:59.999Z"),
            (951_782_400_000, "2000-02-29T00:00:00.000Z"),
            (MAX_SECS * 1000 + 999, "9999-12-31T23:59:59.999Z"),
            (MIN_SECS * 1000, "0000-01-01T00:00:00.000Z"),
        ];
        for (ms, text) in cases {
            assert_eq!(fmt_ms(ms).as_ref().map(Timestamp::as_str), Ok(text), "{ms}");
        }
        assert_eq!(fmt_ms((MAX_SECS + 1) * 1000), Err(Error::InvalidTimestamp));
        assert_eq!(fmt_ms(MIN_SECS * 1000 - 1), Err(Error::InvalidTimestamp));
    }

    #[test]
    fn parses_every_listed_form() {
        let base = UnixTime::parse_iso8601("2009-02-04T15:03:50Z");
        assert_eq!(base.map(UnixTime::secs), Ok(1_233_759_830));
        for form in [
            "2009-02-04T15:03:50",
            "2009-02-04T15:03:50+00:00",
            "2009-02-04T15:03:50+0000",
            "2009-02-04T15:03:50-00",
            "2009-02-04T08:03:50-07",
            "2009-02-04T20:33:50+05:30",
            "2009-02-04T15:03:50.000Z",
            "2009-02-04T15:03:50.0000000000000Z",
        ] {
            assert_eq!(UnixTime::parse_iso8601(form), base, "{form}");
        }
        let frac = UnixTime::parse_iso8601("2009-02-04T15:03:50.1234567891Z");
        assert_eq!(frac.map(UnixTime::subsec_nanos), Ok(123_456_789));
    }

    #[test]
    fn rejects_other_forms() {
        for bad in [
            "",
            "2009-02-04",
            "2009-13-04T15:03:50Z",
            "2009-02-29T15:03:50Z",
            "2009-02-04T24:00:00Z",
            "2009-02-04T15:60:50Z",
            "2009-02-04T15:03:60Z",
            "2009-02-04 15:03:50Z",
            "2009-02-04T15:03:50z",
            "2009-2-04T15:03:50Z",
            "2009-02-04T15:03:50.Z",
            "2009-02-04T15:03:50+7",
            "2009-02-04T15:03:50+24",
            "2009-02-04T15:03:50+05:60",
            "2009-02-04T15:03:50ZZ",
            "2009-02-04T15:03:50+05:3",
            "+009-02-04T15:03:50Z",
            "2009-00-04T15:03:50Z",
            "2009-02-00T15:03:50Z",
        ] {
            assert_eq!(
                UnixTime::parse_iso8601(bad),
                Err(Error::InvalidTimestamp),
                "{bad}"
            );
        }
    }

    #[test]
    fn civil_round_trips() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
