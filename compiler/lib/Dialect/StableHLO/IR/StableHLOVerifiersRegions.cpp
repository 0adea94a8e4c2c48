//===- StableHLOVerifiersRegions.cpp - verifiers of ops with regions etc. -===//
//
// Verifiers of map, sort, the reductions, control flow, custom_call, host
// transfers, collectives, random numbers, FFT, linear algebra and batch norm.
// Region signatures are checked with the shared helpers of
// StableHLOVerifierUtils.h so that every region-carrying op reports mismatches the
// same way ("body argument #1 has type ..., but ... is expected").
//
//===----------------------------------------------------------------------===//
#include "StableHLOVerifierUtils.h"

#include "mlir/IR/Matchers.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace mlir::stablehlo;
using namespace mlir::stablehlo::verify;

namespace {

RankedTensorType tensorTy(Value v) { return cast<RankedTensorType>(v.getType()); }
RankedTensorType tensorTy(Type t) { return cast<RankedTensorType>(t); }

SmallVector<Type> elementTypes(ValueRange values) {
  return llvm::map_to_vector(values, [](Value v) { return elemType(v.getType()); });
}

SmallVector<Type> scalarTypes(ArrayRef<Type> elements) {
  return llvm::map_to_vector(elements,
                             [](Type e) -> Type { return scalarOf(e); });
}

/// All values have the shape of the first one: "all <what> must have the same shape".
LogicalResult checkSameShapes(Operation *op, StringRef what, ValueRange values) {
  for (auto [i, v] : llvm::enumerate(values))
    if (!compatibleShapes(tensorTy(v).getShape(), tensorTy(values[0]).getShape()))
      return op->emitOpError() << "all " << what << " must have the same shape, but #"
                               << i << " has shape " << dimsStr(tensorTy(v).getShape())
                               << " and #0 has shape "
                               << dimsStr(tensorTy(values[0]).getShape());
  return success();
}

/// init_values are 0-d tensors of the element type of their input.
LogicalResult checkInitValues(Operation *op, ValueRange inputs, ValueRange inits) {
  if (inputs.empty())
    return op->emitOpError("must have at least one input");
  if (inputs.size() != inits.size())
    return op->emitOpError() << "number of init_values (" << inits.size()
                             << ") must equal number of inputs (" << inputs.size()
                             << ")";
  for (auto [i, pair] : llvm::enumerate(llvm::zip_equal(inputs, inits))) {
    auto init = tensorTy(std::get<1>(pair));
    if (init.getRank() != 0)
      return op->emitOpError() << "init_values #" << i
                               << " must be a 0-d tensor, but has rank "
                               << init.getRank();
    if (init.getElementType() != elemType(std::get<0>(pair).getType()))
      return op->emitOpError() << "init_values #" << i << " element type "
                               << init.getElementType()
                               << " must equal the input element type "
                               << elemType(std::get<0>(pair).getType());
  }
  return success();
}

/// Results have shape `shape` and element types `elems` (from the body).
LogicalResult checkReductionResults(Operation *op, TypeRange results,
                                    ArrayRef<int64_t> shape, ArrayRef<Type> elems) {
  if (results.size() != elems.size())
    return op->emitOpError() << "number of results (" << results.size()
                             << ") must equal number of inputs (" << elems.size()
                             << ")";
  for (auto [i, r] : llvm::enumerate(results)) {
    auto rt = tensorTy(r);
    if (!compatibleShapes(rt.getShape(), shape))
      return op->emitOpError() << "result #" << i << " shape "
                               << dimsStr(rt.getShape()) << " must be "
                               << dimsStr(shape);
    if (rt.getElementType() != elems[i])
      return op->emitOpError() << "result #" << i << " element type "
                               << rt.getElementType()
                               << " must equal the body element type " << elems[i];
  }
  return success();
}

} // namespace

//===----------------------------------------------------------------------===//
// map, sort
//===----------------------------------------------------------------------===//

LogicalResult MapOp::verify() {
  auto inputs = getInputs();
  if (inputs.empty())
    return emitOpError("must have at least one input");
  int64_t rank = tensorTy(inputs[0]).getRank();
  if (!llvm::equal(getDimensions(), llvm::seq<int64_t>(0, rank)))
    return emitOpError() << "dimensions " << dimsStr(getDimensions())
                         << " must be [0, ..., rank - 1] for rank " << rank;
  SmallVector<Type> args = scalarTypes(elementTypes(inputs));
  Type result = scalarOf(getType().getElementType());
  return checkRegionSignature(*this, getComputation(), "computation", args, result);
}

