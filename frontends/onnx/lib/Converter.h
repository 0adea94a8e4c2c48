//===- Converter.h - ONNX node converters (internal) -----------*- C++ -*-===//
//
// A converter turns one ONNX node into StableHLO ops. Converters are registered in a
// table keyed by op type with the default-domain opset range they support; the
// supported-op documentation is generated from that table.
//
//===----------------------------------------------------------------------===//
#ifndef BYTEIR_FRONTENDS_ONNX_LIB_CONVERTER_H
#define BYTEIR_FRONTENDS_ONNX_LIB_CONVERTER_H

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"

#include "onnx/onnx_pb.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mlir::byteir::onnxfe {
namespace hlo = ::mlir::stablehlo;

/// Converts a TensorProto (with its external data resolved) to an attribute.
FailureOr<DenseElementsAttr> tensorToAttr(MLIRContext *ctx, const onnx::TensorProto &t,
                                          StringRef modelDir, std::string &error);
/// The MLIR element type of an ONNX TensorProto data type, or null.
Type elementTypeOf(MLIRContext *ctx, int onnxType);

/// An ONNX sequence resolved at import time: its tensors, in order. A present
/// optional is represented by its contents (a tensor or a sequence); only an empty
/// optional is a value of its own (isNone).
struct SequenceValue {
  Type elemType;
  SmallVector<Value> elements;
  bool isNone = false;
};

class NodeContext;

/// Decides what happens when a converter needs an operand as an import-time
/// constant and it is not one (see NodeContext::constInput).
class ConstantResolver {
public:
  virtual ~ConstantResolver() = default;
  /// Fails either with an error naming the graph inputs `v` is computed from (and how
  /// to offer their values), or silently after scheduling a re-import that
  /// specializes those inputs to their offered values.
  virtual LogicalResult notConstant(const NodeContext &c, Value v, const Twine &what) = 0;
};

/// Imports the subgraphs of control-flow nodes (If branches, Loop and Scan bodies).
class SubgraphImporter {
public:
  virtual ~SubgraphImporter() = default;
  /// Converts the nodes of `graph` at the builder's insertion point, with its inputs
  /// bound to `args` and the values of the enclosing graphs in scope; returns the
  /// values of its outputs.
  virtual FailureOr<SmallVector<Value>> importSubgraph(const NodeContext &c,
                                                       const onnx::GraphProto &graph,
                                                       ValueRange args) = 0;
};

class NodeContext {
public:
  NodeContext(OpBuilder &b, Location loc, const onnx::NodeProto &node, int64_t opset,
              StringRef modelDir)
      : b(b), loc(loc), node(node), opset(opset), modelDir(modelDir) {}

  OpBuilder &b;
  Location loc;
  const onnx::NodeProto &node;
  int64_t opset;
  StringRef modelDir;
  /// One entry per node input; null where an optional input is absent ("").
  SmallVector<Value> inputs;
  /// Set by the converter: one entry per node output (null for unused optional ones).
  SmallVector<Value> results;
  /// Consulted when a required constant operand is not constant; may be null.
  ConstantResolver *resolver = nullptr;
  /// Imports subgraph attributes; may be null.
  SubgraphImporter *subgraphs = nullptr;

  Value in(unsigned i) const { return i < inputs.size() ? inputs[i] : Value(); }
  unsigned numOutputs() const { return node.output_size(); }
  bool outputUsed(unsigned i) const {
    return i < (unsigned)node.output_size() && !node.output(i).empty();
  }

  /// Sequence / optional inputs resolved at import time (null for tensor inputs).
  SmallVector<const SequenceValue *> seqInputs;
  /// Set by converters that produce sequences or empty optionals, one per output.
  SmallVector<std::optional<SequenceValue>> seqResults;
  /// The enclosing graph and a lookup of its already-converted tensors by name, for
  /// converters that look beyond their node (Gradient).
  const onnx::GraphProto *graph = nullptr;
  std::function<Value(StringRef)> lookup;

  const SequenceValue *seqIn(unsigned i) const {
    return i < seqInputs.size() ? seqInputs[i] : nullptr;
  }

  const onnx::AttributeProto *attr(StringRef name) const;
  bool has(StringRef name) const { return attr(name) != nullptr; }
  int64_t getInt(StringRef name, int64_t def) const;
  float getFloat(StringRef name, float def) const;
  std::string getString(StringRef name, StringRef def) const;
  SmallVector<int64_t> getInts(StringRef name) const;
  SmallVector<float> getFloats(StringRef name) const;

  /// Operand `i` (named `what` in errors), which the conversion needs as an
  /// import-time constant. Fails with an error when it is missing or not constant.
  FailureOr<DenseElementsAttr> constInput(unsigned i, StringRef what) const;
  /// constInput for an integer (or bool) operand, as int64 values.
  FailureOr<SmallVector<int64_t>> constIntInput(unsigned i, StringRef what) const;

