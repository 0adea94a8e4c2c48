// NumPy .npy files: little-endian numeric arrays in C order.
//
// Supported dtypes: every brt::DType. bf16 has no NumPy type code; it is written
// as '<V2' (two raw bytes, what NumPy writes for ml_dtypes.bfloat16 arrays) and
// '<V2' / '|V2' read back as bf16. Format versions 1.0, 2.0 and 3.0 are read;
// 1.0 is written (2.0 when the header would not fit).
//
// Errors: InvalidArgument for a file that is not .npy at all, Corrupt for bad
// headers, truncated data or trailing bytes, Unsupported for Fortran order,
// big-endian data, structured or other dtypes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "brt/Status.h"
#include "brt/Tensor.h"

namespace brt {

StatusOr<Tensor> readNpy(const std::string& path);
Status writeNpy(const std::string& path, const TensorView& tensor);

// The same, in memory.
StatusOr<Tensor> parseNpy(const uint8_t* data, size_t size);
StatusOr<std::vector<uint8_t>> serializeNpy(const TensorView& tensor);

}  // namespace brt
