//! `verify_query`: see `fuzz/src/checks/verify_query.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mws_sign_fuzz::checks::verify_query::run(data));
