//! The `User-Agent` MWS required (not signed).

use crate::boundary::{self, Out, guard, text, write_one};
use crate::status::mws_status;
use crate::types::mws_param;
use core::ffi::c_char;
use mws_sign::UserAgent;

/// Writes a `User-Agent` value with MWS's escaping rules:
/// `AppName/AppVersion (Key=Value; Key=Value)`, e.g.
/// `MyTool/1.0 (Language=C/99; Platform=Linux)`. The attributes are
/// `mws_param`s (name = key), `Language` first by convention; with none,
/// the parenthesis is left out.
///
/// Output as `mws_canonical_query`.
///
/// # Safety
/// Every text valid for its length (or NULL with 0); `attributes` points to
/// `attributes_len` valid `mws_param`s (or is NULL with 0); `out` valid for
/// `out_cap` bytes and `out_len` for one `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_user_agent(
    app_name: *const c_char,
    app_name_len: usize,
    app_version: *const c_char,
    app_version_len: usize,
    attributes: *const mws_param,
    attributes_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> mws_status {
    guard(|| {
        // SAFETY: the caller's contract, stated above.
        let out = unsafe { Out::new(out, out_cap, out_len) }?;
        // SAFETY: as above.
        let (app_name, app_version, attributes) = unsafe {
            (
                text(app_name, app_name_len)?,
                text(app_version, app_version_len)?,
                boundary::params(attributes, attributes_len)?,
            )
        };
        let agent = UserAgent {
            app_name,
            app_version,
            attributes: &attributes,
        };
        // SAFETY: as above.
        unsafe { write_one(&out, &agent) }
    })
}
