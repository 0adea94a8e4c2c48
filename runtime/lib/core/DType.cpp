#include "brt/DType.h"

#include <string>

namespace brt {

namespace {
struct DTypeInfo {
  DType dtype;
  size_t size;
  const char* name;
};

constexpr DTypeInfo kInfos[] = {
    {DType::F16, 2, "f16"}, {DType::BF16, 2, "bf16"}, {DType::F32, 4, "f32"},
    {DType::F64, 8, "f64"}, {DType::I1, 1, "i1"},     {DType::I8, 1, "i8"},
    {DType::I16, 2, "i16"}, {DType::I32, 4, "i32"},   {DType::I64, 8, "i64"},
    {DType::U8, 1, "u8"},   {DType::U16, 2, "u16"},   {DType::U32, 4, "u32"},
    {DType::U64, 8, "u64"},
};

const DTypeInfo* findInfo(DType dtype) {
  for (const DTypeInfo& info : kInfos)
    if (info.dtype == dtype) return &info;
  return nullptr;
}
}  // namespace

size_t dtypeSize(DType dtype) {
  const DTypeInfo* info = findInfo(dtype);
  return info ? info->size : 0;
}

const char* dtypeName(DType dtype) {
  const DTypeInfo* info = findInfo(dtype);
  return info ? info->name : "invalid";
}

StatusOr<DType> parseDType(std::string_view name) {
  if (name == "bool") return DType::I1;
  for (const DTypeInfo& info : kInfos)
    if (name == info.name) return info.dtype;
  return invalidArgumentError("unknown dtype '", name,
                              "' (expected one of f16, bf16, f32, f64, i1/bool, i8, "
                              "i16, i32, i64, u8, u16, u32, u64)");
}

std::optional<DType> dtypeFromValue(uint32_t value) {
  for (const DTypeInfo& info : kInfos)
    if (static_cast<uint32_t>(info.dtype) == value) return info.dtype;
  return std::nullopt;
}

bool isFloatingPoint(DType dtype) {
  return dtype == DType::F16 || dtype == DType::BF16 || dtype == DType::F32 ||
         dtype == DType::F64;
}

std::ostream& operator<<(std::ostream& os, DType dtype) { return os << dtypeName(dtype); }

}  // namespace brt
