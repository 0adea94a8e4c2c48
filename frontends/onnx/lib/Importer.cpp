//===- Importer.cpp - ONNX ModelProto to StableHLO ------------------------===//
#include "Converter.h"
#include "byteir/Frontends/ONNX/ONNXImporter.h"

#include "byteir/Dialect/CHLO/IR/CHLOOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <functional>
#include <cstring>
#include <map>

using namespace mlir;
using namespace mlir::byteir;
using namespace mlir::byteir::onnxfe;

//===----------------------------------------------------------------------===//
// Tensors
//===----------------------------------------------------------------------===//

Type onnxfe::elementTypeOf(MLIRContext *ctx, int t) {
  Builder b(ctx);
  switch (t) {
  case onnx::TensorProto::FLOAT: return b.getF32Type();
  case onnx::TensorProto::DOUBLE: return b.getF64Type();
  case onnx::TensorProto::FLOAT16: return b.getF16Type();
  case onnx::TensorProto::BFLOAT16: return b.getBF16Type();
  case onnx::TensorProto::BOOL: return b.getI1Type();
  case onnx::TensorProto::INT8: return b.getIntegerType(8);
  case onnx::TensorProto::INT16: return b.getIntegerType(16);
  case onnx::TensorProto::INT32: return b.getIntegerType(32);
  case onnx::TensorProto::INT64: return b.getIntegerType(64);
  case onnx::TensorProto::UINT8: return b.getIntegerType(8, /*isSigned=*/false);
  case onnx::TensorProto::UINT16: return b.getIntegerType(16, false);
  case onnx::TensorProto::UINT32: return b.getIntegerType(32, false);
  case onnx::TensorProto::UINT64: return b.getIntegerType(64, false);
  default: return {};
  }
}

static const char *onnxTypeName(int t) {
  switch (t) {
  case onnx::TensorProto::STRING: return "string";
  case onnx::TensorProto::COMPLEX64: return "complex64";
  case onnx::TensorProto::COMPLEX128: return "complex128";
  case onnx::TensorProto::UNDEFINED: return "undefined";
  default: return "unsupported";
  }
}

static size_t byteWidth(Type elem) {
  if (elem.isInteger(1))
    return 1;
  return elem.getIntOrFloatBitWidth() / 8;
}

/// The contents of `bytes` (little-endian, row-major) as an attribute of `type`.
static FailureOr<DenseElementsAttr> bytesToAttr(RankedTensorType type, StringRef bytes,
                                                StringRef name, std::string &error) {
  Type elem = type.getElementType();
  int64_t n = type.getNumElements();
  size_t width = byteWidth(elem);
  if ((int64_t)bytes.size() != n * (int64_t)width) {
    error = "tensor '" + name.str() + "' holds " + std::to_string(bytes.size()) +
            " bytes, its shape and type need " + std::to_string(n * width);
    return failure();
  }
  if (elem.isInteger(1)) {
    SmallVector<bool> values;
    for (char c : bytes)
      values.push_back(c != 0);
    return DenseElementsAttr::get(type, values);
  }
  if (n == 0)
    return DenseElementsAttr::get(type, ArrayRef<Attribute>{});
  return DenseElementsAttr::getFromRawBuffer(type, ArrayRef<char>(bytes.data(), bytes.size()));
}

/// The contents of `t` as little-endian bytes (`n` elements of `width` bytes), read
/// from its typed fields, raw data or external data file.
static LogicalResult tensorBytes(const onnx::TensorProto &t, int64_t n, size_t width,
                                 StringRef modelDir, std::string &bytes, std::string &error) {
  if (t.data_location() == onnx::TensorProto::EXTERNAL) {
    std::string location;
    int64_t offset = 0, length = -1;
    for (const auto &kv : t.external_data()) {
      if (kv.key() == "location")
        location = kv.value();
      else if (kv.key() == "offset")
        offset = std::stoll(kv.value());
      else if (kv.key() == "length")
        length = std::stoll(kv.value());
    }
    SmallString<256> path(modelDir);
    llvm::sys::path::append(path, location);
    auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
    if (location.empty() || !file) {
      error = "tensor '" + t.name() + "': cannot read external data file '" +
              std::string(path) + "'" + (file ? "" : ": " + file.getError().message());
      return failure();
    }
    if (length < 0)
      length = (int64_t)(*file)->getBufferSize() - offset;
    if (offset < 0 || offset + length > (int64_t)(*file)->getBufferSize()) {
      error = "tensor '" + t.name() + "': external data range [" + std::to_string(offset) +
              ", +" + std::to_string(length) + ") lies outside '" + std::string(path) + "'";
      return failure();
    }
    bytes.assign((*file)->getBufferStart() + offset, length);
  } else if (t.has_raw_data()) {
    bytes = t.raw_data();
  } else {
    // Typed fields.
    bytes.resize(n * width);
    char *out = bytes.data();
    auto put = [&](int64_t i, auto v) { std::memcpy(out + i * width, &v, width); };
    int64_t have = 0;
    switch (t.data_type()) {
    case onnx::TensorProto::FLOAT:
      have = t.float_data_size();
      for (int64_t i = 0; i < std::min(have, n); ++i) put(i, t.float_data(i));
      break;
    case onnx::TensorProto::DOUBLE:
      have = t.double_data_size();
      for (int64_t i = 0; i < std::min(have, n); ++i) put(i, t.double_data(i));
      break;
    case onnx::TensorProto::INT64:
      have = t.int64_data_size();
      for (int64_t i = 0; i < std::min(have, n); ++i) put(i, (int64_t)t.int64_data(i));
      break;
    case onnx::TensorProto::UINT32:
    case onnx::TensorProto::UINT64:
      have = t.uint64_data_size();
      for (int64_t i = 0; i < std::min(have, n); ++i) {
        uint64_t v = t.uint64_data(i);
        std::memcpy(out + i * width, &v, width); // little endian: low bytes first
      }
      break;
    default: // int32_data holds int32, int16, int8, uint16, uint8, bool, f16, bf16
      have = t.int32_data_size();
      for (int64_t i = 0; i < std::min(have, n); ++i) {
        int32_t v = t.int32_data(i);
        std::memcpy(out + i * width, &v, width);
      }
      break;
    }
    if (have != n) {
      error = "tensor '" + t.name() + "' holds " + std::to_string(have) +
              " values, its shape needs " + std::to_string(n);
      return failure();
    }
  }
  return success();
}

