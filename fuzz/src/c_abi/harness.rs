//! The C caller's side of the `c_abi` target: arguments that may be NULL or
//! not UTF-8, output buffers filled with a sentinel, and the one rule every
//! entry point must keep: outputs only on success (on
//! `MWS_STATUS_INSUFFICIENT_SPACE` the lengths, and nothing else).

use core::ffi::{CStr, c_char, c_int};
use mws_sign_c_abi::{mws_param, mws_status, mws_status_kind};

/// What an untouched output byte holds.
pub const SENTINEL: u8 = 0xA5;
/// What an untouched output length holds.
pub const LEN_SENTINEL: usize = usize::from_ne_bytes([SENTINEL; 8]);
/// Bytes past a buffer's capacity that must never be written either.
const SLACK: usize = 16;

/// The kind name the library gives a status (`"Ok"`, `"InvalidHost"`, `"NullArgument"`...).
pub fn kind(status: mws_status) -> &'static str {
    // SAFETY: `mws_status_kind` returns a static NUL-terminated string.
    let text = unsafe { CStr::from_ptr(mws_status_kind(status as c_int)) };
    text.to_str().unwrap_or("<not UTF-8>")
}

/// A `(pointer, length)` argument as a C caller might pass it: its bytes, or
/// NULL with the same length.
#[derive(Clone, Copy)]
pub struct Arg<'a> {
    /// The bytes (their length is passed even when the pointer is NULL).
    pub bytes: &'a [u8],
    /// Whether the pointer is NULL.
    pub null: bool,
}

impl<'a> Arg<'a> {
    /// An argument from a fuzz field; NULL when `null`.
    pub fn new(bytes: &'a [u8], null: bool) -> Self {
        Arg { bytes, null }
    }

    /// The pointer to pass.
    pub fn ptr(&self) -> *const c_char {
        if self.null {
            core::ptr::null()
        } else {
            self.bytes.as_ptr().cast()
        }
    }

    /// The length to pass.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether the length is 0.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The bytes the library will see, or the fault it must report.
    pub fn as_bytes(&self, faults: &mut Faults) -> &'a [u8] {
        if self.null && !self.is_empty() {
            faults.null = true;
        }
        self.bytes
    }

    /// The text the library will see, or the fault it must report.
    pub fn as_text(&self, faults: &mut Faults) -> &'a str {
        let bytes = self.as_bytes(faults);
        core::str::from_utf8(bytes).unwrap_or_else(|_| {
            faults.utf8 = true;
            ""
        })
    }
}

/// The faults of the call itself that the arguments contain: the library
/// must report one of them (which one first is not specified).
#[derive(Clone, Copy, Default, Debug)]
pub struct Faults {
    /// A NULL pointer with a non-zero length, or a required pointer NULL.
    pub null: bool,
    /// A text that is not UTF-8.
    pub utf8: bool,
}

impl Faults {
    /// Whether there is any.
    pub fn any(&self) -> bool {
        self.null || self.utf8
    }

    /// Whether `kind` is one of them.
    pub fn allows(&self, kind: &str) -> bool {
        (self.null && kind == "NullArgument") || (self.utf8 && kind == "InvalidUtf8")
    }
}

/// An array of `mws_param` over owned pairs of arguments.
pub struct Params<'a> {
    /// The C structs (pointing into the fuzz input).
    pub c: Vec<mws_param>,
    /// Whether the array pointer is passed as NULL.
    pub null: bool,
    args: Vec<(Arg<'a>, Arg<'a>)>,
}

impl<'a> Params<'a> {
    /// Builds the array; the first name and value are NULL when asked.
    pub fn new(pairs: &[(&'a [u8], &'a [u8])], null_first: (bool, bool), null: bool) -> Self {
        let args: Vec<(Arg<'a>, Arg<'a>)> = pairs
            .iter()
            .enumerate()
            .map(|(i, (n, v))| {
                let first = i == 0;
                (
                    Arg::new(n, first && null_first.0),
                    Arg::new(v, first && null_first.1),
                )
            })
            .collect();
        let c = args
            .iter()
            .map(|(n, v)| mws_param {
                name: n.ptr(),
                name_len: n.len(),
                value: v.ptr(),
                value_len: v.len(),
            })
            .collect();
        Params { c, null, args }
    }

    /// The array pointer to pass.
    pub fn ptr(&self) -> *const mws_param {
        if self.null {
            core::ptr::null()
        } else {
            self.c.as_ptr()
        }
    }

    /// The count to pass.
    pub fn len(&self) -> usize {
        self.c.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.c.is_empty()
    }

    /// The pairs the library will see, noting faults.
    pub fn as_pairs(&self, faults: &mut Faults) -> Vec<(&'a str, &'a str)> {
        if self.null && !self.is_empty() {
            faults.null = true;
            return Vec::new();
        }
        self.args
            .iter()
            .map(|(n, v)| (n.as_text(faults), v.as_text(faults)))
            .collect()
    }
}

