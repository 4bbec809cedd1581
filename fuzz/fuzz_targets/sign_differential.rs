//! `sign_differential`: see `fuzz/src/checks/sign_differential.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mws_sign_fuzz::checks::sign_differential::run(data));
