//===- StableHLOAssembly.cpp - custom directives of the pretty syntax -----===//
#include "byteir/Dialect/StableHLO/IR/StableHLOAssembly.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"

using namespace mlir;
using namespace mlir::stablehlo;

namespace {
ParseResult parseIntList(AsmParser &parser, SmallVectorImpl<int64_t> &values) {
  return parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&]() {
    return parser.parseInteger(values.emplace_back());
  });
}

void printIntList(AsmPrinter &printer, ArrayRef<int64_t> values) {
  printer << '[';
  llvm::interleaveComma(values, printer);
  printer << ']';
}

ParseResult parseEqualIntList(AsmParser &parser, SmallVectorImpl<int64_t> &values) {
  if (parser.parseEqual())
    return failure();
  return parseIntList(parser, values);
}

// Assigns the parsed type `type` to operands and result: either the one type of all
// of them, or a function type listing each.
ParseResult assignTypes(OpAsmParser &parser, SMLoc loc, Type type,
                        ArrayRef<Type *> operands, Type &result) {
  auto fn = dyn_cast<FunctionType>(type);
  if (!fn) {
    for (Type *operand : operands)
      *operand = type;
    result = type;
    return success();
  }
  if (fn.getNumInputs() != operands.size() || fn.getNumResults() != 1)
    return parser.emitError(loc, "expected a function type with ")
           << operands.size() << " inputs and 1 result";
  for (auto [operand, input] : llvm::zip(operands, fn.getInputs()))
    *operand = input;
  result = fn.getResult(0);
  return success();
}

void printFunctionalType(AsmPrinter &printer, TypeRange inputs, TypeRange results) {
  printer.printFunctionalType(inputs, results);
}
} // namespace

FailureOr<SmallVector<int64_t>> mlir::stablehlo::parseDimList(AsmParser &parser) {
  SmallVector<int64_t> dims;
  if (parseIntList(parser, dims))
    return failure();
  return dims;
}

void mlir::stablehlo::printDimList(AsmPrinter &printer, ArrayRef<int64_t> dims) {
  printIntList(printer, dims);
}

FailureOr<llvm::APFloat> mlir::stablehlo::parseTolerance(AsmParser &parser) {
  double value;
  if (parser.parseFloat(value))
    return failure();
  return llvm::APFloat(value);
}

ParseResult mlir::stablehlo::parseSameOperandsAndResultTypeImpl(
    OpAsmParser &parser, ArrayRef<Type *> operands, Type &result) {
  SMLoc loc = parser.getCurrentLocation();
  Type type;
  if (parser.parseType(type))
    return failure();
  return assignTypes(parser, loc, type, operands, result);
}

void mlir::stablehlo::printSameOperandsAndResultTypeImpl(OpAsmPrinter &printer,
                                                         TypeRange operands,
                                                         Type result) {
  if (llvm::all_of(operands, [&](Type t) { return t == result; }))
    printer << result;
  else
    printFunctionalType(printer, operands, result);
}

ParseResult mlir::stablehlo::parseSelectOpType(OpAsmParser &parser, Type &pred,
                                               Type &onTrue, Type &onFalse,
                                               Type &result) {
  SMLoc loc = parser.getCurrentLocation();
  Type first;
  if (parser.parseType(first))
    return failure();
  if (isa<FunctionType>(first))
    return assignTypes(parser, loc, first, {&pred, &onTrue, &onFalse}, result);
  pred = first;
  Type value;
  if (parser.parseComma() || parser.parseType(value))
    return failure();
  onTrue = onFalse = result = value;
  return success();
}

void mlir::stablehlo::printSelectOpType(OpAsmPrinter &printer, Operation *, Type pred,
                                        Type onTrue, Type onFalse, Type result) {
  if (onTrue == result && onFalse == result)
    printer << pred << ", " << result;
  else
    printFunctionalType(printer, {pred, onTrue, onFalse}, result);
}

ParseResult mlir::stablehlo::parseComplexOpType(OpAsmParser &parser, Type &lhs,
                                                Type &rhs, Type &result) {
  SMLoc loc = parser.getCurrentLocation();
  Type type;
  if (parser.parseType(type))
    return failure();
  if (isa<FunctionType>(type))
    return assignTypes(parser, loc, type, {&lhs, &rhs}, result);
  auto shaped = dyn_cast<ShapedType>(type);
  auto complex = shaped ? dyn_cast<ComplexType>(shaped.getElementType()) : nullptr;
  if (!complex)
    return parser.emitError(loc, "expected a tensor of complex type");
  result = type;
  lhs = rhs = shaped.clone(complex.getElementType());
  return success();
}

