//===- byteir-opt.cpp - run byteir passes on MLIR text or bytecode --------===//
#include "byteir/InitAll.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::byteir::registerAllDialects(registry);
  mlir::byteir::registerAllPasses();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "byteir optimizer driver\n", registry));
}
