//! The MWS layer: marketplace and section tables, the `User-Agent`, and a
//! whole call prepared for `fetch`.

use crate::exchange::{self, Inputs};
use crate::status::Status;
use crate::time::from_js_millis;
use mws_sign::{
    ContentMd5, Credentials, FORM_CONTENT_TYPE, Marketplace, MwsRequest, Scheme, Section, Signer,
    SortedParams, Timestamp, UserAgent,
};
use wasm_bindgen::prelude::wasm_bindgen;

/// Marketplace `index` of the core's table: code, MarketplaceId, host,
/// region code. No result past the end.
#[wasm_bindgen]
pub fn marketplace(index: u32) -> i32 {
    exchange::call(0, 0, |_, out| {
        if let Some(m) = Marketplace::ALL.get(index as usize) {
            for field in [m.code(), m.id(), m.host(), m.region().code()] {
                out.put(field.as_bytes())?;
            }
        }
        Ok(())
    })
}

/// Section `index` of the core's table: name, path, Version, seller
/// parameter name. No result past the end.
#[wasm_bindgen]
pub fn section(index: u32) -> i32 {
    exchange::call(0, 0, |_, out| {
        if let Some(s) = Section::ALL.get(index as usize) {
            for field in [s.name(), s.path(), s.version(), s.seller_parameter()] {
                out.put(field.as_bytes())?;
            }
        }
        Ok(())
    })
}

/// The `Content-Type` of an MWS POST whose body is the signed query.
#[wasm_bindgen]
pub fn form_content_type() -> i32 {
    exchange::call(0, 0, |_, out| out.put(FORM_CONTENT_TYPE.as_bytes()))
}

/// Reads an app name, version and `attributes` pairs, and writes the `User-Agent`.
fn put_user_agent(
    inputs: &mut Inputs<'_>,
    out: &mut exchange::Output<'_>,
    attributes: usize,
) -> Result<(), Status> {
    let (app_name, app_version) = (inputs.text()?, inputs.text()?);
    inputs.with_params(attributes, |attributes, _| {
        let agent = UserAgent {
            app_name,
            app_version,
            attributes,
        };
        out.put_with(|b| agent.write(b).map(str::len))
    })
}

/// A `User-Agent` value. Pieces: app name, app version, then `attributes`
/// `(key, value)` pairs.
#[wasm_bindgen]
pub fn user_agent(pieces: u32, bytes: u32, attributes: u32) -> i32 {
    exchange::call(pieces, bytes, |inputs, out| {
        put_user_agent(inputs, out, attributes as usize)
    })
}

/// Signs a whole MWS call. Pieces: access key id, secret, signature method,
/// seller id, marketplace (code or MarketplaceId; empty when `host` is
/// given), section name, action, auth token (empty for none), scheme, host
/// (empty for the marketplace's), the timestamp text when `timestamp_is_text`
/// (else `timestamp_ms` is formatted), app name, app version, `attributes`
/// `User-Agent` pairs, the operation's `(name, value)` pairs, and the feed
/// bytes last when `feed`.
///
/// Results: the URL (with the signed query for a feed), the body (the signed
/// query; empty for a feed, whose body is the feed), the `User-Agent`, and
/// the feed's Content-MD5 (empty without a feed).
#[wasm_bindgen]
pub fn prepare(
    pieces: u32,
    bytes: u32,
    timestamp_ms: f64,
    timestamp_is_text: bool,
    attributes: u32,
    feed: bool,
) -> i32 {
    exchange::call(pieces, bytes, |inputs, out| {
        let access_key_id = inputs.text()?;
        let secret = inputs.bytes()?;
        let signer = Signer::from_name(secret, inputs.text()?)?;
        let seller_id = inputs.text()?;
        let marketplace = match inputs.optional_text()? {
            Some(m) => Some(
                Marketplace::from_code(m)
                    .or_else(|| Marketplace::from_id(m))
                    .ok_or(Status::UnknownMarketplace)?,
            ),
            None => None,
        };
        let section = Section::from_name(inputs.text()?).ok_or(Status::UnknownSection)?;
        let action = inputs.text()?;
        let auth_token = inputs.text()?;
        let scheme = Scheme::parse(inputs.text()?)?;
        let host = match (inputs.optional_text()?, marketplace) {
            (Some(host), _) => host,
            (None, Some(m)) => m.host(),
            (None, None) => return Err(Status::UnknownMarketplace),
        };
        let formatted;
        let timestamp = if timestamp_is_text {
            inputs.text()?
        } else {
            formatted = Timestamp::new(from_js_millis(timestamp_ms)?)?;
            formatted.as_str()
        };
        let (app_name, app_version) = (inputs.text()?, inputs.text()?);
        inputs.with_params(attributes as usize, |attributes, inputs| {
            let count = inputs.remaining().saturating_sub(usize::from(feed)) / 2;
            inputs.with_params(count, |params, inputs| {
                let md5 = if feed {
                    Some(ContentMd5::of(inputs.bytes()?))
                } else {
                    None
                };
                let creds = Credentials::with_signer(access_key_id, signer, seller_id)
                    .auth_token(auth_token);
                let request = MwsRequest {
                    scheme,
                    host,
                    section,
                    action,
                    params: &[],
                    timestamp,
                    content_md5: md5.as_ref().map(ContentMd5::as_str),
                };
                let signed = creds.sign_request(&request, SortedParams::sort_in_place(params)?)?;
                // The core decides where the signed query goes (a feed's in the URL).
                out.put_with(|b| request.url(&signed).write(b).map(str::len))?;
                if request.query_in_url() {
                    out.put(b"")?;
                } else {
                    out.put_with(|b| signed.signed_query().write(b).map(str::len))?;
                }
                let agent = UserAgent {
                    app_name,
                    app_version,
                    attributes,
                };
                out.put_with(|b| agent.write(b).map(str::len))?;
                out.put(md5.as_ref().map_or("", ContentMd5::as_str).as_bytes())
            })
        })
    })
}
