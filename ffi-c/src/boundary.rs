//! The boundary between C and Rust: the panic guard every entry point runs
//! in, the conversion of `(ptr, len)` arguments, and the writing of outputs
//! into caller buffers, only on success.

use crate::status::mws_status;
use crate::types::mws_param;
use core::ffi::c_char;
use core::panic::AssertUnwindSafe;
use std::panic::catch_unwind;

/// What the body of an entry point returns: success, or the status to report.
pub(crate) type Outcome = Result<(), mws_status>;

/// Runs an entry point's body, turning a panic into `MWS_STATUS_PANIC` so
/// that no unwind ever crosses into C.
pub(crate) fn guard(body: impl FnOnce() -> Outcome) -> mws_status {
    guard_or(mws_status::Panic, || match body() {
        Ok(()) => mws_status::Ok,
        Err(status) => status,
    })
}

/// As [`guard`] for entry points that return a value: `on_panic` then.
pub(crate) fn guard_or<T>(on_panic: T, body: impl FnOnce() -> T) -> T {
    // The closures only read their arguments and write outputs as their
    // last step, so a panic leaves nothing half-updated to observe.
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(value) => value,
        Err(payload) => {
            // Dropping a payload can itself panic; leaking it cannot.
            core::mem::forget(payload);
            on_panic
        }
    }
}

/// Bytes of a `(ptr, len)` pair: NULL with length 0 is empty; NULL with a
/// non-zero length is `NullArgument`.
///
/// # Safety
/// A non-NULL `ptr` must be valid for reads of `len` bytes for `'a`.
pub(crate) unsafe fn bytes<'a>(ptr: *const c_char, len: usize) -> Result<&'a [u8], mws_status> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(mws_status::NullArgument);
    }
    // SAFETY: non-NULL and, by this function's contract, valid for `len` bytes.
    Ok(unsafe { core::slice::from_raw_parts(ptr.cast::<u8>(), len) })
}

/// Text of a `(ptr, len)` pair (no NUL needed), checked to be UTF-8.
///
/// # Safety
/// As [`bytes`].
#[inline]
pub(crate) unsafe fn text<'a>(ptr: *const c_char, len: usize) -> Result<&'a str, mws_status> {
    // SAFETY: forwarded contract.
    let bytes = unsafe { bytes(ptr, len) }?;
    // Request texts are nearly always ASCII: an inlined check instead of a
    // call to the full UTF-8 validator for each of them.
    if is_ascii(bytes) {
        // SAFETY: ASCII is UTF-8.
        return Ok(unsafe { core::str::from_utf8_unchecked(bytes) });
    }
    core::str::from_utf8(bytes).map_err(|_| mws_status::InvalidUtf8)
}

/// Whether every byte is ASCII. Most request texts are under 16 bytes
/// (names, short values), for which `<[u8]>::is_ascii` tests one word and
/// then the rest byte by byte: here two overlapping loads cover any length
/// up to 16 (the overlap reads the same bytes twice, which is harmless).
#[inline(always)]
fn is_ascii(bytes: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let word = |w: &[u8; 8]| u64::from_le_bytes(*w);
    let half = |w: &[u8; 4]| u64::from(u32::from_le_bytes(*w));
    let n = bytes.len();
    let either = match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        (Some(first), Some(last)) if n <= 16 => word(first) | word(last),
        (Some(_), Some(_)) => return bytes.is_ascii(),
        _ => match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
            (Some(first), Some(last)) => half(first) | half(last),
            _ => bytes.iter().fold(0, |acc, &b| acc | u64::from(b)),
        },
    };
    either & HIGH == 0
}

/// A shared reference from a pointer that must not be NULL.
///
/// # Safety
/// A non-NULL `ptr` must point to a valid, aligned `T` for `'a`.
pub(crate) unsafe fn reference<'a, T>(ptr: *const T) -> Result<&'a T, mws_status> {
    // SAFETY: by this function's contract.
    unsafe { ptr.as_ref() }.ok_or(mws_status::NullArgument)
}