FailureOr<DenseElementsAttr> onnxfe::tensorToAttr(MLIRContext *ctx, const onnx::TensorProto &t,
                                                  StringRef modelDir, std::string &error) {
  Type elem = elementTypeOf(ctx, t.data_type());
  if (!elem) {
    error = std::string("tensor '") + t.name() + "' has data type " +
            onnxTypeName(t.data_type()) + " (" + std::to_string(t.data_type()) + ")";
    return failure();
  }
  SmallVector<int64_t> shape(t.dims().begin(), t.dims().end());
  for (int64_t d : shape)
    if (d < 0) {
      error = "tensor '" + t.name() + "' has a negative dimension";
      return failure();
    }
  auto type = RankedTensorType::get(shape, elem);
  std::string bytes;
  if (failed(tensorBytes(t, type.getNumElements(), byteWidth(elem), modelDir, bytes, error)))
    return failure();
  return bytesToAttr(type, bytes, t.name(), error);
}

//===----------------------------------------------------------------------===//
// NodeContext
//===----------------------------------------------------------------------===//

const onnx::AttributeProto *NodeContext::attr(StringRef name) const {
  for (const auto &a : node.attribute())
    if (a.name() == name)
      return &a;
  return nullptr;
}
int64_t NodeContext::getInt(StringRef name, int64_t def) const {
  const auto *a = attr(name);
  return a ? a->i() : def;
}
float NodeContext::getFloat(StringRef name, float def) const {
  const auto *a = attr(name);
  return a ? a->f() : def;
}
std::string NodeContext::getString(StringRef name, StringRef def) const {
  const auto *a = attr(name);
  return a ? a->s() : def.str();
}
SmallVector<int64_t> NodeContext::getInts(StringRef name) const {
  const auto *a = attr(name);
  if (!a)
    return {};
  return SmallVector<int64_t>(a->ints().begin(), a->ints().end());
}
SmallVector<float> NodeContext::getFloats(StringRef name) const {
  const auto *a = attr(name);
  if (!a)
    return {};
  return SmallVector<float>(a->floats().begin(), a->floats().end());
}
std::string NodeContext::describe() const {
  std::string domain = node.domain().empty() ? "ai.onnx" : node.domain();
  return "ONNX node '" + node.name() + "' (op " + node.op_type() + ", domain " + domain +
         ", opset " + std::to_string(opset) + ")";
}
FailureOr<DenseElementsAttr> NodeContext::constInput(unsigned i, StringRef what) const {
  Value v = in(i);
  if (!v) {
    (void)invalid("missing input '" + what + "'");
    return failure();
  }
  if (auto attr = foldToConstant(v))
    return *attr;
  if (resolver)
    return resolver->notConstant(*this, v, what);
  (void)unsupported("input '" + what + "' is not an import-time constant");
  return failure();
}
FailureOr<SmallVector<int64_t>> NodeContext::constIntInput(unsigned i, StringRef what) const {
  FailureOr<DenseElementsAttr> attr = constInput(i, what);
  if (failed(attr))
    return failure();
  auto vals = intsOf(*attr);
  if (!vals) {
    (void)invalid("input '" + what + "' must be an integer tensor");
    return failure();
  }
  return *vals;
}
LogicalResult NodeContext::unsupported(const Twine &reason) const {
  return emitError(loc) << describe() << ": unsupported: " << reason;
}
LogicalResult NodeContext::invalid(const Twine &reason) const {
  return emitError(loc) << describe() << ": invalid model: " << reason;
}

//===----------------------------------------------------------------------===//
// Registry
//===----------------------------------------------------------------------===//

static SmallVector<StringRef> splitList(StringRef s, char sep = ',') {
  SmallVector<StringRef> parts;
  if (!s.empty())
    s.split(parts, sep);
  return parts;
}

static const Registry &registry() {
  static Registry r = [] {
    Registry r;
    registerElementwiseOps(r);
    registerTensorOps(r);
    registerNNOps(r);
    registerResizeOps(r);
    registerIndexingOps(r);
    registerRNNOps(r);
    registerControlFlowOps(r);
    registerSequenceOps(r);
    registerSignalOps(r);
    registerSelectionOps(r);
    registerDetectionOps(r);
    registerTextOps(r);
    registerLpNormOps(r);
    registerTrainingOps(r);
    std::sort(r.begin(), r.end(), [](const OpConverter &a, const OpConverter &c) {
      int cmp = StringRef(a.opType).compare(c.opType);
      return cmp < 0 || (cmp == 0 && a.minOpset < c.minOpset);
    });
    return r;
  }();
  return r;
}