void mlir::stablehlo::printComplexOpType(OpAsmPrinter &printer, Operation *, Type lhs,
                                         Type rhs, Type result) {
  auto shaped = cast<ShapedType>(result);
  Type part = shaped.clone(cast<ComplexType>(shaped.getElementType()).getElementType());
  if (lhs == part && rhs == part)
    printer << result;
  else
    printFunctionalType(printer, {lhs, rhs}, result);
}

ParseResult mlir::stablehlo::parseTupleOpType(OpAsmParser &parser,
                                              SmallVectorImpl<Type> &operands,
                                              Type &result) {
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseType(result))
    return failure();
  auto tuple = dyn_cast<TupleType>(result);
  if (!tuple)
    return parser.emitError(loc, "expected a tuple type");
  llvm::append_range(operands, tuple.getTypes());
  return success();
}

void mlir::stablehlo::printTupleOpType(OpAsmPrinter &printer, Operation *, TypeRange,
                                       Type result) {
  printer << result;
}

ParseResult mlir::stablehlo::parsePairwiseOpType(OpAsmParser &parser,
                                                 SmallVectorImpl<Type> &operands,
                                                 SmallVectorImpl<Type> &results) {
  if (parser.parseTypeList(operands))
    return failure();
  results.assign(operands.begin(), operands.end());
  return success();
}

void mlir::stablehlo::printPairwiseOpType(OpAsmPrinter &printer, Operation *,
                                          TypeRange operands, TypeRange) {
  llvm::interleaveComma(operands, printer);
}

ParseResult mlir::stablehlo::parseVariadicOperandWithAttribute(
    OpAsmParser &parser, SmallVectorImpl<OpAsmParser::UnresolvedOperand> &operands) {
  while (true) {
    OpAsmParser::UnresolvedOperand operand;
    OptionalParseResult parsed = parser.parseOptionalOperand(operand);
    if (!parsed.has_value())
      return success();
    if (failed(*parsed) || parser.parseComma())
      return failure();
    operands.push_back(operand);
  }
}

void mlir::stablehlo::printVariadicOperandWithAttribute(OpAsmPrinter &printer,
                                                        Operation *,
                                                        OperandRange operands) {
  // ODS puts a space before the next keyword.
  llvm::interleaveComma(operands, printer);
  if (!operands.empty())
    printer << ',';
}

ParseResult mlir::stablehlo::parseExponentMantissa(AsmParser &parser,
                                                   IntegerAttr &exponent,
                                                   IntegerAttr &mantissa) {
  SMLoc loc = parser.getCurrentLocation();
  StringRef format;
  if (parser.parseKeyword(&format))
    return failure();
  unsigned e = 0, m = 0;
  size_t mPos = format.find('m');
  if (!format.consume_front("e") || mPos == StringRef::npos ||
      format.substr(0, mPos - 1).getAsInteger(10, e) ||
      format.substr(mPos).getAsInteger(10, m))
    return parser.emitError(loc, "expected a format like e5m10, got '") << format << "'";
  Type i32 = IntegerType::get(parser.getContext(), 32);
  exponent = IntegerAttr::get(i32, e);
  mantissa = IntegerAttr::get(i32, m);
  return success();
}

void mlir::stablehlo::printExponentMantissa(AsmPrinter &printer, Operation *,
                                            IntegerAttr exponent, IntegerAttr mantissa) {
  printer << 'e' << exponent.getInt() << 'm' << mantissa.getInt();
}

ParseResult mlir::stablehlo::parseSliceRanges(OpAsmParser &parser,
                                              DenseI64ArrayAttr &start,
                                              DenseI64ArrayAttr &limit,
                                              DenseI64ArrayAttr &strides) {
  SmallVector<int64_t> starts, limits, steps;
  auto parseRange = [&]() -> ParseResult {
    if (parser.parseInteger(starts.emplace_back()) || parser.parseColon() ||
        parser.parseInteger(limits.emplace_back()))
      return failure();
    int64_t step = 1;
    if (succeeded(parser.parseOptionalColon()) && parser.parseInteger(step))
      return failure();
    steps.push_back(step);
    return success();
  };
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, parseRange))
    return failure();
  MLIRContext *ctx = parser.getContext();
  start = DenseI64ArrayAttr::get(ctx, starts);
  limit = DenseI64ArrayAttr::get(ctx, limits);
  strides = DenseI64ArrayAttr::get(ctx, steps);
  return success();
}

