//===- InitAll.cpp - register byteir's dialects and passes ----------------===//
#include "byteir/InitAll.h"

#include "byteir/Conversion/CHLOToStableHLO/CHLOToStableHLO.h"
#include "byteir/Conversion/StableHLOToLinalg/StableHLOToLinalg.h"
#include "byteir/Dialect/Byre/IR/ByreOps.h"
#include "byteir/Dialect/CHLO/IR/CHLOOps.h"
#include "byteir/Dialect/LinalgExt/IR/LinalgExtOps.h"
#include "byteir/Dialect/LinalgExt/Transforms/Passes.h"
#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "byteir/Pipelines/Pipelines.h"
#include "byteir/Transforms/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Bufferization/Transforms/FuncBufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/Extensions/InlinerExtension.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Index/IR/IndexDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/Linalg/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Linalg/Transforms/TilingInterfaceImpl.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/MemRef/Transforms/AllocationOpInterfaceImpl.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tensor/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Transforms/Passes.h"

void mlir::byteir::registerAllDialects(DialectRegistry &registry) {
  registry.insert<byre::ByreDialect, chlo::ChloDialect, linalg_ext::LinalgExtDialect>();
  registry.insert<stablehlo::StableHLODialect, func::FuncDialect,
                  quant::QuantDialect>();
  // What the CPU pipeline lowers through.
  registry.insert<affine::AffineDialect, arith::ArithDialect,
                  bufferization::BufferizationDialect, cf::ControlFlowDialect,
                  complex::ComplexDialect, index::IndexDialect, linalg::LinalgDialect,
                  LLVM::LLVMDialect, math::MathDialect, memref::MemRefDialect,
                  scf::SCFDialect, tensor::TensorDialect, vector::VectorDialect>();
  func::registerInlinerExtension(registry);
  arith::registerBufferizableOpInterfaceExternalModels(registry);
  bufferization::func_ext::registerBufferizableOpInterfaceExternalModels(registry);
  linalg::registerBufferizableOpInterfaceExternalModels(registry);
  linalg_ext::registerBufferizableOpInterfaceExternalModels(registry);
  scf::registerBufferizableOpInterfaceExternalModels(registry);
  tensor::registerBufferizableOpInterfaceExternalModels(registry);
  // byteir-cpu-tile-parallel tiles through linalg's TilingInterface models.
  linalg::registerTilingInterfaceExternalModels(registry);
  // buffer-results-to-out-params{hoist-static-allocs} writes a tiled loop's result
  // straight into the caller's buffer only for allocations with this interface;
  // otherwise a serial copy would follow every parallel loop.
  memref::registerAllocationOpInterfaceExternalModels(registry);
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
}

void mlir::byteir::registerAllPasses() {
  registerTransformsPasses();
  registerConversionPasses();
  bufferization::registerBufferizationPasses();
  bufferization::registerBufferizationPipelines();
  arith::registerArithPasses();
  registerLinalgPasses();
  memref::registerMemRefPasses();
  registerCHLOToStableHLOPasses();
  registerStableHLOToLinalgPasses();
  linalg_ext::registerLinalgExtPasses();
  registerByteIRTransformsPasses();
  registerPipelines();
}
