//! A per-thread scratch buffer for the bindings' calls that return a signed
//! query (the C ABI and the Python module; the wasm module has its own
//! output buffer).
//!
//! The core writes the signed query while it signs: the canonical query is
//! encoded once, into the buffer it is then MACed from. Signing and then
//! writing the query encodes every parameter twice (11–17% slower). But the
//! query's length is known only once it is written, and a binding's output
//! is not a buffer the core can write into directly: the C contract writes
//! a caller's buffers only when every output fits, and Python wants a `str`.
//! So the query is written here first, then copied out.

use core::cell::RefCell;
use mws_sign::Error;

/// The size a thread's buffer starts at: a typical MWS body fits, so a
/// thread's first call rarely signs twice.
pub const INITIAL_LEN: usize = 4096;

/// Room a grown buffer keeps past the longest query: the core's fast paths
/// store a little past their output and want room for a pair's worst-case
/// encoding (three bytes a byte of text) before they take it whole, so a
/// buffer of the query's exact length sent a long query's last pairs down
/// the slower path at the buffer's end, on every call (see
/// `mws_sign`'s `SliceWriter`).
pub const SLACK: usize = 1024;

/// The length a buffer grows to for a query of `needed` bytes: with
/// [`SLACK`], in whole steps of [`INITIAL_LEN`].
fn grown_len(needed: usize) -> usize {
    needed
        .checked_add(SLACK)
        .and_then(|len| len.checked_next_multiple_of(INITIAL_LEN))
        .unwrap_or(needed)
}

std::thread_local! {
    /// Grows to hold the longest query signed on the thread (with
    /// [`SLACK`] past it) and is freed with the thread. It holds only what
    /// the caller receives: the signed query, never key material.
    static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Runs `write` with the thread's scratch buffer. When `write` reports
/// [`Error::BufferTooSmall`], the buffer grows past the length needed (by
/// at least [`SLACK`], in steps of [`INITIAL_LEN`]) and `write` runs once
/// more (the same inputs need the same length).
///
/// `write` must not borrow the buffer in what it returns: it copies what it
/// needs out (into a caller's buffer, a Python `str`).
///
/// # Errors
/// What `write` returns.
pub fn with_scratch<T>(mut write: impl FnMut(&mut [u8]) -> Result<T, Error>) -> Result<T, Error> {
    SCRATCH.with(|cell| {
        // Nothing a binding calls from `write` comes back here; should it
        // ever, a buffer of its own keeps the call correct.
        let mut own = Vec::new();
        let mut shared = cell.try_borrow_mut();
        let buf = match shared.as_deref_mut() {
            Ok(buf) => buf,
            Err(_) => &mut own,
        };
        if buf.len() < INITIAL_LEN {
            buf.resize(INITIAL_LEN, 0);
        }
        match write(buf) {
            Err(Error::BufferTooSmall { needed }) => {
                buf.resize(grown_len(needed), 0);
                write(buf)
            }
            done => done,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `len` bytes of `b'q'` and returns how many there were.
    fn fill(len: usize) -> impl FnMut(&mut [u8]) -> Result<usize, Error> {
        move |buf| {
            let out = buf
                .get_mut(..len)
                .ok_or(Error::BufferTooSmall { needed: len })?;
            out.fill(b'q');
            Ok(out.len())
        }
    }

    #[test]
    fn grows_once_for_a_long_output_and_keeps_the_size() {
        let calls = core::cell::Cell::new(0);
        let counted = |buf: &mut [u8]| {
            calls.set(calls.get() + 1);
            fill(3 * INITIAL_LEN)(buf)
        };
        assert_eq!(with_scratch(counted), Ok(3 * INITIAL_LEN));
        assert_eq!(calls.replace(0), 2, "one short attempt, one after growing");
        assert_eq!(with_scratch(counted), Ok(3 * INITIAL_LEN));
        assert_eq!(calls.get(), 1, "the grown buffer is kept for the thread");
    }

    #[test]
    fn a_grown_buffer_keeps_slack_past_the_output() {
        let needed = 2 * INITIAL_LEN + 100;
        let seen = core::cell::Cell::new(0);
        let recorded = |buf: &mut [u8]| {
            seen.set(buf.len());
            fill(needed)(buf)
        };
        assert_eq!(with_scratch(recorded), Ok(needed));
        assert_eq!(
            seen.get(),
            3 * INITIAL_LEN,
            "room past the output, in whole steps"
        );
        assert!(seen.get() >= needed + SLACK);
        assert_eq!(grown_len(INITIAL_LEN - SLACK), INITIAL_LEN);
        assert_eq!(grown_len(INITIAL_LEN - SLACK + 1), 2 * INITIAL_LEN);
        assert_eq!(grown_len(usize::MAX - 1), usize::MAX - 1, "no overflow");
    }

    #[test]
    fn short_outputs_and_errors_pass_through() {
        assert_eq!(with_scratch(fill(10)), Ok(10));
        assert_eq!(
            with_scratch(|_| Err::<(), _>(Error::DuplicateParameter)),
            Err(Error::DuplicateParameter)
        );
    }

    #[test]
    fn a_call_from_inside_a_call_gets_a_buffer_of_its_own() {
        let inner = with_scratch(|outer| {
            outer[0] = b'o';
            let inner = with_scratch(fill(5));
            assert_eq!(outer[0], b'o', "the outer buffer is left alone");
            inner
        });
        assert_eq!(inner, Ok(5));
    }
}