void mlir::byteir::printONNXSupportedOps(llvm::raw_ostream &os) {
  const Registry &r = registry();
  llvm::StringSet<> names;
  for (const auto &c : r)
    names.insert(c.opType);
  os << "<!-- Generated by `onnx-to-stablehlo --list-ops`; do not edit. -->\n";
  os << "## Supported operators\n\n";
  os << names.size()
     << " operators of the default domain (`ai.onnx`) unless another domain is named. "
        "The opset range is the model's opset of the op's domain for which the "
        "converter applies. Attributes not listed are rejected with an error.\n\n";
  os << "| op | opsets | attributes | notes |\n|---|---|---|---|\n";
  for (const auto &c : r) {
    std::string attrs = c.attributes;
    std::string shown;
    for (StringRef a : splitList(attrs))
      if (!a.trim().empty())
        shown += (shown.empty() ? "" : ", ") + ("`" + a.trim() + "`").str();
    std::string domain = *c.domain ? std::string(" (") + c.domain + ")" : "";
    os << "| " << c.opType << domain << " | " << c.minOpset << "-" << c.maxOpset << " | " << shown
       << " | " << c.notes << " |\n";
  }
}

//===----------------------------------------------------------------------===//
// Import
//===----------------------------------------------------------------------===//

void mlir::byteir::registerONNXImporterDialects(DialectRegistry &r) {
  r.insert<func::FuncDialect, stablehlo::StableHLODialect, chlo::ChloDialect>();
}

LogicalResult mlir::byteir::parseONNXInputShape(StringRef option, ONNXInputShapes &shapes,
                                                std::string &error) {
  auto [name, dims] = option.rsplit('=');
  if (name.empty() || !option.contains('=')) {
    error = "--input-shape expects NAME=D0xD1x..., got '" + option.str() + "'";
    return failure();
  }
  std::vector<int64_t> shape;
  if (!dims.empty())
    for (StringRef d : splitList(dims, 'x')) {
      int64_t v;
      if (d.getAsInteger(10, v) || v < 0) {
        error = "--input-shape " + option.str() + ": '" + d.str() + "' is not a dimension";
        return failure();
      }
      shape.push_back(v);
    }
  shapes[name.str()] = shape;
  return success();
}

//===----------------------------------------------------------------------===//
// Offered input values
//===----------------------------------------------------------------------===//

int mlir::byteir::onnxDataTypeOfNumpy(StringRef descr) {
  // Byte order: '<' little, '|' not applicable, '=' native (little on our hosts).
  if (descr.size() < 2 || (descr[0] != '<' && descr[0] != '|' && descr[0] != '='))
    return 0;
  return llvm::StringSwitch<int>(descr.drop_front())
      .Case("f4", onnx::TensorProto::FLOAT)
      .Case("f8", onnx::TensorProto::DOUBLE)
      .Case("f2", onnx::TensorProto::FLOAT16)
      .Case("b1", onnx::TensorProto::BOOL)
      .Case("i1", onnx::TensorProto::INT8)
      .Case("i2", onnx::TensorProto::INT16)
      .Case("i4", onnx::TensorProto::INT32)
      .Case("i8", onnx::TensorProto::INT64)
      .Case("u1", onnx::TensorProto::UINT8)
      .Case("u2", onnx::TensorProto::UINT16)
      .Case("u4", onnx::TensorProto::UINT32)
      .Case("u8", onnx::TensorProto::UINT64)
      .Default(0);
}

/// The quoted or parenthesized value of `key` in a .npy header dictionary.
static std::optional<StringRef> npyField(StringRef header, StringRef key) {
  size_t at = header.find(("'" + key + "'").str());
  if (at == StringRef::npos)
    return std::nullopt;
  StringRef rest = header.drop_front(at + key.size() + 2).ltrim(" :");
  if (rest.empty())
    return std::nullopt;
  char close = rest[0] == '(' ? ')' : rest[0] == '\'' ? '\'' : ',';
  size_t end = rest.find(close, 1);
  if (end == StringRef::npos)
    return std::nullopt;
  return close == ',' ? rest.take_front(end).trim() : rest.slice(1, end);
}

/// Parses a .npy file (format versions 1 to 3, C order).
static LogicalResult parseNpy(StringRef data, ONNXInputValue &value, std::string &error) {
  if (!data.starts_with("\x93NUMPY") || data.size() < 10) {
    error = "not a .npy file";
    return failure();
  }
  unsigned major = (unsigned char)data[6];
  size_t lenBytes = major == 1 ? 2 : 4;
  size_t headerLen = 0;
  for (size_t i = 0; i < lenBytes && 8 + i < data.size(); ++i)
    headerLen |= (size_t)(unsigned char)data[8 + i] << (8 * i);
  size_t start = 8 + lenBytes + headerLen;
  if (start > data.size()) {
    error = "truncated .npy header";
    return failure();
  }
  StringRef header = data.slice(8 + lenBytes, start);
  auto descr = npyField(header, "descr"), order = npyField(header, "fortran_order"),
       shape = npyField(header, "shape");
  if (!descr || !order || !shape) {
    error = "malformed .npy header";
    return failure();
  }
  value.dataType = onnxDataTypeOfNumpy(*descr);
  if (!value.dataType) {
    error = ".npy dtype '" + descr->str() + "' is unsupported";
    return failure();
  }
  if (*order != "False") {
    error = "Fortran-ordered .npy arrays are unsupported";
    return failure();
  }
  value.shape.clear();
  for (StringRef d : splitList(*shape)) {
    int64_t v;
    if (d.trim().empty())
      continue;
    if (d.trim().getAsInteger(10, v) || v < 0) {
      error = ".npy shape '(" + shape->str() + ")' is malformed";
      return failure();
    }
    value.shape.push_back(v);
  }
  value.bytes = data.drop_front(start).str();
  return success();
}

