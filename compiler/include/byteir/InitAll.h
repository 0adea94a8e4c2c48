//===- InitAll.h - register byteir's dialects and passes ------------------===//
#ifndef BYTEIR_INITALL_H
#define BYTEIR_INITALL_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace mlir::byteir {
// byteir's dialects and the upstream dialects its pipelines use.
void registerAllDialects(DialectRegistry &registry);
// Every byteir pass and pipeline, and the upstream passes byteir-opt offers.
void registerAllPasses();
} // namespace mlir::byteir

#endif // BYTEIR_INITALL_H