  /// Emits "ONNX node 'N' (op T, domain D, opset O): unsupported: REASON".
  LogicalResult unsupported(const Twine &reason) const;
  /// Emits "... : invalid model: REASON".
  LogicalResult invalid(const Twine &reason) const;
  std::string describe() const;
};

using ConverterFn = LogicalResult (*)(NodeContext &);

struct OpConverter {
  const char *opType;
  int minOpset;
  int maxOpset;
  ConverterFn fn;
  /// Attributes the converter understands (comma separated); others are rejected.
  const char *attributes;
  /// Limitations, for the documentation.
  const char *notes;
  /// Operator domain ("" = ai.onnx); the opset range is that domain's opset.
  const char *domain = "";
};

using Registry = std::vector<OpConverter>;
void registerElementwiseOps(Registry &r);
void registerTensorOps(Registry &r);
void registerNNOps(Registry &r);
void registerResizeOps(Registry &r);
void registerIndexingOps(Registry &r);
void registerRNNOps(Registry &r);
void registerControlFlowOps(Registry &r);
void registerSequenceOps(Registry &r);
/// Whether the converter of `opType` reads sequence / optional inputs.
bool takesSequences(StringRef opType);
/// Identity of a sequence / optional: sets the result and returns true (the Identity
/// converter handles tensors).
bool forwardSequence(NodeContext &c);
void registerSignalOps(Registry &r);
void registerSelectionOps(Registry &r);
void registerDetectionOps(Registry &r);
void registerTextOps(Registry &r);
void registerLpNormOps(Registry &r);
void registerTrainingOps(Registry &r);

/// Newest default-domain opset the converters know of.
constexpr int kMaxOpset = 21;

//===----------------------------------------------------------------------===//
// Helpers (Helpers.cpp)
//===----------------------------------------------------------------------===//

inline RankedTensorType tensorType(Value v) { return cast<RankedTensorType>(v.getType()); }
inline Type elemType(Value v) { return tensorType(v).getElementType(); }
inline int64_t rankOf(Value v) { return tensorType(v).getRank(); }
inline ArrayRef<int64_t> shapeOf(Value v) { return tensorType(v).getShape(); }
int64_t numElements(ArrayRef<int64_t> shape);

/// Normalizes a possibly negative axis; fails (returns -1) when out of range.
int64_t normAxis(int64_t axis, int64_t rank);

/// A constant of `type` (a tensor type) with every element `value`.
Value splat(OpBuilder &b, Location loc, RankedTensorType type, double value);
/// A scalar (rank-0) constant of element type `elem`.
Value scalarConst(OpBuilder &b, Location loc, Type elem, double value);
/// A constant from integer values (element type `elem`, any integer width or float).
Value intConst(OpBuilder &b, Location loc, ArrayRef<int64_t> shape, ArrayRef<int64_t> values,
               Type elem);
Value attrConst(OpBuilder &b, Location loc, DenseElementsAttr attr);

/// The contents of a constant (defined by stablehlo.constant), if it is one.
std::optional<DenseElementsAttr> constValue(Value v);
/// The value of `v` computed on the host when it is a constant or an op tree over
/// constants that the StableHLO folders evaluate (e.g. float arithmetic on
/// specialized inputs); the ops stay in place.
std::optional<DenseElementsAttr> foldToConstant(Value v);
/// The contents of an integer (or bool) attribute as int64.
std::optional<SmallVector<int64_t>> intsOf(DenseElementsAttr attr);
/// The contents of an integer (or bool) constant as int64.
std::optional<SmallVector<int64_t>> intValues(Value v);

Value reshape(OpBuilder &b, Location loc, Value v, ArrayRef<int64_t> shape);
Value convert(OpBuilder &b, Location loc, Value v, Type elem);
/// Numpy broadcast of `v` to `shape` (trailing alignment); a no-op when equal.
Value broadcastTo(OpBuilder &b, Location loc, Value v, ArrayRef<int64_t> shape);
/// Numpy broadcast shape of two shapes; fails when incompatible.
FailureOr<SmallVector<int64_t>> broadcastShape(ArrayRef<int64_t> a, ArrayRef<int64_t> c);
/// Broadcasts all values to their common shape.
LogicalResult broadcastAll(NodeContext &ctx, MutableArrayRef<Value> values);
Value compare(OpBuilder &b, Location loc, hlo::ComparisonDirection dir, Value a, Value c);

enum class ReduceKind { Sum, Max, Min, Prod, And, Or };
/// stablehlo.reduce over `dims`; with keepDims the reduced dims stay as size 1.
Value reduce(OpBuilder &b, Location loc, Value x, ArrayRef<int64_t> dims, ReduceKind kind,
             bool keepDims);
/// The neutral element of `kind` for element type `elem`.
Value reduceInit(OpBuilder &b, Location loc, Type elem, ReduceKind kind);
/// Builds the region body of a reduce / reduce_window op.
void buildReduceBody(OpBuilder &b, Location loc, Region &region, Type elem, ReduceKind kind);

} // namespace mlir::byteir::onnxfe

#endif // BYTEIR_FRONTENDS_ONNX_LIB_CONVERTER_H
