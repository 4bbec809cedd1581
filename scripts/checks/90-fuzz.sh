#!/usr/bin/env bash
# Fuzzing, briefly: every cargo-fuzz target (fuzz/) replays its saved
# crashes (tests/crashes/<target>/) and then runs FUZZ_SECONDS (default 15)
# from a corpus seeded with the vector files. Fails if any target fails.
# A long run: see fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

nightly=nightly-2026-05-20   # TOOLCHAIN.md: pinned by date, with Miri and cargo-fuzz
cargo_fuzz_version=0.13.2
seconds=${FUZZ_SECONDS:-15}

# libfuzzer-sys compiles libFuzzer itself: a C++ compiler is needed.
if ! command -v c++ >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends g++ >/dev/null
fi
if ! rustup run "$nightly" rustc --version >/dev/null 2>&1; then
  rustup toolchain install "$nightly" --profile minimal
fi
if [ "$(cargo "+$nightly" fuzz --version 2>/dev/null)" != "cargo-fuzz $cargo_fuzz_version" ]; then
  cargo "+$nightly" install cargo-fuzz --version "$cargo_fuzz_version" --locked
fi

python3 fuzz/seed.py
# One AddressSanitizer build for all targets (c_abi calls unsafe code), with
# debug assertions so that an integer overflow is a crash, not a wrap.
fuzz=(cargo "+$nightly" fuzz)
"${fuzz[@]}" build --fuzz-dir fuzz --debug-assertions
mapfile -t targets < <("${fuzz[@]}" list --fuzz-dir fuzz)

mkdir -p fuzz/artifacts   # logs and crash inputs (not committed)
failed=()
for target in "${targets[@]}"; do
  run=("${fuzz[@]}" run --fuzz-dir fuzz --debug-assertions "$target")
  mapfile -t crashes < <(find "tests/crashes/$target" -type f ! -name 'README*' 2>/dev/null | sort)
  if [ "${#crashes[@]}" -gt 0 ]; then
    if "${run[@]}" "${crashes[@]}" -- -runs=0 >"fuzz/artifacts/$target.replay.log" 2>&1; then
      echo "fuzz: $target: ${#crashes[@]} saved crashes replayed"
    else
      echo "fuzz: $target: a saved crash fails again (fuzz/artifacts/$target.replay.log)" >&2
      failed+=("$target")
      continue
    fi
  fi
  log="fuzz/artifacts/$target.log"
  if "${run[@]}" "fuzz/corpus/$target" -- -max_total_time="$seconds" -max_len=4096 \
       -dict=fuzz/mws.dict -print_final_stats=1 >"$log" 2>&1; then
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    echo "fuzz: $target: ${execs:-?} executions in ${seconds} s (${speed:-?}/s), no crash"
  else
    grep -E "panicked|ERROR|SUMMARY|Test unit written" "$log" >&2 || tail -20 "$log" >&2
    echo "fuzz: $target FAILED (whole output: $log). Keep the input as a regression:" >&2
    echo "      cp fuzz/artifacts/$target/<crash-file> tests/crashes/$target/" >&2
    failed+=("$target")
  fi
done

[ "${#failed[@]}" -eq 0 ] || { echo "fuzz: failing targets: ${failed[*]}" >&2; exit 1; }
echo "fuzz: ${#targets[@]} targets, no crash"
