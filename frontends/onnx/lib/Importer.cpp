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
  int64_t n = numElements(shape);
  size_t width = byteWidth(elem);
  std::string bytes;
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
  if ((int64_t)bytes.size() != n * (int64_t)width) {
    error = "tensor '" + t.name() + "' holds " + std::to_string(bytes.size()) +
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
  os << "Default domain (`ai.onnx`) only; " << names.size()
     << " operators. The opset range is the model's default-domain opset for which "
        "the converter applies. Attributes not listed are rejected with an error.\n\n";
  os << "| op | opsets | attributes | notes |\n|---|---|---|---|\n";
  for (const auto &c : r) {
    std::string attrs = c.attributes;
    std::string shown;
    for (StringRef a : splitList(attrs))
      if (!a.trim().empty())
        shown += (shown.empty() ? "" : ", ") + ("`" + a.trim() + "`").str();
    os << "| " << c.opType << " | " << c.minOpset << "-" << c.maxOpset << " | " << shown
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

namespace {
class Importer {
public:
  Importer(MLIRContext &ctx, StringRef path, const ONNXInputShapes &shapes)
      : ctx(ctx), path(path), shapes(shapes), b(&ctx) {
    modelDir = llvm::sys::path::parent_path(path).str();
    if (modelDir.empty())
      modelDir = ".";
  }

  FailureOr<OwningOpRef<ModuleOp>> run();

private:
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
  LogicalResult convertNode(const onnx::NodeProto &node, unsigned index);

  MLIRContext &ctx;
  std::string path;
  std::string modelDir;
  const ONNXInputShapes &shapes;
  OpBuilder b;
  int64_t opset = 0;
  llvm::StringMap<Value> values;
  llvm::StringMap<Type> declaredTypes;
};
} // namespace

FailureOr<RankedTensorType> Importer::inputType(const onnx::ValueInfoProto &info) {
  if (!info.type().has_tensor_type())
    return error("graph input '" + info.name() + "' is not a tensor (sequences, maps and "
                 "optionals are unsupported)");
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
  NodeContext nc(b, nodeLoc(name), named, opset, modelDir);
  if (!node.domain().empty() && node.domain() != "ai.onnx")
    return nc.unsupported("unknown operator domain '" + node.domain() + "'");
  const OpConverter *conv = nullptr;
  bool known = false;
  for (const auto &c : registry()) {
    if (node.op_type() != c.opType)
      continue;
    known = true;
    if (opset >= c.minOpset && opset <= c.maxOpset) {
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
    if (a.type() == onnx::AttributeProto::GRAPH || a.type() == onnx::AttributeProto::GRAPHS)
      return nc.unsupported("subgraph attribute '" + a.name() + "'");
  }
  for (const std::string &in : node.input()) {
    if (in.empty()) {
      nc.inputs.push_back(Value());
      continue;
    }
    auto it = values.find(in);
    if (it == values.end())
      return nc.invalid("input '" + in + "' is not produced by any node, initializer or "
                        "graph input");
    nc.inputs.push_back(it->second);
  }
  if (failed(conv->fn(nc)))
    return failure();
  for (int i = 0; i < node.output_size(); ++i) {
    if (node.output(i).empty())
      continue;
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
    }
  if (!haveDefault)
    opset = 1;
  if (opset > kMaxOpset)
    return error("default-domain opset " + std::to_string(opset) +
                 " is newer than the importer supports (" + std::to_string(kMaxOpset) + ")");
  const onnx::GraphProto &graph = model.graph();

  auto module = ModuleOp::create(fileLoc());
  OwningOpRef<ModuleOp> owned(module);
  b.setInsertionPointToEnd(module.getBody());

  // Arguments: graph inputs that are not initializers.
  llvm::StringSet<> initNames;
  for (const auto &init : graph.initializer())
    initNames.insert(init.name());
  SmallVector<Type> argTypes;
  SmallVector<std::string> argNames;
  for (const auto &in : graph.input())
    if (!initNames.contains(in.name()))
      argNames.push_back(in.name());
  for (const auto &[name, shape] : shapes)
    if (std::find(argNames.begin(), argNames.end(), name) == argNames.end())
      return error("--input-shape names '" + name + "', which is not a graph input");
  for (const auto &in : graph.input()) {
    if (initNames.contains(in.name()))
      continue;
    FailureOr<RankedTensorType> type = inputType(in);
    if (failed(type))
      return failure();
    argTypes.push_back(*type);
  }

  auto func = func::FuncOp::create(b, fileLoc(), "main", b.getFunctionType(argTypes, {}));
  Block *entry = func.addEntryBlock();
  for (unsigned i = 0; i < argNames.size(); ++i) {
    values[argNames[i]] = entry->getArgument(i);
    func.setArgAttr(i, "onnx.name", b.getStringAttr(argNames[i]));
  }
  b.setInsertionPointToStart(entry);

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
  for (const auto &out : graph.output()) {
    auto it = values.find(out.name());
    if (it == values.end())
      return error("graph output '" + out.name() + "' is not produced by any node");
    results.push_back(it->second);
  }
  func::ReturnOp::create(b, fileLoc(), results);
  func.setType(b.getFunctionType(argTypes, ValueRange(results).getTypes()));
  for (int i = 0; i < graph.output_size(); ++i)
    func.setResultAttr(i, "onnx.name", b.getStringAttr(graph.output(i).name()));

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
                                                              const ONNXInputShapes &shapes) {
  Importer importer(context, path, shapes);
  return importer.run();
}
