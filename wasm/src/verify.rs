//! Verification (the server side), with the secret looked up by JavaScript.
//!
//! The core asks for the secret through a callback in the middle of its
//! checks. Calling back into JavaScript from there would need `js-sys` and
//! re-entrant use of the exchange area, so the call runs twice instead: the
//! first run answers every check before the lookup and, when the core asks
//! for a key, returns [`Status::NeedKey`] with the access key id; JavaScript
//! looks the secret up and runs the call again with it.

use crate::exchange;
use crate::status::Status;
use crate::time::from_js_millis;
use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec;
use mws_sign::{Error, RawParam, ReceivedRequest, UnixTime, VerifyOptions, verify_in};
use wasm_bindgen::prelude::wasm_bindgen;

/// Verifies a received request. Pieces: method, scheme, host, path, raw
/// query, then the clock as ISO 8601 text when `now_is_text` (else `now_ms`),
/// then the secret when `with_secret`. The result is the access key id.
#[wasm_bindgen]
pub fn verify(
    pieces: u32,
    bytes: u32,
    now_ms: f64,
    now_is_text: bool,
    window_seconds: u32,
    with_secret: bool,
) -> i32 {
    exchange::call(pieces, bytes, |inputs, out| {
        let request = ReceivedRequest {
            method: inputs.text()?,
            scheme: inputs.text()?,
            host: inputs.text()?,
            path: inputs.text()?,
            query: inputs.text()?,
        };
        let now = if now_is_text {
            UnixTime::parse_iso8601(inputs.text()?)?
        } else {
            from_js_millis(now_ms)?
        };
        let secret = if with_secret {
            Some(inputs.bytes()?)
        } else {
            None
        };
        let options = VerifyOptions {
            now,
            window_seconds,
        };
        let mut space = vec![RawParam::EMPTY; request.query.split('&').count()];
        let mut asked: Option<String> = None;
        let lookup = |id: &str| {
            asked = Some(id.to_owned());
            secret
        };
        match verify_in(&request, &options, lookup, &mut space) {
            Ok(verified) => out.put(verified.access_key_id().as_bytes()),
            Err(Error::InvalidAccessKeyId) if secret.is_none() => match asked {
                Some(id) => {
                    out.put(id.as_bytes())?;
                    Err(Status::NeedKey)
                }
                None => Err(Error::InvalidAccessKeyId.into()),
            },
            Err(e) => Err(e.into()),
        }
    })
}
