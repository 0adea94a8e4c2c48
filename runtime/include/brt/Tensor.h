// Dense, contiguous (C order, no strides) tensors: TensorView and
// MutableTensorView borrow their bytes, Tensor owns them (64-byte aligned).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "brt/Bytes.h"
#include "brt/DType.h"
#include "brt/Status.h"

namespace brt {

using Shape = std::vector<int64_t>;

// Product of the dims (1 for a scalar). Error if a dim is negative or the
// product overflows int64.
StatusOr<int64_t> numElements(const Shape& shape);

// numElements * dtypeSize. Error also for an invalid dtype or uint64 overflow.
StatusOr<uint64_t> byteSize(DType dtype, const Shape& shape);

// "[2, 3]"; "[]" for a scalar.
std::string shapeToString(const Shape& shape);

// "f32[2, 3]".
std::string typeToString(DType dtype, const Shape& shape);

// Read-only, non-owning. The creator guarantees the data holds
// byteSize(dtype, shape) bytes; consumers still check that the shape is valid.
class TensorView {
 public:
  TensorView() = default;
  TensorView(DType dtype, Shape shape, const void* data)
      : dtype_(dtype), shape_(std::move(shape)), data_(data) {}

  DType dtype() const { return dtype_; }
  const Shape& shape() const { return shape_; }
  size_t rank() const { return shape_.size(); }
  const void* data() const { return data_; }
  template <class T>
  const T* dataAs() const { return static_cast<const T*>(data_); }
  StatusOr<uint64_t> byteSize() const { return brt::byteSize(dtype_, shape_); }

 private:
  DType dtype_ = DType::Invalid;
  Shape shape_;
  const void* data_ = nullptr;
};

// Writable, non-owning.
class MutableTensorView {
 public:
  MutableTensorView() = default;
  MutableTensorView(DType dtype, Shape shape, void* data)
      : dtype_(dtype), shape_(std::move(shape)), data_(data) {}

  DType dtype() const { return dtype_; }
  const Shape& shape() const { return shape_; }
  size_t rank() const { return shape_.size(); }
  void* data() const { return data_; }
  template <class T>
  T* dataAs() const { return static_cast<T*>(data_); }
  StatusOr<uint64_t> byteSize() const { return brt::byteSize(dtype_, shape_); }

  operator TensorView() const { return TensorView(dtype_, shape_, data_); }  // NOLINT

 private:
  DType dtype_ = DType::Invalid;
  Shape shape_;
  void* data_ = nullptr;
};

// Owning. Its shape is always valid and its storage exactly byteSize() bytes.
class Tensor {
 public:
  // Zero-filled.
  static StatusOr<Tensor> create(DType dtype, Shape shape);
  // Takes `storage`, which must be exactly byteSize(dtype, shape) bytes.
  static StatusOr<Tensor> fromBuffer(DType dtype, Shape shape, AlignedBuffer storage);
  // A deep copy of the view's bytes.
  static StatusOr<Tensor> copyOf(const TensorView& view);

  Tensor() = default;

  DType dtype() const { return dtype_; }
  const Shape& shape() const { return shape_; }
  size_t rank() const { return shape_.size(); }
  int64_t numElements() const;
  uint64_t byteSize() const { return storage_.size(); }
  void* data() { return storage_.data(); }
  const void* data() const { return storage_.data(); }
  template <class T>
  T* dataAs() { return reinterpret_cast<T*>(storage_.data()); }
  template <class T>
  const T* dataAs() const { return reinterpret_cast<const T*>(storage_.data()); }

  TensorView view() const { return TensorView(dtype_, shape_, storage_.data()); }
  MutableTensorView mutableView() {
    return MutableTensorView(dtype_, shape_, storage_.data());
  }

 private:
  Tensor(DType dtype, Shape shape, AlignedBuffer storage)
      : dtype_(dtype), shape_(std::move(shape)), storage_(std::move(storage)) {}

  DType dtype_ = DType::Invalid;
  Shape shape_;
  AlignedBuffer storage_;
};

}  // namespace brt
