//! A per-thread scratch buffer for the calls that write a signed query.
//!
//! The core writes the signed query while it signs (the canonical query is
//! encoded once, into the buffer it is then MACed from); signing and then
//! writing the query encodes every parameter twice. But the C contract
//! writes a caller's buffers only when every output fits, and the query's
//! length is known only once it is written: so it is written here first and
//! copied out, which costs far less than the second encoding.

use crate::boundary::Outcome;
use core::cell::RefCell;
use mws_sign::Error;

/// The size a thread's buffer starts at: a typical MWS body fits, so the
/// first call rarely signs twice.
const INITIAL: usize = 4096;

std::thread_local! {
    /// Grows to the longest query signed on the thread and is freed with it.
    /// It holds only what a caller's query buffer receives (no key material).
    static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// What a body did with the scratch buffer.
pub(crate) enum Attempt {
    /// Finished: the outputs were written, or the call failed.
    Done(Outcome),
    /// The signed query needs this many bytes.
    Grow(usize),
}

impl Attempt {
    /// What a core call writing into the scratch buffer comes to: its
    /// outputs written by `write`, the buffer grown for
    /// `BufferTooSmall`, or its error.
    pub(crate) fn of<T>(result: Result<T, Error>, write: impl FnOnce(T) -> Outcome) -> Attempt {
        match result {
            Ok(value) => Attempt::Done(write(value)),
            Err(Error::BufferTooSmall { needed }) => Attempt::Grow(needed),
            Err(e) => Attempt::Done(Err(e.into())),
        }
    }
}

/// Runs `body` with the thread's scratch buffer; when the buffer is too
/// small it is grown to the length asked for and `body` runs once more.
pub(crate) fn with_scratch(mut body: impl FnMut(&mut [u8]) -> Attempt) -> Outcome {
    SCRATCH.with(|cell| {
        // Nothing called from a body can come back here; a fresh buffer
        // keeps even that case correct.
        let mut fresh = Vec::new();
        let mut borrowed = cell.try_borrow_mut();
        let buf = match borrowed.as_deref_mut() {
            Ok(buf) => buf,
            Err(_) => &mut fresh,
        };
        if buf.len() < INITIAL {
            buf.resize(INITIAL, 0);
        }
        match body(buf) {
            Attempt::Done(outcome) => outcome,
            Attempt::Grow(needed) => {
                buf.resize(needed, 0);
                match body(buf) {
                    Attempt::Done(outcome) => outcome,
                    // The same inputs ask for the same length: unreachable.
                    Attempt::Grow(_) => Err(crate::status::mws_status::Panic),
                }
            }
        }
    })
}