/// Parses a serialized ONNX TensorProto.
static LogicalResult parseTensorProto(StringRef data, ONNXInputValue &value,
                                      std::string &error) {
  onnx::TensorProto t;
  if (data.size() > (size_t)INT32_MAX || !t.ParseFromArray(data.data(), (int)data.size())) {
    error = "not a serialized ONNX TensorProto";
    return failure();
  }
  if (t.data_location() == onnx::TensorProto::EXTERNAL) {
    error = "TensorProto with external data";
    return failure();
  }
  value.dataType = t.data_type();
  value.shape.assign(t.dims().begin(), t.dims().end());
  int64_t n = numElements(value.shape);
  size_t width;
  switch (t.data_type()) {
  case onnx::TensorProto::BOOL: case onnx::TensorProto::INT8: case onnx::TensorProto::UINT8:
    width = 1; break;
  case onnx::TensorProto::INT16: case onnx::TensorProto::UINT16:
  case onnx::TensorProto::FLOAT16: case onnx::TensorProto::BFLOAT16:
    width = 2; break;
  case onnx::TensorProto::FLOAT: case onnx::TensorProto::INT32: case onnx::TensorProto::UINT32:
    width = 4; break;
  case onnx::TensorProto::DOUBLE: case onnx::TensorProto::INT64: case onnx::TensorProto::UINT64:
    width = 8; break;
  default:
    error = std::string("TensorProto data type ") + onnxTypeName(t.data_type());
    return failure();
  }
  return tensorBytes(t, n, width, ".", value.bytes, error);
}

LogicalResult mlir::byteir::parseONNXInputValue(StringRef option, ONNXInputValues &values,
                                                std::string &error) {
  auto [name, file] = option.split('=');
  if (name.empty() || file.empty()) {
    error = "--input-value expects NAME=FILE (.npy or ONNX TensorProto .pb), got '" +
            option.str() + "'";
    return failure();
  }
  auto buffer = llvm::MemoryBuffer::getFile(file, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!buffer) {
    error = "--input-value " + name.str() + ": cannot read '" + file.str() +
            "': " + buffer.getError().message();
    return failure();
  }
  StringRef data = (*buffer)->getBuffer();
  ONNXInputValue value;
  std::string why;
  if (failed(data.starts_with("\x93NUMPY") ? parseNpy(data, value, why)
                                           : parseTensorProto(data, value, why))) {
    error = "--input-value " + name.str() + ": '" + file.str() + "': " + why;
    return failure();
  }
  values[name.str()] = std::move(value);
  return success();
}

//===----------------------------------------------------------------------===//
// Importer
//===----------------------------------------------------------------------===//

namespace {
class Importer : public ConstantResolver, public SubgraphImporter {
public:
  Importer(MLIRContext &ctx, StringRef path, const ONNXInputShapes &shapes,
           const ONNXInputValues &offered)
      : ctx(ctx), path(path), shapes(shapes), offered(offered), b(&ctx) {
    modelDir = llvm::sys::path::parent_path(path).str();
    if (modelDir.empty())
      modelDir = ".";
  }

  FailureOr<OwningOpRef<ModuleOp>> run();
  LogicalResult notConstant(const NodeContext &c, Value v, const Twine &what) override;
  FailureOr<SmallVector<Value>> importSubgraph(const NodeContext &c,
                                               const onnx::GraphProto &sub,
                                               ValueRange args) override;

private:
  FailureOr<OwningOpRef<ModuleOp>> importOnce(const onnx::ModelProto &model);
  LogicalResult checkOffered(StringRef name, RankedTensorType type);
  FailureOr<DenseElementsAttr> offeredAttr(StringRef name, RankedTensorType type,
                                           std::string &err);
  Location fileLoc() { return FileLineColLoc::get(&ctx, path, 0, 0); }
  Location nodeLoc(StringRef name) {
    return FusedLoc::get(&ctx, {NameLoc::get(StringAttr::get(&ctx, name)), fileLoc()});
  }
  // Nodes in an order where every input is produced before it is used (ONNX asks
  // for topological order; exporters do not always keep it). A cycle is an error
  // naming its nodes; an input nobody produces is reported when its node converts.
  FailureOr<SmallVector<int>> topologicalOrder(const onnx::GraphProto &graph) {
    llvm::StringMap<int> producer;
    for (int i = 0; i < graph.node_size(); ++i)
      for (const std::string &out : graph.node(i).output())
        if (!out.empty())
          producer[out] = i;
    SmallVector<int> order, state(graph.node_size(), 0);  // 0 new, 1 open, 2 done
    SmallVector<std::string> cycle;
    std::function<bool(int)> visit = [&](int i) {
      if (state[i] == 2)
        return true;
      if (state[i] == 1) {
        cycle.push_back(graph.node(i).name());
        return false;
      }
      state[i] = 1;
      for (const std::string &in : graph.node(i).input()) {
        auto it = producer.find(in);
        if (in.empty() || values.count(in) || it == producer.end())
          continue;
        if (!visit(it->second)) {
          cycle.push_back(graph.node(i).name());
          return false;
        }
      }
      state[i] = 2;
      order.push_back(i);
      return true;
    };
    for (int i = 0; i < graph.node_size(); ++i)
      if (!visit(i))
        return error("invalid model: the graph has a cycle through nodes '" +
                     llvm::join(llvm::reverse(cycle), "', '") + "'");
    return order;
  }