/// How a caller hands over an output buffer, chosen by one input byte.
#[derive(Clone, Copy, Debug)]
pub enum Shape {
    /// NULL with capacity 0: a size query.
    SizeQuery,
    /// Exactly the length needed.
    Exact,
    /// One byte less than needed.
    OneShort,
    /// NULL with a non-zero capacity: `NullArgument`.
    NullBuffer,
    /// A NULL length pointer: `NullArgument`.
    NullLength,
    /// A buffer of this capacity.
    Capacity(usize),
}

impl Shape {
    /// The shape for a control byte (absent: exact).
    pub fn from_byte(byte: Option<u8>) -> Self {
        match byte {
            None | Some(1) => Shape::Exact,
            Some(0) => Shape::SizeQuery,
            Some(2) => Shape::OneShort,
            Some(3) => Shape::NullBuffer,
            Some(4) => Shape::NullLength,
            Some(b) => Shape::Capacity(usize::from(b - 5)),
        }
    }
}

/// One output buffer and its length, pre-filled with sentinels.
pub struct OutBuf {
    buf: Vec<u8>,
    cap: usize,
    null_buf: bool,
    /// The length the library wrote (or the sentinel).
    pub len: usize,
    null_len: bool,
}

impl OutBuf {
    /// An output of `shape` for a text of `needed` bytes (when known).
    pub fn new(shape: Shape, needed: Option<usize>) -> Self {
        let needed = needed.unwrap_or(64);
        let (cap, null_buf, null_len) = match shape {
            Shape::SizeQuery => (0, true, false),
            Shape::Exact => (needed, false, false),
            Shape::OneShort => (needed.saturating_sub(1), false, false),
            Shape::NullBuffer => (8, true, false),
            Shape::NullLength => (needed, false, true),
            Shape::Capacity(cap) => (cap, false, false),
        };
        OutBuf {
            buf: vec![SENTINEL; cap + SLACK],
            cap,
            null_buf,
            len: LEN_SENTINEL,
            null_len,
        }
    }

    /// The buffer pointer to pass.
    pub fn ptr(&mut self) -> *mut c_char {
        if self.null_buf {
            core::ptr::null_mut()
        } else {
            self.buf.as_mut_ptr().cast()
        }
    }

    /// The capacity to pass.
    pub fn cap(&self) -> usize {
        self.cap
    }

    /// The length pointer to pass.
    pub fn len_ptr(&mut self) -> *mut usize {
        if self.null_len {
            core::ptr::null_mut()
        } else {
            &mut self.len
        }
    }

    /// Notes the faults of this output's shape.
    pub fn note(&self, faults: &mut Faults) {
        if self.null_len || (self.null_buf && self.cap != 0) {
            faults.null = true;
        }
    }

    fn untouched_from(&self, from: usize) -> bool {
        self.null_buf
            || self.buf[from.min(self.buf.len())..]
                .iter()
                .all(|&b| b == SENTINEL)
    }
}

/// What the core says a call should produce, when its arguments are sound.
pub type CoreResult = Result<Vec<String>, &'static str>;

/// Checks a call's status and outputs against the faults in its arguments
/// and, when there are none, against the core's own result.
pub fn check_outputs(
    call: &str,
    status: mws_status,
    outs: &[&OutBuf],
    faults: Faults,
    core: CoreResult,
) {
    let kind = kind(status);
    assert_ne!(kind, "Panic", "{call}: the library panicked");
    if faults.any() {
        assert!(
            faults.allows(kind),
            "{call}: {kind} for an argument fault {faults:?}"
        );
    } else {
        match &core {
            Err(expected) => assert_eq!(kind, *expected, "{call}: status"),
            Ok(texts) => {
                assert_eq!(texts.len(), outs.len());
                let fits = texts.iter().zip(outs).all(|(t, o)| t.len() <= o.cap);
                if fits {
                    assert_eq!(kind, "Ok", "{call}: status");
                    for (text, out) in texts.iter().zip(outs) {
                        assert_eq!(out.len, text.len(), "{call}: length");
                        if !text.is_empty() {
                            assert_eq!(&out.buf[..text.len()], text.as_bytes(), "{call}: text");
                        }
                    }
                } else {
                    assert_eq!(kind, "InsufficientSpace", "{call}: status");
                    for (text, out) in texts.iter().zip(outs) {
                        assert_eq!(out.len, text.len(), "{call}: needed length");
                    }
                }
            }
        }
    }
    for out in outs {
        match kind {
            "Ok" => assert!(
                out.untouched_from(out.len),
                "{call}: wrote past the output's length"
            ),
            _ => assert!(
                out.untouched_from(0),
                "{call}: {kind} but a buffer was written"
            ),
        }
        if kind != "Ok" && kind != "InsufficientSpace" {
            assert_eq!(
                out.len, LEN_SENTINEL,
                "{call}: {kind} but a length was written"
            );
        }
    }
}
