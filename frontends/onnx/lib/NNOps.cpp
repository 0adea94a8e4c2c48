#include "Converter.h"
void mlir::byteir::onnxfe::registerNNOps(Registry &r) {}
