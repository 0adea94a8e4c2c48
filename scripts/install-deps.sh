#!/usr/bin/env bash
# Installs every Debian package byteir needs. Idempotent: when all are present it only
# checks (a second or two) and exits.
set -euo pipefail

packages=(
  # MLIR/LLVM 22 toolchain
  libmlir-22-dev mlir-22-tools llvm-22-dev llvm-22-tools liblld-22-dev lld-22 clang-22
  # build tools
  cmake ninja-build ccache
  # frontends, artifact, CPU libraries
  libonnx-dev libonnx-testdata python3-onnx libprotobuf-dev protobuf-compiler
  libflatbuffers-dev flatbuffers-compiler libdnnl-dev
  # an optimized BLAS for the peers numpy and PyTorch use in bench/ (Debian's default
  # is the reference BLAS)
  libopenblas0-pthread
  # Python package, tests
  pybind11-dev python3-pybind11 python3-dev python3-numpy python3-pytest python3-torch
  libgtest-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