  LogicalResult error(const Twine &msg) {
    return emitError(fileLoc()) << "ONNX model '" << path << "': " << msg;
  }
  FailureOr<RankedTensorType> inputType(const onnx::ValueInfoProto &info);
  FailureOr<SmallVector<onnx::ValueInfoProto>>
  flattenSequenceInputs(const onnx::GraphProto &graph);
  LogicalResult convertNode(const onnx::NodeProto &node, unsigned index);

  MLIRContext &ctx;
  std::string path;
  std::string modelDir;
  const ONNXInputShapes &shapes;
  const ONNXInputValues &offered;
  /// Graph inputs imported as constants (their offered values), found on demand.
  llvm::StringSet<> specialized;
  /// Set when a converter needs a constant computed from offered, not yet
  /// specialized inputs: the import starts over with them specialized.
  bool retry = false;
  /// The argument names of @main, by argument number.
  SmallVector<std::string> argNames;
  OpBuilder b;
  int64_t opset = 0;
  llvm::StringMap<Value> values;
  llvm::StringMap<Type> declaredTypes;
  // Sequences and empty optionals, resolved at import time (SequenceOps.cpp).
  llvm::StringMap<SequenceValue> sequences;
  // Flattened sequence graph inputs: the argument names of their elements.
  std::vector<std::pair<std::string, SmallVector<std::string>>> sequenceInputs;
  // Opsets of the non-default domains the model imports.
  llvm::StringMap<int64_t> domainOpsets;
  const onnx::GraphProto *graph = nullptr;
};
} // namespace

/// The offered value of input `name` as an attribute of `type`.
FailureOr<DenseElementsAttr> Importer::offeredAttr(StringRef name, RankedTensorType type,
                                                   std::string &err) {
  const ONNXInputValue &v = offered.find(name.str())->second;
  Type elem = elementTypeOf(&ctx, v.dataType);
  SmallVector<int64_t> shape(v.shape.begin(), v.shape.end());
  if (elem != type.getElementType() || ArrayRef<int64_t>(shape) != type.getShape()) {
    std::string got;
    llvm::raw_string_ostream os(got);
    if (elem)
      os << RankedTensorType::get(shape, elem);
    else
      os << "ONNX data type " << v.dataType;
    std::string want;
    llvm::raw_string_ostream ws(want);
    ws << type;
    err = "the value offered for graph input '" + name.str() + "' is " + got +
          ", the input is " + want;
    return failure();
  }
  return bytesToAttr(type, v.bytes, name, err);
}

LogicalResult Importer::checkOffered(StringRef name, RankedTensorType type) {
  if (!offered.count(name.str()))
    return success();
  std::string err;
  if (failed(offeredAttr(name, type, err)))
    return error(err);
  return success();
}

/// The graph inputs (arguments of @main) that `v` is computed from.
static SmallVector<unsigned> argumentsUsedBy(Value v) {
  SmallVector<unsigned> args;
  SmallVector<Value> todo{v};
  llvm::DenseSet<Value> seen;
  while (!todo.empty()) {
    Value x = todo.pop_back_val();
    if (!seen.insert(x).second)
      continue;
    if (auto arg = dyn_cast<BlockArgument>(x)) {
      if (isa_and_nonnull<func::FuncOp>(arg.getOwner()->getParentOp()))
        args.push_back(arg.getArgNumber());
      continue;
    }
    Operation *op = x.getDefiningOp();
    op->walk([&](Operation *inner) {
      for (Value operand : inner->getOperands())
        todo.push_back(operand);
    });
  }
  llvm::sort(args);
  return args;
}

LogicalResult Importer::notConstant(const NodeContext &c, Value v, const Twine &what) {
  SmallVector<std::string> missing, toSpecialize;
  for (unsigned i : argumentsUsedBy(v)) {
    const std::string &name = argNames[i];
    if (!offered.count(name))
      missing.push_back(name);
    else if (!specialized.contains(name))
      toSpecialize.push_back(name);
  }
  if (!missing.empty()) {
    std::string how;
    for (const std::string &name : missing)
      how += " --input-value " + name + "=FILE.npy";
    return c.unsupported("input '" + what + "' is not an import-time constant: it is " +
                         "computed from graph input" + (missing.size() > 1 ? "s '" : " '") +
                         llvm::join(missing, "', '") + "'; specialize with" + how +
                         " (byteir.compile: input_values={name: array})");
  }
  if (toSpecialize.empty())
    return c.unsupported("input '" + what + "' is not an import-time constant (dynamic " +
                         "shapes are unsupported)");
  for (const std::string &name : toSpecialize)
    specialized.insert(name);
  retry = true;
  return failure();
}

FailureOr<SmallVector<Value>> Importer::importSubgraph(const NodeContext &c,
                                                       const onnx::GraphProto &sub,
                                                       ValueRange args) {
  if ((int)args.size() != sub.input_size()) {
    (void)c.invalid("subgraph '" + sub.name() + "' takes " +
                    std::to_string(sub.input_size()) + " inputs, the node passes " +
                    std::to_string(args.size()));
    return failure();
  }
  // Lexical scope: the subgraph sees the enclosing values; its own names end with it.
  llvm::StringMap<Value> outer = values;
  const onnx::GraphProto *outerGraph = graph;
  llvm::scope_exit restore([&] {
    values = std::move(outer);
    graph = outerGraph;
  });
  graph = &sub;
  for (int i = 0; i < sub.input_size(); ++i)
    values[sub.input(i).name()] = args[i];
  for (const auto &init : sub.initializer()) {
    std::string err;
    FailureOr<DenseElementsAttr> attr = tensorToAttr(&ctx, init, modelDir, err);
    if (failed(attr)) {
      (void)c.invalid("subgraph initializer: " + err);
      return failure();
    }
    values[init.name()] = hlo::ConstantOp::create(b, nodeLoc(init.name()), *attr);
  }
  FailureOr<SmallVector<int>> order = topologicalOrder(sub);
  if (failed(order))
    return failure();
  for (int i : *order)
    if (failed(convertNode(sub.node(i), i)))
      return failure();
  SmallVector<Value> results;
  for (const auto &out : sub.output()) {
    Value v = values.lookup(out.name());
    if (!v) {
      (void)c.invalid("subgraph output '" + out.name() + "' is not produced by any node");
      return failure();
    }
    results.push_back(v);
  }
  return results;
}

