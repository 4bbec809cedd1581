//! The MWS layer: the core's marketplace and section tables (the package
//! builds its enums on them), the `User-Agent`, and a complete signed call.

use crate::args::{borrow_params, secret};
use crate::errors::IntoPyResult;
use mws_sign::{
    Credentials, Marketplace, MwsRequest, Scheme, Section, Signer, SortedParams, UserAgent,
};
use mws_sign_scratch::with_scratch;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// One row of a table: four texts.
type Row = (&'static str, &'static str, &'static str, &'static str);

/// Every marketplace: `(code, MarketplaceId, host, region)`, in the spec's order.
#[pyfunction]
pub(crate) fn marketplaces() -> Vec<Row> {
    Marketplace::ALL
        .iter()
        .map(|m| (m.code(), m.id(), m.host(), m.region().code()))
        .collect()
}

/// The code of the marketplace with this country code (`UK` is `GB`), if any.
#[pyfunction]
pub(crate) fn marketplace_from_code(code: &str) -> Option<&'static str> {
    Marketplace::from_code(code).map(Marketplace::code)
}

/// The code of the marketplace with this `MarketplaceId`, if any.
#[pyfunction]
pub(crate) fn marketplace_from_id(id: &str) -> Option<&'static str> {
    Marketplace::from_id(id).map(Marketplace::code)
}

/// Every API section: `(name, path, Version, seller parameter)`, in the spec's order.
#[pyfunction]
pub(crate) fn sections() -> Vec<Row> {
    Section::ALL
        .iter()
        .map(|s| (s.name(), s.path(), s.version(), s.seller_parameter()))
        .collect()
}

/// The `User-Agent` value, written with MWS's escaping rules.
#[pyfunction]
pub(crate) fn user_agent(
    app_name: &str,
    app_version: &str,
    attributes: Vec<(String, String)>,
) -> String {
    let attributes: Vec<(&str, &str)> = attributes
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    UserAgent {
        app_name,
        app_version,
        attributes: &attributes,
    }
    .to_string()
}

/// Signs a complete MWS call. Returns `(url, body)`: the body is the signed
/// query, or `None` when the core puts it in the URL (a feed, `content_md5`
/// given, whose body is the feed itself).
#[pyfunction]
#[pyo3(signature = (
    access_key_id, secret, seller_id, section, action, params, timestamp, *,
    auth_token, content_md5, host, scheme, signature_method
))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn sign_call<'py>(
    py: Python<'py>,
    access_key_id: &str,
    secret: &Bound<'_, PyAny>,
    seller_id: &str,
    section: &str,
    action: &str,
    params: &Bound<'_, PyAny>,
    timestamp: &str,
    auth_token: Option<&str>,
    content_md5: Option<&str>,
    host: &str,
    scheme: &str,
    signature_method: &str,
) -> PyResult<(String, Option<Bound<'py, PyString>>)> {
    let section = Section::from_name(section)
        .ok_or_else(|| PyValueError::new_err("unknown MWS section name"))?;
    let signer = Signer::from_name(self::secret(secret)?, signature_method).py_err(py)?;
    let scheme = Scheme::parse(scheme).py_err(py)?;
    borrow_params!(extra = params);
    let extra = SortedParams::sort_in_place(&mut extra).py_err(py)?;
    let credentials = Credentials::with_signer(access_key_id, signer, seller_id)
        .auth_token(auth_token.unwrap_or(""));
    let request = MwsRequest {
        scheme,
        host,
        section,
        action,
        params: &[],
        timestamp,
        content_md5,
    };
    // Signed and written in one pass. Where the signed query travels is the
    // core's rule (in the URL for a feed).
    let call = with_scratch(|scratch| {
        let (signed, query) = credentials.sign_to_query(&request, extra, scratch)?;
        let url = request.url(&signed).to_string();
        let body = (!request.query_in_url()).then(|| PyString::new(py, query));
        Ok((url, body))
    });
    call.py_err(py)
}

/// `application/x-www-form-urlencoded; charset=utf-8`.
pub(crate) const FORM_CONTENT_TYPE: &str = mws_sign::FORM_CONTENT_TYPE;
