//! The `mws-sign` command's library: the vector runner and the command
//! implementations, kept out of `main.rs` so integration tests can call them.

pub mod vectors;
