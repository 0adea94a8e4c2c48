//===- StableHLOOps.cpp - stablehlo op definitions ------------------------===//
//
// Op class definitions, builders, folders and the hand-written pretty forms of
// constant, reduce and while. Verifiers are in StableHLOVerifiers.cpp, result type
// inference in StableHLOTypeInference.cpp.
//
//===----------------------------------------------------------------------===//
#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace mlir::stablehlo;

#define GET_OP_CLASSES
#include "byteir/Dialect/StableHLO/IR/StableHLOOps.cpp.inc"

//===----------------------------------------------------------------------===//
// ConstantOp: `stablehlo.constant dense<1.0> : tensor<f32>`
//===----------------------------------------------------------------------===//

void ConstantOp::build(OpBuilder &builder, OperationState &state, Attribute value) {
  auto elements = cast<ElementsAttr>(value);
  build(builder, state, elements.getType(), elements);
}

LogicalResult ConstantOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                           ValueRange, DictionaryAttr attributes,
                                           OpaqueProperties properties, RegionRange,
                                           SmallVectorImpl<Type> &types) {
  Adaptor adaptor(ValueRange(), attributes, properties);
  if (!adaptor.getValue())
    return failure();
  types.push_back(adaptor.getValue().getType());
  return success();
}

bool ConstantOp::isCompatibleReturnTypes(TypeRange lhs, TypeRange rhs) {
  // A quantized constant holds its storage values: compare shapes only.
  if (lhs.size() != 1 || rhs.size() != 1)
    return false;
  if (lhs[0] == rhs[0])
    return true;
  auto l = dyn_cast<ShapedType>(lhs[0]), r = dyn_cast<ShapedType>(rhs[0]);
  return l && r && l.getShape() == r.getShape() &&
         (isa<quant::QuantizedType>(l.getElementType()) ||
          isa<quant::QuantizedType>(r.getElementType()));
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

ParseResult ConstantOp::parse(OpAsmParser &parser, OperationState &result) {
  // Quantized form: `stablehlo.constant() {value = dense<..> : ...} : () -> T`.
  if (succeeded(parser.parseOptionalLParen())) {
    FunctionType type;
    if (parser.parseRParen() || parser.parseOptionalAttrDict(result.attributes) ||
        parser.parseColonType(type))
      return failure();
    if (type.getNumInputs() != 0 || type.getNumResults() != 1)
      return parser.emitError(parser.getCurrentLocation(),
                              "expected a type '() -> tensor<...>'");
    result.addTypes(type.getResults());
    return success();
  }
  ElementsAttr value;
  if (parser.parseOptionalAttrDict(result.attributes) ||
      parser.parseAttribute(value, "value", result.attributes))
    return failure();
  result.addTypes(value.getType());
  return success();
}

void ConstantOp::print(OpAsmPrinter &printer) {
  if (getValue().getType() != getType()) {
    printer << "()";
    printer.printOptionalAttrDict((*this)->getAttrs());
    printer << " : ";
    printer.printFunctionalType(TypeRange(), getOperation()->getResultTypes());
    return;
  }
  printer.printOptionalAttrDict((*this)->getAttrs(), {"value"});
  printer << ' ';
  printer.printAttribute(getValue());
}

void ConvertOp::build(OpBuilder &builder, OperationState &state, Value operand,
                      Type elementType) {
  auto type = cast<ShapedType>(operand.getType()).clone(elementType);
  build(builder, state, type, operand);
}

//===----------------------------------------------------------------------===//
// ReduceOp
//   compact: `stablehlo.reduce(%x init: %c) applies stablehlo.add across
//             dimensions = [0] : (T, S) -> R`
//   general: `stablehlo.reduce(%a init: %c), (%b init: %d) across dimensions = [1]
//             : (...) -> (...) reducer(%a0: S, %a1: S) (%b0: U, %b1: U) { ... }`
// Block argument k pairs with block argument k + N (N = number of inputs).
//===----------------------------------------------------------------------===//

namespace {
// The single binary op of a body that can print as `applies <op>`. (The compact
// form drops the body's own locations.)
Operation *compactReduceBodyOp(ReduceOp op) {
  if (op.getInputs().size() != 1)
    return nullptr;
  Block &block = op.getBody().front();
  if (!llvm::hasSingleElement(block.without_terminator()))
    return nullptr;
  Operation &inner = block.front();
  auto ret = dyn_cast<ReturnOp>(block.getTerminator());
  if (!ret || inner.getDialect() != op->getDialect() || inner.getNumOperands() != 2 ||
      inner.getNumResults() != 1 || inner.getNumRegions() != 0 ||
      !inner.getAttrs().empty() || inner.getOperand(0) != block.getArgument(0) ||
      inner.getOperand(1) != block.getArgument(1) ||
      ret.getNumOperands() != 1 || ret.getOperand(0) != inner.getResult(0) ||
      inner.getResult(0).getType() != block.getArgument(0).getType() ||
      // The compact form rebuilds the body on the init value's type.
      block.getArgument(0).getType() != op.getInitValues()[0].getType())
    return nullptr;
  return &inner;
}
} // namespace

void ReduceOp::print(OpAsmPrinter &printer) {
  size_t n = getInputs().size();
  for (size_t i = 0; i < n; ++i) {
    printer << (i ? ", " : "") << '(' << getInputs()[i] << " init: " << getInitValues()[i]
            << ')';
  }
  Operation *compact = compactReduceBodyOp(*this);
  if (compact)
    printer << " applies " << compact->getName().getStringRef();
  printer << " across dimensions = [";
  llvm::interleaveComma(getDimensions(), printer);
  printer << ']';
  printer.printOptionalAttrDict((*this)->getAttrs(), {getDimensionsAttrName()});
  printer << " : ";
  printer.printFunctionalType(*this);
  if (compact)
    return;
  printer.printNewline();
  printer << " reducer";
  Block &block = getBody().front();
  for (size_t i = 0; i < n; ++i) {
    printer << '(';
    printer.printRegionArgument(block.getArgument(i));
    printer << ", ";
    printer.printRegionArgument(block.getArgument(i + n));
    printer << ") ";
  }
  printer.printRegion(getBody(), /*printEntryBlockArgs=*/false);
}

ParseResult ReduceOp::parse(OpAsmParser &parser, OperationState &result) {
  SMLoc loc = parser.getCurrentLocation();
  SmallVector<OpAsmParser::UnresolvedOperand> inputs, inits;
  auto parsePair = [&]() -> ParseResult {
    return failure(parser.parseLParen() || parser.parseOperand(inputs.emplace_back()) ||
                   parser.parseKeyword("init") || parser.parseColon() ||
                   parser.parseOperand(inits.emplace_back()) || parser.parseRParen());
  };
  if (parser.parseCommaSeparatedList(parsePair))
    return failure();

  std::optional<OperationName> compactOp;
  if (succeeded(parser.parseOptionalKeyword("applies"))) {
    SMLoc opLoc = parser.getCurrentLocation();
    std::string name;
    StringRef keyword;
    if (parser.parseKeywordOrString(&name))
      return failure();
    keyword = name;
    compactOp = OperationName(keyword, parser.getContext());
    if (!compactOp->isRegistered())
      return parser.emitError(opLoc, "unknown reducer op '") << keyword << "'";
  }

  SmallVector<int64_t> dims;
  if (parser.parseKeyword("across") || parser.parseKeyword("dimensions") ||
      parser.parseEqual() ||
      parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&]() {
        return parser.parseInteger(dims.emplace_back());
      }))
    return failure();
  result.addAttribute(getDimensionsAttrName(result.name),
                      DenseI64ArrayAttr::get(parser.getContext(), dims));

  FunctionType fnType;
  if (parser.parseOptionalAttrDict(result.attributes) || parser.parseColonType(fnType))
    return failure();
  if (fnType.getNumInputs() != inputs.size() * 2)
    return parser.emitError(loc, "expected ") << inputs.size() * 2 << " operand types";
  SmallVector<OpAsmParser::UnresolvedOperand> operands(inputs);
  llvm::append_range(operands, inits);
  if (parser.resolveOperands(operands, fnType.getInputs(), loc, result.operands))
    return failure();
  result.addTypes(fnType.getResults());

  Region *body = result.addRegion();
  if (compactOp) {
    // Rebuild the one-op body: (acc, x) -> op(acc, x).
    OpBuilder builder(parser.getContext());
    Type scalar = fnType.getInput(inputs.size());
    Location opLoc = result.location;
    Block *block = builder.createBlock(body, {}, {scalar, scalar}, {opLoc, opLoc});
    OperationState innerState(opLoc, *compactOp);
    innerState.addOperands(block->getArguments());
    innerState.addTypes(scalar);
    Operation *inner = builder.create(innerState);
    ReturnOp::create(builder, opLoc, inner->getResults());
    return success();
  }

  if (parser.parseKeyword("reducer"))
    return failure();
  size_t n = inputs.size();
  SmallVector<OpAsmParser::Argument> firsts, seconds;
  for (size_t i = 0; i < n; ++i) {
    if (parser.parseLParen() || parser.parseArgument(firsts.emplace_back(), true) ||
        parser.parseComma() || parser.parseArgument(seconds.emplace_back(), true) ||
        parser.parseRParen())
      return failure();
  }
  SmallVector<OpAsmParser::Argument> args(firsts);
  llvm::append_range(args, seconds);
  return parser.parseRegion(*body, args);
}

