// Whole-file reads and writes with errors that name the path and the OS reason.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>

#include "brt/Bytes.h"
#include "brt/Status.h"

namespace brt {

// The bytes of a regular file, 64-byte aligned. NotFound if it does not exist,
// OutOfRange if it is larger than maxSize, IoError for other failures.
StatusOr<AlignedBuffer> readFileBytes(
    const std::string& path, uint64_t maxSize = std::numeric_limits<uint64_t>::max());

// Creates or replaces the file with exactly these bytes.
Status writeFileBytes(const std::string& path, const void* data, size_t size);

// Creates or replaces the file with the concatenation of the parts.
Status writeFileBytes(const std::string& path, std::initializer_list<ByteSpan> parts);

}  // namespace brt
