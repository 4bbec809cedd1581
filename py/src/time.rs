//! Timestamps: the signer's form out, every accepted ISO 8601 form in. The
//! package turns `datetime`s and numbers into Unix seconds + nanoseconds and
//! reads the system clock when none is given; the core never reads a clock.

use crate::errors::IntoPyResult;
use mws_sign::{Timestamp, UnixTime};
use pyo3::prelude::*;

/// `YYYY-MM-DDTHH:MM:SS.sssZ` (UTC) for an instant given as Unix seconds
/// and nanoseconds (milliseconds kept, finer digits truncated).
#[pyfunction]
pub(crate) fn format_unix(py: Python<'_>, secs: i64, nanos: u32) -> PyResult<String> {
    let time = UnixTime::from_parts(secs, nanos).py_err(py)?;
    Ok(Timestamp::new(time).py_err(py)?.as_str().to_owned())
}

/// Parses an accepted ISO 8601 form into Unix `(seconds, nanoseconds)`.
#[pyfunction]
pub(crate) fn parse_unix(py: Python<'_>, text: &str) -> PyResult<(i64, u32)> {
    let time = UnixTime::parse_iso8601(text).py_err(py)?;
    Ok((time.secs(), time.subsec_nanos()))
}
