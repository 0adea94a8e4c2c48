//===- StableHLOAttrs.cpp - stablehlo attributes and enums ----------------===//
#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::stablehlo;

#include "byteir/Dialect/StableHLO/IR/StableHLOEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "byteir/Dialect/StableHLO/IR/StableHLOAttrs.cpp.inc"

void StableHLODialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "byteir/Dialect/StableHLO/IR/StableHLOAttrs.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>
//===----------------------------------------------------------------------===//

namespace {
// Field names of the `raw` form, in parameter order.
constexpr llvm::StringLiteral kConvRawFields[] = {
    "input_batch_dimension",         "input_feature_dimension",
    "input_spatial_dimensions",      "kernel_input_feature_dimension",
    "kernel_output_feature_dimension", "kernel_spatial_dimensions",
    "output_batch_dimension",        "output_feature_dimension",
    "output_spatial_dimensions"};

Attribute parseConvRaw(AsmParser &parser) {
  int64_t scalars[6] = {-1, -1, -1, -1, -1, -1};
  SmallVector<int64_t> lists[3];
  bool seen[9] = {};
  auto parseField = [&]() -> ParseResult {
    StringRef key;
    SMLoc loc = parser.getCurrentLocation();
    if (parser.parseKeyword(&key) || parser.parseEqual())
      return failure();
    auto it = llvm::find(kConvRawFields, key);
    if (it == std::end(kConvRawFields))
      return parser.emitError(loc, "unknown convolution dimension field '") << key << "'";
    size_t index = it - std::begin(kConvRawFields);
    if (seen[index])
      return parser.emitError(loc, "duplicate field '") << key << "'";
    seen[index] = true;
    if (index % 3 == 2) {
      FailureOr<SmallVector<int64_t>> dims = parseDimList(parser);
      if (failed(dims))
        return failure();
      lists[index / 3] = std::move(*dims);
      return success();
    }
    return parser.parseInteger(scalars[index / 3 * 2 + index % 3]);
  };
  if (parser.parseCommaSeparatedList(parseField))
    return {};
  for (auto [index, name] : llvm::enumerate(kConvRawFields))
    if (!seen[index] && index % 3 != 2) {
      parser.emitError(parser.getCurrentLocation(), "missing field '") << name << "'";
      return {};
    }
  return ConvDimensionNumbersAttr::get(parser.getContext(), scalars[0], scalars[1],
                                       lists[0], scalars[2], scalars[3], lists[1],
                                       scalars[4], scalars[5], lists[2]);
}
} // namespace

Attribute ConvDimensionNumbersAttr::parse(AsmParser &parser, Type) {
  if (parser.parseLess())
    return {};
  Attribute result;
  if (succeeded(parser.parseOptionalKeyword("raw"))) {
    result = parseConvRaw(parser);
  } else {
    ConvDimensionNumbersAttr dims;
    if (succeeded(parseConvolutionDimensions(parser, dims)))
      result = dims;
  }
  if (!result || parser.parseGreater())
    return {};
  return result;
}

void ConvDimensionNumbersAttr::print(AsmPrinter &printer) const {
  printer << "<";
  printConvolutionDimensions(printer, *this);
  printer << ">";
}

//===----------------------------------------------------------------------===//
// #stablehlo.bounds<4, ?>
//===----------------------------------------------------------------------===//

Attribute TypeExtensionsAttr::parse(AsmParser &parser, Type) {
  SmallVector<int64_t> bounds;
  auto parseBound = [&]() -> ParseResult {
    if (succeeded(parser.parseOptionalQuestion())) {
      bounds.push_back(ShapedType::kDynamic);
      return success();
    }
    return parser.parseInteger(bounds.emplace_back());
  };
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::LessGreater, parseBound))
    return {};
  return TypeExtensionsAttr::get(parser.getContext(), bounds);
}

void TypeExtensionsAttr::print(AsmPrinter &printer) const {
  printer << "<";
  llvm::interleaveComma(getBounds(), printer, [&](int64_t bound) {
    if (ShapedType::isDynamic(bound))
      printer << "?";
    else
      printer << bound;
  });
  printer << ">";
}