void mlir::stablehlo::printSliceRanges(OpAsmPrinter &printer, Operation *,
                                       ArrayRef<int64_t> start, ArrayRef<int64_t> limit,
                                       ArrayRef<int64_t> strides) {
  printer << '[';
  for (size_t i = 0, e = start.size(); i < e; ++i) {
    if (i)
      printer << ", ";
    printer << start[i] << ':' << (i < limit.size() ? limit[i] : 0);
    if (i < strides.size() && strides[i] != 1)
      printer << ':' << strides[i];
  }
  printer << ']';
}

namespace {
ParseResult parsePrecisionList(AsmParser &parser, ArrayAttr &precision) {
  SmallVector<Attribute> values;
  auto parseOne = [&]() -> ParseResult {
    SMLoc loc = parser.getCurrentLocation();
    StringRef keyword;
    if (parser.parseKeyword(&keyword))
      return failure();
    std::optional<Precision> value = symbolizePrecision(keyword);
    if (!value)
      return parser.emitError(loc, "unknown precision '") << keyword << "'";
    values.push_back(PrecisionAttr::get(parser.getContext(), *value));
    return success();
  };
  if (parser.parseEqual() ||
      parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, parseOne))
    return failure();
  precision = ArrayAttr::get(parser.getContext(), values);
  return success();
}

void printPrecisionList(AsmPrinter &printer, ArrayAttr precision) {
  printer << "precision = [";
  llvm::interleaveComma(precision, printer, [&](Attribute attr) {
    printer << stringifyPrecision(cast<PrecisionAttr>(attr).getValue());
  });
  printer << ']';
}
} // namespace

ParseResult mlir::stablehlo::parsePrecisionConfig(OpAsmParser &parser,
                                                  ArrayAttr &precision) {
  if (failed(parser.parseOptionalComma()))
    return success();
  if (parser.parseKeyword("precision"))
    return failure();
  return parsePrecisionList(parser, precision);
}

void mlir::stablehlo::printPrecisionConfig(OpAsmPrinter &printer, Operation *,
                                           ArrayAttr precision) {
  if (!precision)
    return;
  printer << ", ";
  printPrecisionList(printer, precision);
}

ParseResult mlir::stablehlo::parsePrecisionConfigAndAlgorithm(
    OpAsmParser &parser, ArrayAttr &precision, DotAlgorithmAttr &algorithm) {
  while (succeeded(parser.parseOptionalComma())) {
    SMLoc loc = parser.getCurrentLocation();
    if (succeeded(parser.parseOptionalKeyword("precision"))) {
      if (parsePrecisionList(parser, precision))
        return failure();
    } else if (succeeded(parser.parseOptionalKeyword("algorithm"))) {
      if (parser.parseEqual())
        return failure();
      Attribute attr = DotAlgorithmAttr::parse(parser, Type());
      if (!attr)
        return failure();
      algorithm = cast<DotAlgorithmAttr>(attr);
    } else {
      return parser.emitError(loc, "expected 'precision' or 'algorithm'");
    }
  }
  return success();
}

void mlir::stablehlo::printPrecisionConfigAndAlgorithm(OpAsmPrinter &printer,
                                                       Operation *op,
                                                       ArrayAttr precision,
                                                       DotAlgorithmAttr algorithm) {
  printPrecisionConfig(printer, op, precision);
  if (algorithm) {
    printer << ", algorithm = ";
    algorithm.print(printer);
  }
}

ParseResult mlir::stablehlo::parseDotDimensionNumbers(OpAsmParser &parser,
                                                      DotDimensionNumbersAttr &dims) {
  SmallVector<int64_t> lhsBatch, rhsBatch, lhsContract, rhsContract;
  auto parsePair = [&](SmallVectorImpl<int64_t> &lhs,
                       SmallVectorImpl<int64_t> &rhs) -> ParseResult {
    if (parseEqualIntList(parser, lhs) || parser.parseKeyword("x"))
      return failure();
    return parseIntList(parser, rhs);
  };
  if (succeeded(parser.parseOptionalKeyword("batching_dims")) &&
      (parsePair(lhsBatch, rhsBatch) || parser.parseComma()))
    return failure();
  if (parser.parseKeyword("contracting_dims") || parsePair(lhsContract, rhsContract))
    return failure();
  dims = DotDimensionNumbersAttr::get(parser.getContext(), lhsBatch, rhsBatch,
                                      lhsContract, rhsContract);
  return success();
}

void mlir::stablehlo::printDotDimensionNumbers(OpAsmPrinter &printer, Operation *,
                                               DotDimensionNumbersAttr dims) {
  if (!dims.getLhsBatchingDimensions().empty() ||
      !dims.getRhsBatchingDimensions().empty()) {
    printer << "batching_dims = ";
    printIntList(printer, dims.getLhsBatchingDimensions());
    printer << " x ";
    printIntList(printer, dims.getRhsBatchingDimensions());
    printer << ", ";
  }
  printer << "contracting_dims = ";
  printIntList(printer, dims.getLhsContractingDimensions());
  printer << " x ";
  printIntList(printer, dims.getRhsContractingDimensions());
}

