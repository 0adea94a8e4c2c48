// metadataChecksum(): the canonical encoding of an artifact's metadata.
//
// The definition is part of the format and frozen since 1.1: a later minor that
// adds metadata must protect it by other means (a new checksum field), never by
// changing what is hashed here, so that older runtimes still verify its artifacts.
//
// Encoding, in this order (u64 = 8 bytes little-endian; a string = u64 length, then
// its bytes; a list = u64 count, then its items; signed values as their two's
// complement u64; enums as their schema value; a double as its IEEE-754 bits):
//   version.major, version.minor
//   provenance: compiler_version, target, options, source_hash
//   devices: name, kind, ordinal, arena_size, arena_alignment
//   kernels: name, format, target                      (not the byte count)
//   functions: name,
//     arguments: name, dtype, shape, kind, device, u64 (1 if weight is set, else 0),
//                then weight.offset, weight.size if set
//     buffers: kind, index, offset, size, dtype, shape
//     ops: callee, inputs, outputs,
//          attrs: name, u64 tag (the schema's AttrValue member: 1 IntAttr, 2 FloatAttr,
//                 3 BoolAttr, 4 StringAttr, 5 IntArrayAttr, 6 FloatArrayAttr,
//                 7 StringArrayAttr), then the value (bool as 0/1),
//          device, kernel
// The weights' byte count is not part of it either.
//
// expectedValuesChecksum() (1.2) covers what 1.2 adds, in the same encoding:
//   functions: name, arguments: expected_value (as a string of bytes; empty = absent)
#include <cstring>

#include "brt/Checksum.h"

namespace brt {

namespace {
template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

class Encoder {
 public:
  void u64(uint64_t value) {
    uint8_t bytes[8];
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<uint8_t>(value >> (8 * i));
    checksum_.update(bytes, sizeof(bytes));
  }
  void i64(int64_t value) { u64(static_cast<uint64_t>(value)); }
  void f64(double value) {
    uint64_t bits;
    std::memcpy(&bits, &value, sizeof(bits));
    u64(bits);
  }
  void str(const std::string& s) {
    u64(s.size());
    checksum_.update(s.data(), s.size());
  }
  void bytes(const std::vector<uint8_t>& b) {
    u64(b.size());
    checksum_.update(b.data(), b.size());
  }
  template <class T, class F>
  void list(const std::vector<T>& items, F each) {
    u64(items.size());
    for (const T& item : items) each(item);
  }
  void shape(const Shape& shape) {
    list(shape, [&](int64_t d) { i64(d); });
  }
  void indices(const std::vector<uint32_t>& v) {
    list(v, [&](uint32_t i) { u64(i); });
  }
  uint64_t digest() const { return checksum_.digest(); }

 private:
  Checksum64 checksum_;
};

void encodeAttr(Encoder& e, const Attribute& attr) {
  e.str(attr.name);
  std::visit(Overloaded{
                 [&](int64_t v) {
                   e.u64(1);
                   e.i64(v);
                 },
                 [&](double v) {
                   e.u64(2);
                   e.f64(v);
                 },
                 [&](bool v) {
                   e.u64(3);
                   e.u64(v ? 1 : 0);
                 },
                 [&](const std::string& v) {
                   e.u64(4);
                   e.str(v);
                 },
                 [&](const std::vector<int64_t>& v) {
                   e.u64(5);
                   e.list(v, [&](int64_t x) { e.i64(x); });
                 },
                 [&](const std::vector<double>& v) {
                   e.u64(6);
                   e.list(v, [&](double x) { e.f64(x); });
                 },
                 [&](const std::vector<std::string>& v) {
                   e.u64(7);
                   e.list(v, [&](const std::string& s) { e.str(s); });
                 },
             },
             attr.value);
}

void encodeFunction(Encoder& e, const FunctionDesc& f) {
  e.str(f.name);
  e.list(f.arguments, [&](const ArgumentDesc& a) {
    e.str(a.name);
    e.u64(static_cast<uint64_t>(a.dtype));
    e.shape(a.shape);
    e.u64(static_cast<uint64_t>(a.kind));
    e.u64(a.device);
    e.u64(a.weight ? 1 : 0);
    if (a.weight) {
      e.u64(a.weight->offset);
      e.u64(a.weight->size);
    }
  });
  e.list(f.buffers, [&](const BufferDesc& b) {
    e.u64(static_cast<uint64_t>(b.kind));
    e.u64(b.index);
    e.u64(b.offset);
    e.u64(b.size);
    e.u64(static_cast<uint64_t>(b.dtype));
    e.shape(b.shape);
  });
  e.list(f.ops, [&](const OpDesc& op) {
    e.str(op.callee);
    e.indices(op.inputs);
    e.indices(op.outputs);
    e.list(op.attrs, [&](const Attribute& attr) { encodeAttr(e, attr); });
    e.u64(op.device);
    e.i64(op.kernel);
  });
}
}  // namespace

uint64_t metadataChecksum(const ArtifactDesc& desc) {
  Encoder e;
  e.u64(desc.version.major);
  e.u64(desc.version.minor);
  const Provenance& p = desc.provenance;
  e.str(p.compilerVersion);
  e.str(p.target);
  e.str(p.options);
  e.str(p.sourceHash);
  e.list(desc.devices, [&](const DeviceDesc& d) {
    e.str(d.name);
    e.u64(static_cast<uint64_t>(d.kind));
    e.i64(d.ordinal);
    e.u64(d.arenaSize);
    e.u64(d.arenaAlignment);
  });
  e.list(desc.kernels, [&](const KernelDesc& k) {
    e.str(k.name);
    e.u64(static_cast<uint64_t>(k.format));
    e.str(k.target);
  });
  e.list(desc.functions, [&](const FunctionDesc& f) { encodeFunction(e, f); });
  return e.digest();
}

uint64_t expectedValuesChecksum(const ArtifactDesc& desc) {
  Encoder e;
  e.list(desc.functions, [&](const FunctionDesc& f) {
    e.str(f.name);
    e.list(f.arguments, [&](const ArgumentDesc& a) { e.bytes(a.expectedValue); });
  });
  return e.digest();
}

}  // namespace brt
