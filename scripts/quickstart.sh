#!/usr/bin/env bash
# The main job on the bundled example: install, build, then compile and run
# examples/mlp.mlir. Until the CPU path lands there is no model compiler: this shows
# the input side (parse, verify, legalize chlo) and says so.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
opt="${BYTEIR_BUILD_DIR:-$root/build}/bin/byteir-opt"
example="$root/examples/mlp.mlir"

echo "== $example: parse and verify"
start=$(date +%s%N)
"$opt" "$example" > /dev/null
echo "== chlo-legalize-to-stablehlo (erf becomes StableHLO arithmetic):"
"$opt" "$example" --chlo-legalize-to-stablehlo --canonicalize --cse
end=$(date +%s%N)
echo "== front end took $(( (end - start) / 1000000 )) ms"
echo "no model compiler yet: the CPU compile-and-run path is the next milestone"
