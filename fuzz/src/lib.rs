//! Fuzz targets of mws-sign: the checks (shared with the core's crash
//! replay test) and the independent reference implementations they compare
//! the core with. See `fuzz/README.md`.

pub mod c_abi;
pub mod checks;
