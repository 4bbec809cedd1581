//! The system clock: the core never reads one, so the CLI passes it in.

use crate::exit::Failure;
use mws_sign::{Timestamp, UnixTime};
use std::time::{SystemTime, UNIX_EPOCH};

/// Now, on the system clock.
///
/// # Errors
/// [`Failure::Invalid`] when the clock is outside what a timestamp can express.
pub fn now() -> Result<UnixTime, Failure> {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_err(|_| Failure::Invalid(mws_sign::Error::InvalidTimestamp))?;
    let secs = i64::try_from(since.as_secs())
        .map_err(|_| Failure::Invalid(mws_sign::Error::InvalidTimestamp))?;
    Ok(UnixTime::from_parts(secs, since.subsec_nanos())?)
}

/// Now, formatted as the signer's `Timestamp` (`YYYY-MM-DDTHH:MM:SS.sssZ`).
///
/// # Errors
/// As [`now`].
pub fn timestamp_now() -> Result<String, Failure> {
    Ok(Timestamp::new(now()?)?.to_string())
}
