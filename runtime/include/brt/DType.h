// Element types of tensors, arguments and buffers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>

#include "brt/Status.h"

namespace brt {

// The numeric values are part of the artifact format (enum DType in byre.fbs).
enum class DType : uint8_t {
  Invalid = 0,
  F16 = 1,
  BF16 = 2,
  F32 = 3,
  F64 = 4,
  I1 = 5,  // bool; one byte per element holding 0 or 1
  I8 = 6,
  I16 = 7,
  I32 = 8,
  I64 = 9,
  U8 = 10,
  U16 = 11,
  U32 = 12,
  U64 = 13,
};

// Every valid dtype, in enum order.
inline constexpr DType kAllDTypes[] = {
    DType::F16, DType::BF16, DType::F32, DType::F64, DType::I1,
    DType::I8,  DType::I16,  DType::I32, DType::I64, DType::U8,
    DType::U16, DType::U32,  DType::U64,
};

// Bytes per element; 0 for Invalid or an unknown value.
size_t dtypeSize(DType dtype);

// "f16", "bf16", "f32", "f64", "i1", "i8", ..., "u64"; "invalid" otherwise.
const char* dtypeName(DType dtype);

// Inverse of dtypeName; also accepts "bool" for i1.
StatusOr<DType> parseDType(std::string_view name);

// The dtype with this numeric value, if it is a valid one.
std::optional<DType> dtypeFromValue(uint32_t value);

bool isFloatingPoint(DType dtype);

std::ostream& operator<<(std::ostream& os, DType dtype);

}  // namespace brt
