//! Argument conversion: text is borrowed from the Python objects, never
//! copied (abi3 from Python 3.10 on gives `PyUnicode_AsUTF8AndSize`, which
//! returns the string's own UTF-8 for ASCII text and a cached copy otherwise).

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};
use smallvec::SmallVec;

use crate::borrowed::{list_item, str_text, tuple_pair};

/// Parameters held on the stack up to this count (a typical MWS call has
/// 10-20); more spill to the heap. Saves two allocations a call.
const INLINE: usize = 24;

/// The parameters of one call, as the core takes them.
pub(crate) type Params<'a> = SmallVec<[(&'a str, &'a str); INLINE]>;

/// `borrow_params!(pairs = params)` binds `pairs` to the parameters of the
/// Python object `params`, as text borrowed for the rest of the block
/// (`pairs` derefs to the `&mut [(&str, &str)]` the core sorts in place).
///
/// Until the last use of `pairs`, run no Python code (see `borrowed.rs`):
/// the items of a `list` are borrowed without references of their own.
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
    if let Ok(b) = obj.cast_exact::<PyBytes>() {
        return Ok(b.as_bytes());
    }
    if let Some(text) = str_text(obj.as_borrowed()) {
        return Ok(text.as_bytes());
    }
    if obj.cast::<PyString>().is_ok() {
        return Err(PyValueError::new_err(
            "the secret is a str that is not valid Unicode (a lone surrogate)",
        ));
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(b.as_bytes());
    }
    Err(PyTypeError::new_err(format!(
        "the secret must be str or bytes, not {}",
        type_name(obj)
    )))
}

/// A `str` argument borrowed for the call, as `&str` is, but read with one
/// C call instead of two (see `borrowed.rs`): for the method, host and path
/// of every signature.
pub(crate) struct Text<'a>(pub(crate) &'a str);

impl<'a, 'py> FromPyObject<'a, 'py> for Text<'a> {
    type Error = PyErr;

    #[inline]
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        match str_text(obj) {
            Some(text) => Ok(Text(text)),
            // PyO3 adds a note naming the argument ("while processing 'host'").
            None => Err(text_error(obj, "must be str")),
        }
    }
}

/// The text of a `str` parameter name or value; anything else is a
/// `TypeError` (never a silent `str()` conversion).
#[inline]
fn text<'a>(obj: Borrowed<'a, '_, PyAny>) -> PyResult<&'a str> {
    match str_text(obj) {
        Some(text) => Ok(text),
        None => Err(text_error(obj, "parameter names and values must be str")),
    }
}

/// Why `obj` has no text: a `str` that is not valid Unicode (Python's own
/// error says so), or not a `str` at all (`must`, then the type's name).
#[cold]
fn text_error(obj: Borrowed<'_, '_, PyAny>, must: &str) -> PyErr {
    match obj.extract::<&str>() {
        Err(e) if obj.cast::<PyString>().is_ok() => e,
        _ => PyTypeError::new_err(format!("{must}, not {}", type_name(&obj))),
    }
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
    /// A `list` or `tuple`, whose pairs are read in place: the common case.
    sequence: Option<Sequence<'py>>,
    /// Names and values, alternating (mappings, other pair types).
    flat: Vec<Bound<'py, PyAny>>,
}

/// The parameters given as a `list` or a `tuple`.
enum Sequence<'py> {
    List(Bound<'py, PyList>),
    Tuple(Bound<'py, PyTuple>),
}

impl<'py> Sequence<'py> {
    fn len(&self) -> usize {
        match self {
            Sequence::List(list) => list.len(),
            Sequence::Tuple(tuple) => tuple.len(),
        }
    }

    /// Item `index`, borrowed from the sequence (`None` past the end).
    #[inline]
    fn item<'a>(&'a self, index: usize) -> Option<Borrowed<'a, 'py, PyAny>> {
        match self {
            Sequence::List(list) => list_item(list, index),
            Sequence::Tuple(tuple) => tuple.get_borrowed_item(index).ok(),
        }
    }

    fn as_any(&self) -> &Bound<'py, PyAny> {
        match self {
            Sequence::List(list) => list.as_any(),
            Sequence::Tuple(tuple) => tuple.as_any(),
        }
    }
}

impl<'py> ParamObjects<'py> {
    /// Empty storage (nothing allocated).
    #[inline]
    pub(crate) fn new() -> Self {
        ParamObjects {
            sequence: None,
            flat: Vec::new(),
        }
    }

    /// Collects `(name, value)` from a mapping or an iterable of pairs, with
    /// fast paths for a `list` or `tuple` (of 2-tuples, checked when the
    /// text is borrowed) and for a `dict`.
    pub(crate) fn collect(&mut self, params: &Bound<'py, PyAny>) -> PyResult<()> {
        if let Ok(list) = params.cast_exact::<PyList>() {
            self.sequence = Some(Sequence::List(list.clone()));
            return Ok(());
        }
        if let Ok(tuple) = params.cast_exact::<PyTuple>() {
            self.sequence = Some(Sequence::Tuple(tuple.clone()));
            return Ok(());
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

    /// Appends the parameters to `out` as text borrowed from the kept objects.
    pub(crate) fn borrow_into<'a>(&'a mut self, out: &mut Params<'a>) -> PyResult<()> {
        let ParamObjects { sequence, flat } = self;
        if let Some(sequence) = sequence {
            let len = sequence.len();
            out.reserve_exact(len);
            let mut all_tuples = true;
            for index in 0..len {
                let Some((name, value)) = sequence.item(index).and_then(tuple_pair) else {
                    all_tuples = false;
                    break;
                };
                out.push((text(name)?, text(value)?));
            }
            if all_tuples {
                return Ok(());
            }
            // Some pair is another kind of sequence (e.g. the `[name, value]`
            // lists JSON gives): take them all the general way, which may run
            // Python code, so nothing borrowed above is kept.
            out.clear();
            for item in sequence.as_any().try_iter()? {
                push_pair(&item?, flat)?;
            }
        }
        let flat: &'a Vec<_> = flat;
        out.reserve_exact(flat.len() / 2);
        for pair in flat.chunks_exact(2) {
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
