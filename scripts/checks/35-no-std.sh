#!/usr/bin/env bash
# The core builds for targets without std and pulls in no alloc/std feature.
set -euo pipefail
cd "$(dirname "$0")/../.."
for target in thumbv7em-none-eabihf wasm32-unknown-unknown; do
  cargo build --quiet -p mws-sign --target "$target"
  echo "built mws-sign for $target"
done
features=$(cargo tree -p mws-sign -e normal,features --target thumbv7em-none-eabihf)
if grep -E 'feature "(alloc|std)"' <<<"$features"; then
  echo "the core's dependency tree enables alloc or std (above)" >&2
  exit 1
fi
echo "no alloc/std feature in the core's dependency tree"
