//! The native module `mws_sign._native` of the Python package `mws_sign`.
//!
//! A binding holds no signing logic: each function converts its arguments
//! (borrowing text from the Python objects), calls the core `mws-sign` once
//! and converts the result, or the error into the exception of its kind.
//! The public Python API, its documentation and the conversions that need
//! Python's own types (`datetime`, file objects, the clock) live in the
//! package `py/python/mws_sign/`.

mod args;
mod borrowed;
mod errors;
mod md5;
mod mws;
mod signing;
mod time;
mod verify;

use pyo3::prelude::*;

/// The module: every function, the classes and the exception hierarchy.
#[pymodule(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    m.add_function(wrap_pyfunction!(signing::sign, m)?)?;
    m.add_function(wrap_pyfunction!(signing::signed_query, m)?)?;
    m.add_function(wrap_pyfunction!(signing::canonical_query, m)?)?;
    m.add_function(wrap_pyfunction!(signing::string_to_sign, m)?)?;
    m.add_function(wrap_pyfunction!(signing::mac, m)?)?;
    m.add_class::<signing::PySigner>()?;
    m.add_function(wrap_pyfunction!(verify::verify, m)?)?;
    m.add_function(wrap_pyfunction!(verify::decode_query, m)?)?;
    m.add_function(wrap_pyfunction!(md5::content_md5, m)?)?;
    m.add_class::<md5::PyContentMd5Hasher>()?;
    m.add_function(wrap_pyfunction!(time::format_unix, m)?)?;
    m.add_function(wrap_pyfunction!(time::parse_unix, m)?)?;
    m.add_function(wrap_pyfunction!(mws::marketplaces, m)?)?;
    m.add_function(wrap_pyfunction!(mws::marketplace_from_code, m)?)?;
    m.add_function(wrap_pyfunction!(mws::marketplace_from_id, m)?)?;
    m.add_function(wrap_pyfunction!(mws::sections, m)?)?;
    m.add_function(wrap_pyfunction!(mws::user_agent, m)?)?;
    m.add_function(wrap_pyfunction!(mws::sign_call, m)?)?;
    m.add("FORM_CONTENT_TYPE", mws::FORM_CONTENT_TYPE)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