LogicalResult SortOp::verify() {
  auto inputs = getInputs();
  if (inputs.empty())
    return emitOpError("must have at least one input");
  if (!compatibleTypes(getResultTypes(), inputs.getTypes()))
    return emitOpError("result types must equal input types");
  int64_t rank = tensorTy(inputs[0]).getRank();
  int64_t dim = getDimensionAttr().getInt();
  if (dim < -rank || dim >= rank)
    return emitOpError() << "dimension (" << dim << ") must be in [" << -rank << ", "
                         << rank << ")";
  SmallVector<Type> args;
  for (Type e : elementTypes(inputs))
    args.append(2, scalarOf(e));
  Type pred = scalarOf(IntegerType::get(getContext(), 1));
  return checkRegionSignature(*this, getComparator(), "comparator", args, pred);
}

//===----------------------------------------------------------------------===//
// reduce, reduce_window, select_and_scatter
//===----------------------------------------------------------------------===//

LogicalResult ReduceOp::verify() {
  auto inputs = getInputs();
  if (failed(checkInitValues(*this, inputs, getInitValues())) ||
      failed(checkSameShapes(*this, "inputs", inputs)))
    return failure();
  auto shape = tensorTy(inputs[0]).getShape();
  ArrayRef<int64_t> dims = getDimensions();
  if (failed(checkDimList(*this, "dimensions", dims, shape.size())))
    return failure();
  SmallVector<Type> bodyElems;
  if (failed(checkReducerBody(*this, getBody(), "body", elementTypes(inputs),
                              bodyElems)))
    return failure();
  SmallVector<int64_t> resultShape;
  for (auto [i, d] : llvm::enumerate(shape))
    if (!llvm::is_contained(dims, (int64_t)i))
      resultShape.push_back(d);
  return checkReductionResults(*this, getResultTypes(), resultShape, bodyElems);
}

LogicalResult ReduceWindowOp::verify() {
  auto inputs = getInputs();
  if (failed(checkInitValues(*this, inputs, getInitValues())) ||
      failed(checkSameShapes(*this, "inputs", inputs)))
    return failure();
  auto shape = tensorTy(inputs[0]).getShape();
  int64_t rank = shape.size();
  ArrayRef<int64_t> window = getWindowDimensions();
  SmallVector<int64_t> strides, baseDil, winDil, padLo, padHi;
  if (failed(checkSize(*this, "window_dimensions", window.size(), rank,
                       "input rank")) ||
      failed(checkPositive(*this, "window_dimensions", window)) ||
      failed(checkWindowList(*this, "window_strides", getWindowStrides(), rank,
                             "input rank", strides)) ||
      failed(checkWindowList(*this, "base_dilations", getBaseDilations(), rank,
                             "input rank", baseDil)) ||
      failed(checkWindowList(*this, "window_dilations", getWindowDilations(), rank,
                             "input rank", winDil)) ||
      failed(checkPadding(*this, getPadding(), rank, padLo, padHi)))
    return failure();
  SmallVector<Type> bodyElems;
  if (failed(checkReducerBody(*this, getBody(), "body", elementTypes(inputs),
                              bodyElems)))
    return failure();
  SmallVector<int64_t> resultShape;
  for (int64_t i = 0; i < rank; ++i)
    resultShape.push_back(numWindows(shape[i], baseDil[i], padLo[i], padHi[i],
                                     window[i], winDil[i], strides[i]));
  return checkReductionResults(*this, getResultTypes(), resultShape, bodyElems);
}

