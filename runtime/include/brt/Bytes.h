// Raw bytes: a non-owning ByteSpan and an owning, 64-byte aligned AlignedBuffer.
#pragma once

#include <cstddef>
#include <cstdint>

#include "brt/Status.h"

namespace brt {

// A read-only view of bytes owned elsewhere.
struct ByteSpan {
  const uint8_t* data = nullptr;
  size_t size = 0;

  bool empty() const { return size == 0; }
  const uint8_t* begin() const { return data; }
  const uint8_t* end() const { return data + size; }
};

// Heap bytes whose start is aligned to kAlignment. Move-only; frees on destruction.
class AlignedBuffer {
 public:
  static constexpr size_t kAlignment = 64;

  // Zero-filled. Size 0 gives an empty buffer. Fails with ResourceExhausted
  // instead of throwing when memory runs out.
  static StatusOr<AlignedBuffer> allocate(size_t size);
  // Like allocate, but the contents are unspecified (for data read right after).
  static StatusOr<AlignedBuffer> allocateUninitialized(size_t size);
  // A copy of `size` bytes at `data`.
  static StatusOr<AlignedBuffer> copyOf(const void* data, size_t size);

  AlignedBuffer() = default;
  AlignedBuffer(AlignedBuffer&& other) noexcept;
  AlignedBuffer& operator=(AlignedBuffer&& other) noexcept;
  AlignedBuffer(const AlignedBuffer&) = delete;
  AlignedBuffer& operator=(const AlignedBuffer&) = delete;
  ~AlignedBuffer();

  uint8_t* data() { return data_; }
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  ByteSpan span() const { return {data_, size_}; }

 private:
  AlignedBuffer(uint8_t* data, size_t size) : data_(data), size_(size) {}
  void release();

  uint8_t* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace brt
