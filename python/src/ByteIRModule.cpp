// Python bindings: byteir.compile(...) and byteir.Session(path).run({...}).
#include <cstring>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "brt/Session.h"
#include "byteir/Compiler/Compile.h"
#include "byteir/Frontends/ONNX/ONNXImporter.h"
#include "byteir/InitAll.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/SourceMgr.h"

namespace py = pybind11;

namespace {

[[noreturn]] void raise(const brt::Status& status) {
  throw std::runtime_error(status.message());
}

// An ONNX input value offered to the importer, from a numpy array.
mlir::byteir::ONNXInputValue toInputValue(const std::string& name, const py::array& value) {
  py::array array = py::array::ensure(value, py::array::c_style);
  if (!array) throw std::invalid_argument("input_values['" + name + "']: not an array");
  std::string descr = py::str(array.dtype().attr("str"));
  mlir::byteir::ONNXInputValue out;
  out.dataType = mlir::byteir::onnxDataTypeOfNumpy(descr);
  if (!out.dataType)
    throw std::invalid_argument("input_values['" + name + "']: unsupported dtype " + descr);
  out.shape.assign(array.shape(), array.shape() + array.ndim());
  out.bytes.assign(static_cast<const char*>(array.data()), array.nbytes());
  return out;
}

// Compiles `source` (a path to StableHLO text or bytecode, or an ONNX model ending in
// .onnx) into the artifact `output`.
void compile(const std::string& source, const std::string& output,
             const std::string& target,
             const std::map<std::string, std::vector<int64_t>>& inputShapes,
             const std::map<std::string, py::array>& inputValues) {
  mlir::byteir::ONNXInputValues values;
  for (const auto& [name, value] : inputValues) values[name] = toInputValue(name, value);
  static bool registered = [] {
    mlir::byteir::registerAllPasses();
    return true;
  }();
  (void)registered;
  mlir::DialectRegistry registry;
  mlir::byteir::registerAllDialects(registry);
  mlir::MLIRContext context(registry);
  std::string diagnostics;
  llvm::raw_string_ostream os(diagnostics);
  llvm::SourceMgr sourceMgr;
  mlir::SourceMgrDiagnosticHandler handler(sourceMgr, &context, os);
  mlir::OwningOpRef<mlir::ModuleOp> module;
  if (llvm::StringRef(source).ends_with(".onnx")) {
    auto imported = mlir::byteir::importONNXFile(source, context, inputShapes, values);
    if (mlir::succeeded(imported)) module = std::move(*imported);
  } else {
    module = mlir::parseSourceFile<mlir::ModuleOp>(source, sourceMgr, &context);
  }
  mlir::byteir::CompileOptions options;
  options.target = target;
  options.commandLine = "byteir.compile(" + source + ", target=" + target + ")";
  mlir::DefaultTimingManager timing;
  mlir::TimingScope root = timing.getRootScope();
  if (!module || mlir::failed(mlir::byteir::compileToArtifact(*module, options, output, root)))
    throw std::runtime_error("byteir.compile failed:\n" + diagnostics);
}

// numpy has no bfloat16: bf16 tensors travel as uint16 arrays of their bit patterns
// (as onnx.numpy_helper does).
py::dtype numpyDType(brt::DType dtype) {
  switch (dtype) {
    case brt::DType::BF16: return py::dtype("uint16");
    case brt::DType::I1: return py::dtype("bool");
    case brt::DType::F16: return py::dtype("float16");
    case brt::DType::F32: return py::dtype("float32");
    case brt::DType::F64: return py::dtype("float64");
    case brt::DType::I8: return py::dtype("int8");
    case brt::DType::I16: return py::dtype("int16");
    case brt::DType::I32: return py::dtype("int32");
    case brt::DType::I64: return py::dtype("int64");
    case brt::DType::U8: return py::dtype("uint8");
    case brt::DType::U16: return py::dtype("uint16");
    case brt::DType::U32: return py::dtype("uint32");
    case brt::DType::U64: return py::dtype("uint64");
    default: throw std::runtime_error(std::string("no numpy dtype for ") + brt::dtypeName(dtype));
  }
}

class PySession {
 public:
  explicit PySession(const std::string& path) {
    brt::StatusOr<brt::Session> session = brt::Session::load(path);
    if (!session.ok()) raise(session.status());
    session_ = std::make_unique<brt::Session>(std::move(*session));
  }

  std::vector<std::string> names(const std::vector<size_t>& indices) const {
    std::vector<std::string> result;
    for (size_t i : indices) result.push_back(session_->entry().arguments[i].name);
    return result;
  }
  std::vector<std::string> inputs() const { return names(session_->inputs()); }
  std::vector<std::string> outputs() const { return names(session_->outputs()); }

