//! Mode 1: `mws_verify` with its key-lookup callback, against the core's
//! `verify_in`.
//!
//! Fields: control, method, scheme, host, path, query, now (ISO 8601, or
//! else a number of milliseconds), window seconds (decimal, or else a
//! number), the known Access Key ID, its secret. Control bytes: [1] NULL
//! flags (bit 0 method, 1 scheme, 2 host, 3 path, 4 query, 5 the request,
//! 6 the callback); [2] output shape; [3] callback behaviour (1: returns a
//! NULL secret with a length, 2: returns NULL with length 0); [4..8] the
//! nanoseconds of now (absent: those of the parsed time).

use super::harness::{Arg, CoreResult, Faults, OutBuf, Shape, check_outputs};
use crate::checks::input::{Fields, number};
use core::ffi::{c_char, c_void};
use mws_sign::{RawParam, ReceivedRequest, UnixTime, VerifyOptions, verify_in};
use mws_sign_c_abi as c;

/// What the callback sees and answers.
struct Lookup<'a> {
    key_id: &'a [u8],
    secret: &'a [u8],
    behaviour: u8,
    calls: usize,
    asked: Vec<u8>,
}

unsafe extern "C" fn lookup(
    user_data: *mut c_void,
    key_id: *const c_char,
    key_id_len: usize,
    secret: *mut *const c_char,
    secret_len: *mut usize,
) -> bool {
    // SAFETY: `user_data` is the `Lookup` passed to `mws_verify` below; the
    // library hands over `key_id_len` readable bytes and two writable slots.
    unsafe {
        let state = &mut *user_data.cast::<Lookup<'_>>();
        state.calls += 1;
        state.asked = core::slice::from_raw_parts(key_id.cast::<u8>(), key_id_len).to_vec();
        if state.asked != state.key_id {
            return false;
        }
        match state.behaviour {
            1 => {
                *secret = core::ptr::null();
                *secret_len = 8;
            }
            2 => {
                *secret = core::ptr::null();
                *secret_len = 0;
            }
            _ => {
                *secret = state.secret.as_ptr().cast();
                *secret_len = state.secret.len();
            }
        }
        true
    }
}

/// Runs mode 1 on the fields after the control field.
pub fn run(ctl: &[u8], fields: &mut Fields<'_>) {
    let bit = |n: u8| ctl.get(1).is_some_and(|b| b & (1 << n) != 0);
    let args: Vec<Arg<'_>> = (0..5).map(|i| Arg::new(fields.bytes(), bit(i))).collect();
    let now_bytes = fields.bytes();
    let parsed = UnixTime::parse_iso8601(&String::from_utf8_lossy(now_bytes))
        .unwrap_or_else(|_| UnixTime::from_millis(number(now_bytes) as i64));
    let now_secs = parsed.secs();
    let now_nanos = ctl
        .get(4..8)
        .map_or(parsed.subsec_nanos(), |b| number(b) as u32);
    let window_bytes = fields.bytes();
    let window: u32 = String::from_utf8_lossy(window_bytes)
        .parse()
        .unwrap_or_else(|_| number(window_bytes) as u32);
    let (key_id, secret) = (fields.bytes(), fields.bytes());
    let behaviour = ctl.get(3).copied().unwrap_or(0);

    let c_request = c::mws_received_request {
        method: args[0].ptr(),
        method_len: args[0].len(),
        scheme: args[1].ptr(),
        scheme_len: args[1].len(),
        host: args[2].ptr(),
        host_len: args[2].len(),
        path: args[3].ptr(),
        path_len: args[3].len(),
        query: args[4].ptr(),
        query_len: args[4].len(),
    };
    let mut faults = Faults::default();
    let texts: Vec<&str> = args.iter().map(|a| a.as_text(&mut faults)).collect();
    if bit(5) || bit(6) {
        faults.null = true;
    }

    // The core's verdict with the same lookup (and the callback's own faults).
    let core: CoreResult = (|| {
        let now = UnixTime::from_parts(now_secs, now_nanos).map_err(|e| e.kind())?;
        let request = ReceivedRequest {
            method: texts[0],
            scheme: texts[1],
            host: texts[2],
            path: texts[3],
            query: texts[4],
        };
        let options = VerifyOptions {
            now,
            window_seconds: window,
        };
        let mut space = vec![RawParam::EMPTY; request.query.split('&').count()];
        let mut null_secret = false;
        let find = |id: &str| {
            if id.as_bytes() != key_id {
                return None;
            }
            match behaviour {
                1 => {
                    null_secret = true;
                    None
                }
                2 => Some(&[][..]),
                _ => Some(secret),
            }
        };
        let result = verify_in(&request, &options, find, &mut space);
        if null_secret {
            return Err("NullArgument");
        }
        result
            .map(|v| vec![v.access_key_id().to_owned()])
            .map_err(|e| e.kind())
    })();

    let mut out = OutBuf::new(
        Shape::from_byte(ctl.get(2).copied()),
        core.as_ref().ok().map(|t| t[0].len()),
    );
    out.note(&mut faults);
    let mut state = Lookup {
        key_id,
        secret,
        behaviour,
        calls: 0,
        asked: Vec::new(),
    };
    let callback: c::mws_key_lookup = if bit(6) { None } else { Some(lookup) };
    let request_ptr = if bit(5) {
        core::ptr::null()
    } else {
        &c_request
    };
    // SAFETY: every pointer is NULL or valid for its length; `state` outlives the call.
    let status = unsafe {
        c::mws_verify(
            request_ptr,
            now_secs,
            now_nanos,
            window,
            callback,
            (&mut state as *mut Lookup<'_>).cast(),
            out.ptr(),
            out.cap(),
            out.len_ptr(),
        )
    };
    assert!(
        state.calls <= 1,
        "the callback was called {} times",
        state.calls
    );
    check_outputs("mws_verify", status, &[&out], faults, core);
}
