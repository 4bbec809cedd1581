#!/usr/bin/env bash
# The C library: its header is current and compiles as C99 and C++17, the C
# tests pass under ASan+UBSan and under Valgrind, the installed library links
# through pkg-config (shared and static), and every vector file runs through
# the C API (tests/c/run-vectors).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
target=${CARGO_TARGET_DIR:-$root/target}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

step() { echo "--- c: $*"; }

step "tools"
missing=()
command -v cc >/dev/null || missing+=(gcc)
command -v c++ >/dev/null || missing+=(g++)
command -v make >/dev/null || missing+=(make)
command -v pkg-config >/dev/null || missing+=(pkg-config)
command -v valgrind >/dev/null || missing+=(valgrind)
command -v readelf >/dev/null || missing+=(binutils)
dpkg -s libjansson-dev >/dev/null 2>&1 || missing+=(libjansson-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH" # where cargo install puts cbindgen
cbindgen_pinned=0.29.4
if [ "$(cbindgen --version 2>/dev/null)" != "cbindgen $cbindgen_pinned" ]; then
  echo "installing cbindgen $cbindgen_pinned"
  cargo install --quiet --locked cbindgen --version "$cbindgen_pinned"
fi

step "release library"
cargo build --quiet --release -p mws-sign-ffi
ls "$target/release/libmws_sign.a" "$target/release/libmws_sign.so"

step "the committed header is what cbindgen generates"
ffi-c/generate-header.sh --check

step "the header compiles as C99 and C++17, warnings as errors"
cat >"$tmp/header.c" <<'C'
#include "mws_sign.h"
int main(void) {
  size_t len = 0;
  mws_status st = mws_timestamp_format(0, NULL, 0, &len);
  return st == MWS_STATUS_INSUFFICIENT_SPACE && len == MWS_SIGN_TIMESTAMP_LEN ? 0 : 1;
}
C
cp "$tmp/header.c" "$tmp/header.cpp"
libs=("$target/release/libmws_sign.a" -lpthread -ldl -lm)
cc -std=c99 -Wall -Wextra -Werror -pedantic -Iinclude "$tmp/header.c" -o "$tmp/header-c" "${libs[@]}"
c++ -std=c++17 -Wall -Wextra -Werror -pedantic -Iinclude "$tmp/header.cpp" -o "$tmp/header-cpp" "${libs[@]}"
"$tmp/header-c"
"$tmp/header-cpp"
echo "C99 and C++17: compiled, linked, ran"

# The example must print the reference's signed query for the same call.
expected_body=$(python3 -c '
import json, sys
cases = json.load(open("tests/vectors/signing.json"))["sign"]
print(next(c["signed_query"] for c in cases if c["name"] == "sign_mws_listorders_mwsauthtoken"))')
check_example() { # $1: command running the example
  local out
  out=$("$@")
  [ "$(tail -1 <<<"$out")" = "$expected_body" ] || {
    echo "$out" >&2
    echo "the example's body differs from the reference's signed query" >&2
    return 1
  }
}

step "C tests with AddressSanitizer and UndefinedBehaviorSanitizer"
make --no-print-directory -s -C tests/c LIBDIR="$target/release" OUT="$target/c/asan" MODE=asan all
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
"$target/c/asan/c-tests" tests/vectors/signing.json
"$target/c/asan/run-vectors" tests/vectors/*.json
check_example "$target/c/asan/example"
echo "example: prints the reference's signed query"
"$target/c/asan/example" >"$tmp/example.out"
python3 - "$tmp/example.out" <<'PY'
import re, sys
readme = open("ffi-c/README.md").read()
if open("tests/c/example.c").read() not in re.findall(r"```c\n(.*?)```", readme, re.S):
    sys.exit("ffi-c/README.md: its C example differs from tests/c/example.c")
shown = re.search(r"It prints:\n\n```text\n(.*?)```", readme, re.S)
if not shown or shown.group(1) != open(sys.argv[1]).read():
    sys.exit("ffi-c/README.md: the output it shows differs from the example's")
print("ffi-c/README.md shows the example and its output as they are")
PY
unset ASAN_OPTIONS UBSAN_OPTIONS

step "C tests under Valgrind (no sanitizers)"
make --no-print-directory -s -C tests/c LIBDIR="$target/release" OUT="$target/c/plain" MODE=plain all
grind=(valgrind -q --error-exitcode=1 --leak-check=full)
"${grind[@]}" "$target/c/plain/c-tests" tests/vectors/signing.json
"${grind[@]}" "$target/c/plain/run-vectors" tests/vectors/*.json
check_example "${grind[@]}" "$target/c/plain/example"
echo "example: clean under Valgrind"

step "install, then build the example with pkg-config"
ffi-c/install.sh "$tmp/shared" >/dev/null
ffi-c/install.sh --static-only "$tmp/static" >/dev/null
strict=(-std=c99 -Wall -Wextra -Werror -pedantic)
# shellcheck disable=SC2046 # pkg-config output is meant to be split
cc "${strict[@]}" tests/c/example.c $(PKG_CONFIG_PATH="$tmp/shared/lib/pkgconfig" pkg-config --cflags --libs mws_sign) -o "$tmp/example-shared"
readelf -d "$tmp/example-shared" | grep -q 'NEEDED.*libmws_sign\.so' || { echo "not linked to the shared library" >&2; exit 1; }
check_example env LD_LIBRARY_PATH="$tmp/shared/lib" "$tmp/example-shared"
echo "shared: linked to libmws_sign.so, ran"
# shellcheck disable=SC2046
cc "${strict[@]}" tests/c/example.c $(PKG_CONFIG_PATH="$tmp/static/lib/pkgconfig" pkg-config --static --cflags --libs mws_sign) -o "$tmp/example-static"
if readelf -d "$tmp/example-static" | grep -q 'NEEDED.*libmws_sign'; then
  echo "the static example needs a shared libmws_sign" >&2
  exit 1
fi
check_example "$tmp/example-static"
echo "static: libmws_sign.a linked in, ran"

step "vector files through tests/c/run-vectors"
scripts/lib/vectors-through c
