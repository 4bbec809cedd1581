#!/usr/bin/env bash
# Miri: the core's tests (unit, integration, doc) and the C ABI crate's
# tests run in the interpreter, which reports undefined behaviour, invalid
# pointer use and memory leaks. A few minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."

nightly=nightly-2026-05-20   # TOOLCHAIN.md: pinned by date; a floating nightly may lack Miri
# One sysroot per nightly: Miri's cache is shared across nightlies otherwise,
# and a stale sysroot breaks the build.
export XDG_CACHE_HOME="$HOME/.cache/miri-$nightly"
# The vector files and the saved fuzz crashes are read from disk.
export MIRIFLAGS="${MIRIFLAGS:-} -Zmiri-disable-isolation"

installed=$(rustup component list --toolchain "$nightly" --installed 2>/dev/null || true)
if ! grep -q '^miri' <<<"$installed" || ! grep -q '^rust-src' <<<"$installed"; then
  rustup toolchain install "$nightly" --profile minimal --component miri,rust-src
fi
miri=(cargo "+$nightly" miri)
"${miri[@]}" setup

# Skipped: loops over safe code that take minutes in the interpreter and
# show Miri nothing the faster tests do not (plain `cargo test` runs them).
slow=(
  builder_reproduces_reference_mws_requests   # every vector file: 204 s
  mac::tests::matches_the_hmac_crate_for_every_length_around_block_edges  # 214 s
  mac::tests::encoding_straight_into_the_stage_matches_encoding_first    # 59 s, SHA-256 in software
)
skips=()
for name in "${slow[@]}"; do skips+=(--skip "$name"); done
"${miri[@]}" test -p mws-sign -- "${skips[@]}"

if [ -d ffi-c/src ]; then
  # The panic guard deliberately leaks a caught panic's payload (dropping it
  # could panic again): run that one test without the leak check, the rest with it.
  leaky=boundary::tests::a_panic_becomes_a_status
  "${miri[@]}" test -p mws-sign-ffi -- --skip "$leaky"
  MIRIFLAGS="$MIRIFLAGS -Zmiri-ignore-leaks" "${miri[@]}" test -p mws-sign-ffi -- --exact "$leaky"
fi
echo "miri: no undefined behaviour in the core's and the C ABI's tests"
