#!/usr/bin/env bash
# Installs the C library the way C users expect:
#   PREFIX/include/mws_sign.h
#   PREFIX/lib/libmws_sign.a
#   PREFIX/lib/libmws_sign.so.X.Y.Z, with the links libmws_sign.so.<ABI> (the
#     SONAME) and libmws_sign.so
#   PREFIX/lib/pkgconfig/mws_sign.pc
#
#   ffi-c/install.sh PREFIX               both libraries
#   ffi-c/install.sh --static-only PREFIX  no shared library: then
#       `pkg-config --static --libs mws_sign` links the archive
#
# Builds the release library with cargo first (quick when up to date).
# Linux only (the SONAME and the system libraries below are Linux's).
set -euo pipefail
static_only=false
if [ "${1:-}" = "--static-only" ]; then static_only=true; shift; fi
[ $# -eq 1 ] || { echo "usage: ffi-c/install.sh [--static-only] PREFIX" >&2; exit 2; }
mkdir -p "$1"
prefix=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}

cargo build --quiet --release --manifest-path "$root/Cargo.toml" -p mws-sign-ffi
version=$(sed -n 's/^#define MWS_SIGN_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\)$/\2/p' \
  "$root/include/mws_sign.h" | paste -sd.)
soname=$(readelf -d "$target/release/libmws_sign.so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[ -n "$version" ] && [ -n "$soname" ] || { echo "install.sh: no version or SONAME found" >&2; exit 1; }

install -d "$prefix/include" "$prefix/lib/pkgconfig"
install -m 644 "$root/include/mws_sign.h" "$prefix/include/"
install -m 644 "$target/release/libmws_sign.a" "$prefix/lib/"
if ! $static_only; then
  install -m 755 "$target/release/libmws_sign.so" "$prefix/lib/libmws_sign.so.$version"
  ln -sf "libmws_sign.so.$version" "$prefix/lib/$soname"
  ln -sf "$soname" "$prefix/lib/libmws_sign.so"
fi

# Libs.private: what the Rust standard library inside the archive needs, as
# `cargo rustc --release -p mws-sign-ffi --crate-type staticlib -- --print
# native-static-libs` reports it on x86_64-unknown-linux-gnu.
cat >"$prefix/lib/pkgconfig/mws_sign.pc" <<PC
prefix=$prefix
exec_prefix=\${prefix}
libdir=\${exec_prefix}/lib
includedir=\${prefix}/include

Name: mws_sign
Description: Signer and verifier for Amazon MWS requests (AWS Signature Version 2)
Version: $version
Libs: -L\${libdir} -lmws_sign
Libs.private: -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc
Cflags: -I\${includedir}
PC
echo "installed mws_sign $version into $prefix$($static_only && echo ' (static only)')"