LogicalResult SelectAndScatterOp::verify() {
  auto operandTy = getOperand().getType();
  auto sourceTy = getSource().getType();
  auto initTy = getInitValue().getType();
  Type e = operandTy.getElementType();
  int64_t rank = operandTy.getRank();
  if (sourceTy.getElementType() != e)
    return emitOpError() << "source element type " << sourceTy.getElementType()
                         << " must equal operand element type " << e;
  if (initTy.getRank() != 0 || initTy.getElementType() != e)
    return emitOpError() << "init_value must be a 0-d tensor of the operand element "
                            "type "
                         << e << ", but is " << initTy;
  SmallVector<int64_t> window, strides, padLo, padHi;
  if (failed(checkWindowList(*this, "window_dimensions", getWindowDimensions(), rank,
                             "operand rank", window)) ||
      failed(checkWindowList(*this, "window_strides", getWindowStrides(), rank,
                             "operand rank", strides)) ||
      failed(checkPadding(*this, getPadding(), rank, padLo, padHi)))
    return failure();
  SmallVector<int64_t> windows;
  for (int64_t i = 0; i < rank; ++i)
    windows.push_back(numWindows(operandTy.getDimSize(i), 1, padLo[i], padHi[i],
                                 window[i], 1, strides[i]));
  if (!compatibleShapes(sourceTy.getShape(), windows))
    return emitOpError() << "source shape " << dimsStr(sourceTy.getShape())
                         << " must equal the number of windows " << dimsStr(windows);
  Type pred = scalarOf(IntegerType::get(getContext(), 1));
  SmallVector<Type> selectArgs(2, scalarOf(e));
  SmallVector<Type> bodyElems;
  if (failed(checkRegionSignature(*this, getSelect(), "select", selectArgs, pred)) ||
      failed(checkReducerBody(*this, getScatter(), "scatter", {e}, bodyElems)))
    return failure();
  return checkReductionResults(*this, getResult().getType(), operandTy.getShape(),
                               bodyElems);
}

//===----------------------------------------------------------------------===//
// Control flow
//===----------------------------------------------------------------------===//

LogicalResult IfOp::verify() {
  if (failed(checkRegionSignature(*this, getTrueBranch(), "true_branch", {},
                                  getResultTypes())))
    return failure();
  return checkRegionSignature(*this, getFalseBranch(), "false_branch", {},
                              getResultTypes());
}

LogicalResult CaseOp::verify() {
  auto branches = getBranches();
  if (branches.empty())
    return emitOpError("must have at least one branch");
  for (auto [i, branch] : llvm::enumerate(branches))
    if (failed(checkRegionSignature(*this, branch, "branch #" + std::to_string(i), {},
                                    getResultTypes())))
      return failure();
  return success();
}

LogicalResult WhileOp::verify() {
  TypeRange types = getOperand().getTypes();
  Type pred = scalarOf(IntegerType::get(getContext(), 1));
  if (failed(checkRegionSignature(*this, getCond(), "cond", types, pred)))
    return failure();
  return checkRegionSignature(*this, getBody(), "body", types, types);
}

//===----------------------------------------------------------------------===//
// custom_call
//===----------------------------------------------------------------------===//

