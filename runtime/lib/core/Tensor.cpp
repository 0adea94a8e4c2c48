#include "brt/Tensor.h"

#include <cstring>
#include <limits>
#include <sstream>

namespace brt {

StatusOr<int64_t> numElements(const Shape& shape) {
  int64_t count = 1;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] < 0)
      return invalidArgumentError("shape ", shapeToString(shape), " has negative dim ",
                                  shape[i], " at index ", i);
    if (__builtin_mul_overflow(count, shape[i], &count))
      return outOfRangeError("shape ", shapeToString(shape),
                             " has more elements than fit in int64");
  }
  return count;
}

StatusOr<uint64_t> byteSize(DType dtype, const Shape& shape) {
  size_t elementSize = dtypeSize(dtype);
  if (elementSize == 0)
    return invalidArgumentError("invalid dtype (value ", static_cast<int>(dtype), ")");
  BRT_ASSIGN_OR_RETURN(int64_t count, numElements(shape));
  uint64_t bytes = 0;
  if (__builtin_mul_overflow(static_cast<uint64_t>(count), elementSize, &bytes))
    return outOfRangeError("tensor ", typeToString(dtype, shape), " is too large");
  return bytes;
}

std::string shapeToString(const Shape& shape) {
  std::ostringstream os;
  os << '[';
  for (size_t i = 0; i < shape.size(); ++i) os << (i ? ", " : "") << shape[i];
  os << ']';
  return os.str();
}

std::string typeToString(DType dtype, const Shape& shape) {
  return std::string(dtypeName(dtype)) + shapeToString(shape);
}

StatusOr<Tensor> Tensor::create(DType dtype, Shape shape) {
  BRT_ASSIGN_OR_RETURN(uint64_t bytes, brt::byteSize(dtype, shape));
  if (bytes > std::numeric_limits<size_t>::max())
    return outOfRangeError("tensor ", typeToString(dtype, shape), " is too large");
  BRT_ASSIGN_OR_RETURN(AlignedBuffer storage, AlignedBuffer::allocate(bytes));
  return Tensor(dtype, std::move(shape), std::move(storage));
}

StatusOr<Tensor> Tensor::fromBuffer(DType dtype, Shape shape, AlignedBuffer storage) {
  BRT_ASSIGN_OR_RETURN(uint64_t bytes, brt::byteSize(dtype, shape));
  if (bytes != storage.size())
    return invalidArgumentError("tensor ", typeToString(dtype, shape), " needs ", bytes,
                                " bytes but the buffer has ", storage.size());
  return Tensor(dtype, std::move(shape), std::move(storage));
}

StatusOr<Tensor> Tensor::copyOf(const TensorView& view) {
  BRT_ASSIGN_OR_RETURN(Tensor tensor, create(view.dtype(), view.shape()));
  if (tensor.byteSize() != 0) {
    if (!view.data()) return invalidArgumentError("tensor view has no data");
    std::memcpy(tensor.data(), view.data(), tensor.byteSize());
  }
  return tensor;
}

int64_t Tensor::numElements() const {
  size_t elementSize = dtypeSize(dtype_);
  return elementSize ? static_cast<int64_t>(storage_.size() / elementSize) : 0;
}

}  // namespace brt