//===----------------------------------------------------------------------===//
// Convolution dimension numbers: `[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]`
//===----------------------------------------------------------------------===//

namespace {
// One bracketed layout: positions of the two named dims and of each spatial dim.
struct ConvLayout {
  int64_t first = -1, second = -1;
  SmallVector<int64_t> spatial;
};

ParseResult parseConvLayout(AsmParser &parser, char firstName, char secondName,
                            ConvLayout &layout) {
  SmallVector<std::pair<int64_t, int64_t>> spatial; // (spatial index, position)
  int64_t position = 0;
  auto parseEntry = [&]() -> ParseResult {
    SMLoc loc = parser.getCurrentLocation();
    int64_t index;
    OptionalParseResult number = parser.parseOptionalInteger(index);
    if (number.has_value()) {
      if (failed(*number))
        return failure();
      spatial.emplace_back(index, position++);
      return success();
    }
    StringRef name;
    if (parser.parseKeyword(&name))
      return failure();
    int64_t &slot = name == StringRef(&firstName, 1)    ? layout.first
                    : name == StringRef(&secondName, 1) ? layout.second
                                                        : position;
    if (&slot == &position)
      return parser.emitError(loc, "expected '") << firstName << "', '" << secondName
                                                 << "' or a spatial index, got '" << name << "'";
    if (slot != -1)
      return parser.emitError(loc, "duplicate '") << name << "' in convolution layout";
    slot = position++;
    return success();
  };
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, parseEntry))
    return failure();
  if (layout.first == -1 || layout.second == -1)
    return parser.emitError(loc, "convolution layout must name '")
           << firstName << "' and '" << secondName << "'";
  layout.spatial.assign(spatial.size(), -1);
  for (auto [index, pos] : spatial) {
    if (index < 0 || index >= static_cast<int64_t>(spatial.size()) ||
        layout.spatial[index] != -1)
      return parser.emitError(loc, "spatial indices must be a permutation of 0..")
             << spatial.size() - 1;
    layout.spatial[index] = pos;
  }
  return success();
}

void printConvLayout(AsmPrinter &printer, char firstName, int64_t first,
                     char secondName, int64_t second, ArrayRef<int64_t> spatial) {
  int64_t rank = 2 + spatial.size();
  SmallVector<std::string> names(rank, "?");
  if (first >= 0 && first < rank)
    names[first] = std::string(1, firstName);
  if (second >= 0 && second < rank)
    names[second] = std::string(1, secondName);
  for (auto [index, pos] : llvm::enumerate(spatial))
    if (pos >= 0 && pos < rank)
      names[pos] = std::to_string(index);
  printer << '[';
  llvm::interleaveComma(names, printer);
  printer << ']';
}
} // namespace

ParseResult mlir::stablehlo::parseConvolutionDimensions(AsmParser &parser,
                                                        ConvDimensionNumbersAttr &dims) {
  ConvLayout input, kernel, output;
  if (parseConvLayout(parser, 'b', 'f', input) || parser.parseKeyword("x") ||
      parseConvLayout(parser, 'i', 'o', kernel) || parser.parseArrow() ||
      parseConvLayout(parser, 'b', 'f', output))
    return failure();
  dims = ConvDimensionNumbersAttr::get(parser.getContext(), input.first, input.second,
                                       input.spatial, kernel.first, kernel.second,
                                       kernel.spatial, output.first, output.second,
                                       output.spatial);
  return success();
}

void mlir::stablehlo::printConvolutionDimensions(AsmPrinter &printer,
                                                 ConvDimensionNumbersAttr dims) {
  printConvLayout(printer, 'b', dims.getInputBatchDimension(), 'f',
                  dims.getInputFeatureDimension(), dims.getInputSpatialDimensions());
  printer << 'x';
  printConvLayout(printer, 'i', dims.getKernelInputFeatureDimension(), 'o',
                  dims.getKernelOutputFeatureDimension(),
                  dims.getKernelSpatialDimensions());
  printer << "->";
  printConvLayout(printer, 'b', dims.getOutputBatchDimension(), 'f',
                  dims.getOutputFeatureDimension(), dims.getOutputSpatialDimensions());
}

void mlir::stablehlo::printConvolutionDimensions(AsmPrinter &printer, Operation *,
                                                 ConvDimensionNumbersAttr dims) {
  printConvolutionDimensions(printer, dims);
}

