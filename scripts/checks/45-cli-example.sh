#!/usr/bin/env bash
# The README's first command: the built-in example runs and prints a signature.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(cargo run --quiet -p mws-sign-cli --bin mws-sign)
echo "$out" | tail -5
grep -q "Signature" <<<"$out"
