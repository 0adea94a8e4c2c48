// Internal: the header of a .npy file, a Python dict literal such as
// "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }".
#pragma once

#include <string>
#include <string_view>

#include "brt/DType.h"
#include "brt/Status.h"
#include "brt/Tensor.h"

namespace brt::npy {

struct Header {
  DType dtype = DType::Invalid;
  bool fortranOrder = false;
  Shape shape;
};

// Parses the dict (without the trailing newline and padding is fine either way).
// Corrupt for malformed text, Unsupported for valid headers brt cannot read.
StatusOr<Header> parseHeaderDict(std::string_view text);

// The dict text numpy would write for a C-order array, without padding.
std::string formatHeaderDict(DType dtype, const Shape& shape);

// '<f4' -> f32 etc. bf16 is '<V2' (what numpy writes for ml_dtypes.bfloat16).
StatusOr<DType> dtypeFromDescr(std::string_view descr);
const char* descrForDType(DType dtype);

}  // namespace brt::npy
