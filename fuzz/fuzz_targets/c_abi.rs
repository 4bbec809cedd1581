//! `c_abi`: see `fuzz/src/c_abi.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mws_sign_fuzz::c_abi::run(data));
