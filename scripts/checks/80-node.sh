#!/usr/bin/env bash
# The npm package mws-sign (wasm/): installs its tools, builds wasm/pkg,
# checks the module's size and the packed file list, runs the Node tests
# (node --test), type-checks a TypeScript consumer, and runs every vector
# file through the package's public API.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Size budget of the optimized module, in bytes. The goal was 64 KiB; the
# module is about 148 KB at opt-level 3 (see wasm/README.md, "Size"), so the
# budget only catches regressions until the core offers a smaller build.
max_wasm_bytes=$((160 * 1024))
bindgen_version=0.2.130

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
[ "$node_major" -ge 20 ] || { echo "80-node: Node.js 20 or newer is required" >&2; exit 1; }

toolchain=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
if ! rustup target list --installed --toolchain "$toolchain" | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown --toolchain "$toolchain"
fi

# The CLI must be the crate's exact version. No --locked: its lockfile names
# a crate version the index here lacks (TOOLCHAIN.md).
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  echo "80-node: installing wasm-bindgen-cli $bindgen_version (about 100 s, once)"
  cargo install --quiet wasm-bindgen-cli --version "$bindgen_version"
fi

# wasm-opt (npm binaryen) and tsc (npm typescript), pinned by wasm/package-lock.json.
if ! cmp -s wasm/package-lock.json wasm/node_modules/.installed-lock 2>/dev/null; then
  (cd wasm && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.installed-lock)
fi

wasm/build.sh

size=$(wc -c <wasm/pkg/mws_sign_wasm_bg.wasm)
echo "module size: $size bytes (budget $max_wasm_bytes)"
[ "$size" -le "$max_wasm_bytes" ] || { echo "80-node: the wasm module grew past its budget" >&2; exit 1; }

(cd wasm/pkg && npm pack --dry-run --loglevel=notice 2>&1 | grep -E 'npm notice (name|version|filename|package size|unpacked size|total files)')

node --test wasm/test/

wasm/node_modules/.bin/tsc --noEmit -p wasm/test/types
echo "tsc --noEmit: the TypeScript consumers type-check"

scripts/lib/vectors-through node