namespace {

/// Follows tuple indices into `type`; null when an index is out of range.
Type followTupleIndices(Type type, ArrayRef<int64_t> indices) {
  for (int64_t i : indices) {
    auto tuple = dyn_cast<TupleType>(type);
    if (!tuple || i < 0 || i >= (int64_t)tuple.size())
      return nullptr;
    type = tuple.getType(i);
  }
  return type;
}

LogicalResult checkOutputOperandAliases(CustomCallOp op) {
  SmallVector<Type> resultTypes(op.getResultTypes());
  Type resultType = resultTypes.size() == 1
                        ? resultTypes[0]
                        : TupleType::get(op.getContext(), resultTypes);
  for (Attribute attr : op.getOutputOperandAliases()) {
    auto alias = cast<OutputOperandAliasAttr>(attr);
    int64_t idx = alias.getOperandIndex();
    if (idx < 0 || idx >= (int64_t)op.getNumOperands())
      return op.emitOpError() << "output_operand_aliases operand_index (" << idx
                              << ") must be in [0, " << op.getNumOperands() << ")";
    Type operandPart = followTupleIndices(op.getOperand(idx).getType(),
                                          alias.getOperandTupleIndices());
    if (!operandPart)
      return op.emitOpError("output_operand_aliases operand_tuple_indices do not "
                            "index into the operand type");
    Type resultPart = followTupleIndices(resultType, alias.getOutputTupleIndices());
    if (!resultPart)
      return op.emitOpError("output_operand_aliases output_tuple_indices do not "
                            "index into the result type");
    if (!compatibleTypes(operandPart, resultPart))
      return op.emitOpError() << "output_operand_aliases aliases operand part "
                              << operandPart << " with result part of different type "
                              << resultPart;
  }
  return success();
}

/// A layout is a permutation of [0, rank) of the tensor it describes.
LogicalResult checkLayout(Operation *op, StringRef name, Attribute layout, Type type) {
  SmallVector<int64_t> dims;
  if (auto dense = dyn_cast<DenseIntElementsAttr>(layout)) {
    if (dense.getType().getRank() != 1)
      return op->emitOpError() << name << " entries must be 1-d";
    dims = toI64(dense);
  } else if (auto arr = dyn_cast<ArrayAttr>(layout)) {
    for (Attribute a : arr) {
      auto i = dyn_cast<IntegerAttr>(a);
      if (!i)
        return op->emitOpError() << name << " entries must be integer lists";
      dims.push_back(i.getInt());
    }
  } else {
    return op->emitOpError() << name << " entries must be integer lists";
  }
  auto tensor = dyn_cast<RankedTensorType>(type);
  int64_t rank = tensor ? tensor.getRank() : 0;
  if (!tensor && !dims.empty())
    return op->emitOpError() << name << " entry for non-tensor type " << type
                             << " must be empty";
  std::string entry = (name + " entry").str();
  if (failed(checkSize(op, entry, dims.size(), rank, "the rank of its type")))
    return failure();
  return checkDimList(op, name, dims, rank);
}

LogicalResult checkLayouts(CustomCallOp op) {
  auto operandLayouts = op.getOperandLayouts();
  auto resultLayouts = op.getResultLayouts();
  if (operandLayouts.has_value() != resultLayouts.has_value())
    return op.emitOpError("operand_layouts and result_layouts must be given together");
  if (!operandLayouts)
    return success();
  if (failed(checkSize(op, "operand_layouts", operandLayouts->size(),
                       op.getNumOperands(), "number of operands")) ||
      failed(checkSize(op, "result_layouts", resultLayouts->size(), op.getNumResults(),
                       "number of results")))
    return failure();
  for (auto [layout, type] : llvm::zip_equal(*operandLayouts, op.getOperandTypes()))
    if (failed(checkLayout(op, "operand_layouts", layout, type)))
      return failure();
  for (auto [layout, type] : llvm::zip_equal(*resultLayouts, op.getResultTypes()))
    if (failed(checkLayout(op, "result_layouts", layout, type)))
      return failure();
  return success();
}

} // namespace

LogicalResult CustomCallOp::verify() {
  if (getCallTargetName().empty())
    return emitOpError("call_target_name must not be empty");
  if (auto config = getBackendConfig()) {
    bool typedFfi = getApiVersion() == CustomCallApiVersion::API_VERSION_TYPED_FFI;
    if (typedFfi && !isa<DictionaryAttr>(*config))
      return emitOpError("backend_config must be a dictionary for "
                         "API_VERSION_TYPED_FFI");
    if (!typedFfi && !isa<StringAttr>(*config))
      return emitOpError("backend_config must be a string unless api_version is "
                         "API_VERSION_TYPED_FFI");
  }
  for (Attribute callee : getCalledComputations())
    if (!isa<FlatSymbolRefAttr>(callee))
      return emitOpError("called_computations must contain flat symbol references");
  if (Attribute attrs = (*this)->getAttr("byteir_attrs"))
    if (!isa<DictionaryAttr>(attrs))
      return emitOpError("byteir_attrs must be a dictionary attribute");
  if (failed(checkLayouts(*this)))
    return failure();
  return checkOutputOperandAliases(*this);
}

//===----------------------------------------------------------------------===//
// Host transfers
//===----------------------------------------------------------------------===//

namespace {

/// infeed and recv C1-C3: tensors followed by one token.
LogicalResult checkTensorsThenToken(Operation *op, TypeRange results) {
  if (results.empty() || !isa<TokenType>(results.back()))
    return op->emitOpError("last result must be a !stablehlo.token");
  for (auto [i, t] : llvm::enumerate(results.drop_back()))
    if (!isa<RankedTensorType>(t))
      return op->emitOpError() << "result #" << i
                               << " must be a tensor; only the last result is a token";
  return success();
}

} // namespace

LogicalResult InfeedOp::verify() {
  if (failed(checkTensorsThenToken(*this, getResultTypes())))
    return failure();
  auto layout = getLayout();
  if (!layout)
    return success();
  TypeRange data = TypeRange(getResultTypes()).drop_back();
  if (failed(checkSize(*this, "layout", layout->size(), data.size(),
                       "number of non-token results")))
    return failure();
  for (auto [entry, type] : llvm::zip_equal(*layout, data)) {
    if (!isa<ArrayAttr>(entry))
      return emitOpError("layout entries must be integer lists");
    if (!cast<ArrayAttr>(entry).empty() &&
        failed(checkLayout(*this, "layout", entry, type)))
      return failure();
  }
  return success();
}

