//! The exception hierarchy: `MwsSignError(ValueError)` and one subclass per
//! error kind of the core, named after the kind (`mws_sign.InvalidHost`),
//! each with the class attribute `kind`.
//!
//! The classes are built at run time from [`Error::KINDS`] (not with one
//! `create_exception!` per kind), so a kind added to the core gets its class
//! without touching this file, and the tests compare the classes against the
//! list the module exports.

use mws_sign::Error;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};
use std::ffi::CString;

/// The base class and the class of every kind, in the order of [`Error::KINDS`].
pub(crate) struct Exceptions {
    pub(crate) base: Py<PyType>,
    pub(crate) kinds: Vec<Py<PyType>>,
}

static EXCEPTIONS: PyOnceLock<Exceptions> = PyOnceLock::new();

/// The classes, created on first use (module initialisation).
pub(crate) fn exceptions(py: Python<'_>) -> PyResult<&Exceptions> {
    EXCEPTIONS.get_or_try_init(py, || create(py))
}

fn create(py: Python<'_>) -> PyResult<Exceptions> {
    let base = new_class(
        py,
        "MwsSignError",
        "A request could not be signed or did not verify; `.kind` names the error kind \
         (the subclass's name). A ValueError.",
        &py.get_type::<PyValueError>(),
        // The base is never raised itself; its `kind` is that of no error.
        "",
    )?;
    let kinds = Error::KINDS
        .iter()
        .map(|e| new_class(py, e.kind(), e.message(), base.bind(py), e.kind()))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(Exceptions { base, kinds })
}

fn new_class(
    py: Python<'_>,
    name: &str,
    doc: &str,
    base: &Bound<'_, PyType>,
    kind: &str,
) -> PyResult<Py<PyType>> {
    let qualified = CString::new(format!("mws_sign.{name}"))
        .map_err(|_| PyRuntimeError::new_err("exception name with a NUL byte"))?;
    let doc = CString::new(doc).map_err(|_| PyRuntimeError::new_err("doc with a NUL byte"))?;
    let dict = PyDict::new(py);
    dict.set_item("kind", kind)?;
    // PyO3 0.30.1's `new_type` drops the `Py` it is given before passing its
    // pointer to `PyErr_NewExceptionWithDoc`: hand it a second reference and
    // keep `dict` alive across the call, or the dict is freed mid-use.
    let class = PyErr::new_type(
        py,
        &qualified,
        Some(&doc),
        Some(base),
        Some(dict.clone().into_any().unbind()),
    );
    drop(dict);
    class
}

/// The Python exception for a core error: the kind's class with the core's
/// static message, which never contains request data or the secret.
pub(crate) fn to_py(py: Python<'_>, error: Error) -> PyErr {
    let class = Error::KINDS
        .iter()
        .position(|k| *k == error)
        .and_then(|i| exceptions(py).ok()?.kinds.get(i));
    match class {
        Some(class) => PyErr::from_type(class.bind(py).clone(), error.message()),
        // `BufferTooSmall` is not a kind: the binding sizes every buffer, so
        // reaching it is a bug here, reported as such.
        None => PyRuntimeError::new_err(format!("mws_sign internal error: {}", error.kind())),
    }
}

/// `Result<T, Error>` → `PyResult<T>`.
pub(crate) trait IntoPyResult<T> {
    /// Converts a core error into its Python exception.
    fn py_err(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for Result<T, Error> {
    #[inline]
    fn py_err(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_py(py, e))
    }
}

/// Adds `MwsSignError`, every kind's class and `KINDS` to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let exceptions = exceptions(py)?;
    m.add("MwsSignError", exceptions.base.bind(py))?;
    for (error, class) in Error::KINDS.iter().zip(&exceptions.kinds) {
        m.add(error.kind(), class.bind(py))?;
    }
    let kinds: Vec<&str> = Error::KINDS.iter().map(Error::kind).collect();
    m.add("KINDS", pyo3::types::PyTuple::new(py, kinds)?)?;
    Ok(())
}
