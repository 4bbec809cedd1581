//! Signing: the one-call functions, each stage alone, and the pre-keyed
//! `Signer`. Every function converts its arguments, calls the core once and
//! converts the result; the check order is the core's.

use crate::args::{Text, borrow_params, secret};
use crate::errors::{IntoPyResult, to_py};
use mws_sign::{RequestHead, SignedRequest, SortedParams};
use mws_sign_scratch::with_scratch;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// The signature of a request: Base64 of HMAC-SHA256 (44 characters) or
/// HMAC-SHA1 (28) over its string to sign, keyed with `secret` (str: its
/// UTF-8; or bytes).
///
/// `method` is signed uppercased; `host` lowercased, a default port
/// dropped; `path` is the decoded path (empty means `/`); `params` a mapping
/// or an iterable of `(name, value)` str pairs, unencoded, in any order (a
/// `Signature` among them is ignored). Raises the `MwsSignError` subclass of
/// the first failing check, in the order method, scheme, host, path, secret,
/// signature method, parameter names, `SignatureVersion`/`SignatureMethod`.
#[pyfunction]
#[pyo3(signature = (secret, method, host, path, params, *, signature_method = "HmacSHA256", scheme = "https"))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn sign<'py>(
    py: Python<'py>,
    secret: &Bound<'py, PyAny>,
    method: Text<'_>,
    host: Text<'_>,
    path: Text<'_>,
    params: &Bound<'py, PyAny>,
    signature_method: &str,
    scheme: &str,
) -> PyResult<Bound<'py, PyString>> {
    let (method, host, path) = (method.0, host.0, path.0);
    let key = self::secret(secret)?;
    borrow_params!(pairs = params);
    match mws_sign::sign_request(
        key,
        signature_method,
        method,
        scheme,
        host,
        path,
        &mut pairs,
    ) {
        Ok(signature) => Ok(PyString::new(py, signature.as_str())),
        Err(e) => Err(to_py(py, e)),
    }
}

/// The signed query: the canonical query, then `&Signature=` and the
/// encoded signature. The POST body of a call (or the URL query of a GET).
/// Arguments and errors as `sign`.
#[pyfunction]
#[pyo3(signature = (secret, method, host, path, params, *, signature_method = "HmacSHA256", scheme = "https"))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn signed_query<'py>(
    py: Python<'py>,
    secret: &Bound<'py, PyAny>,
    method: Text<'_>,
    host: Text<'_>,
    path: Text<'_>,
    params: &Bound<'py, PyAny>,
    signature_method: &str,
    scheme: &str,
) -> PyResult<Bound<'py, PyString>> {
    let (method, host, path) = (method.0, host.0, path.0);
    let key = self::secret(secret)?;
    borrow_params!(pairs = params);
    // Signed and written in one pass, then copied into the str.
    let query = with_scratch(|scratch| {
        let (_, query) = SignedRequest::new_to_query(
            key,
            signature_method,
            method,
            scheme,
            host,
            path,
            &mut pairs,
            scratch,
        )?;
        Ok(PyString::new(py, query))
    });
    query.py_err(py)
}

/// The canonical query: `name=value` pairs percent-encoded (RFC 3986
/// unreserved characters kept, everything else `%XY`), sorted by the bytes
/// of the unencoded names, joined with `&`; a `Signature` is left out.
#[pyfunction]
pub(crate) fn canonical_query<'py>(
    py: Python<'py>,
    params: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyString>> {
    borrow_params!(pairs = params);
    let sorted = SortedParams::sort_in_place(&mut pairs).py_err(py)?;
    let query = with_scratch(|scratch| {
        let query = sorted.canonical_query().write(scratch)?;
        Ok(PyString::new(py, query))
    });
    query.py_err(py)
}

/// The string to sign: `METHOD\nhost\n/path\ncanonical-query`, exactly as
/// `sign` MACs it (compare it with a server's to debug a
/// `SignatureDoesNotMatch`). The request head is checked first, then the
/// parameters.
#[pyfunction]
#[pyo3(signature = (method, host, path, params, *, scheme = "https"))]
pub(crate) fn string_to_sign<'py>(
    py: Python<'py>,
    method: Text<'_>,
    host: Text<'_>,
    path: Text<'_>,
    params: &Bound<'py, PyAny>,
    scheme: &str,
) -> PyResult<Bound<'py, PyString>> {
    let (method, host, path) = (method.0, host.0, path.0);
    let head = RequestHead::new(method, scheme, host, path).py_err(py)?;
    borrow_params!(pairs = params);
    let sorted = SortedParams::sort_in_place(&mut pairs).py_err(py)?;
    let text = with_scratch(|scratch| {
        let text = sorted.string_to_sign(&head).write(scratch)?;
        Ok(PyString::new(py, text))
    });
    text.py_err(py)
}

