//===- Passes.h - linalg_ext passes ----------------------------*- C++ -*-===//
//
// byteir-linalg-ext-tile and byteir-linalg-ext-to-loops; register with
// mlir::byteir::linalg_ext::registerLinalgExtPasses().
//
//===----------------------------------------------------------------------===//
#ifndef BYTEIR_DIALECT_LINALGEXT_TRANSFORMS_PASSES_H
#define BYTEIR_DIALECT_LINALGEXT_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Pass/Pass.h"

namespace mlir::byteir::linalg_ext {
#define GEN_PASS_DECL
#include "byteir/Dialect/LinalgExt/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "byteir/Dialect/LinalgExt/Transforms/Passes.h.inc"
} // namespace mlir::byteir::linalg_ext

#endif // BYTEIR_DIALECT_LINALGEXT_TRANSFORMS_PASSES_H