LogicalResult RecvOp::verify() {
  if (failed(checkTensorsThenToken(*this, getResultTypes())))
    return failure();
  if (auto pairs = getSourceTargetPairs())
    return checkSourceTargetPairs(*this, *pairs);
  return success();
}

//===----------------------------------------------------------------------===//
// Collectives
//===----------------------------------------------------------------------===//

namespace {

/// Result equals operand except at `dim`, whose size is `expected` (dynamic:
/// unchecked).
LogicalResult checkCollectiveResult(Operation *op, RankedTensorType operand,
                                    RankedTensorType result, int64_t dim,
                                    int64_t expected, StringRef rule) {
  if (result.getRank() != operand.getRank())
    return op->emitOpError() << "result rank (" << result.getRank()
                             << ") must equal operand rank (" << operand.getRank()
                             << ")";
  for (int64_t i = 0; i < operand.getRank(); ++i) {
    int64_t want = i == dim ? expected : operand.getDimSize(i);
    if (!compatibleDim(result.getDimSize(i), want))
      return op->emitOpError() << "result dimension " << i << " ("
                               << dimStr(result.getDimSize(i)) << ") must be "
                               << dimStr(want)
                               << (i == dim ? " (" + rule.str() + ")" : std::string());
  }
  return success();
}

int64_t mulDim(int64_t d, int64_t f) { return isDyn(d) ? d : d * f; }
int64_t divDim(int64_t d, int64_t f) { return isDyn(d) ? d : d / f; }

} // namespace

LogicalResult AllGatherOp::verify() {
  int64_t groupSize;
  if (failed(checkReplicaGroups(*this, getReplicaGroups(), "replica_groups",
                                groupSize)) ||
      failed(checkGlobalDeviceIds(*this, getUseGlobalDeviceIds(), getChannelHandle())))
    return failure();
  if (getNumResults() != getOperands().size())
    return emitOpError() << "number of results (" << getNumResults()
                         << ") must equal number of operands ("
                         << getOperands().size() << ")";
  int64_t dim = getAllGatherDimAttr().getInt();
  for (auto [operand, result] : llvm::zip_equal(getOperands(), getResults())) {
    auto ot = tensorTy(operand), rt = tensorTy(result.getType());
    if (failed(checkInRange(*this, "all_gather_dim", {dim}, 0, ot.getRank())))
      return failure();
    int64_t expected = groupSize > 0 ? mulDim(ot.getDimSize(dim), groupSize)
                                     : ShapedType::kDynamic;
    if (failed(checkCollectiveResult(*this, ot, rt, dim, expected,
                                     "operand dimension * group size")))
      return failure();
  }
  return success();
}

LogicalResult AllReduceOp::verify() {
  int64_t groupSize;
  if (failed(checkReplicaGroups(*this, getReplicaGroups(), "replica_groups",
                                groupSize)) ||
      failed(checkGlobalDeviceIds(*this, getUseGlobalDeviceIds(), getChannelHandle())))
    return failure();
  auto operands = getOperands();
  if (getNumResults() != operands.size())
    return emitOpError() << "number of results (" << getNumResults()
                         << ") must equal number of operands (" << operands.size()
                         << ")";
  if (operands.empty())
    return success();
  SmallVector<Type> bodyElems;
  if (failed(checkReducerBody(*this, getComputation(), "computation",
                              {elemType(operands[0].getType())}, bodyElems)))
    return failure();
  Type e = bodyElems[0];
  for (auto [i, operand, result] :
       llvm::enumerate(operands, getResultTypes())) {
    auto ot = tensorTy(operand), rt = tensorTy(result);
    if (!isPromotable(ot.getElementType(), e))
      return emitOpError() << "operand #" << i << " element type "
                           << ot.getElementType()
                           << " must be promotable to the computation element type "
                           << e;
    if (!compatibleShapes(rt.getShape(), ot.getShape()) || rt.getElementType() != e)
      return emitOpError() << "result #" << i << " type " << rt
                           << " must have the operand shape and element type " << e;
  }
  return success();
}

