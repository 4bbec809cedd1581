#!/usr/bin/env bash
# Clippy is clean with warnings denied, tests and benches included.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo clippy --workspace --all-targets --quiet -- -D warnings