/// The last stage alone: Base64 of the HMAC of a ready-made string to sign.
#[pyfunction]
#[pyo3(signature = (secret, string_to_sign, *, signature_method = "HmacSHA256"))]
pub(crate) fn mac<'py>(
    py: Python<'py>,
    secret: &Bound<'py, PyAny>,
    string_to_sign: &str,
    signature_method: &str,
) -> PyResult<Bound<'py, PyString>> {
    let signer = mws_sign::Signer::from_name(self::secret(secret)?, signature_method).py_err(py)?;
    Ok(PyString::new(
        py,
        signer.sign_string(string_to_sign.as_bytes()).as_str(),
    ))
}

/// A secret keyed once, for any number of requests: `Signer(secret,
/// signature_method="HmacSHA256")`. Safe to share between threads (the
/// core's signer is `Sync` and this class is immutable: no lock is taken).
/// Only the keyed HMAC state is kept, wiped when the object is freed; the
/// secret is never shown, and the object cannot be pickled.
#[pyclass(frozen, module = "mws_sign", name = "Signer")]
pub(crate) struct PySigner {
    inner: mws_sign::Signer,
}

#[pymethods]
impl PySigner {
    #[new]
    #[pyo3(signature = (secret, signature_method = "HmacSHA256"))]
    fn new(py: Python<'_>, secret: &Bound<'_, PyAny>, signature_method: &str) -> PyResult<Self> {
        let inner =
            mws_sign::Signer::from_name(self::secret(secret)?, signature_method).py_err(py)?;
        Ok(PySigner { inner })
    }

    /// `"HmacSHA256"` or `"HmacSHA1"`.
    #[getter]
    fn signature_method(&self) -> &'static str {
        self.inner.method().name()
    }

    /// The signature of a request; arguments and errors as `mws_sign.sign`.
    #[pyo3(signature = (method, host, path, params, *, scheme = "https"))]
    fn sign<'py>(
        &self,
        py: Python<'py>,
        method: Text<'_>,
        host: Text<'_>,
        path: Text<'_>,
        params: &Bound<'py, PyAny>,
        scheme: &str,
    ) -> PyResult<Bound<'py, PyString>> {
        let (method, host, path) = (method.0, host.0, path.0);
        borrow_params!(pairs = params);
        match mws_sign::sign_request_with(&self.inner, method, scheme, host, path, &mut pairs) {
            Ok(signature) => Ok(PyString::new(py, signature.as_str())),
            Err(e) => Err(to_py(py, e)),
        }
    }

    /// The signed query; arguments and errors as `mws_sign.signed_query`.
    #[pyo3(signature = (method, host, path, params, *, scheme = "https"))]
    fn signed_query<'py>(
        &self,
        py: Python<'py>,
        method: Text<'_>,
        host: Text<'_>,
        path: Text<'_>,
        params: &Bound<'py, PyAny>,
        scheme: &str,
    ) -> PyResult<Bound<'py, PyString>> {
        let (method, host, path) = (method.0, host.0, path.0);
        borrow_params!(pairs = params);
        let query = with_scratch(|scratch| {
            let (_, query) = SignedRequest::with_signer_to_query(
                &self.inner,
                method,
                scheme,
                host,
                path,
                &mut pairs,
                scratch,
            )?;
            Ok(PyString::new(py, query))
        });
        query.py_err(py)
    }

    /// The MAC stage alone over a ready-made string to sign.
    fn mac<'py>(&self, py: Python<'py>, string_to_sign: &str) -> Bound<'py, PyString> {
        PyString::new(
            py,
            self.inner.sign_string(string_to_sign.as_bytes()).as_str(),
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "Signer(signature_method='{}', secret=<redacted>)",
            self.inner.method().name()
        )
    }
}
