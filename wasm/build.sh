#!/usr/bin/env bash
# Builds the npm package `mws-sign` into wasm/pkg/:
#   cargo (wasm32, SIMD, opt-level 3) -> wasm-bindgen (CommonJS glue for Node)
#   -> wasm-opt (npm binaryen@132) -> the hand-written API from wasm/js/.
# Needs: the wasm32-unknown-unknown target, wasm-bindgen-cli 0.2.130 on PATH,
# and `npm ci` done in wasm/ (for wasm-opt). scripts/checks/80-node.sh
# installs all three; this script only builds.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"

bindgen_version=0.2.130 # = the exact version of the wasm-bindgen crate in Cargo.toml
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  echo "build.sh: wasm-bindgen $bindgen_version is required (cargo install wasm-bindgen-cli --version $bindgen_version)" >&2
  exit 1
fi
wasm_opt="$here/node_modules/.bin/wasm-opt"
[ -x "$wasm_opt" ] || { echo "build.sh: run 'npm ci' in wasm/ first (for wasm-opt)" >&2; exit 1; }

# Profile settings for this build only, so the workspace's release profile
# (shared by the CLI and the other bindings) stays as it is:
# - opt-level 3 for the hot code, the core and sha2; "s" for the rest (glue,
#   allocator, libcore): as fast as all-3 and about 14 KB smaller. ("z" is
#   smaller still but SHA-256 runs at half speed.) Per-package levels only
#   take effect through --config: CARGO_PROFILE_RELEASE_PACKAGE_* env
#   variables are silently ignored;
# - fat LTO and one codegen unit: the smallest and fastest module;
# - panic = abort: no unwinding (the crate is no_std on wasm32 and traps).
# +simd128 switches sha2 to its SIMD backend (about 2x faster SHA-256 in Node).
target_dir=${CARGO_TARGET_DIR:-$root/target}
CARGO_PROFILE_RELEASE_OPT_LEVEL=s \
CARGO_PROFILE_RELEASE_LTO=fat \
CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
CARGO_PROFILE_RELEASE_PANIC=abort \
CARGO_PROFILE_RELEASE_DEBUG=false \
RUSTFLAGS="-C target-feature=+simd128" \
  cargo build --quiet --release -p mws-sign-wasm --target wasm32-unknown-unknown \
    --config 'profile.release.package.mws-sign.opt-level=3' \
    --config 'profile.release.package.sha2.opt-level=3'

pkg="$here/pkg"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
wasm-bindgen --target nodejs --no-typescript --out-dir "$stage" \
  "$target_dir/wasm32-unknown-unknown/release/mws_sign_wasm.wasm"

# The features rustc 1.95 enables by default for wasm32, plus SIMD.
"$wasm_opt" -O3 --strip-debug --strip-producers \
  --enable-simd --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
  --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
  "$stage/mws_sign_wasm_bg.wasm" -o "$stage/mws_sign_wasm_bg.opt.wasm"

rm -rf "$pkg"
mkdir -p "$pkg"
cp "$stage/mws_sign_wasm.js" "$pkg/mws_sign_wasm.cjs"
cp "$stage/mws_sign_wasm_bg.opt.wasm" "$pkg/mws_sign_wasm_bg.wasm"
cp "$here"/js/*.cjs "$here"/js/*.mjs "$here"/js/*.d.ts "$pkg/"
cp "$here/README.md" "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$pkg/"
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
sed "s/\"version\": \"0.0.0\"/\"version\": \"$version\"/" "$here/js/package.json" >"$pkg/package.json"

echo "built $pkg ($(wc -c <"$pkg/mws_sign_wasm_bg.wasm") bytes of wasm, version $version)"
