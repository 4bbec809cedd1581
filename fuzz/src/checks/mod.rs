//! The checks behind the fuzz targets, kept apart from libFuzzer so that
//! `core/tests/crash_replay.rs` can include this directory (`#[path]`) and
//! replay every saved crash through exactly these checks under plain
//! `cargo test`. Everything here uses only `mws-sign`, `hmac`, `sha1` and
//! `sha2`, which the core's tests already depend on.

pub mod input;
pub mod reference;
pub mod reference_time;
pub mod reference_verify;
pub mod sign_differential;
mod stage_text;
pub mod timestamps;
pub mod verify_query;
