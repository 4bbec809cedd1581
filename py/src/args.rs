//! Argument conversion: text is borrowed from the Python objects, never
//! copied (abi3 from Python 3.10 on gives `PyUnicode_AsUTF8AndSize`, which
//! returns the string's own UTF-8 for ASCII text and a cached copy otherwise).

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};
use smallvec::SmallVec;

/// Parameters held on the stack up to this count (a typical MWS call has
/// 10-20); more spill to the heap. Saves two allocations a call.
const INLINE: usize = 24;

/// The parameters of one call, as the core takes them.
pub(crate) type Params<'a> = SmallVec<[(&'a str, &'a str); INLINE]>;

/// `borrow_params!(pairs = params)` binds `pairs` to the parameters of the
/// Python object `params`, as text borrowed for the rest of the block
/// (`pairs` derefs to the `&mut [(&str, &str)]` the core sorts in place).
macro_rules! borrow_params {
    ($pairs:ident = $params:expr) => {
        let mut objects = $crate::args::ParamObjects::new();
        objects.collect($params)?;
        let mut $pairs = $crate::args::Params::new();
        objects.borrow_into(&mut $pairs)?;
    };
}
pub(crate) use borrow_params;

/// The bytes of a secret given as `str` (its UTF-8) or `bytes`.
///
/// Errors name the type only: the value is never part of a message, and a
/// `str` that cannot be encoded (a lone surrogate) is reported without the
/// `UnicodeEncodeError`, whose `.object` would carry the secret.
pub(crate) fn secret<'a>(obj: &'a Bound<'_, PyAny>) -> PyResult<&'a [u8]> {
    if let Ok(s) = obj.cast::<PyString>() {
        return s.to_str().map(str::as_bytes).map_err(|_| {
            PyValueError::new_err(
                "the secret is a str that is not valid Unicode (a lone surrogate)",
            )
        });
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(b.as_bytes());
    }
    Err(PyTypeError::new_err(format!(
        "the secret must be str or bytes, not {}",
        type_name(obj)
    )))
}

/// The text of a `str` parameter name or value; anything else is a
/// `TypeError` (never a silent `str()` conversion).
#[inline]
fn text<'a>(obj: Borrowed<'a, '_, PyAny>) -> PyResult<&'a str> {
    obj.extract::<&str>().map_err(|e| {
        // A str that fails is not valid Unicode: Python's own error says so.
        if obj.cast::<PyString>().is_ok() {
            e
        } else {
            not_text(&obj)
        }
    })
}

#[cold]
fn not_text(obj: &Bound<'_, PyAny>) -> PyErr {
    PyTypeError::new_err(format!(
        "parameter names and values must be str, not {}",
        type_name(obj)
    ))
}

/// A query or form body given as `str`, or as `bytes` that must be UTF-8
/// (bytes that are not UTF-8 cannot decode to UTF-8 parameters: the core's
/// `MalformedQuery`).
pub(crate) fn query<'a>(obj: &'a Bound<'_, PyAny>) -> PyResult<Result<&'a str, mws_sign::Error>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return s.to_str().map(Ok);
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(core::str::from_utf8(b.as_bytes()).map_err(|_| mws_sign::Error::MalformedQuery));
    }
    Err(PyTypeError::new_err(format!(
        "the query must be str or bytes, not {}",
        type_name(obj)
    )))
}

/// The type's name for messages.
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    use pyo3::types::PyTypeMethods;
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// The objects of a parameter list, kept alive while their text is borrowed
/// for one call.
///
/// Both steps fill storage the caller declared (`ParamObjects::new()`,
/// `Params::new()`) instead of returning it: the inline arrays are a few
/// hundred bytes, and returning them costs a copy each on every call.
pub(crate) struct ParamObjects<'py> {
    /// `(name, value)` tuples: the common case, one reference per pair.
    tuples: SmallVec<[Bound<'py, PyTuple>; INLINE]>,
    /// Names and values, alternating (mappings, other pair types).
    flat: Vec<Bound<'py, PyAny>>,
}

