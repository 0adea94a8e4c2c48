#include "brt/Npy.h"

#include <cstring>

#include "NpyHeader.h"
#include "brt/FileIO.h"

namespace brt {

namespace {
constexpr uint8_t kMagic[6] = {0x93, 'N', 'U', 'M', 'P', 'Y'};
constexpr size_t kHeaderAlignment = 64;

struct Preamble {
  size_t headerOffset = 0;  // where the dict text starts
  size_t headerLength = 0;  // dict text + padding + newline
};

uint32_t readLittleEndian(const uint8_t* p, int bytes) {
  uint32_t value = 0;
  for (int i = bytes - 1; i >= 0; --i) value = (value << 8) | p[i];
  return value;
}

StatusOr<Preamble> readPreamble(const uint8_t* data, size_t size) {
  size_t magicBytes = size < sizeof(kMagic) ? size : sizeof(kMagic);
  if (size == 0 || std::memcmp(data, kMagic, magicBytes) != 0)
    return invalidArgumentError("not a .npy file (it does not start with \"\\x93NUMPY\")");
  if (size < 8) return corruptError("truncated .npy file: only ", size, " bytes");
  int major = data[6];
  int minor = data[7];
  if (major < 1 || major > 3)
    return unsupportedError(".npy format version ", major, ".", minor,
                            " is not supported (1.x, 2.x and 3.x are)");
  Preamble preamble;
  int lengthBytes = major == 1 ? 2 : 4;
  preamble.headerOffset = 8 + lengthBytes;
  if (size < preamble.headerOffset)
    return corruptError("truncated .npy file: only ", size, " bytes");
  preamble.headerLength = readLittleEndian(data + 8, lengthBytes);
  if (preamble.headerLength > size - preamble.headerOffset)
    return corruptError("truncated .npy file: the header needs ",
                        preamble.headerOffset + preamble.headerLength,
                        " bytes, the file has ", size);
  return preamble;
}

StatusOr<npy::Header> readHeader(const uint8_t* data, const Preamble& preamble) {
  const char* text = reinterpret_cast<const char*>(data + preamble.headerOffset);
  std::string_view header(text, preamble.headerLength);
  if (header.empty() || header.back() != '\n')
    return corruptError("bad .npy header: it does not end with a newline");
  BRT_ASSIGN_OR_RETURN(npy::Header parsed, npy::parseHeaderDict(header));
  if (parsed.fortranOrder)
    return unsupportedError("Fortran-order .npy arrays are not supported; save a C-order "
                            "array (np.ascontiguousarray)");
  return parsed;
}

Status checkBools(const uint8_t* data, size_t count) {
  for (size_t i = 0; i < count; ++i)
    if (data[i] > 1)
      return invalidArgumentError("bool element ", i, " holds byte value ",
                                  static_cast<int>(data[i]), " (must be 0 or 1)");
  return okStatus();
}

// Magic, version, length and the padded dict text ending in '\n'.
std::vector<uint8_t> makeHeader(DType dtype, const Shape& shape) {
  std::string dict = npy::formatHeaderDict(dtype, shape);
  size_t lengthBytes = 2;
  size_t unpadded = sizeof(kMagic) + 2 + lengthBytes + dict.size() + 1;
  size_t padding = (kHeaderAlignment - unpadded % kHeaderAlignment) % kHeaderAlignment;
  if (dict.size() + 1 + padding > 0xFFFF) {
    lengthBytes = 4;
    unpadded += 2;
    padding = (kHeaderAlignment - unpadded % kHeaderAlignment) % kHeaderAlignment;
  }
  uint32_t headerLength = static_cast<uint32_t>(dict.size() + padding + 1);
  std::vector<uint8_t> out(kMagic, kMagic + sizeof(kMagic));
  out.push_back(lengthBytes == 2 ? 1 : 2);
  out.push_back(0);
  for (size_t i = 0; i < lengthBytes; ++i) out.push_back((headerLength >> (8 * i)) & 0xFF);
  out.insert(out.end(), dict.begin(), dict.end());
  out.insert(out.end(), padding, ' ');
  out.push_back('\n');
  return out;
}

// Checks the view and returns its data size.
StatusOr<uint64_t> checkView(const TensorView& tensor) {
  BRT_ASSIGN_OR_RETURN(uint64_t bytes, tensor.byteSize());
  if (bytes != 0 && !tensor.data()) return invalidArgumentError("tensor view has no data");
  if (tensor.dtype() == DType::I1)
    BRT_RETURN_IF_ERROR(checkBools(tensor.dataAs<uint8_t>(), bytes));
  return bytes;
}
}  // namespace

StatusOr<Tensor> parseNpy(const uint8_t* data, size_t size) {
  BRT_ASSIGN_OR_RETURN(Preamble preamble, readPreamble(data, size));
  BRT_ASSIGN_OR_RETURN(npy::Header header, readHeader(data, preamble));
  BRT_ASSIGN_OR_RETURN(uint64_t bytes, byteSize(header.dtype, header.shape));
  size_t dataOffset = preamble.headerOffset + preamble.headerLength;
  size_t available = size - dataOffset;
  std::string type = typeToString(header.dtype, header.shape);
  if (available < bytes)
    return corruptError("truncated .npy data: ", type, " needs ", bytes,
                        " bytes, the file has ", available);
  if (available > bytes)
    return corruptError(".npy file has ", available - bytes,
                        " unexpected bytes after the data of ", type);
  if (header.dtype == DType::I1) BRT_RETURN_IF_ERROR(checkBools(data + dataOffset, bytes));
  BRT_ASSIGN_OR_RETURN(AlignedBuffer storage, AlignedBuffer::copyOf(data + dataOffset, bytes));
  return Tensor::fromBuffer(header.dtype, std::move(header.shape), std::move(storage));
}

StatusOr<std::vector<uint8_t>> serializeNpy(const TensorView& tensor) {
  BRT_ASSIGN_OR_RETURN(uint64_t bytes, checkView(tensor));
  std::vector<uint8_t> out = makeHeader(tensor.dtype(), tensor.shape());
  const uint8_t* begin = tensor.dataAs<uint8_t>();
  if (bytes) out.insert(out.end(), begin, begin + bytes);
  return out;
}

StatusOr<Tensor> readNpy(const std::string& path) {
  StatusOr<AlignedBuffer> bytes = readFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  StatusOr<Tensor> tensor = parseNpy(bytes->data(), bytes->size());
  if (!tensor.ok()) return tensor.status().withContext(path);
  return tensor;
}

Status writeNpy(const std::string& path, const TensorView& tensor) {
  StatusOr<uint64_t> bytes = checkView(tensor);
  if (!bytes.ok()) return bytes.status().withContext(path);
  std::vector<uint8_t> header = makeHeader(tensor.dtype(), tensor.shape());
  return writeFileBytes(path, {ByteSpan{header.data(), header.size()},
                               ByteSpan{tensor.dataAs<uint8_t>(), *bytes}});
}

}  // namespace brt
