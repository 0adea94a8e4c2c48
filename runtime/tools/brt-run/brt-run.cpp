// brt-run: run a .byre artifact on .npy inputs (or random ones) and report outputs.
//
//   brt-run model.byre [--input NAME=FILE.npy ...] [--output-dir DIR] [--bench N]
//                      [--seed S]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "brt/Npy.h"
#include "brt/Session.h"

namespace {

struct Options {
  std::string model;
  std::vector<std::pair<std::string, std::string>> inputs;  // name, .npy path
  std::string outputDir;
  int bench = 0;
  unsigned seed = 0;
};

const char* kUsage =
    "usage: brt-run MODEL.byre [--input NAME=FILE.npy ...] [--output-dir DIR]\n"
    "               [--bench N] [--seed S]\n"
    "Without --input, inputs are drawn at random (seeded by --seed), except those the\n"
    "model was specialized for at compile time, which get that value.\n";

brt::StatusOr<Options> parseArgs(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> brt::StatusOr<std::string> {
      if (i + 1 >= argc) return brt::invalidArgumentError(arg, " needs a value");
      return std::string(argv[++i]);
    };
    if (arg == "--input") {
      BRT_ASSIGN_OR_RETURN(std::string spec, value());
      size_t eq = spec.find('=');
      if (eq == std::string::npos || eq == 0)
        return brt::invalidArgumentError("--input expects NAME=FILE.npy, got '", spec, "'");
      options.inputs.emplace_back(spec.substr(0, eq), spec.substr(eq + 1));
    } else if (arg == "--output-dir") {
      BRT_ASSIGN_OR_RETURN(options.outputDir, value());
    } else if (arg == "--bench" || arg == "--seed") {
      BRT_ASSIGN_OR_RETURN(std::string text, value());
      char* end = nullptr;
      long n = std::strtol(text.c_str(), &end, 10);
      if (*end != '\0' || n < 0)
        return brt::invalidArgumentError(arg, " expects a non-negative integer");
      if (arg == "--bench")
        options.bench = static_cast<int>(n);
      else
        options.seed = static_cast<unsigned>(n);
    } else if (!arg.empty() && arg[0] == '-') {
      return brt::invalidArgumentError("unknown option '", arg, "'");
    } else if (options.model.empty()) {
      options.model = arg;
    } else {
      return brt::invalidArgumentError("more than one model given");
    }
  }
  if (options.model.empty()) return brt::invalidArgumentError("no model given");
  return options;
}

// Uniform in [-1, 1) for floats, small integers for ints, fair coin for bools; an
// input the model was specialized for gets that value (any other is refused).
brt::StatusOr<brt::Tensor> randomTensor(const brt::ArgumentDesc& arg, std::mt19937& rng) {
  BRT_ASSIGN_OR_RETURN(brt::Tensor t, brt::Tensor::create(arg.dtype, arg.shape));
  if (!arg.expectedValue.empty()) {
    std::memcpy(t.data(), arg.expectedValue.data(), arg.expectedValue.size());
    return t;
  }
  int64_t n = t.numElements();
  std::uniform_real_distribution<double> real(-1.0, 1.0);
  std::uniform_int_distribution<int> small(0, 9);
  auto fill = [&](auto* data, auto draw) {
    for (int64_t i = 0; i < n; ++i) data[i] = draw();
  };
  switch (arg.dtype) {
    case brt::DType::F32: fill(t.dataAs<float>(), [&] { return float(real(rng)); }); break;
    case brt::DType::F64: fill(t.dataAs<double>(), [&] { return real(rng); }); break;
    case brt::DType::I1: fill(t.dataAs<uint8_t>(), [&] { return uint8_t(small(rng) & 1); }); break;
    case brt::DType::I8: case brt::DType::U8:
      fill(t.dataAs<uint8_t>(), [&] { return uint8_t(small(rng)); }); break;
    case brt::DType::I16: case brt::DType::U16:
      fill(t.dataAs<uint16_t>(), [&] { return uint16_t(small(rng)); }); break;
    case brt::DType::I32: case brt::DType::U32:
      fill(t.dataAs<uint32_t>(), [&] { return uint32_t(small(rng)); }); break;
    case brt::DType::I64: case brt::DType::U64:
      fill(t.dataAs<uint64_t>(), [&] { return uint64_t(small(rng)); }); break;
    default:
      return brt::unsupportedError("cannot draw random ", brt::dtypeName(arg.dtype),
                                   " values for '", arg.name, "'; pass --input");
  }
  return t;
}

