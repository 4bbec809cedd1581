#!/usr/bin/env bash
# Every public item is documented and doc links resolve.
set -euo pipefail
cd "$(dirname "$0")/../.."
export RUSTDOCFLAGS="-D warnings -D missing_docs"
# The C ABI crate's lib is also named `mws_sign` (for libmws_sign.so), so
# its docs are built apart to avoid an output collision with the core's.
cargo doc --workspace --exclude mws-sign-ffi --no-deps --quiet
cargo doc -p mws-sign-ffi --no-deps --quiet --target-dir target/doc-ffi
