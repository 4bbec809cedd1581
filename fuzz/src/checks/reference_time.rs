//! The timestamp rules of `docs/DECISIONS.md`, written longhand: the oracle of
//! the `timestamps` target and the clock of the reference verifier. Dates are
//! counted in days since 0000-01-01 (proleptic Gregorian) by counting leap
//! years, and turned back by searching for the year: slow and obvious.

/// Unix seconds of 0000-01-01T00:00:00Z.
const YEAR_0_SECS: i64 = -62_167_219_200;

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days from 0000-01-01 to January 1st of `year` (0..=10000).
fn days_before_year(year: i64) -> i64 {
    // Leap years in [0, year): multiples of 4, minus those of 100, plus those of 400.
    let multiples = |n: i64| (year + n - 1) / n;
    365 * year + multiples(4) - multiples(100) + multiples(400)
}

fn month_lengths(year: i64) -> [i64; 12] {
    let feb = if is_leap(year) { 29 } else { 28 };
    [31, feb, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
}

/// Parses a timestamp into nanoseconds since the Unix epoch; `None` for any
/// form the project does not accept.
pub fn parse(text: &str) -> Option<i128> {
    let b = text.as_bytes();
    let num = |range: core::ops::Range<usize>| -> Option<i64> {
        let digits = b.get(range)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(
            digits
                .iter()
                .fold(0, |acc, d| acc * 10 + i64::from(d - b'0')),
        )
    };
    let sep = |at: usize, want: u8| b.get(at) == Some(&want);
    if !(sep(4, b'-') && sep(7, b'-') && sep(10, b'T') && sep(13, b':') && sep(16, b':')) {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&month) || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let days_in_month = month_lengths(year)[month as usize - 1];
    if !(1..=days_in_month).contains(&day) {
        return None;
    }

    let mut rest = &text[19..];
    let mut nanos: i128 = 0;
    if let Some(after_dot) = rest.strip_prefix('.') {
        let count = after_dot.bytes().take_while(u8::is_ascii_digit).count();
        if count == 0 {
            return None;
        }
        let kept: String = after_dot[..count]
            .chars()
            .chain("000000000".chars())
            .take(9)
            .collect();
        nanos = kept.parse().ok()?;
        rest = &after_dot[count..];
    }

    let offset_minutes: i64 = match rest {
        "" | "Z" => 0,
        _ => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let zone = &rest[1..];
            let two = |s: &str| -> Option<i64> {
                (s.len() == 2 && s.bytes().all(|c| c.is_ascii_digit())).then(|| s.parse().ok())?
            };
            let (h, m) = match zone.len() {
                2 => (two(zone)?, 0),
                4 => (two(zone.get(..2)?)?, two(zone.get(2..)?)?),
                5 if zone.as_bytes()[2] == b':' => (two(zone.get(..2)?)?, two(zone.get(3..)?)?),
                _ => return None,
            };
            if h > 23 || m > 59 {
                return None;
            }
            sign * (h * 60 + m)
        }
    };

    let day_of_year: i64 = month_lengths(year)[..month as usize - 1]
        .iter()
        .sum::<i64>()
        + day
        - 1;
    let days = days_before_year(year) + day_of_year;
    let local = YEAR_0_SECS + days * 86_400 + hour * 3600 + minute * 60 + second;
    let utc = local - offset_minutes * 60;
    Some(i128::from(utc) * 1_000_000_000 + nanos)
}

/// Formats Unix milliseconds as `YYYY-MM-DDTHH:MM:SS.sssZ`; `None` outside years 0000–9999.
pub fn format(millis: i64) -> Option<String> {
    let secs = millis.div_euclid(1000);
    let ms = millis.rem_euclid(1000);
    let since_year_0 = secs.checked_sub(YEAR_0_SECS)?;
    if since_year_0 < 0 {
        return None;
    }
    let mut days = since_year_0 / 86_400;
    let second_of_day = since_year_0 % 86_400;
    // The last year whose first day is not after `days`.
    let (mut lo, mut hi) = (0i64, 10_000i64);
    while lo < hi {
        let mid = (lo + hi + 1) / 2;
        if days_before_year(mid) <= days {
            lo = mid
        } else {
            hi = mid - 1
        }
    }
    let year = lo;
    if year > 9999 {
        return None;
    }
    days -= days_before_year(year);
    let mut month = 1;
    for length in month_lengths(year) {
        if days < length {
            break;
        }
        days -= length;
        month += 1;
    }
    Some(format!(
        "{year:04}-{month:02}-{:02}T{:02}:{:02}:{:02}.{ms:03}Z",
        days + 1,
        second_of_day / 3600,
        second_of_day / 60 % 60,
        second_of_day % 60,
    ))
}
