#!/usr/bin/env bash
# Regenerates include/mws_sign.h from ffi-c/src with the pinned cbindgen.
#   ffi-c/generate-header.sh           write include/mws_sign.h
#   ffi-c/generate-header.sh --check   fail if the committed header differs
# Needs cbindgen 0.29.4 on PATH: cargo install --locked cbindgen --version 0.29.4
set -euo pipefail
cd "$(dirname "$0")"
pinned=0.29.4
version=$(cbindgen --version 2>/dev/null | awk '{print $2}') || true
[ "$version" = "$pinned" ] || {
  echo "cbindgen $pinned is needed (found: ${version:-none}):" >&2
  echo "  cargo install --locked cbindgen --version $pinned" >&2
  exit 2
}
generated=$(mktemp --suffix=.h)
trap 'rm -f "$generated"' EXIT
cbindgen --quiet --config cbindgen.toml --crate mws-sign-ffi --output "$generated"
if [ "${1:-}" = "--check" ]; then
  if ! diff -u ../include/mws_sign.h "$generated"; then
    echo "include/mws_sign.h is stale: run ffi-c/generate-header.sh and commit it" >&2
    exit 1
  fi
  echo "include/mws_sign.h is up to date"
else
  mkdir -p ../include
  cp "$generated" ../include/mws_sign.h
  echo "wrote include/mws_sign.h"
fi
