//! The error kinds, read once by JavaScript to build `ERROR_CODES` and the
//! messages of `MwsSignError` from the core itself.

use crate::exchange;
use mws_sign::Error;
use wasm_bindgen::prelude::wasm_bindgen;

/// Kind `index` of the core's `Error::KINDS`: its name and static message.
/// No result past the end.
#[wasm_bindgen]
pub fn error_kind(index: u32) -> i32 {
    exchange::call(0, 0, |_, out| {
        if let Some(e) = Error::KINDS.get(index as usize) {
            out.put(e.kind().as_bytes())?;
            out.put(e.message().as_bytes())?;
        }
        Ok(())
    })
}
