// Internal helpers shared by the artifact validation files.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "brt/ArtifactDesc.h"
#include "brt/Status.h"

namespace brt::validate {

// Ok if `name` is non-empty and not in `seen`; adds it.
Status checkUniqueName(const std::string& what, const std::string& name,
                       std::vector<std::string>& seen);

// Ok if offset + size <= limit without overflow.
inline bool fitsWithin(uint64_t offset, uint64_t size, uint64_t limit) {
  uint64_t end = 0;
  return !__builtin_add_overflow(offset, size, &end) && end <= limit;
}

// Checks dtype and dims, and returns the byte size.
StatusOr<uint64_t> checkedByteSize(DType dtype, const Shape& shape);

Status validateFunction(const ArtifactDesc& artifact, const FunctionDesc& function);

}  // namespace brt::validate