LogicalResult ReduceScatterOp::verify() {
  int64_t groupSize;
  if (failed(checkReplicaGroups(*this, getReplicaGroups(), "replica_groups",
                                groupSize)) ||
      failed(checkGlobalDeviceIds(*this, getUseGlobalDeviceIds(), getChannelHandle())))
    return failure();
  auto ot = getOperand().getType();
  auto rt = tensorTy(getResult().getType());
  int64_t dim = getScatterDimensionAttr().getInt();
  if (failed(checkInRange(*this, "scatter_dimension", {dim}, 0, ot.getRank())))
    return failure();
  int64_t size = ot.getDimSize(dim);
  if (groupSize > 0 && !isDyn(size) && size % groupSize != 0)
    return emitOpError() << "operand scatter dimension (" << size
                         << ") must be divisible by the group size (" << groupSize
                         << ")";
  SmallVector<Type> bodyElems;
  if (failed(checkReducerBody(*this, getComputation(), "computation",
                              {ot.getElementType()}, bodyElems)))
    return failure();
  if (rt.getElementType() != bodyElems[0])
    return emitOpError() << "result element type " << rt.getElementType()
                         << " must equal the computation element type "
                         << bodyElems[0];
  int64_t expected = groupSize > 0 ? divDim(size, groupSize) : ShapedType::kDynamic;
  return checkCollectiveResult(*this, ot, rt, dim, expected,
                               "operand dimension / group size");
}

LogicalResult AllToAllOp::verify() {
  int64_t groupSize;
  if (failed(checkReplicaGroups(*this, getReplicaGroups(), "replica_groups",
                                groupSize)))
    return failure();
  int64_t splitCount = getSplitCountAttr().getInt();
  if (groupSize > 0 && groupSize != splitCount)
    return emitOpError() << "replica group size (" << groupSize
                         << ") must equal split_count (" << splitCount << ")";
  if (getNumResults() != getOperands().size())
    return emitOpError() << "number of results (" << getNumResults()
                         << ") must equal number of operands ("
                         << getOperands().size() << ")";
  int64_t split = getSplitDimensionAttr().getInt();
  int64_t concat = getConcatDimensionAttr().getInt();
  for (auto [operand, result] : llvm::zip_equal(getOperands(), getResults())) {
    auto ot = tensorTy(operand), rt = tensorTy(result.getType());
    if (failed(checkInRange(*this, "split_dimension", {split}, 0, ot.getRank())) ||
        failed(checkInRange(*this, "concat_dimension", {concat}, 0, ot.getRank())))
      return failure();
    int64_t size = ot.getDimSize(split);
    if (!isDyn(size) && size % splitCount != 0)
      return emitOpError() << "operand split dimension (" << size
                           << ") must be divisible by split_count (" << splitCount
                           << ")";
    SmallVector<int64_t> expected(ot.getShape());
    expected[split] = divDim(expected[split], splitCount);
    expected[concat] = mulDim(expected[concat], splitCount);
    if (!compatibleShapes(rt.getShape(), expected))
      return emitOpError() << "result shape " << dimsStr(rt.getShape()) << " must be "
                           << dimsStr(expected);
  }
  return success();
}

LogicalResult CollectivePermuteOp::verify() {
  return checkSourceTargetPairs(*this, getSourceTargetPairs());
}

LogicalResult CollectiveBroadcastOp::verify() {
  int64_t groupSize;
  return checkReplicaGroups(*this, getReplicaGroups(), "replica_groups", groupSize);
}

//===----------------------------------------------------------------------===//
// Random numbers
//===----------------------------------------------------------------------===//

LogicalResult RngOp::verify() {
  Type e = getA().getType().getElementType();
  if (getB().getType().getElementType() != e || getType().getElementType() != e)
    return emitOpError("a, b and result must have the same element type");
  if (getRngDistribution() == RngDistribution::NORMAL && !isa<FloatType>(e))
    return emitOpError() << "NORMAL distribution requires a floating-point element "
                            "type, got "
                         << e;
  int64_t rank = getType().getRank();
  int64_t size = getShape().getType().getDimSize(0);
  if (!isDyn(size) && size != rank)
    return emitOpError() << "shape size (" << size << ") must equal result rank ("
                         << rank << ")";
  DenseIntElementsAttr shape;
  if (matchPattern(getShape(), m_Constant(&shape))) {
    auto values = toI64(shape);
    if (!compatibleShapes(getType().getShape(), values))
      return emitOpError() << "result shape " << dimsStr(getType().getShape())
                           << " must equal the shape operand " << dimsStr(values);
  }
  return success();
}

