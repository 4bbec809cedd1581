//! Text, pairs and list items borrowed straight through the C API: the
//! binding's only `unsafe` code, kept to the reads on the hot path of every
//! call.
//!
//! PyO3's safe `extract::<&str>()` checks the type through a call to
//! `PyType_GetFlags` (the stable ABI hides the flags) before the call to
//! `PyUnicode_AsUTF8AndSize`, which checks it again; it has no public way to
//! borrow a tuple's items for as long as an *outer* borrow lives; and it
//! reads a list's items as new references (a call to take each, another to
//! give it back). For the ten pairs of a typical request that was about a
//! third of the binding's time per signature.
//!
//! The contract that makes a borrowed list item sound: **while parameters
//! are borrowed, the binding runs no Python code** (no method calls on, or
//! conversions of, Python objects — only the C API reads below and Rust).
//! With the interpreter held and none of its code running, no thread can
//! take an item out of the list. `borrow_params!` is the only reader of
//! list items; text alone (`str_text`) needs no such contract.

#![allow(unsafe_code)]

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

/// The UTF-8 of `obj` when it is a `str` (or a subclass) that has one;
/// `None` for any other object and for a `str` with a lone surrogate (the
/// caller then builds the error it reports).
#[inline]
pub(crate) fn str_text<'a>(obj: Borrowed<'a, '_, PyAny>) -> Option<&'a str> {
    let mut size: ffi::Py_ssize_t = 0;
    // SAFETY: `obj` is a live object and its `Python` token proves the
    // interpreter is held. The function type-checks its argument itself;
    // for a `str` it returns the UTF-8 the object keeps (its own data for
    // ASCII, else a cache it owns) until the object is freed.
    let data = unsafe { ffi::PyUnicode_AsUTF8AndSize(obj.as_ptr(), &mut size) };
    if data.is_null() {
        // The exception it set (a TypeError or UnicodeEncodeError, which
        // would carry the text) is discarded: the caller reports its own.
        drop(PyErr::take(obj.py()));
        return None;
    }
    let len = usize::try_from(size).ok()?;
    // SAFETY: `data` points to `len` bytes owned by `obj`, which outlives
    // `'a` (the borrow `obj` came from), and Python never changes a `str`'s
    // data. They are UTF-8: the function's contract (a `str` that cannot be
    // encoded fails above), the same one PyO3's own `to_str` relies on;
    // checking them again cost 80 ns a signature.
    Some(unsafe {
        core::str::from_utf8_unchecked(core::slice::from_raw_parts(data.cast::<u8>(), len))
    })
}

/// The two items of `pair` when it is exactly a `tuple` of two, borrowed for
/// as long as `pair` is (a tuple never changes its items).
#[inline]
pub(crate) fn tuple_pair<'a, 'py>(
    pair: Borrowed<'a, 'py, PyAny>,
) -> Option<(Borrowed<'a, 'py, PyAny>, Borrowed<'a, 'py, PyAny>)> {
    let tuple = pair.cast_exact::<PyTuple>().ok()?;
    if tuple.len() != 2 {
        return None;
    }
    let py = pair.py();
    // SAFETY: `tuple` is a live tuple of two (checked above) and the
    // interpreter is held; `PyTuple_GetItem` returns a borrowed reference
    // to an item, which the tuple keeps alive (and never replaces) for as
    // long as the tuple itself, i.e. for `'a`.
    unsafe {
        let name = ffi::PyTuple_GetItem(tuple.as_ptr(), 0);
        let value = ffi::PyTuple_GetItem(tuple.as_ptr(), 1);
        Some((
            Borrowed::from_ptr_or_opt(py, name)?,
            Borrowed::from_ptr_or_opt(py, value)?,
        ))
    }
}

/// Item `index` of `list`, borrowed without taking a reference of its own;
/// valid under the module's contract. `None` past the end (where the
/// caller, which iterates below the length, never asks).
#[inline]
pub(crate) fn list_item<'a, 'py>(
    list: &'a Bound<'py, PyList>,
    index: usize,
) -> Option<Borrowed<'a, 'py, PyAny>> {
    let py = list.py();
    let index = ffi::Py_ssize_t::try_from(index).ok()?;
    // SAFETY: `list` is a live list and the interpreter is held.
    // `PyList_GetItem` checks the index (NULL and an IndexError past the
    // end) and returns a borrowed reference, which stays valid while the
    // item stays in the list: only Python code could take it out, and none
    // runs while parameters are borrowed (the module's contract), in this
    // thread or in any other (they wait for the interpreter).
    let item = unsafe { Borrowed::from_ptr_or_opt(py, ffi::PyList_GetItem(list.as_ptr(), index)) };
    if item.is_none() {
        drop(PyErr::take(py));
    }
    item
}