impl<'py> ParamObjects<'py> {
    /// Empty storage (nothing allocated).
    #[inline]
    pub(crate) fn new() -> Self {
        ParamObjects {
            tuples: SmallVec::new(),
            flat: Vec::new(),
        }
    }

    /// Collects `(name, value)` from a mapping or an iterable of pairs, with
    /// fast paths for a `list` or `tuple` of 2-tuples and for a `dict`.
    pub(crate) fn collect(&mut self, params: &Bound<'py, PyAny>) -> PyResult<()> {
        if let Ok(list) = params.cast_exact::<PyList>() {
            if self.pair_tuples(list.iter(), list.len()) {
                return Ok(());
            }
        } else if let Ok(tuple) = params.cast_exact::<PyTuple>() {
            if self.pair_tuples(tuple.iter(), tuple.len()) {
                return Ok(());
            }
        }
        let objects = &mut self.flat;
        if let Ok(dict) = params.cast::<PyDict>() {
            objects.reserve_exact(dict.len() * 2);
            for (name, value) in dict.iter() {
                objects.push(name);
                objects.push(value);
            }
        } else if params.cast::<PyString>().is_ok() || params.cast::<PyBytes>().is_ok() {
            // Iterable, but of characters: never what the caller meant.
            return Err(not_params(params));
        } else if params.hasattr(pyo3::intern!(params.py(), "items"))? {
            let items = params.call_method0(pyo3::intern!(params.py(), "items"))?;
            for pair in items.try_iter()? {
                push_pair(&pair?, objects)?;
            }
        } else {
            let iter = params.try_iter().map_err(|_| not_params(params))?;
            for pair in iter {
                push_pair(&pair?, objects)?;
            }
        }
        Ok(())
    }

    /// Keeps the items if every one is a 2-tuple; otherwise keeps nothing and
    /// returns `false` (the general path then handles them, with its messages).
    #[inline]
    fn pair_tuples(&mut self, items: impl Iterator<Item = Bound<'py, PyAny>>, len: usize) -> bool {
        self.tuples.reserve_exact(len);
        for item in items {
            match item.cast_into_exact::<PyTuple>() {
                Ok(tuple) if tuple.len() == 2 => self.tuples.push(tuple),
                _ => {
                    self.tuples.clear();
                    return false;
                }
            }
        }
        true
    }

    /// Appends the parameters to `out` as text borrowed from the kept objects.
    pub(crate) fn borrow_into<'a>(&'a self, out: &mut Params<'a>) -> PyResult<()> {
        out.reserve_exact(self.tuples.len() + self.flat.len() / 2);
        for t in &self.tuples {
            out.push((
                text(t.get_borrowed_item(0)?)?,
                text(t.get_borrowed_item(1)?)?,
            ));
        }
        for pair in self.flat.chunks_exact(2) {
            out.push((text(pair[0].as_borrowed())?, text(pair[1].as_borrowed())?));
        }
        Ok(())
    }
}

fn not_params(params: &Bound<'_, PyAny>) -> PyErr {
    PyTypeError::new_err(format!(
        "params must be a mapping or an iterable of (name, value) pairs, not {}",
        type_name(params)
    ))
}

/// Appends a pair's two items; a pair is a 2-tuple or any sequence of two
/// (such as the `[name, value]` lists that JSON gives).
fn push_pair<'py>(pair: &Bound<'py, PyAny>, out: &mut Vec<Bound<'py, PyAny>>) -> PyResult<()> {
    let is_text = pair.cast::<PyString>().is_ok() || pair.cast::<PyBytes>().is_ok();
    if !is_text && pair.len().is_ok_and(|len| len == 2) {
        out.push(pair.get_item(0)?);
        out.push(pair.get_item(1)?);
        return Ok(());
    }
    Err(PyTypeError::new_err(format!(
        "each parameter must be a (name, value) pair, not {}",
        type_name(pair)
    )))
}
