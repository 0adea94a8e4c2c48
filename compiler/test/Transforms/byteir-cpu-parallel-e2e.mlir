// Numerical end-to-end checks of parallel CPU kernels: StableHLO programs large
// enough for byteir-cpu-tile-parallel (elementwise, row and column reductions with
// broadcasts, a transpose, a layer norm) compiled with byteir-compile and run with
// brt-run on 1 and 3 pool threads against numpy. See Inputs/e2e_cpu_parallel.py.

// RUN: %python %S/Inputs/e2e_cpu_parallel.py --byteir-opt byteir-opt \
// RUN:   | FileCheck %s --implicit-check-not=FAIL

// CHECK: PASS elementwise threads=1
// CHECK: PASS elementwise threads=3
// CHECK: PASS row_reduction threads=1
// CHECK: PASS row_reduction threads=3
// CHECK: PASS column_reduction threads=1
// CHECK: PASS column_reduction threads=3
// CHECK: PASS transpose_3d threads=1
// CHECK: PASS transpose_3d threads=3
// CHECK: PASS layer_norm threads=1
// CHECK: PASS layer_norm threads=3
