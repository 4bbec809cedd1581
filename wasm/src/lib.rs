//! The WebAssembly build of `mws-sign` behind the npm package `mws-sign`.
//!
//! This crate holds no signing logic: each export reads the strings of one
//! call from the exchange area (module `exchange`), calls the core and writes the
//! results back, or returns a negative status (module `status`) that the
//! JavaScript layer (`wasm/js/`) throws as an `MwsSignError`. The JavaScript
//! layer is the package's API; these exports are its private plumbing.
//!
//! On wasm32 the crate is `no_std`: std's panic machinery (message
//! formatting, Unicode tables) and its dlmalloc allocator cost about 12 KB
//! of the module. A panic, which the core never causes on any input,
//! traps instead (`core::arch::wasm32::unreachable`); memory comes from
//! `lol_alloc`'s free-list allocator. Elsewhere (`cargo test`) std is used.

#![cfg_attr(target_arch = "wasm32", no_std)]
#![forbid(unsafe_code)]

extern crate alloc;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

/// Traps: a panic is a bug, and nobody would read its formatted message.
#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

mod errors;
mod exchange;
mod keyed;
mod md5;
mod mws;
mod signing;
mod status;
mod time;
mod verify;

use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

/// The module's memory, where JavaScript reads and writes the exchange area.
#[wasm_bindgen]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// The address of the exchange header (see `exchange`).
#[wasm_bindgen]
pub fn header() -> usize {
    exchange::header_address()
}

/// Grows the input area to `bytes` bytes, keeping its first `used`, and the
/// input lengths to `pieces` entries. Returns 0, or a negative status.
#[wasm_bindgen]
pub fn reserve(used: u32, bytes: u32, pieces: u32) -> i32 {
    match exchange::reserve(used as usize, bytes as usize, pieces as usize) {
        Ok(()) => 0,
        Err(status) => status.code(),
    }
}
