// The contents of a .byre artifact as plain C++ values (everything except the
// bytes of weights and kernels). Artifact produces it after verification;
// ArtifactBuilder serializes it. The schema is runtime/schema/byre.fbs and the
// format is described in docs/runtime.md.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "brt/DType.h"
#include "brt/Tensor.h"

namespace brt {

struct FormatVersion {
  uint32_t major = 0;
  uint32_t minor = 0;
};

// The format this runtime writes and the newest it reads. A major bump is an
// incompatible change; a minor bump only adds (see docs/runtime.md).
//   1.0  initial format
//   1.1  integrity checksums of kernels, weights and metadata (brt/Checksum.h)
//   1.2  expected values of specialized inputs, with their own checksum
inline constexpr FormatVersion kFormatVersion{1, 2};
// The first format with integrity checksums; the writer omits them for older ones.
inline constexpr FormatVersion kChecksumsSince{1, 1};
// The first format with expected values of inputs (ArgumentDesc::expectedValue).
inline constexpr FormatVersion kExpectedValuesSince{1, 2};
// The oldest format this runtime reads: 1.0 artifacts have no checksums, so they
// cannot be checked for damage and are refused (recompile them).
inline constexpr FormatVersion kOldestReadableVersion{1, 1};

// Weights and kernel data start at multiples of this many bytes.
inline constexpr uint64_t kWeightAlignment = 64;

// The one op allowed to read and write buffers in different memory spaces.
inline constexpr std::string_view kCopyOpCallee = "CopyOp";

struct Provenance {
  std::string compilerVersion;
  std::string target;
  std::string options;
  std::string sourceHash;
};

enum class DeviceKind : uint8_t { CPU = 0, CUDA = 1 };

// A device and its memory space, with the size of its planned arena.
struct DeviceDesc {
  std::string name;  // "cpu", "cuda:0"
  DeviceKind kind = DeviceKind::CPU;
  int32_t ordinal = 0;
  uint64_t arenaSize = 0;
  uint64_t arenaAlignment = kWeightAlignment;
};

enum class ArgKind : uint8_t { Input = 0, Output = 1, Weight = 2 };

// A slice of the artifact's weights blob.
struct WeightRef {
  uint64_t offset = 0;
  uint64_t size = 0;
};

struct ArgumentDesc {
  std::string name;
  DType dtype = DType::Invalid;
  Shape shape;
  ArgKind kind = ArgKind::Input;
  uint32_t device = 0;              // index into ArtifactDesc::devices
  std::optional<WeightRef> weight;  // exactly when kind == Weight
  // Inputs only (1.2): when not empty, the model was compiled for this value of the
  // input (its exact bytes) and runs refuse any other.
  std::vector<uint8_t> expectedValue;
};

enum class BufferKind : uint8_t {
  Arena = 0,     // index: a device (its arena); offset: bytes into the arena
  Argument = 1,  // index: an argument of the function; offset: bytes into it
};

struct BufferDesc {
  BufferKind kind = BufferKind::Arena;
  uint32_t index = 0;
  uint64_t offset = 0;
  uint64_t size = 0;  // == byteSize(dtype, shape)
  DType dtype = DType::Invalid;
  Shape shape;
};

using AttrValue = std::variant<int64_t, double, bool, std::string, std::vector<int64_t>,
                               std::vector<double>, std::vector<std::string>>;

struct Attribute {
  std::string name;
  AttrValue value;
};

struct OpDesc {
  std::string callee;             // "MatmulOp", "LLVMKernelOp", "PTXOp", "CopyOp", ...
  std::vector<uint32_t> inputs;   // indices into FunctionDesc::buffers
  std::vector<uint32_t> outputs;  // indices into FunctionDesc::buffers
  std::vector<Attribute> attrs;
  uint32_t device = 0;  // index into ArtifactDesc::devices
  int32_t kernel = -1;  // index into ArtifactDesc::kernels, or -1

  // The attribute with this name, or nullptr.
  const AttrValue* findAttr(std::string_view name) const;
};

struct FunctionDesc {
  std::string name;
  std::vector<ArgumentDesc> arguments;
  std::vector<BufferDesc> buffers;
  std::vector<OpDesc> ops;

  // The index of the argument with this name, or -1.
  int findArgument(std::string_view name) const;
};

enum class KernelFormat : uint8_t { SharedObject = 0, PTX = 1, CUBIN = 2 };

struct KernelDesc {
  std::string name;
  KernelFormat format = KernelFormat::SharedObject;
  std::string target;  // "x86_64-linux-gnu", "sm_90", ...
  uint64_t size = 0;   // bytes of data
};

struct ArtifactDesc {
  FormatVersion version = kFormatVersion;
  Provenance provenance;
  std::vector<DeviceDesc> devices;
  std::vector<FunctionDesc> functions;
  std::vector<KernelDesc> kernels;
  uint64_t weightsSize = 0;  // bytes in the weights blob

  // The function with this name, or nullptr.
  const FunctionDesc* findFunction(std::string_view name) const;
};

std::string toString(FormatVersion version);  // "1.0"
const char* deviceKindName(DeviceKind kind);  // "cpu", "cuda"
const char* argKindName(ArgKind kind);        // "input", "output", "weight"
const char* bufferKindName(BufferKind kind);  // "arena", "argument"
const char* kernelFormatName(KernelFormat format);  // "shared-object", "ptx", "cubin"

bool operator==(const FormatVersion& a, const FormatVersion& b);
bool operator<(const FormatVersion& a, const FormatVersion& b);
bool operator==(const Provenance& a, const Provenance& b);
bool operator==(const DeviceDesc& a, const DeviceDesc& b);
bool operator==(const WeightRef& a, const WeightRef& b);
bool operator==(const ArgumentDesc& a, const ArgumentDesc& b);
bool operator==(const BufferDesc& a, const BufferDesc& b);
bool operator==(const Attribute& a, const Attribute& b);
bool operator==(const OpDesc& a, const OpDesc& b);
bool operator==(const FunctionDesc& a, const FunctionDesc& b);
bool operator==(const KernelDesc& a, const KernelDesc& b);
bool operator==(const ArtifactDesc& a, const ArtifactDesc& b);

std::ostream& operator<<(std::ostream& os, FormatVersion version);

}  // namespace brt