//===----------------------------------------------------------------------===//
// Convolution window: `stride = [1, 1], pad = [[0, 0], [1, 1]], ...`
//===----------------------------------------------------------------------===//

ParseResult mlir::stablehlo::parseWindowAttributes(
    OpAsmParser &parser, DenseI64ArrayAttr &strides, DenseIntElementsAttr &padding,
    DenseI64ArrayAttr &lhsDilation, DenseI64ArrayAttr &rhsDilation,
    DenseBoolArrayAttr &reversal) {
  MLIRContext *ctx = parser.getContext();
  auto parseField = [&](StringRef key) -> ParseResult {
    SMLoc loc = parser.getCurrentLocation();
    if (parser.parseEqual())
      return failure();
    if (key == "pad") {
      SmallVector<int64_t> flat;
      int64_t rows = 0;
      auto parseRow = [&]() -> ParseResult {
        ++rows;
        SmallVector<int64_t> row;
        if (parseIntList(parser, row))
          return failure();
        if (row.size() != 2)
          return parser.emitError(loc, "each pad entry must be [low, high]");
        llvm::append_range(flat, row);
        return success();
      };
      if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, parseRow))
        return failure();
      auto type = RankedTensorType::get({rows, 2}, IntegerType::get(ctx, 64));
      padding = DenseIntElementsAttr::get(type, flat);
      return success();
    }
    if (key == "reverse") {
      SmallVector<bool> flags;
      auto parseFlag = [&]() -> ParseResult {
        if (succeeded(parser.parseOptionalKeyword("true"))) {
          flags.push_back(true);
          return success();
        }
        if (succeeded(parser.parseOptionalKeyword("false"))) {
          flags.push_back(false);
          return success();
        }
        int64_t value;
        if (parser.parseInteger(value))
          return failure();
        flags.push_back(value != 0);
        return success();
      };
      if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, parseFlag))
        return failure();
      reversal = DenseBoolArrayAttr::get(ctx, flags);
      return success();
    }
    DenseI64ArrayAttr *target = key == "stride"       ? &strides
                                : key == "lhs_dilate" ? &lhsDilation
                                : key == "rhs_dilate" ? &rhsDilation
                                                      : nullptr;
    if (!target)
      return parser.emitError(loc, "unknown window attribute '") << key << "'";
    SmallVector<int64_t> values;
    if (parseIntList(parser, values))
      return failure();
    *target = DenseI64ArrayAttr::get(ctx, values);
    return success();
  };
  // `window = {}` has no fields.
  StringRef key;
  if (failed(parser.parseOptionalKeyword(&key)))
    return success();
  while (true) {
    if (parseField(key))
      return failure();
    if (failed(parser.parseOptionalComma()))
      return success();
    if (parser.parseKeyword(&key))
      return failure();
  }
}

void mlir::stablehlo::printWindowAttributes(OpAsmPrinter &printer, Operation *,
                                            DenseI64ArrayAttr strides,
                                            DenseIntElementsAttr padding,
                                            DenseI64ArrayAttr lhsDilation,
                                            DenseI64ArrayAttr rhsDilation,
                                            DenseBoolArrayAttr reversal) {
  SmallVector<std::function<void()>> fields;
  auto addList = [&](StringRef name, DenseI64ArrayAttr attr) {
    if (attr)
      fields.push_back([&printer, name, attr] {
        printer << name << " = ";
        printIntList(printer, attr.asArrayRef());
      });
  };
  addList("stride", strides);
  if (padding)
    fields.push_back([&] {
      SmallVector<int64_t> flat(padding.getValues<int64_t>());
      printer << "pad = [";
      for (size_t i = 0; i + 1 < flat.size(); i += 2)
        printer << (i ? ", " : "") << '[' << flat[i] << ", " << flat[i + 1] << ']';
      printer << ']';
    });
  addList("lhs_dilate", lhsDilation);
  addList("rhs_dilate", rhsDilation);
  if (reversal)
    fields.push_back([&] {
      printer << "reverse = [";
      llvm::interleaveComma(reversal.asArrayRef(), printer,
                            [&](bool flag) { printer << (flag ? "true" : "false"); });
      printer << ']';
    });
  llvm::interleaveComma(fields, printer, [](auto &print) { print(); });
}

ParseResult mlir::stablehlo::parseCustomCallTarget(AsmParser &parser,
                                                   StringAttr &target) {
  return parser.parseSymbolName(target);
}

void mlir::stablehlo::printCustomCallTarget(AsmPrinter &printer, Operation *,
                                            StringAttr target) {
  printer.printSymbolName(target.getValue());
}
