//! Verification of a received request (the server side), with the secret
//! looked up through a Python mapping or callable.

use crate::args::{self, type_name};
use crate::errors::IntoPyResult;
use mws_sign::{RawParam, ReceivedRequest, UnixTime, VerifyOptions};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

/// A secret found by the lookup: a `str` or `bytes` object, kept alive while
/// the core borrows its bytes (checked to be encodable when it was found).
struct FoundSecret<'py>(Bound<'py, PyAny>);

impl AsRef<[u8]> for FoundSecret<'_> {
    fn as_ref(&self) -> &[u8] {
        // Checked in `lookup`; an empty slice would only give EmptySecret.
        args::secret(&self.0).unwrap_or(&[])
    }
}

/// Finds the secret of `id` in a mapping, or by calling `access_keys(id)`.
/// `None` means unknown; a Python exception is kept to be raised afterwards.
fn lookup<'py>(
    access_keys: &Bound<'py, PyAny>,
    id: &str,
    failure: &mut Option<PyErr>,
) -> Option<FoundSecret<'py>> {
    let found = if let Ok(dict) = access_keys.cast::<PyDict>() {
        dict.get_item(id)
    } else if access_keys.is_callable() {
        access_keys.call1((id,)).map(Some)
    } else {
        let get = pyo3::intern!(access_keys.py(), "get");
        match access_keys.getattr(get) {
            Ok(get) => get.call1((id,)).map(Some),
            Err(_) => Err(PyTypeError::new_err(format!(
                "access_keys must be a mapping or a callable, not {}",
                type_name(access_keys)
            ))),
        }
    };
    let checked = found.and_then(|obj| match obj {
        Some(obj) if obj.is_none() => Ok(None),
        None => Ok(None),
        Some(obj) if obj.cast::<PyString>().is_ok() || obj.cast::<PyBytes>().is_ok() => {
            args::secret(&obj)?;
            Ok(Some(FoundSecret(obj)))
        }
        Some(obj) => Err(PyTypeError::new_err(format!(
            "access_keys must give str or bytes secrets (or None), not {}",
            type_name(&obj)
        ))),
    });
    checked.unwrap_or_else(|e| {
        *failure = Some(e);
        None
    })
}

/// Verifies a received request; returns the Access Key ID that signed it.
/// `now` comes as Unix seconds and nanoseconds (the package converts
/// `datetime`, numbers and `None`).
#[pyfunction]
#[pyo3(signature = (access_keys, method, host, path, query, now_secs, now_nanos, window_seconds, scheme))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn verify(
    py: Python<'_>,
    access_keys: &Bound<'_, PyAny>,
    method: &str,
    host: &str,
    path: &str,
    query: &Bound<'_, PyAny>,
    now_secs: i64,
    now_nanos: u32,
    window_seconds: u32,
    scheme: &str,
) -> PyResult<String> {
    let query = args::query(query)?.py_err(py)?;
    let now = UnixTime::from_parts(now_secs, now_nanos).py_err(py)?;
    let request = ReceivedRequest {
        method,
        scheme,
        host,
        path,
        query,
    };
    let options = VerifyOptions {
        now,
        window_seconds,
    };
    let mut space = vec![RawParam::EMPTY; query.split('&').count()];
    let mut failure = None;
    let result = mws_sign::verify_in(
        &request,
        &options,
        |id| lookup(access_keys, id, &mut failure),
        &mut space,
    );
    if let Some(error) = failure {
        return Err(error);
    }
    let verified = result.py_err(py)?;
    Ok(verified.access_key_id().to_owned())
}

/// The decoded `(name, value)` pairs of a query or form body, parsed and
/// checked exactly as the verifier does (bad escapes and non-UTF-8 are
/// `MalformedQuery`; empty and duplicate names are rejected), in S3 order.
/// The auth classes re-sign outgoing requests from these.
#[pyfunction]
pub(crate) fn decode_query<'py>(
    py: Python<'py>,
    query: &Bound<'py, PyAny>,
) -> PyResult<Vec<(Bound<'py, PyString>, Bound<'py, PyString>)>> {
    let query = args::query(query)?.py_err(py)?;
    let mut space = vec![RawParam::EMPTY; query.split('&').count()];
    let params = mws_sign::parse_query(query, &mut space).py_err(py)?;
    // Decoding never lengthens text: one buffer of the query's size fits
    // every name and value, each copied into its `str` before the next.
    let mut buf = vec![0u8; query.len()];
    let mut pairs = Vec::with_capacity(params.len());
    for param in params.iter() {
        let name = PyString::new(py, param.decode_name(&mut buf).py_err(py)?);
        let value = PyString::new(py, param.decode_value(&mut buf).py_err(py)?);
        pairs.push((name, value));
    }
    Ok(pairs)
}
