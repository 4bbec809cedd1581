//! Timestamps: the signer's form out of Unix milliseconds, and ISO 8601 in.
//! The library never reads a clock: C has `clock_gettime` for "now".

use crate::boundary::{self, Out, guard, required, store, write_one};
use crate::status::mws_status;
use core::ffi::c_char;
use mws_sign::{Timestamp, UnixTime};

/// Formats Unix milliseconds (negative before 1970) as the signer's
/// timestamp, `YYYY-MM-DDTHH:MM:SS.sssZ` in UTC: `MWS_SIGN_TIMESTAMP_LEN`
/// (24) characters, the value of an MWS `Timestamp` parameter.
///
/// Checks: `INVALID_TIMESTAMP` outside the years 0000-9999.
///
/// Output as `mws_canonical_query`.
///
/// # Safety
/// `out` valid for `out_cap` bytes; `out_len` for one `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_timestamp_format(
    unix_ms: i64,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> mws_status {
    guard(|| {
        // SAFETY: the caller's contract, stated above.
        let out = unsafe { Out::new(out, out_cap, out_len) }?;
        let timestamp = Timestamp::from_unix_millis(unix_ms)?;
        // SAFETY: as above.
        unsafe { write_one(&out, &timestamp.as_str()) }
    })
}

/// Parses an ISO 8601 timestamp in any form MWS clients sent
/// (`2009-02-04T15:03:50Z`, any number of fraction digits, `+00:00`,
/// `+0000`, `-07` offsets, or no zone, read as UTC) into Unix seconds and
/// nanoseconds (`*nanos_out` in 0..999999999; seconds rounded toward minus
/// infinity, so 1969-12-31T23:59:59.5Z is -1 s + 500000000 ns).
///
/// Checks: `INVALID_TIMESTAMP` for any other form or an out-of-range field.
/// Nothing is written unless it succeeds.
///
/// # Safety
/// `text` valid for `text_len` bytes (or NULL with 0); `secs_out` and
/// `nanos_out` valid for one write each.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_timestamp_parse(
    text: *const c_char,
    text_len: usize,
    secs_out: *mut i64,
    nanos_out: *mut u32,
) -> mws_status {
    guard(|| {
        required(secs_out)?;
        required(nanos_out)?;
        // SAFETY: the caller's contract, stated above.
        let text = unsafe { boundary::text(text, text_len) }?;
        let time = UnixTime::parse_iso8601(text)?;
        // SAFETY: checked non-NULL above; valid by the caller's contract.
        unsafe {
            store(secs_out, time.secs());
            store(nanos_out, time.subsec_nanos());
        }
        Ok(())
    })
}
