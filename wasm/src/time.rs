//! Times from JavaScript (milliseconds since the epoch, as `Date` keeps
//! them) and the signer's timestamp form.

use crate::exchange;
use mws_sign::{Error, Timestamp, UnixTime};
use wasm_bindgen::prelude::wasm_bindgen;

/// Converts JavaScript milliseconds (possibly fractional) to a `UnixTime`,
/// exactly to the nanosecond a double can carry.
///
/// # Errors
/// `InvalidTimestamp` for NaN, infinities and times no calendar holds.
pub(crate) fn from_js_millis(ms: f64) -> Result<UnixTime, Error> {
    // 1e17 ms is far beyond year 9999 and far inside i64.
    if ms.is_nan() || ms.abs() >= 1e17 {
        return Err(Error::InvalidTimestamp);
    }
    // No `floor`/`round` without std: split at the decimal point instead.
    // Both parts are exact for any double below 2^53 ms.
    let whole = ms as i64;
    let frac_ns = (ms - whole as f64) * 1e6;
    let frac_ns = if frac_ns >= 0.0 {
        frac_ns + 0.5
    } else {
        frac_ns - 0.5
    } as i64;
    let total_ns = i128::from(whole) * 1_000_000 + i128::from(frac_ns);
    let secs =
        i64::try_from(total_ns.div_euclid(1_000_000_000)).map_err(|_| Error::InvalidTimestamp)?;
    let nanos =
        u32::try_from(total_ns.rem_euclid(1_000_000_000)).map_err(|_| Error::InvalidTimestamp)?;
    UnixTime::from_parts(secs, nanos)
}

/// Formats `ms` as `YYYY-MM-DDTHH:MM:SS.sssZ` (UTC).
#[wasm_bindgen]
pub fn format_timestamp(ms: f64) -> i32 {
    exchange::call(0, 0, |_, out| {
        let stamp = Timestamp::new(from_js_millis(ms)?)?;
        out.put(stamp.as_str().as_bytes())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn millis_convert_exactly() {
        let t = from_js_millis(1_234_567.0).map(|t| (t.secs(), t.subsec_nanos()));
        assert_eq!(t, Ok((1234, 567_000_000)));
        let t = from_js_millis(-1.5).map(|t| (t.secs(), t.subsec_nanos()));
        assert_eq!(t, Ok((-1, 998_500_000)));
        let t = from_js_millis(0.000_001).map(|t| (t.secs(), t.subsec_nanos()));
        assert_eq!(t, Ok((0, 1)));
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e300, -1e17] {
            assert_eq!(from_js_millis(bad), Err(Error::InvalidTimestamp));
        }
    }
}