/// An array of `mws_param` as `(name, value)` pairs, every text checked.
///
/// # Safety
/// A non-NULL `ptr` must point to `len` valid, aligned `mws_param`s whose
/// own pointers satisfy [`text`], all for `'a`.
pub(crate) unsafe fn params<'a>(
    ptr: *const mws_param,
    len: usize,
) -> Result<Vec<(&'a str, &'a str)>, mws_status> {
    if len == 0 {
        return Ok(Vec::new());
    }
    if ptr.is_null() {
        return Err(mws_status::NullArgument);
    }
    // SAFETY: non-NULL and, by this function's contract, `len` valid params.
    let list = unsafe { core::slice::from_raw_parts(ptr, len) };
    // Sized once: collecting `Result`s has no exact size hint, and growing
    // the vector cost two more allocations and copies on every call.
    let mut pairs = Vec::with_capacity(len);
    for p in list {
        // SAFETY: by this function's contract on each param's pointers.
        let name = unsafe { text(p.name, p.name_len) }?;
        // SAFETY: as above.
        let value = unsafe { text(p.value, p.value_len) }?;
        pairs.push((name, value));
    }
    Ok(pairs)
}

/// A caller's output buffer and the place for its length.
pub(crate) struct Out {
    buf: *mut c_char,
    cap: usize,
    len: *mut usize,
}

impl Out {
    /// Checks an output triple before any work: `len` is required; `buf`
    /// may be NULL only with `cap` 0 (a size query).
    ///
    /// # Safety
    /// A non-NULL `buf` must be valid for writes of `cap` bytes and a
    /// non-NULL `len` for one write, until the output is written; neither
    /// may overlap any input or other output of the call.
    pub(crate) unsafe fn new(
        buf: *mut c_char,
        cap: usize,
        len: *mut usize,
    ) -> Result<Out, mws_status> {
        if len.is_null() || (buf.is_null() && cap != 0) {
            return Err(mws_status::NullArgument);
        }
        Ok(Out { buf, cap, len })
    }
}

/// A text output of the core: it knows its length and writes itself.
pub(crate) trait Text {
    /// The length in bytes.
    fn text_len(&self) -> usize;
    /// Writes into `buf`, which is exactly [`Text::text_len`] bytes.
    fn write_exact(&self, buf: &mut [u8]) -> Result<(), mws_sign::Error>;
}

/// Implements [`Text`] for a core stage: its bytes are written without
/// re-checking them as UTF-8 (a pass over all of them that `write` makes).
macro_rules! text_stage {
    ($($ty:ty),* $(,)?) => {$(
        impl Text for $ty {
            fn text_len(&self) -> usize {
                self.len()
            }
            fn write_exact(&self, buf: &mut [u8]) -> Result<(), mws_sign::Error> {
                self.write_bytes(buf).map(|_| ())
            }
        }
    )*};
}
text_stage!(
    mws_sign::CanonicalQuery<'_, '_, '_>,
    mws_sign::StringToSign<'_, '_, '_>,
    mws_sign::SignedQuery<'_, '_, '_>,
    mws_sign::RequestUrl<'_, '_, '_>,
);

impl Text for mws_sign::UserAgent<'_> {
    fn text_len(&self) -> usize {
        self.len()
    }
    fn write_exact(&self, buf: &mut [u8]) -> Result<(), mws_sign::Error> {
        self.write(buf).map(|_| ())
    }
}

impl Text for &str {
    fn text_len(&self) -> usize {
        self.len()
    }
    fn write_exact(&self, buf: &mut [u8]) -> Result<(), mws_sign::Error> {
        buf.copy_from_slice(self.as_bytes());
        Ok(())
    }
}

