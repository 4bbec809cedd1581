#!/usr/bin/env bash
# The vector files through the Rust core via `tests/run-vectors rust`.
set -euo pipefail
exec "$(dirname "$0")/../lib/vectors-through" rust
