//! `c_abi`: the `extern "C"` entry points of `ffi-c/` (`mws-sign-ffi`)
//! called the way a careless or hostile C caller would: NULL pointers with
//! and without lengths, bytes that are not UTF-8, buffers too small or
//! absent. Every call must return a status (never crash or panic), write
//! outputs only on success (on `MWS_STATUS_INSUFFICIENT_SPACE` only the
//! lengths), never write past an output's length, and, when its arguments
//! are sound, give exactly the core's result.
//!
//! The first field's first byte picks the entry points (mod 6); the rest of
//! that field holds control bytes described in each module.

mod harness;
mod misc;
mod mws;
mod sign;
mod verify;

use crate::checks::input::Fields;

/// Runs one input; panics on any violation.
pub fn run(data: &[u8]) {
    let mut fields = Fields::new(data);
    let ctl = fields.bytes();
    match ctl.first().copied().unwrap_or(0) % 6 {
        0 => sign::run(ctl, &mut fields),
        1 => verify::run(ctl, &mut fields),
        2 => misc::time(ctl, &mut fields),
        3 => misc::md5(ctl, &mut fields),
        4 => misc::small(ctl, &mut fields),
        _ => mws::run(ctl, &mut fields),
    }
}