/// Graph inputs with each sequence input replaced by one tensor input per element,
/// "NAME[i]", sized by --input-shape NAME[0]=... NAME[1]=... (the count is the number
/// of consecutive element shapes given); the sequence is rebuilt from those arguments.
/// An optional input is taken as present: its contents are the input.
FailureOr<SmallVector<onnx::ValueInfoProto>>
Importer::flattenSequenceInputs(const onnx::GraphProto &graph) {
  sequenceInputs.clear();
  SmallVector<onnx::ValueInfoProto> out;
  for (onnx::ValueInfoProto in : graph.input()) {
    if (in.type().has_optional_type()) {
      onnx::TypeProto contents = in.type().optional_type().elem_type();
      *in.mutable_type() = contents;
    }
    if (!in.type().has_sequence_type()) {
      out.push_back(in);
      continue;
    }
    const onnx::TypeProto &elem = in.type().sequence_type().elem_type();
    sequenceInputs.emplace_back(in.name(), SmallVector<std::string>());
    SmallVector<std::string> &names = sequenceInputs.back().second;
    for (size_t i = 0; shapes.count(in.name() + "[" + std::to_string(i) + "]"); ++i) {
      onnx::ValueInfoProto e;
      e.set_name(in.name() + "[" + std::to_string(i) + "]");
      *e.mutable_type() = elem;
      e.mutable_type()->mutable_tensor_type()->clear_shape();
      names.push_back(e.name());
      out.push_back(e);
    }
    if (!elem.has_tensor_type() || names.empty())
      return error("graph input '" + in.name() + "' is a sequence: give the shape of each "
                   "tensor element with --input-shape " + in.name() + "[0]=D0xD1x... " +
                   in.name() + "[1]=...");
  }
  return out;
}

FailureOr<RankedTensorType> Importer::inputType(const onnx::ValueInfoProto &info) {
  if (!info.type().has_tensor_type())
    return error("graph input '" + info.name() + "' is not a tensor, sequence or optional "
                 "(maps are unsupported)");
  const auto &tt = info.type().tensor_type();
  Type elem = elementTypeOf(&ctx, tt.elem_type());
  if (!elem)
    return error("graph input '" + info.name() + "' has unsupported element type " +
                 onnxTypeName(tt.elem_type()));
  auto it = shapes.find(info.name());
  if (it != shapes.end()) {
    if (tt.has_shape() && tt.shape().dim_size() != (int)it->second.size())
      return error("--input-shape for '" + info.name() + "' has rank " +
                   std::to_string(it->second.size()) + ", the model declares rank " +
                   std::to_string(tt.shape().dim_size()));
    if (tt.has_shape())
      for (int i = 0; i < tt.shape().dim_size(); ++i) {
        const auto &d = tt.shape().dim(i);
        if (d.has_dim_value() && d.dim_value() != it->second[i])
          return error("--input-shape for '" + info.name() + "' gives dimension " +
                       std::to_string(i) + " = " + std::to_string(it->second[i]) +
                       ", the model fixes it to " + std::to_string(d.dim_value()));
      }
    return RankedTensorType::get(it->second, elem);
  }
  if (!tt.has_shape())
    return error("graph input '" + info.name() + "' has no shape; give one with "
                 "--input-shape " + info.name() + "=D0xD1x...");
  SmallVector<int64_t> dims;
  for (int i = 0; i < tt.shape().dim_size(); ++i) {
    const auto &d = tt.shape().dim(i);
    if (!d.has_dim_value() || d.dim_value() < 0)
      return error("graph input '" + info.name() + "' has a dynamic dimension " +
                   std::to_string(i) +
                   (d.has_dim_param() ? " ('" + d.dim_param() + "')" : std::string()) +
                   "; specialize it with --input-shape " + info.name() + "=D0xD1x...");
    dims.push_back(d.dim_value());
  }
  return RankedTensorType::get(dims, elem);
}

