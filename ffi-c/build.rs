//! Gives the shared library a versioned SONAME, as C libraries have, so a
//! program linked with `-lmws_sign` records the ABI it was built against:
//! `libmws_sign.so.0.<minor>` while the major version is 0 (every minor
//! release may break the ABI), `libmws_sign.so.<major>` after.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        let major = std::env::var("CARGO_PKG_VERSION_MAJOR").unwrap_or_default();
        let minor = std::env::var("CARGO_PKG_VERSION_MINOR").unwrap_or_default();
        let abi = if major == "0" {
            format!("0.{minor}")
        } else {
            major
        };
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libmws_sign.so.{abi}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
