//! The generic SigV2 calls: every stage of a request, or one stage alone.

use crate::exchange::{self, Inputs, Output};
use crate::status::Status;
use mws_sign::{RequestHead, SignedRequest, Signer, SortedParams};
use wasm_bindgen::prelude::wasm_bindgen;

/// What a signing call writes (the `what` argument).
pub(crate) mod what {
    /// The signature alone.
    pub const SIGNATURE: u32 = 0;
    /// The signed query alone.
    pub const SIGNED_QUERY: u32 = 1;
    /// Every stage: canonical query, string to sign, signature, signed
    /// query, URL, URL with the signed query.
    pub const ALL: u32 = 2;
}

/// Writes the results `what` asks for (the signed query alone is written
/// while signing, by `sign_pieces`).
pub(crate) fn write_signed(
    signed: &SignedRequest<'_, '_>,
    what: u32,
    out: &mut Output<'_>,
) -> Result<(), Status> {
    match what {
        what::SIGNATURE => out.put(signed.signature().as_bytes()),
        what::ALL => {
            out.put_with(|b| signed.canonical_query().write(b).map(str::len))?;
            out.put_with(|b| signed.string_to_sign().write(b).map(str::len))?;
            out.put(signed.signature().as_bytes())?;
            out.put_with(|b| signed.signed_query().write(b).map(str::len))?;
            out.put_with(|b| signed.url().write(b).map(str::len))?;
            out.put_with(|b| signed.url_with_query().write(b).map(str::len))
        }
        _ => Err(Status::BadInput),
    }
}

/// The request pieces after the key: method, scheme, host, path, then
/// `(name, value)` pairs. Signs with `signer`, or keys one from `key`.
pub(crate) fn sign_pieces(
    inputs: &mut Inputs<'_>,
    out: &mut Output<'_>,
    what: u32,
    key: Result<&Signer, (&[u8], &str)>,
) -> Result<(), Status> {
    let (method, scheme) = (inputs.text()?, inputs.text()?);
    let (host, path) = (inputs.text()?, inputs.text()?);
    let count = inputs.remaining() / 2;
    inputs.with_params(count, |params, _| {
        if what == what::SIGNED_QUERY {
            // Signed and written in one pass, straight into the output.
            return out.put_with(|b| {
                let signed = match key {
                    Ok(signer) => SignedRequest::with_signer_to_query(
                        signer, method, scheme, host, path, params, b,
                    ),
                    Err((secret, name)) => SignedRequest::new_to_query(
                        secret, name, method, scheme, host, path, params, b,
                    ),
                };
                signed.map(|(_, query)| query.len())
            });
        }
        let signed = match key {
            Ok(signer) => SignedRequest::with_signer(signer, method, scheme, host, path, params)?,
            Err((secret, name)) => {
                SignedRequest::new(secret, name, method, scheme, host, path, params)?
            }
        };
        write_signed(&signed, what, out)
    })
}

/// Signs a request. Pieces: secret, signature method, method, scheme, host,
/// path, then `(name, value)` pairs; `what` picks the results.
#[wasm_bindgen]
pub fn sign_request(pieces: u32, bytes: u32, what: u32) -> i32 {
    exchange::call(pieces, bytes, |inputs, out| {
        let secret = inputs.bytes()?;
        let name = inputs.text()?;
        sign_pieces(inputs, out, what, Err((secret, name)))
    })
}

/// The canonical query of `(name, value)` pairs (S4).
#[wasm_bindgen]
pub fn canonical_query(pieces: u32, bytes: u32) -> i32 {
    exchange::call(pieces, bytes, |inputs, out| {
        let count = inputs.remaining() / 2;
        inputs.with_params(count, |params, _| {
            let sorted = SortedParams::sort_in_place(params)?;
            out.put_with(|b| sorted.canonical_query().write(b).map(str::len))
        })
    })
}

/// The string to sign (S8). Pieces: method, scheme, host, path, then pairs.
/// The head is checked before the parameters, as everywhere.
#[wasm_bindgen]
pub fn string_to_sign(pieces: u32, bytes: u32) -> i32 {
    exchange::call(pieces, bytes, |inputs, out| {
        let (method, scheme) = (inputs.text()?, inputs.text()?);
        let (host, path) = (inputs.text()?, inputs.text()?);
        let head = RequestHead::new(method, scheme, host, path)?;
        let count = inputs.remaining() / 2;
        inputs.with_params(count, |params, _| {
            let sorted = SortedParams::sort_in_place(params)?;
            out.put_with(|b| sorted.string_to_sign(&head).write(b).map(str::len))
        })
    })
}

/// The last stage alone: HMAC and Base64 over a ready string to sign.
/// Pieces: secret, signature method, string to sign.
#[wasm_bindgen]
pub fn mac(pieces: u32, bytes: u32) -> i32 {
    exchange::call(pieces, bytes, |inputs, out| {
        let secret = inputs.bytes()?;
        let signer = Signer::from_name(secret, inputs.text()?)?;
        out.put(signer.sign_string(inputs.bytes()?).as_bytes())
    })
}