/// Writes every output, or none: when any text does not fit its buffer,
/// every length receives its text's length and no buffer is touched
/// (`InsufficientSpace`). The core measures before anything is written,
/// so a caller's buffer never holds a partial output.
///
/// # Safety
/// Every [`Out`] must satisfy the contract of [`Out::new`].
pub(crate) unsafe fn write_all(outputs: &[(&Out, &dyn Text)]) -> Outcome {
    let mut lengths = [0usize; 2];
    let lengths = lengths.get_mut(..outputs.len()).ok_or(mws_status::Panic)?;
    for (needed, (_, text)) in lengths.iter_mut().zip(outputs) {
        *needed = text.text_len();
    }
    if outputs
        .iter()
        .zip(lengths.iter())
        .any(|((out, _), &n)| n > out.cap)
    {
        for ((out, _), &n) in outputs.iter().zip(lengths.iter()) {
            // SAFETY: `len` was checked non-NULL by `Out::new`; valid by contract.
            unsafe { out.len.write(n) };
        }
        return Err(mws_status::InsufficientSpace);
    }
    for ((out, text), &n) in outputs.iter().zip(lengths.iter()) {
        if n > 0 {
            // SAFETY: `n <= cap`, so `buf` is non-NULL (`Out::new`) and valid
            // for `n` bytes by contract, and overlaps nothing else.
            let buf = unsafe { core::slice::from_raw_parts_mut(out.buf.cast::<u8>(), n) };
            text.write_exact(buf).map_err(mws_status::from)?;
        }
    }
    for ((out, _), &n) in outputs.iter().zip(lengths.iter()) {
        // SAFETY: as above.
        unsafe { out.len.write(n) };
    }
    Ok(())
}

/// Writes one output (see [`write_all`]).
///
/// # Safety
/// As [`write_all`].
pub(crate) unsafe fn write_one(out: &Out, text: &dyn Text) -> Outcome {
    // SAFETY: forwarded contract.
    unsafe { write_all(&[(out, text)]) }
}

/// Stores a value through a required out-pointer, last step of a success.
///
/// # Safety
/// A non-NULL `ptr` must be valid for one aligned write of `T`.
pub(crate) unsafe fn store<T>(ptr: *mut T, value: T) {
    // SAFETY: callers check `ptr` for NULL before any work (`required`).
    unsafe { ptr.write(value) }
}

/// Checks that a required out-pointer is not NULL, before any work.
pub(crate) fn required<T>(ptr: *mut T) -> Outcome {
    if ptr.is_null() {
        Err(mws_status::NullArgument)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_status() {
        #[allow(clippy::panic)]
        let status = guard(|| panic!("boom"));
        assert_eq!(status, mws_status::Panic);
        assert_eq!(guard_or(7, || -> i32 { unreachable!() }), 7);
        assert_eq!(
            guard(|| Err(mws_status::InvalidHost)),
            mws_status::InvalidHost
        );
        assert_eq!(guard(|| Ok(())), mws_status::Ok);
    }

    #[test]
    fn the_short_ascii_check_agrees_with_the_standard_one() {
        let text = [b'a'; 40];
        for len in 0..=text.len() {
            assert!(is_ascii(&text[..len]), "{len}");
            for at in 0..len {
                let mut one_high = text;
                one_high[at] = 0x80;
                assert!(!is_ascii(&one_high[..len]), "{len} {at}");
                assert_eq!(is_ascii(&one_high[..len]), one_high[..len].is_ascii());
            }
        }
    }

    #[test]
    fn null_and_utf8_rules() {
        // SAFETY: NULL pointers with the lengths under test; no reads happen.
        unsafe {
            assert_eq!(text(core::ptr::null(), 0), Ok(""));
            assert_eq!(text(core::ptr::null(), 1), Err(mws_status::NullArgument));
            let bad = [0xffu8];
            assert_eq!(text(bad.as_ptr().cast(), 1), Err(mws_status::InvalidUtf8));
            assert_eq!(params(core::ptr::null(), 0).map(|p| p.len()), Ok(0));
            assert_eq!(params(core::ptr::null(), 2), Err(mws_status::NullArgument));
        }
    }
}
