#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test suite (lit, GoogleTest,
# pytest) through ctest. Prints ctest's summary line; exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
build_dir=${BYTEIR_BUILD_DIR:-$root/build}
cd "$build_dir"
ctest --output-on-failure -j"${BYTEIR_JOBS:-2}"