//===----------------------------------------------------------------------===//
// WhileOp: `stablehlo.while(%iterArg = %init) : T cond { ... } do { ... }`
//===----------------------------------------------------------------------===//

void WhileOp::print(OpAsmPrinter &printer) {
  printer << '(';
  Block &cond = getCond().front();
  llvm::interleaveComma(llvm::zip(cond.getArguments(), getOperand()), printer,
                        [&](auto pair) {
                          printer << std::get<0>(pair) << " = " << std::get<1>(pair);
                        });
  printer << ')';
  printer.printOptionalAttrDictWithKeyword((*this)->getAttrs());
  if (!getOperand().empty()) {
    printer << " : ";
    llvm::interleaveComma(getOperand().getTypes(), printer);
  }
  printer.printNewline();
  printer << " cond ";
  printer.printRegion(getCond(), /*printEntryBlockArgs=*/false);
  printer << " do ";
  printer.printRegion(getBody(), /*printEntryBlockArgs=*/false);
}

ParseResult WhileOp::parse(OpAsmParser &parser, OperationState &result) {
  SMLoc loc = parser.getCurrentLocation();
  SmallVector<OpAsmParser::Argument> args;
  SmallVector<OpAsmParser::UnresolvedOperand> operands;
  auto parseIter = [&]() -> ParseResult {
    return failure(parser.parseArgument(args.emplace_back()) || parser.parseEqual() ||
                   parser.parseOperand(operands.emplace_back()));
  };
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Paren, parseIter) ||
      parser.parseOptionalAttrDictWithKeyword(result.attributes))
    return failure();
  SmallVector<Type> types;
  if (!operands.empty() && (parser.parseColon() || parser.parseTypeList(types)))
    return failure();
  if (types.size() != operands.size())
    return parser.emitError(loc, "expected ") << operands.size() << " types";
  if (parser.resolveOperands(operands, types, loc, result.operands))
    return failure();
  result.addTypes(types);
  for (auto [arg, type] : llvm::zip(args, types))
    arg.type = type;
  return failure(parser.parseKeyword("cond") ||
                 parser.parseRegion(*result.addRegion(), args) ||
                 parser.parseKeyword("do") ||
                 parser.parseRegion(*result.addRegion(), args));
}

void WhileOp::getAsmBlockArgumentNames(Region &region, OpAsmSetValueNameFn setNameFn) {
  for (BlockArgument arg : region.getArguments())
    setNameFn(arg, "iterArg");
}

void ConstantOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  Type element = getElementTypeOrSelf(getType());
  setNameFn(getResult(), isa<FloatType>(element) ? "cst" : "c");
}

//===----------------------------------------------------------------------===//
// Symbol and effect interfaces
//===----------------------------------------------------------------------===//

LogicalResult CompositeOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  if (!symbolTable.lookupNearestSymbolFrom(*this, getDecompositionAttr()))
    return emitOpError("decomposition function '")
           << getDecomposition() << "' does not exist";
  return success();
}

void CustomCallOp::getEffects(
    SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>> &effects) {
  // Without has_side_effect a custom call is a pure function of its operands.
  if (!getHasSideEffect())
    return;
  effects.emplace_back(MemoryEffects::Read::get());
  effects.emplace_back(MemoryEffects::Write::get());
}
