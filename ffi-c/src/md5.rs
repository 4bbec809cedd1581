//! Content-MD5 (`ContentMD5Value` of SubmitFeed): of a whole body, or of a
//! body fed in pieces through a handle.

use crate::boundary::{self, Out, guard, guard_or, required, store, write_one};
use crate::status::mws_status;
use core::ffi::{c_char, c_void};
use mws_sign::{ContentMd5, ContentMd5Hasher};

/// Writes the Content-MD5 of a body: Base64 of the MD5 of its exact bytes,
/// `MWS_SIGN_CONTENT_MD5_LEN` (24) characters.
///
/// Output as `mws_canonical_query`.
///
/// # Safety
/// `body` valid for `body_len` bytes (or NULL with 0); `out` valid for
/// `out_cap` bytes; `out_len` for one `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_content_md5(
    body: *const c_void,
    body_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> mws_status {
    guard(|| {
        // SAFETY: the caller's contract, stated above.
        let out = unsafe { Out::new(out, out_cap, out_len) }?;
        // SAFETY: as above.
        let body = unsafe { boundary::bytes(body.cast(), body_len) }?;
        // SAFETY: as above.
        unsafe { write_one(&out, &ContentMd5::of(body).as_str()) }
    })
}

/// A Content-MD5 computed over a body fed in pieces (a feed streamed from
/// disk). Make it with `mws_content_md5_hasher_new`, feed it with
/// `mws_content_md5_hasher_update`, read it with
/// `mws_content_md5_hasher_finish`, free it with
/// `mws_content_md5_hasher_free`. Not for use by two threads at once.
pub struct mws_content_md5_hasher {
    hasher: ContentMd5Hasher,
}

/// Makes a hasher over no bytes yet; `*hasher_out` receives it, to be freed
/// with `mws_content_md5_hasher_free`.
///
/// # Safety
/// `hasher_out` valid for one pointer write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_content_md5_hasher_new(
    hasher_out: *mut *mut mws_content_md5_hasher,
) -> mws_status {
    guard(|| {
        required(hasher_out)?;
        let handle = Box::into_raw(Box::new(mws_content_md5_hasher {
            hasher: ContentMd5Hasher::new(),
        }));
        // SAFETY: checked non-NULL above; valid by the caller's contract.
        unsafe { store(hasher_out, handle) };
        Ok(())
    })
}

/// Adds the next `len` bytes of the body.
///
/// # Safety
/// `hasher` is a live hasher not used by another thread; `bytes` valid for
/// `len` bytes (or NULL with 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_content_md5_hasher_update(
    hasher: *mut mws_content_md5_hasher,
    bytes: *const c_void,
    len: usize,
) -> mws_status {
    guard(|| {
        // SAFETY: the caller's contract, stated above.
        let hasher = unsafe { hasher.as_mut() }.ok_or(mws_status::NullArgument)?;
        // SAFETY: as above.
        let bytes = unsafe { boundary::bytes(bytes.cast(), len) }?;
        hasher.hasher.update(bytes);
        Ok(())
    })
}

/// Writes the Content-MD5 of every byte added so far (24 characters). The
/// hasher is left as it was: more bytes may be added and it must still be
/// freed.
///
/// Output as `mws_canonical_query`.
///
/// # Safety
/// `hasher` is a live hasher not used by another thread; `out` valid for
/// `out_cap` bytes; `out_len` for one `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_content_md5_hasher_finish(
    hasher: *const mws_content_md5_hasher,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> mws_status {
    guard(|| {
        // SAFETY: the caller's contract, stated above.
        let out = unsafe { Out::new(out, out_cap, out_len) }?;
        // SAFETY: as above.
        let hasher = unsafe { boundary::reference(hasher) }?;
        let md5 = hasher.hasher.clone().finish();
        // SAFETY: as above.
        unsafe { write_one(&out, &md5.as_str()) }
    })
}

/// Frees a hasher. `mws_content_md5_hasher_free(NULL)` does nothing.
///
/// # Safety
/// `hasher` is NULL or a hasher from `mws_content_md5_hasher_new` not freed
/// yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_content_md5_hasher_free(hasher: *mut mws_content_md5_hasher) {
    guard_or((), || {
        if !hasher.is_null() {
            // SAFETY: made by `Box::into_raw` in `mws_content_md5_hasher_new`
            // and not freed yet (caller's contract).
            drop(unsafe { Box::from_raw(hasher) });
        }
    });
}