LogicalResult Importer::convertNode(const onnx::NodeProto &node, unsigned index) {
  std::string name = node.name().empty() ? node.op_type() + "_" + std::to_string(index)
                                         : node.name();
  onnx::NodeProto named = node;
  named.set_name(name);
  StringRef domain = node.domain() == "ai.onnx" ? StringRef() : StringRef(node.domain());
  int64_t nodeOpset = domain.empty() ? opset : domainOpsets.lookup(domain);
  NodeContext nc(b, nodeLoc(name), named, nodeOpset, modelDir);
  nc.resolver = this;
  nc.subgraphs = this;
  if (!domain.empty() && llvm::none_of(registry(), [&](const OpConverter &c) {
        return domain == c.domain;
      }))
    return nc.unsupported("unknown operator domain '" + node.domain() + "'");
  const OpConverter *conv = nullptr;
  bool known = false;
  for (const auto &c : registry()) {
    if (node.op_type() != c.opType || domain != c.domain)
      continue;
    known = true;
    if (nodeOpset >= c.minOpset && nodeOpset <= c.maxOpset) {
      conv = &c;
      break;
    }
  }
  if (!known)
    return nc.unsupported("no converter for op type '" + node.op_type() + "'");
  if (!conv)
    return nc.unsupported("the converter for " + node.op_type() +
                          " does not support this opset");
  for (const auto &a : node.attribute()) {
    bool ok = false;
    for (StringRef k : splitList(conv->attributes))
      if (k.trim() == a.name())
        ok = true;
    if (!ok)
      return nc.unsupported("attribute '" + a.name() + "'");
    if (a.type() == onnx::AttributeProto::GRAPHS)
      return nc.unsupported("subgraph list attribute '" + a.name() + "'");
  }
  nc.graph = graph;
  nc.lookup = [this](StringRef n) { return values.lookup(n); };
  for (const std::string &in : node.input()) {
    auto seq = sequences.find(in);
    nc.seqInputs.push_back(seq == sequences.end() ? nullptr : &seq->second);
    if (seq != sequences.end() && !takesSequences(node.op_type()))
      return nc.unsupported("input '" + in + "' is a sequence or optional");
    if (in.empty() || seq != sequences.end()) {
      nc.inputs.push_back(Value());
      continue;
    }
    auto it = values.find(in);
    if (it == values.end())
      return nc.invalid("input '" + in + "' is not produced by any node, initializer or "
                        "graph input");
    nc.inputs.push_back(it->second);
  }
  if (!forwardSequence(nc) && failed(conv->fn(nc)))
    return failure();
  for (int i = 0; i < node.output_size(); ++i) {
    if (node.output(i).empty())
      continue;
    if (i < (int)nc.seqResults.size() && nc.seqResults[i]) {
      sequences[node.output(i)] = *nc.seqResults[i];
      continue;
    }
    if (i >= (int)nc.results.size() || !nc.results[i])
      return nc.unsupported("output " + std::to_string(i) + " ('" + node.output(i) +
                            "') is not produced by the converter");
    values[node.output(i)] = nc.results[i];
    // value_info / graph outputs declare types: a static declaration that disagrees
    // with the inferred type is reported (the inferred type is kept).
    auto declared = declaredTypes.find(node.output(i));
    if (declared != declaredTypes.end() && declared->second != nc.results[i].getType())
      emitWarning(nc.loc) << nc.describe() << ": output '" << node.output(i)
                          << "' is declared " << declared->second << " but inferred as "
                          << nc.results[i].getType();
  }
  return success();
}

/// Emits `message` again at `loc` with its original severity.
static void replay(Location loc, DiagnosticSeverity severity, StringRef message) {
  switch (severity) {
  case DiagnosticSeverity::Error: emitError(loc) << message; break;
  case DiagnosticSeverity::Warning: emitWarning(loc) << message; break;
  case DiagnosticSeverity::Remark: emitRemark(loc) << message; break;
  case DiagnosticSeverity::Note: break; // notes are folded into their diagnostic
  }
}

FailureOr<OwningOpRef<ModuleOp>> Importer::run() {
  ctx.loadDialect<func::FuncDialect, stablehlo::StableHLODialect, chlo::ChloDialect>();
  auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!file)
    return error("cannot read: " + file.getError().message());
  onnx::ModelProto model;
  StringRef data = (*file)->getBuffer();
  if (data.size() > (size_t)INT32_MAX ||
      !model.ParseFromArray(data.data(), (int)data.size()))
    return error("not a valid ONNX ModelProto (truncated or corrupt protobuf)");
  if (!model.has_graph())
    return error("the model has no graph");
  bool haveDefault = false;
  for (const auto &op : model.opset_import())
    if (op.domain().empty() || op.domain() == "ai.onnx") {
      opset = op.version();
      haveDefault = true;
    } else {
      domainOpsets[op.domain()] = op.version();
    }
  if (!haveDefault)
    opset = 1;
  if (opset > kMaxOpset)
    return error("default-domain opset " + std::to_string(opset) +
                 " is newer than the importer supports (" + std::to_string(kMaxOpset) + ")");
  // Each retry specializes at least one more offered input, so this terminates.
  while (true) {
    values.clear();
    declaredTypes.clear();
    sequences.clear();
    retry = false;
    // Diagnostics (e.g. declared-type warnings) of an attempt that is retried are
    // dropped; the final attempt's are replayed.
    SmallVector<std::tuple<Location, DiagnosticSeverity, std::string>> held;
    FailureOr<OwningOpRef<ModuleOp>> module = failure();
    {
      ScopedDiagnosticHandler hold(&ctx, [&](Diagnostic &d) {
        std::string message = d.str();
        for (Diagnostic &note : d.getNotes())
          message += "\nnote: " + note.str();
        held.emplace_back(d.getLocation(), d.getSeverity(), message);
        return success();
      });
      module = importOnce(model);
    }
    if (succeeded(module) || !retry) {
      for (auto &[loc, severity, message] : held)
        replay(loc, severity, message);
      return module;
    }
  }
}

