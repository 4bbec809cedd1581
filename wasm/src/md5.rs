//! Content-MD5 of a feed body.

use crate::exchange;
use mws_sign::ContentMd5;
use wasm_bindgen::prelude::wasm_bindgen;

/// Base64 of the MD5 of the bytes of the one piece (any bytes, not only UTF-8).
#[wasm_bindgen]
pub fn content_md5(pieces: u32, bytes: u32) -> i32 {
    exchange::call(pieces, bytes, |inputs, out| {
        out.put(ContentMd5::of(inputs.bytes()?).as_str().as_bytes())
    })
}
