//! `timestamps`: see `fuzz/src/checks/timestamps.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mws_sign_fuzz::checks::timestamps::run(data));
