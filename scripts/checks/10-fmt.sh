#!/usr/bin/env bash
# Code is formatted by rustfmt.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo fmt --all --check
