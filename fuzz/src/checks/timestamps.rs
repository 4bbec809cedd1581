//! `timestamps`: parsing and formatting never panic, agree with the reference
//! rules, and format → parse round-trips to the millisecond for every instant
//! of years 0000–9999.
//!
//! Every input is read three ways: all of it as text to parse; its first 8
//! bytes as Unix milliseconds; its first 12 bytes as seconds and nanoseconds.

use super::input::number;
use super::reference_time;
use mws_sign::{Error, Timestamp, UnixTime};

/// Milliseconds of 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z.
const MIN_MILLIS: i64 = -62_167_219_200_000;
const MAX_MILLIS: i64 = 253_402_300_799_999;

/// Runs one input; panics on any disagreement.
pub fn run(data: &[u8]) {
    parse_matches_reference(&String::from_utf8_lossy(data));
    let millis = number(data) as i64;
    format_round_trips(millis);
    // The same bits folded into the supported range, so most inputs format.
    let span = (MAX_MILLIS - MIN_MILLIS + 1) as u64;
    let folded = MIN_MILLIS + (number(data) % span) as i64;
    format_round_trips(folded);
    let nanos = number(data.get(8..).unwrap_or_default()) as u32;
    parts_round_trip(millis, nanos);
    parts_round_trip(folded.div_euclid(1000), nanos % 1_000_000_000);
}

fn nanos_of(t: UnixTime) -> i128 {
    i128::from(t.secs()) * 1_000_000_000 + i128::from(t.subsec_nanos())
}

/// `UnixTime::parse_iso8601` accepts exactly what the reference accepts, as the same instant.
pub fn parse_matches_reference(text: &str) {
    let core = UnixTime::parse_iso8601(text).map(nanos_of);
    let reference = reference_time::parse(text).ok_or(Error::InvalidTimestamp);
    assert_eq!(core, reference, "parse_iso8601({text:?})");
}

/// Formatting Unix milliseconds: the reference text, and parsed back, the same milliseconds.
pub fn format_round_trips(millis: i64) {
    let formatted = Timestamp::from_unix_millis(millis).map(|t| t.as_str().to_owned());
    let expected = reference_time::format(millis).ok_or(Error::InvalidTimestamp);
    assert_eq!(formatted, expected, "from_unix_millis({millis})");
    if let Ok(text) = formatted {
        assert_eq!(text.len(), mws_sign::TIMESTAMP_LEN);
        let back = UnixTime::parse_iso8601(&text).map(UnixTime::millis);
        assert_eq!(back, Ok(millis), "parse_iso8601({text:?})");
    }
}

/// `UnixTime::from_parts` and `Timestamp::new` on arbitrary seconds and nanoseconds.
pub fn parts_round_trip(secs: i64, nanos: u32) {
    let Ok(time) = UnixTime::from_parts(secs, nanos) else {
        assert!(
            nanos >= 1_000_000_000,
            "from_parts({secs}, {nanos}) refused"
        );
        return;
    };
    assert!(
        nanos < 1_000_000_000,
        "from_parts({secs}, {nanos}) accepted"
    );
    let in_range = (MIN_MILLIS / 1000..=MAX_MILLIS / 1000).contains(&secs);
    match Timestamp::new(time) {
        Ok(stamp) => {
            assert!(in_range, "Timestamp::new({secs}, {nanos}) accepted");
            // Milliseconds are kept, finer digits truncated.
            let millis = secs * 1000 + i64::from(nanos / 1_000_000);
            let back = UnixTime::parse_iso8601(stamp.as_str()).map(UnixTime::millis);
            assert_eq!(back, Ok(millis), "{}", stamp.as_str());
        }
        Err(e) => {
            assert!(!in_range, "Timestamp::new({secs}, {nanos}) refused");
            assert_eq!(e, Error::InvalidTimestamp);
        }
    }
}
