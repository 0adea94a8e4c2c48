// RUN: byteir-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{entry point argument 0 needs a string 'byre.argname'}}
func.func @no_name(%x: memref<4xf32> {byre.argtype = #byre<argtype input>}) attributes {byre.entry_point} {
  return
}

// -----

// expected-error @+1 {{duplicate argument name 'a'}}
func.func @dup(%x: memref<4xf32> {byre.argname = "a", byre.argtype = #byre<argtype input>},
               %y: memref<4xf32> {byre.argname = "a", byre.argtype = #byre<argtype output>}) attributes {byre.entry_point} {
  return
}

// -----

// expected-error @+1 {{entry point argument 0 must be a statically shaped memref}}
func.func @dynamic(%x: memref<?xf32> {byre.argname = "a", byre.argtype = #byre<argtype input>}) attributes {byre.entry_point} {
  return
}

// -----

// expected-error @+1 {{entry point argument 0 needs 'byre.argtype'}}
func.func @no_kind(%x: memref<4xf32> {byre.argname = "a"}) attributes {byre.entry_point} {
  return
}

// -----

func.func @no_outputs(%x: memref<4xf32>) {
  // expected-error @+1 {{'LLVMKernelOp' writes no output buffer}}
  byre.compute "LLVMKernelOp" ins(%x : memref<4xf32>)
  return
}

// -----

func.func @alias_overflow(%x: memref<4xf32>) {
  // expected-error @+1 {{alias of 16 bytes at offset 8 exceeds its source of 16 bytes}}
  %v = byre.alias %x[8] : memref<4xf32> -> memref<4xf32>
  return
}

// -----

func.func @copy_types(%x: memref<4xf32>, %y: memref<4xi32>) {
  // expected-error @+1 {{source and target element types differ}}
  byre.copy(%x, %y) : memref<4xf32>, memref<4xi32>
  return
}

// -----

// expected-error @+1 {{'byre.entry_point' is a unit attribute of func.func}}
module attributes {byre.entry_point} {
}
