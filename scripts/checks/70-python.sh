#!/usr/bin/env bash
# The Python binding (py/): builds the abi3 wheel, installs it into fresh
# venvs of the oldest and newest Python here and runs the pytest suite with
# each, type-checks (stubtest against the compiled module, mypy on the
# package), then installs the wheel into .venv and runs every vector file
# through it (scripts/lib/vectors-through python).
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=.venv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pip_quiet=(--quiet --disable-pip-version-check)
# Fresh venvs are made without pip (ensurepip costs seconds each); the
# .venv's pip installs into them with --python.
pip_into() {  # pip_into VENV_DIR ARGS...: pip install ARGS into that venv
  local target=$1/bin/python
  shift
  "$venv/bin/python" -m pip --python "$target" install "${pip_quiet[@]}" "$@"
}

# --- .venv with the pinned tools (reinstalled only when the pins change) ----
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
stamp="$venv/.mws-sign-requirements"
wanted=$(cat py/requirements-dev.txt py/requirements-test.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  echo "python: installing py/requirements-dev.txt into $venv"
  "$venv/bin/python" -m pip install "${pip_quiet[@]}" -r py/requirements-dev.txt
  echo "$wanted" >"$stamp"
fi

# --- the wheel ---------------------------------------------------------------
echo "python: building the wheel (maturin, profile release-python)"
"$venv/bin/maturin" build --quiet --profile release-python --manifest-path py/Cargo.toml --out "$work/wheels"
wheel=$(ls "$work"/wheels/mws_sign-*.whl)
echo "python: built $(basename "$wheel")"

# --- the interpreters: the wheel's floor and the newest one here -------------
# pyenv's shims answer only for the selected version, so a version's own
# interpreter is looked up under `pyenv root` as well.
find_python() {
  local version=$1 candidate path
  local pyenv_root
  pyenv_root=$(pyenv root 2>/dev/null || true)
  for candidate in "python$version" ${pyenv_root:+"$pyenv_root"/versions/"$version".*/bin/python"$version"}; do
    path=$(command -v "$candidate" 2>/dev/null) || continue
    if "$path" -c 'import sys, venv' >/dev/null 2>&1; then
      "$path" -c 'import sys; print(sys.executable)'
      return 0
    fi
  done
  return 1
}
floor=$(sed -n 's/^requires-python = ">=\(3\.[0-9]*\)"$/\1/p' py/pyproject.toml)
floor_minor=${floor#3.}
oldest="" newest=""
for minor in $(seq "$floor_minor" 20); do
  if py=$(find_python "3.$minor"); then
    [ -n "$oldest" ] || oldest=$py
    newest=$py
  fi
done
if [ -z "$oldest" ]; then
  echo "python: no Python >= $floor found besides $venv; testing with python3 only" >&2
  oldest=$(python3 -c 'import sys; print(sys.executable)')
  newest=$oldest
fi
oldest_version=$("$oldest" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
newest_version=$("$newest" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
[ "$oldest_version" = "$floor" ] ||
  echo "python: WARNING: python$floor (the wheel's floor) not found; the oldest tested is $oldest_version" >&2
[ "$newest_version" != "$oldest_version" ] ||
  echo "python: WARNING: only one Python version found ($oldest_version)" >&2

run_pytest() {  # run_pytest PYTHON LABEL: the suite against the installed wheel
  local status=0
  MWS_SIGN_EXPECT_INSTALLED=1 "$1" -m pytest -q -p no:cacheprovider py/tests || status=$?
  case $status in
    0) ;;
    5) echo "python: pytest collected no tests with $2" >&2; return 1 ;;
    *) echo "python: pytest failed with $2 (exit $status)" >&2; return 1 ;;
  esac
}

tested=()
for py in "$oldest" "$newest"; do
  version=$("$py" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')
  case " ${tested[*]-} " in *" $version "*) continue ;; esac
  tested+=("$version")
  echo "--- python $version: fresh venv + the wheel + pytest"
  "$py" -m venv --without-pip "$work/venv-$version"
  pip_into "$work/venv-$version" -r py/requirements-test.txt "$wheel"
  run_pytest "$work/venv-$version/bin/python" "Python $version"
done

# Below the floor the wheel must be refused (its tag says cp310-abi3), not
# installed and broken: pip's own verdict for a Python 3.(floor-1) target.
below="3.$((floor_minor - 1))"
if out=$("$venv/bin/python" -m pip install --dry-run --quiet --disable-pip-version-check --no-deps \
  --only-binary=:all: --python-version "$below" --target "$work/below" "$wheel" 2>&1); then
  echo "python: pip would install the wheel on Python $below, below its floor $floor" >&2
  exit 1
fi
grep -q "is not a supported wheel" <<<"$out" || { echo "$out" >&2; exit 1; }
echo "--- python $below: pip refuses the wheel (floor $floor), as it should"

# --- types, then the vectors through .venv -----------------------------------
echo "--- typing: stubtest mws_sign._native, mypy --strict on the package"
"$venv/bin/python" -m pip install "${pip_quiet[@]}" --force-reinstall --no-deps "$wheel"
"$venv/bin/python" -m mypy.stubtest mws_sign._native
(cd py && "../$venv/bin/python" -m mypy --cache-dir "$work/mypy-cache" python/mws_sign)

scripts/lib/vectors-through python
echo "python: tested the wheel with Python ${tested[*]}"
