//! A pre-keyed signer held in wasm memory for JavaScript's `Signer` class.

use crate::exchange;
use crate::signing::sign_pieces;
use core::sync::atomic::{AtomicUsize, Ordering};
use mws_sign::Signer;
use wasm_bindgen::prelude::wasm_bindgen;

/// How many keyed signers are alive: lets the tests see that `free()` and
/// the finalization registry really release them.
static LIVE: AtomicUsize = AtomicUsize::new(0);

/// A secret keyed once into HMAC state. The state is wiped when the object
/// is freed (the core's `Signer` zeroizes itself on drop).
#[wasm_bindgen]
pub struct KeyedSigner {
    signer: Signer,
}

/// Keys a signer. Pieces: secret, signature method. Returns nothing on
/// failure, with the status code in the exchange header.
#[wasm_bindgen]
pub fn signer_new(pieces: u32, bytes: u32) -> Option<KeyedSigner> {
    let mut keyed = None;
    let code = exchange::call(pieces, bytes, |inputs, _| {
        let secret = inputs.bytes()?;
        keyed = Some(Signer::from_name(secret, inputs.text()?)?);
        Ok(())
    });
    exchange::set_status(code);
    keyed.map(|signer| {
        LIVE.fetch_add(1, Ordering::Relaxed);
        KeyedSigner { signer }
    })
}

/// The number of keyed signers not yet freed.
#[wasm_bindgen]
pub fn live_signers() -> u32 {
    u32::try_from(LIVE.load(Ordering::Relaxed)).unwrap_or(u32::MAX)
}

#[wasm_bindgen]
impl KeyedSigner {
    /// Signs a request. Pieces: method, scheme, host, path, then pairs.
    pub fn sign(&self, pieces: u32, bytes: u32, what: u32) -> i32 {
        exchange::call(pieces, bytes, |inputs, out| {
            sign_pieces(inputs, out, what, Ok(&self.signer))
        })
    }

    /// HMAC and Base64 over a ready string to sign (one piece).
    pub fn mac(&self, pieces: u32, bytes: u32) -> i32 {
        exchange::call(pieces, bytes, |inputs, out| {
            out.put(self.signer.sign_string(inputs.bytes()?).as_bytes())
        })
    }
}

impl Drop for KeyedSigner {
    fn drop(&mut self) {
        LIVE.fetch_sub(1, Ordering::Relaxed);
    }
}
