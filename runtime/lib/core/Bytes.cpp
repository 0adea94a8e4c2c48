#include "brt/Bytes.h"

#include <cstring>
#include <new>

namespace brt {

StatusOr<AlignedBuffer> AlignedBuffer::allocateUninitialized(size_t size) {
  if (size == 0) return AlignedBuffer();
  void* p = ::operator new(size, std::align_val_t(kAlignment), std::nothrow);
  if (!p) return resourceExhaustedError("cannot allocate ", size, " bytes");
  return AlignedBuffer(static_cast<uint8_t*>(p), size);
}

StatusOr<AlignedBuffer> AlignedBuffer::allocate(size_t size) {
  BRT_ASSIGN_OR_RETURN(AlignedBuffer buffer, allocateUninitialized(size));
  if (size) std::memset(buffer.data(), 0, size);
  return buffer;
}

StatusOr<AlignedBuffer> AlignedBuffer::copyOf(const void* data, size_t size) {
  BRT_ASSIGN_OR_RETURN(AlignedBuffer buffer, allocateUninitialized(size));
  if (size) std::memcpy(buffer.data(), data, size);
  return buffer;
}

AlignedBuffer::AlignedBuffer(AlignedBuffer&& other) noexcept
    : data_(other.data_), size_(other.size_) {
  other.data_ = nullptr;
  other.size_ = 0;
}

AlignedBuffer& AlignedBuffer::operator=(AlignedBuffer&& other) noexcept {
  if (this != &other) {
    release();
    data_ = other.data_;
    size_ = other.size_;
    other.data_ = nullptr;
    other.size_ = 0;
  }
  return *this;
}

AlignedBuffer::~AlignedBuffer() { release(); }

void AlignedBuffer::release() {
  if (data_) ::operator delete(data_, std::align_val_t(kAlignment));
  data_ = nullptr;
  size_ = 0;
}

}  // namespace brt
