#!/usr/bin/env bash
# The main job on the bundled example: install, build, compile examples/mlp.mlir
# (a two-layer MLP with an erf GELU, StableHLO as JAX prints it) into a .byre
# artifact, run it with brt-run on random inputs, print the outputs and the latency.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
bin="${BYTEIR_BUILD_DIR:-$root/build}/bin"
example="$root/examples/mlp.mlir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi >/dev/null 2>&1; then
  echo "== a GPU is present, but this build has only the CPU target: running on CPU"
fi
echo "== compiling $example for CPU"
if ! "$bin/byteir-compile" "$example" -o "$work/mlp.byre" --timing 2> "$work/compile.log"; then
  cat "$work/compile.log"
  exit 1
fi
grep -E "frontend|partition|cpu codegen|llvm \+ lld|write artifact|Total" "$work/compile.log"
echo "== running $work/mlp.byre on random inputs (seed 0)"
"$bin/brt-run" "$work/mlp.byre" --seed 0 --output-dir "$work" --bench 1000
