#!/usr/bin/env bash
# Unit, integration and doc tests of every crate (the vector files included).
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo test --workspace
