#!/usr/bin/env bash
# Configures (once) and builds byteir into build/ (or $BYTEIR_BUILD_DIR).
#   scripts/build.sh                 configure if needed, build everything
#   scripts/build.sh --configure-only
#   scripts/build.sh TARGET...       build only these targets
# Set BYTEIR_STATIC_TOOLS=ON for statically linked, stripped tools (no LLVM needed
# where they run), in a separate build directory.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
static=${BYTEIR_STATIC_TOOLS:-OFF}
default_dir="$root/build"
[ "$static" = ON ] && default_dir="$root/build-static"
build_dir=${BYTEIR_BUILD_DIR:-$default_dir}
jobs=${BYTEIR_JOBS:-2}

configure_only=0
targets=()
for a in "$@"; do
  case "$a" in
    --configure-only) configure_only=1 ;;
    *) targets+=("$a") ;;
  esac
done

if [ ! -f "$build_dir/build.ninja" ]; then
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  cmake -S "$root" -B "$build_dir" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DLLVM_USE_LINKER=lld \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
    -DPython3_EXECUTABLE=/usr/bin/python3 \
    -DBYTEIR_STATIC_TOOLS="$static" \
    "${launcher[@]}"
fi
[ "$configure_only" = 1 ] && exit 0

# Builds by several people share one directory: serialize them (one lock per
# build directory).
exec flock "$build_dir/.build.lock" ninja -C "$build_dir" -j"$jobs" "${targets[@]}"
