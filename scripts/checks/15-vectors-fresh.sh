#!/usr/bin/env bash
# The committed vector files are what the independent reference generates.
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 tests/vectors/generate.py --check