brt::StatusOr<std::vector<brt::Tensor>> loadInputs(const brt::Session& session,
                                                   const Options& options) {
  const auto& args = session.entry().arguments;
  std::vector<brt::Tensor> inputs(session.inputs().size());
  std::vector<bool> given(inputs.size(), false);
  for (const auto& [name, path] : options.inputs) {
    size_t i = 0;
    while (i < inputs.size() && args[session.inputs()[i]].name != name) ++i;
    if (i == inputs.size()) return brt::notFoundError("the model has no input '", name, "'");
    BRT_ASSIGN_OR_RETURN(inputs[i], brt::readNpy(path));
    given[i] = true;
  }
  std::mt19937 rng(options.seed);
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (given[i]) continue;
    if (!options.inputs.empty())
      return brt::invalidArgumentError("input '", args[session.inputs()[i]].name,
                                       "' is missing (give all inputs or none)");
    BRT_ASSIGN_OR_RETURN(inputs[i], randomTensor(args[session.inputs()[i]], rng));
  }
  return inputs;
}

brt::StatusOr<std::vector<brt::Tensor>> runOnce(const brt::Session& session,
                                                const std::vector<brt::Tensor>& inputs) {
  brt::RequestContext request(session);
  for (size_t i = 0; i < inputs.size(); ++i)
    BRT_RETURN_IF_ERROR(request.bindInput(i, inputs[i].view()));
  return request.run();
}

void printSummary(const std::string& name, const brt::Tensor& t) {
  std::cout << name << ": " << brt::typeToString(t.dtype(), t.shape());
  if (t.dtype() == brt::DType::F32 && t.numElements() > 0) {
    const float* v = t.dataAs<float>();
    double sum = 0;
    for (int64_t i = 0; i < t.numElements(); ++i) sum += v[i];
    std::cout << " sum=" << sum << " first=[";
    for (int64_t i = 0; i < std::min<int64_t>(4, t.numElements()); ++i)
      std::cout << (i ? ", " : "") << v[i];
    std::cout << (t.numElements() > 4 ? ", ...]" : "]");
  }
  std::cout << "\n";
}

brt::Status bench(const brt::Session& session, const std::vector<brt::Tensor>& inputs,
                  int iterations) {
  const int warmup = std::max(1, iterations / 10);
  std::vector<double> ms;
  for (int i = 0; i < warmup + iterations; ++i) {
    auto start = std::chrono::steady_clock::now();
    BRT_ASSIGN_OR_RETURN(auto outputs, runOnce(session, inputs));
    auto end = std::chrono::steady_clock::now();
    if (i >= warmup) ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
  }
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[std::min(ms.size() - 1, size_t(q * ms.size()))]; };
  std::printf("latency over %d runs (%d warm-up excluded): median %.4f ms, p90 %.4f ms\n",
              iterations, warmup, at(0.5), at(0.9));
  return brt::okStatus();
}

brt::Status runMain(int argc, char** argv) {
  BRT_ASSIGN_OR_RETURN(Options options, parseArgs(argc, argv));
  BRT_ASSIGN_OR_RETURN(brt::Session session, brt::Session::load(options.model));
  BRT_ASSIGN_OR_RETURN(std::vector<brt::Tensor> inputs, loadInputs(session, options));
  BRT_ASSIGN_OR_RETURN(std::vector<brt::Tensor> outputs, runOnce(session, inputs));
  const auto& args = session.entry().arguments;
  for (size_t i = 0; i < outputs.size(); ++i) {
    const std::string& name = args[session.outputs()[i]].name;
    printSummary(name, outputs[i]);
    if (!options.outputDir.empty()) {
      // The name comes from the artifact: it must not lead outside the directory.
      if (name.empty() || name == "." || name == ".." ||
          name.find_first_of(std::string("/\0", 2)) != std::string::npos)
        return brt::invalidArgumentError("output '", name, "' cannot be used as a file name");
      BRT_RETURN_IF_ERROR(brt::writeNpy(options.outputDir + "/" + name + ".npy",
                                        outputs[i].view()));
    }
  }
  if (options.bench > 0) return bench(session, inputs, options.bench);
  return brt::okStatus();
}
}  // namespace

int main(int argc, char** argv) {
  brt::Status status = runMain(argc, argv);
  if (status.ok()) return 0;
  std::cerr << "brt-run: " << status.message() << "\n";
  if (status.code() == brt::StatusCode::InvalidArgument) std::cerr << kUsage;
  return 1;
}
