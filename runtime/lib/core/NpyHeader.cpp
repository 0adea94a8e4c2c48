#include "NpyHeader.h"

#include <sstream>

#include "PyLiteral.h"

namespace brt::npy {

namespace {
struct DescrEntry {
  char kind;  // numpy kind character
  int size;
  DType dtype;
};

constexpr DescrEntry kDescrs[] = {
    {'f', 2, DType::F16}, {'f', 4, DType::F32}, {'f', 8, DType::F64},
    {'b', 1, DType::I1},  {'i', 1, DType::I8},  {'i', 2, DType::I16},
    {'i', 4, DType::I32}, {'i', 8, DType::I64}, {'u', 1, DType::U8},
    {'u', 2, DType::U16}, {'u', 4, DType::U32}, {'u', 8, DType::U64},
    {'V', 2, DType::BF16},
};

StatusOr<int> parseDescrSize(std::string_view descr, std::string_view digits) {
  Status unsupported = unsupportedError("unsupported .npy dtype '", descr, "'");
  if (digits.empty() || digits.size() > 3) return unsupported;
  int size = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return unsupported;
    size = size * 10 + (c - '0');
  }
  return size;
}

const PyValue* findKey(const PyValue& dict, std::string_view key) {
  for (const auto& [name, value] : dict.dict)
    if (name == key) return &value;
  return nullptr;
}

Status checkKeys(const PyValue& dict) {
  if (dict.kind != PyValue::Kind::Dict)
    return corruptError("bad .npy header: expected a dict, found a ", pyKindName(dict.kind));
  for (size_t i = 0; i < dict.dict.size(); ++i) {
    const std::string& key = dict.dict[i].first;
    if (key != "descr" && key != "fortran_order" && key != "shape")
      return corruptError("bad .npy header: unexpected key '", key, "'");
    for (size_t j = 0; j < i; ++j)
      if (dict.dict[j].first == key)
        return corruptError("bad .npy header: duplicate key '", key, "'");
  }
  for (const char* key : {"descr", "fortran_order", "shape"})
    if (!findKey(dict, key)) return corruptError("bad .npy header: missing key '", key, "'");
  return okStatus();
}

StatusOr<DType> readDescr(const PyValue& value) {
  if (value.kind == PyValue::Kind::List)
    return unsupportedError("structured .npy arrays (a list 'descr') are not supported");
  if (value.kind != PyValue::Kind::String)
    return corruptError("bad .npy header: 'descr' is a ", pyKindName(value.kind));
  return dtypeFromDescr(value.str);
}

StatusOr<Shape> readShape(const PyValue& value) {
  if (value.kind != PyValue::Kind::Tuple)
    return corruptError("bad .npy header: 'shape' is a ", pyKindName(value.kind),
                        ", not a tuple");
  Shape shape;
  for (const PyValue& dim : value.items) {
    if (dim.kind != PyValue::Kind::Int)
      return corruptError("bad .npy header: a shape dim is a ", pyKindName(dim.kind));
    if (dim.integer < 0)
      return corruptError("bad .npy header: negative dim ", dim.integer, " in shape");
    shape.push_back(dim.integer);
  }
  return shape;
}
}  // namespace

StatusOr<DType> dtypeFromDescr(std::string_view descr) {
  if (descr.size() < 3) return unsupportedError("unsupported .npy dtype '", descr, "'");
  char order = descr[0];
  char kind = descr[1];
  BRT_ASSIGN_OR_RETURN(int size, parseDescrSize(descr, descr.substr(2)));
  if (order != '<' && order != '>' && order != '|' && order != '=')
    return corruptError("bad .npy dtype '", descr, "': unknown byte order '", order, "'");
  if (order == '>' && size > 1)
    return unsupportedError("big-endian .npy data ('", descr,
                            "') is not supported; save it little-endian (astype('<",
                            descr.substr(1), "'))");
  for (const DescrEntry& entry : kDescrs)
    if (entry.kind == kind && entry.size == size) return entry.dtype;
  return unsupportedError("unsupported .npy dtype '", descr,
                          "' (supported: f2 f4 f8 b1 i1 i2 i4 i8 u1 u2 u4 u8, V2 = bf16)");
}

const char* descrForDType(DType dtype) {
  switch (dtype) {
    case DType::F16: return "<f2";
    case DType::BF16: return "<V2";
    case DType::F32: return "<f4";
    case DType::F64: return "<f8";
    case DType::I1: return "|b1";
    case DType::I8: return "|i1";
    case DType::I16: return "<i2";
    case DType::I32: return "<i4";
    case DType::I64: return "<i8";
    case DType::U8: return "|u1";
    case DType::U16: return "<u2";
    case DType::U32: return "<u4";
    case DType::U64: return "<u8";
    case DType::Invalid: break;
  }
  return nullptr;
}

StatusOr<Header> parseHeaderDict(std::string_view text) {
  StatusOr<PyValue> parsed = parsePyLiteral(text);
  if (!parsed.ok()) return corruptError("bad .npy header: ", parsed.status().message());
  const PyValue& dict = *parsed;
  BRT_RETURN_IF_ERROR(checkKeys(dict));
  Header header;
  BRT_ASSIGN_OR_RETURN(header.dtype, readDescr(*findKey(dict, "descr")));
  const PyValue& fortran = *findKey(dict, "fortran_order");
  if (fortran.kind != PyValue::Kind::Bool)
    return corruptError("bad .npy header: 'fortran_order' is a ", pyKindName(fortran.kind));
  header.fortranOrder = fortran.boolean;
  BRT_ASSIGN_OR_RETURN(header.shape, readShape(*findKey(dict, "shape")));
  return header;
}

std::string formatHeaderDict(DType dtype, const Shape& shape) {
  std::ostringstream os;
  const char* descr = descrForDType(dtype);
  os << "{'descr': '" << (descr ? descr : "?") << "', 'fortran_order': False, 'shape': (";
  for (size_t i = 0; i < shape.size(); ++i) os << (i ? ", " : "") << shape[i];
  if (shape.size() == 1) os << ',';
  os << "), }";
  return os.str();
}

}  // namespace brt::npy
