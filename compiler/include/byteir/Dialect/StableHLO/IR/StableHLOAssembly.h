//===- StableHLOAssembly.h - custom directives of the pretty syntax ------===//
//
// Parsers and printers used by `custom<...>` directives in StableHLOOps.td and by
// attribute parameters in StableHLOAttrs.td. They reproduce the reference printer's
// syntax (what JAX emits) so that producer text parses unchanged.
//
//===----------------------------------------------------------------------===//
#ifndef BYTEIR_DIALECT_STABLEHLO_IR_STABLEHLOASSEMBLY_H
#define BYTEIR_DIALECT_STABLEHLO_IR_STABLEHLOASSEMBLY_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpImplementation.h"

namespace mlir::stablehlo {
class DotDimensionNumbersAttr;
class DotAlgorithmAttr;
class ConvDimensionNumbersAttr;

// `[1, 2]` (attribute parameters).
FailureOr<SmallVector<int64_t>> parseDimList(AsmParser &parser);
void printDimList(AsmPrinter &printer, ArrayRef<int64_t> dims);

// A float literal as an f64 APFloat (result_accuracy tolerances).
FailureOr<llvm::APFloat> parseTolerance(AsmParser &parser);

// `tensor<4xf32>` when every operand and the result share one type, else a
// functional type `(tensor<4xf32>, ...) -> tensor<4xf32>`.
ParseResult parseSameOperandsAndResultTypeImpl(OpAsmParser &parser,
                                               ArrayRef<Type *> operands,
                                               Type &result);
void printSameOperandsAndResultTypeImpl(OpAsmPrinter &printer, TypeRange operands,
                                        Type result);

template <typename... Types>
ParseResult parseSameOperandsAndResultType(OpAsmParser &parser, Types &...types) {
  SmallVector<Type *> all = {&types...};
  return parseSameOperandsAndResultTypeImpl(parser, ArrayRef(all).drop_back(),
                                            *all.back());
}
template <typename... Types>
void printSameOperandsAndResultType(OpAsmPrinter &printer, Operation *,
                                    Types... types) {
  SmallVector<Type> all = {types...};
  printSameOperandsAndResultTypeImpl(printer, ArrayRef(all).drop_back(), all.back());
}

// select: `tensor<i1>, tensor<4xf32>` or a functional type.
ParseResult parseSelectOpType(OpAsmParser &parser, Type &pred, Type &onTrue,
                              Type &onFalse, Type &result);
void printSelectOpType(OpAsmPrinter &printer, Operation *, Type pred, Type onTrue,
                       Type onFalse, Type result);

// complex: `tensor<4xcomplex<f32>>` (operand types derived) or a functional type.
ParseResult parseComplexOpType(OpAsmParser &parser, Type &lhs, Type &rhs, Type &result);
void printComplexOpType(OpAsmPrinter &printer, Operation *, Type lhs, Type rhs,
                        Type result);

// tuple: `tuple<tensor<f32>, tensor<i32>>`, operand types taken from it.
ParseResult parseTupleOpType(OpAsmParser &parser, SmallVectorImpl<Type> &operands,
                             Type &result);
void printTupleOpType(OpAsmPrinter &printer, Operation *, TypeRange operands,
                      Type result);

// optimization_barrier: `tensor<f32>, tensor<i32>` for operands and results.
ParseResult parsePairwiseOpType(OpAsmParser &parser, SmallVectorImpl<Type> &operands,
                                SmallVectorImpl<Type> &results);
void printPairwiseOpType(OpAsmPrinter &printer, Operation *, TypeRange operands,
                         TypeRange results);

// `%a, %b,` : operands each followed by a comma (concatenate, dynamic_slice).
ParseResult parseVariadicOperandWithAttribute(
    OpAsmParser &parser, SmallVectorImpl<OpAsmParser::UnresolvedOperand> &operands);
void printVariadicOperandWithAttribute(OpAsmPrinter &printer, Operation *,
                                       OperandRange operands);

// reduce_precision: `e5m10`.
ParseResult parseExponentMantissa(AsmParser &parser, IntegerAttr &exponent,
                                  IntegerAttr &mantissa);
void printExponentMantissa(AsmPrinter &printer, Operation *, IntegerAttr exponent,
                           IntegerAttr mantissa);

// slice: `[0:4, 1:7:2]`.
ParseResult parseSliceRanges(OpAsmParser &parser, DenseI64ArrayAttr &start,
                             DenseI64ArrayAttr &limit, DenseI64ArrayAttr &strides);
void printSliceRanges(OpAsmPrinter &printer, Operation *, ArrayRef<int64_t> start,
                      ArrayRef<int64_t> limit, ArrayRef<int64_t> strides);

// `, precision = [DEFAULT, HIGHEST]` (optional).
ParseResult parsePrecisionConfig(OpAsmParser &parser, ArrayAttr &precision);
void printPrecisionConfig(OpAsmPrinter &printer, Operation *, ArrayAttr precision);

// `, precision = [...], algorithm = <...>` (both optional).
ParseResult parsePrecisionConfigAndAlgorithm(OpAsmParser &parser, ArrayAttr &precision,
                                             DotAlgorithmAttr &algorithm);
void printPrecisionConfigAndAlgorithm(OpAsmPrinter &printer, Operation *,
                                      ArrayAttr precision, DotAlgorithmAttr algorithm);

// `batching_dims = [0] x [0], contracting_dims = [2] x [1]`.
ParseResult parseDotDimensionNumbers(OpAsmParser &parser,
                                     DotDimensionNumbersAttr &dims);
void printDotDimensionNumbers(OpAsmPrinter &printer, Operation *,
                              DotDimensionNumbersAttr dims);

// `[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]`.
ParseResult parseConvolutionDimensions(AsmParser &parser,
                                       ConvDimensionNumbersAttr &dims);
void printConvolutionDimensions(AsmPrinter &printer, ConvDimensionNumbersAttr dims);
void printConvolutionDimensions(AsmPrinter &printer, Operation *,
                                ConvDimensionNumbersAttr dims);

// `stride = [1, 1], pad = [[0, 0], [1, 1]], lhs_dilate = [...], rhs_dilate = [...],
// reverse = [false, false]` (each optional).
ParseResult parseWindowAttributes(OpAsmParser &parser, DenseI64ArrayAttr &strides,
                                  DenseIntElementsAttr &padding,
                                  DenseI64ArrayAttr &lhsDilation,
                                  DenseI64ArrayAttr &rhsDilation,
                                  DenseBoolArrayAttr &reversal);
void printWindowAttributes(OpAsmPrinter &printer, Operation *, DenseI64ArrayAttr strides,
                           DenseIntElementsAttr padding, DenseI64ArrayAttr lhsDilation,
                           DenseI64ArrayAttr rhsDilation, DenseBoolArrayAttr reversal);

// custom_call target: `@name`, or a string for names that are not identifiers.
ParseResult parseCustomCallTarget(AsmParser &parser, StringAttr &target);
void printCustomCallTarget(AsmPrinter &printer, Operation *, StringAttr target);

} // namespace mlir::stablehlo

#endif // BYTEIR_DIALECT_STABLEHLO_IR_STABLEHLOASSEMBLY_H