LogicalResult RngBitGeneratorOp::verify() {
  auto state = getInitialState().getType();
  if (!compatibleTypes(state, getOutputState().getType()))
    return emitOpError() << "output_state type " << getOutputState().getType()
                         << " must equal initial_state type " << state;
  if (state.getRank() != 1)
    return emitOpError() << "initial_state must be a 1-d tensor, but has rank "
                         << state.getRank();
  Type out = getOutput().getType().getElementType();
  if (!isa<IntegerType, FloatType>(out) || out.isInteger(1))
    return emitOpError() << "output element type " << out
                         << " must be an integer or floating-point type";
  int64_t size = state.getDimSize(0);
  if (isDyn(size))
    return success();
  RngAlgorithm alg = getRngAlgorithm();
  if (alg == RngAlgorithm::THREE_FRY && size != 2)
    return emitOpError() << "THREE_FRY requires an initial_state of 2 elements, got "
                         << size;
  if (alg == RngAlgorithm::PHILOX && size != 2 && size != 3)
    return emitOpError() << "PHILOX requires an initial_state of 2 or 3 elements, got "
                         << size;
  return success();
}

//===----------------------------------------------------------------------===//
// fft, cholesky, triangular_solve
//===----------------------------------------------------------------------===//

namespace {

/// Element types by fft_type: FFT/IFFT complex -> same complex; RFFT float ->
/// complex of it; IRFFT complex -> its float.
LogicalResult checkFftTypes(FftOp op, Type in, Type out) {
  FftType kind = op.getFftType();
  auto cin = dyn_cast<ComplexType>(in), cout = dyn_cast<ComplexType>(out);
  bool ok;
  if (kind == FftType::FFT || kind == FftType::IFFT)
    ok = cin && in == out;
  else if (kind == FftType::RFFT)
    ok = !cin && cout && cout.getElementType() == in && (in.isF32() || in.isF64());
  else
    ok = cin && !cout && cin.getElementType() == out;
  if (!ok)
    return op.emitOpError() << stringifyFftType(kind)
                            << " does not accept operand element type " << in
                            << " with result element type " << out;
  return success();
}

} // namespace

LogicalResult FftOp::verify() {
  auto ot = getOperand().getType(), rt = getType();
  ArrayRef<int64_t> length = getFftLength();
  int64_t n = length.size();
  if (n < 1 || n > 3)
    return emitOpError() << "fft_length size (" << n << ") must be in [1, 3]";
  if (n > ot.getRank())
    return emitOpError() << "fft_length size (" << n
                         << ") must not exceed operand rank (" << ot.getRank() << ")";
  if (failed(checkFftTypes(*this, ot.getElementType(), rt.getElementType())))
    return failure();
  FftType kind = getFftType();
  // The real side of RFFT/IRFFT ends in fft_length; its complex side's last
  // dimension is n / 2 + 1.
  SmallVector<int64_t> expected(ot.getShape());
  if (kind == FftType::RFFT || kind == FftType::IRFFT) {
    auto real = kind == FftType::RFFT ? ot : rt;
    auto tail = real.getShape().take_back(n);
    if (real.getRank() < n || !compatibleShapes(tail, length))
      return emitOpError() << "trailing dimensions " << dimsStr(tail)
                           << " of the real tensor must equal fft_length "
                           << dimsStr(length);
    int64_t last = length.back();
    expected.back() = kind == FftType::RFFT ? (last == 0 ? 0 : last / 2 + 1) : last;
    if (kind == FftType::IRFFT) {
      int64_t want = last == 0 ? 0 : last / 2 + 1;
      if (!compatibleDim(ot.getShape().back(), want))
        return emitOpError() << "operand last dimension ("
                             << dimStr(ot.getShape().back())
                             << ") must be fft_length[-1] / 2 + 1 (" << want << ")";
    }
  }
  if (!compatibleShapes(rt.getShape(), expected))
    return emitOpError() << "result shape " << dimsStr(rt.getShape()) << " must be "
                         << dimsStr(expected);
  return success();
}

LogicalResult CholeskyOp::verify() {
  auto t = getA().getType();
  if (t.getRank() < 2)
    return emitOpError() << "operand must have rank >= 2, got " << t.getRank();
  int64_t r = t.getDimSize(t.getRank() - 2), c = t.getDimSize(t.getRank() - 1);
  if (!compatibleDim(r, c))
    return emitOpError() << "the two minor dimensions must be equal (square "
                            "matrices), got "
                         << dimStr(r) << " and " << dimStr(c);
  return success();
}