  // Per input: name, numpy dtype, shape, and `specialized_value`: the array the model
  // was compiled for (run() refuses any other value), or None.
  py::list inputInfo() const {
    py::list info;
    for (size_t i : session_->inputs()) {
      const brt::ArgumentDesc& arg = session_->entry().arguments[i];
      py::dict entry;
      entry["name"] = arg.name;
      entry["dtype"] = numpyDType(arg.dtype);
      entry["shape"] = py::tuple(py::cast(arg.shape));
      entry["specialized_value"] = py::none();
      if (!arg.expectedValue.empty()) {
        py::array value(numpyDType(arg.dtype),
                        std::vector<py::ssize_t>(arg.shape.begin(), arg.shape.end()));
        std::memcpy(value.mutable_data(), arg.expectedValue.data(), arg.expectedValue.size());
        entry["specialized_value"] = value;
      }
      info.append(entry);
    }
    return info;
  }

  // Inputs are used in place when they are C-contiguous with the artifact's dtype
  // (otherwise converted once); outputs are numpy arrays the kernels write directly.
  py::dict run(const py::dict& feeds) {
    brt::RequestContext request(*session_);
    std::vector<py::array> keepAlive;
    for (auto [key, value] : feeds) {
      std::string name = py::str(key);
      const brt::ArgumentDesc* arg = findInput(name);
      py::array array = py::array::ensure(value, py::array::c_style);
      if (!array) throw std::invalid_argument("input '" + name + "' is not array-like");
      py::dtype want = numpyDType(arg->dtype);
      if (!array.dtype().is(want) && array.dtype().kind() != want.kind())
        throw std::invalid_argument("input '" + name + "' has dtype " +
                                    std::string(py::str(array.dtype())) + ", expected " +
                                    std::string(py::str(want)));
      if (!array.dtype().equal(want)) array = array.attr("astype")(want);
      brt::Shape shape(array.shape(), array.shape() + array.ndim());
      brt::Status bound =
          request.bindInput(name, brt::TensorView(arg->dtype, shape, array.data()));
      if (!bound.ok()) throw std::invalid_argument(bound.message());
      keepAlive.push_back(array);
    }
    py::dict results;
    std::vector<py::array> outputs;
    for (size_t i = 0; i < session_->outputs().size(); ++i) {
      const brt::ArgumentDesc& arg = session_->entry().arguments[session_->outputs()[i]];
      py::array out(numpyDType(arg.dtype), std::vector<py::ssize_t>(arg.shape.begin(), arg.shape.end()));
      brt::Status bound = request.bindOutput(
          i, brt::MutableTensorView(arg.dtype, arg.shape, out.mutable_data()));
      if (!bound.ok()) raise(bound);
      outputs.push_back(out);
      results[py::str(arg.name)] = out;
    }
    brt::StatusOr<std::vector<brt::Tensor>> ran = [&] {
      py::gil_scoped_release release;
      return request.run();
    }();
    if (!ran.ok()) throw std::invalid_argument(ran.status().message());
    return results;
  }

 private:
  const brt::ArgumentDesc* findInput(const std::string& name) const {
    for (size_t i : session_->inputs())
      if (session_->entry().arguments[i].name == name) return &session_->entry().arguments[i];
    throw std::invalid_argument("the model has no input '" + name + "'");
  }

  std::unique_ptr<brt::Session> session_;
};

}  // namespace

PYBIND11_MODULE(_byteir, m) {
  m.doc() = "byteir: compile StableHLO models and run .byre artifacts";
  m.def("compile", &compile, py::arg("source"), py::arg("output"), py::arg("target") = "cpu",
        py::arg("input_shapes") = std::map<std::string, std::vector<int64_t>>(),
        py::arg("input_values") = std::map<std::string, py::array>(),
        "Compile a StableHLO file (.mlir text or bytecode) or an ONNX model (.onnx; "
        "input_shapes={name: shape} specializes symbolic dimensions; "
        "input_values={name: array} offers values for inputs that feed shape-like "
        "operands, which are then specialized to them) into a .byre artifact.");
  py::class_<PySession>(m, "Session")
      .def(py::init<const std::string&>(), py::arg("path"))
      .def_property_readonly("inputs", &PySession::inputs)
      .def_property_readonly("outputs", &PySession::outputs)
      .def_property_readonly("input_info", &PySession::inputInfo,
                             "Per input: {'name', 'dtype', 'shape', 'specialized_value'} "
                             "(the array the model was compiled for, or None).")
      .def("run", &PySession::run, py::arg("feeds"),
           "Run the model on {input name: array}; returns {output name: array}.");
}