FailureOr<OwningOpRef<ModuleOp>> Importer::importOnce(const onnx::ModelProto &model) {
  const onnx::GraphProto &graph = model.graph();
  this->graph = &graph;

  auto module = ModuleOp::create(fileLoc());
  OwningOpRef<ModuleOp> owned(module);
  b.setInsertionPointToEnd(module.getBody());

  // Arguments: graph inputs that are not initializers.
  llvm::StringSet<> initNames;
  for (const auto &init : graph.initializer())
    initNames.insert(init.name());
  SmallVector<Type> argTypes;
  argNames.clear();
  FailureOr<SmallVector<onnx::ValueInfoProto>> inputs = flattenSequenceInputs(graph);
  if (failed(inputs))
    return failure();
  for (const auto &in : *inputs)
    if (!initNames.contains(in.name()))
      argNames.push_back(in.name());
  for (const auto &[name, shape] : shapes)
    if (std::find(argNames.begin(), argNames.end(), name) == argNames.end())
      return error("--input-shape names '" + name + "', which is not a graph input");
  for (const auto &[name, value] : offered)
    if (std::find(argNames.begin(), argNames.end(), name) == argNames.end())
      return error("--input-value names '" + name + "', which is not a graph input" +
                   (initNames.contains(name) ? " (it is an initializer)" : ""));
  for (const auto &in : *inputs) {
    if (initNames.contains(in.name()))
      continue;
    FailureOr<RankedTensorType> type = inputType(in);
    if (failed(type) || failed(checkOffered(in.name(), *type)))
      return failure();
    argTypes.push_back(*type);
  }

  auto func = func::FuncOp::create(b, fileLoc(), "main", b.getFunctionType(argTypes, {}));
  Block *entry = func.addEntryBlock();
  b.setInsertionPointToStart(entry);
  for (unsigned i = 0; i < argNames.size(); ++i) {
    func.setArgAttr(i, "onnx.name", b.getStringAttr(argNames[i]));
    values[argNames[i]] = entry->getArgument(i);
    if (!specialized.contains(argNames[i]))
      continue;
    // checkOffered validated the value against this type.
    std::string err;
    DenseElementsAttr attr = *offeredAttr(argNames[i], cast<RankedTensorType>(argTypes[i]), err);
    func.setArgAttr(i, "byteir.specialized_value", attr);
    values[argNames[i]] = hlo::ConstantOp::create(b, nodeLoc(argNames[i]), attr);
  }

  for (auto &[name, elements] : sequenceInputs) {
    SequenceValue &seq = sequences[name];
    for (const std::string &e : elements)
      seq.elements.push_back(values.lookup(e));
    seq.elemType = elemType(seq.elements.front());
  }

  for (const auto &init : graph.initializer()) {
    std::string err;
    FailureOr<DenseElementsAttr> attr = tensorToAttr(&ctx, init, modelDir, err);
    if (failed(attr))
      return error("initializer: " + err);
    values[init.name()] = hlo::ConstantOp::create(b, nodeLoc(init.name()), *attr);
  }
  if (graph.sparse_initializer_size())
    return error("sparse initializers are unsupported");

  // Fully static declared types from value_info and the graph outputs.
  auto declare = [&](const onnx::ValueInfoProto &info) {
    if (!info.type().has_tensor_type() || !info.type().tensor_type().has_shape())
      return;
    const auto &tt = info.type().tensor_type();
    Type elem = elementTypeOf(&ctx, tt.elem_type());
    SmallVector<int64_t> dims;
    for (const auto &d : tt.shape().dim()) {
      if (!d.has_dim_value())
        return;
      dims.push_back(d.dim_value());
    }
    if (elem)
      declaredTypes[info.name()] = RankedTensorType::get(dims, elem);
  };
  for (const auto &info : graph.value_info())
    declare(info);
  for (const auto &info : graph.output())
    declare(info);

  FailureOr<SmallVector<int>> order = topologicalOrder(graph);
  if (failed(order))
    return failure();
  for (int i : *order)
    if (failed(convertNode(graph.node(i), i)))
      return failure();

  SmallVector<Value> results;
  SmallVector<std::string> resultNames;
  for (const auto &out : graph.output()) {
    // A sequence output is flattened into one result per element, "NAME[i]".
    auto seq = sequences.find(out.name());
    if (seq != sequences.end() && seq->second.isNone)
      return error("graph output '" + out.name() + "' is an empty optional");
    if (seq != sequences.end()) {
      for (auto [i, v] : llvm::enumerate(seq->second.elements)) {
        results.push_back(v);
        resultNames.push_back(out.name() + "[" + std::to_string(i) + "]");
      }
      continue;
    }
    auto it = values.find(out.name());
    if (it == values.end())
      return error("graph output '" + out.name() + "' is not produced by any node");
    results.push_back(it->second);
    resultNames.push_back(out.name());
  }
  func::ReturnOp::create(b, fileLoc(), results);
  func.setType(b.getFunctionType(argTypes, ValueRange(results).getTypes()));
  for (auto [i, name] : llvm::enumerate(resultNames))
    func.setResultAttr(i, "onnx.name", b.getStringAttr(name));

  // Drop ops whose results nothing uses (shape computations folded at import).
  SmallVector<Operation *> ops;
  for (Operation &op : *entry)
    ops.push_back(&op);
  for (Operation *op : llvm::reverse(ops))
    if (op->use_empty() && !op->hasTrait<OpTrait::IsTerminator>() &&
        op->getNumRegions() == 0)
      op->erase();

  if (failed(verify(module)))
    return failure();
  return owned;
}

FailureOr<OwningOpRef<ModuleOp>> mlir::byteir::importONNXFile(StringRef path,
                                                              MLIRContext &context,
                                                              const ONNXInputShapes &shapes,
                                                              const ONNXInputValues &values) {
  Importer importer(context, path, shapes, values);
  return importer.run();
}
