//===- Passes.td - linalg_ext passes -----------------------*- tablegen -*-===//
#ifndef BYTEIR_DIALECT_LINALGEXT_TRANSFORMS_PASSES
#define BYTEIR_DIALECT_LINALGEXT_TRANSFORMS_PASSES

include "mlir/Pass/PassBase.td"

def LinalgExtTile : Pass<"byteir-linalg-ext-tile", "func::FuncOp"> {
  let summary = "Tile the parallel dims of linalg_ext ops with scf.for loops";
  let description = [{
    Every linalg_ext op is tiled through its TilingInterface with
    scf::tileUsingSCF. `tile-sizes` gives one size per dim of the iteration
    domain (missing trailing entries and 0 mean "not tiled"); the reduced /
    sorted dims of an op are never tiled, whatever their entry says.
  }];
  let options = [
    ListOption<"tileSizes", "tile-sizes", "int64_t",
               "Tile size per iteration-domain dim (0: not tiled)">,
  ];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
    "::mlir::memref::MemRefDialect",
  ];
}

def LinalgExtToLoops : Pass<"byteir-linalg-ext-to-loops", "func::FuncOp"> {
  let summary = "Lower bufferized linalg_ext ops to scf loops";
  let description = [{
    Each linalg_ext op on memrefs becomes scf.for loops over the parallel dims
    of its iteration domain around its generateScalarImplementation (which
    handles the reduced / sorted dims itself). An op still on tensors is an
    error: run bufferization first.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::math::MathDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect",
  ];
}

#endif // BYTEIR_DIALECT_LINALGEXT_TRANSFORMS_PASSES