LogicalResult TriangularSolveOp::verify() {
  auto a = getA().getType(), b = getB().getType();
  int64_t rank = a.getRank();
  if (getTransposeA() == Transpose::TRANSPOSE_INVALID)
    return emitOpError("transpose_a must not be TRANSPOSE_INVALID");
  if (rank < 2 || b.getRank() != rank)
    return emitOpError() << "a and b must have the same rank >= 2, got " << rank
                         << " and " << b.getRank();
  if (!compatibleShapes(a.getShape().drop_back(2), b.getShape().drop_back(2)))
    return emitOpError() << "batch dimensions of a " << dimsStr(a.getShape())
                         << " and b " << dimsStr(b.getShape()) << " must be equal";
  int64_t n = a.getDimSize(rank - 1);
  if (!compatibleDim(a.getDimSize(rank - 2), n))
    return emitOpError("a must be a batch of square matrices");
  int64_t bDim = b.getDimSize(getLeftSide() ? rank - 2 : rank - 1);
  if (!compatibleDim(bDim, n))
    return emitOpError() << "b dimension " << (getLeftSide() ? rank - 2 : rank - 1)
                         << " (" << dimStr(bDim) << ") must equal the size of a ("
                         << dimStr(n) << ")";
  if (!compatibleTypes(getResult().getType(), b))
    return emitOpError() << "result type " << getResult().getType()
                         << " must equal b type " << b;
  return success();
}

//===----------------------------------------------------------------------===//
// Batch normalization
//===----------------------------------------------------------------------===//

namespace {

/// feature_index in range; every 1-d value has dim(operand, feature_index)
/// elements.
LogicalResult checkBatchNorm(Operation *op, RankedTensorType operand,
                             int64_t featureIndex,
                             ArrayRef<std::pair<StringRef, Type>> vectors) {
  if (failed(checkInRange(op, "feature_index", {featureIndex}, 0, operand.getRank())))
    return failure();
  int64_t features = operand.getDimSize(featureIndex);
  for (auto [name, type] : vectors) {
    int64_t size = tensorTy(type).getDimSize(0);
    if (!compatibleDim(size, features))
      return op->emitOpError() << name << " size (" << dimStr(size)
                               << ") must equal the feature dimension ("
                               << dimStr(features) << ")";
  }
  return success();
}

LogicalResult checkSameShape(Operation *op, StringRef name, Type t,
                             RankedTensorType operand) {
  if (!compatibleShapes(tensorTy(t).getShape(), operand.getShape()))
    return op->emitOpError() << name << " shape " << dimsStr(tensorTy(t).getShape())
                             << " must equal operand shape "
                             << dimsStr(operand.getShape());
  return success();
}

} // namespace

LogicalResult BatchNormGradOp::verify() {
  auto operand = getOperand().getType();
  if (failed(checkSameShape(*this, "grad_output", getGradOutput().getType(),
                            operand)) ||
      failed(checkSameShape(*this, "grad_operand", getGradOperand().getType(),
                            operand)))
    return failure();
  return checkBatchNorm(*this, operand, getFeatureIndexAttr().getInt(),
                        {{"scale", getScale().getType()},
                         {"mean", getMean().getType()},
                         {"variance", getVariance().getType()},
                         {"grad_scale", getGradScale().getType()},
                         {"grad_offset", getGradOffset().getType()}});
}

LogicalResult BatchNormInferenceOp::verify() {
  auto operand = getOperand().getType();
  if (failed(checkSameShape(*this, "result", getResult().getType(), operand)))
    return failure();
  return checkBatchNorm(*this, operand, getFeatureIndexAttr().getInt(),
                        {{"scale", getScale().getType()},
                         {"offset", getOffset().getType()},
                         {"mean", getMean().getType()},
                         {"variance", getVariance().getType()}});
}

LogicalResult BatchNormTrainingOp::verify() {
  auto operand = getOperand().getType();
  if (failed(checkSameShape(*this, "output", getOutput().getType(), operand)))
    return failure();
  return checkBatchNorm(*this, operand, getFeatureIndexAttr().getInt(),
                        {{"scale", getScale().getType()},
                         {"offset", getOffset().getType()},
                         {"batch_mean", getBatchMean().getType()},
                         {"batch_var", getBatchVar().getType()}});
}
