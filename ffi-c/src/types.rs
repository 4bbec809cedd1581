//! The plain C structs of the API: a parameter, a request to sign, and a
//! static string handed out by the library.

use crate::boundary::{self, text};
use crate::status::mws_status;
use core::ffi::c_char;

/// One request parameter, `name=value`, both unencoded UTF-8 texts given as
/// `(pointer, length)`: no NUL is needed, and a NULL pointer with length 0
/// is the empty text.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct mws_param {
    /// The name's bytes (UTF-8, not NUL-terminated).
    pub name: *const c_char,
    /// The name's length in bytes.
    pub name_len: usize,
    /// The value's bytes (UTF-8, not NUL-terminated).
    pub value: *const c_char,
    /// The value's length in bytes.
    pub value_len: usize,
}

/// A request to sign (Signature Version 2, any AWS service): how it will
/// be sent, and its parameters in any order. Every text is UTF-8 given as
/// `(pointer, length)`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct mws_request {
    /// The HTTP method, e.g. `POST` (1-16 ASCII letters; signed uppercased).
    pub method: *const c_char,
    /// The method's length in bytes.
    pub method_len: usize,
    /// `https` or `http` (ASCII case ignored): decides the default port.
    pub scheme: *const c_char,
    /// The scheme's length in bytes.
    pub scheme_len: usize,
    /// The host, optionally with `:port`, e.g. `mws.amazonservices.com`.
    pub host: *const c_char,
    /// The host's length in bytes.
    pub host_len: usize,
    /// The decoded path, e.g. `/Orders/2013-09-01`; empty means `/`.
    pub path: *const c_char,
    /// The path's length in bytes.
    pub path_len: usize,
    /// The parameters, in any order; a stale `Signature` is ignored.
    pub params: *const mws_param,
    /// The number of parameters (no limit).
    pub params_len: usize,
}

/// The texts of an [`mws_request`], converted.
pub(crate) struct RequestText<'a> {
    pub(crate) method: &'a str,
    pub(crate) scheme: &'a str,
    pub(crate) host: &'a str,
    pub(crate) path: &'a str,
    pub(crate) params: Vec<(&'a str, &'a str)>,
}

impl<'a> RequestText<'a> {
    /// Converts a request, `NullArgument` for a NULL `request`.
    ///
    /// # Safety
    /// A non-NULL `request` must point to a valid `mws_request` whose
    /// pointers satisfy the `(ptr, len)` contract, all for `'a`.
    pub(crate) unsafe fn from_ptr(request: *const mws_request) -> Result<Self, mws_status> {
        // SAFETY: by this function's contract.
        let r = unsafe { boundary::reference(request) }?;
        // SAFETY: by this function's contract on the request's fields.
        unsafe {
            Ok(RequestText {
                method: text(r.method, r.method_len)?,
                scheme: text(r.scheme, r.scheme_len)?,
                host: text(r.host, r.host_len)?,
                path: text(r.path, r.path_len)?,
                params: boundary::params(r.params, r.params_len)?,
            })
        }
    }
}

/// A static text handed out by the library (a table entry, a constant):
/// `len` bytes at `data`, NOT NUL-terminated (print it with
/// `printf("%.*s", (int)s.len, s.data)`). `data` is never NULL, valid for
/// the whole life of the program, and must not be freed.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct mws_str {
    /// The first byte.
    pub data: *const c_char,
    /// The length in bytes.
    pub len: usize,
}

impl mws_str {
    /// A static Rust string as an `mws_str`.
    pub(crate) const fn from_static(text: &'static str) -> mws_str {
        mws_str {
            data: text.as_ptr().cast(),
            len: text.len(),
        }
    }

    /// The empty text (what accessors return for a NULL handle).
    pub(crate) const EMPTY: mws_str = mws_str::from_static("");
}
