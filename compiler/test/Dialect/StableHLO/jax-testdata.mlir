// Every JAX-printed module in the shared test data, pretty and generic, parses,
// verifies and prints back the same text (see Inputs/check_roundtrip.py).
// RUN: %python %S/Inputs/check_roundtrip.py --opt byteir-opt %testdata/stablehlo_jax | FileCheck %s
// CHECK-NOT: FAIL
// CHECK: {{^}}[[N:[1-9][0-9]*]] passed, 0 failed
