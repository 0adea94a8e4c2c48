//===- Part2Common.cpp - shared helpers of the part-2 lowerings -----------===//
#include "Part2Common.h"

#include "ScalarBody.h"
#include "byteir/Conversion/StableHLOToLinalg/StableHLOToLinalg.h"
#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;

namespace mlir::byteir::shlo_part2 {

Value zeroScalar(OpBuilder &b, Location loc, Type t) {
  return arith::ConstantOp::create(b, loc, cast<TypedAttr>(b.getZeroAttr(t)));
}

Value indexConst(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

Value toIndex(OpBuilder &b, Location loc, Value v, bool isUnsigned) {
  if (v.getType().isIndex())
    return v;
  if (isUnsigned || v.getType().isInteger(1))
    return arith::IndexCastUIOp::create(b, loc, b.getIndexType(), v);
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), v);
}

Value createFilled(OpBuilder &b, Location loc, RankedTensorType type, Value value) {
  Value empty = tensor::EmptyOp::create(b, loc, type.getShape(), type.getElementType());
  return linalg::FillOp::create(b, loc, ValueRange{value}, ValueRange{empty})
      .getResult(0);
}

Value createIndexGeneric(OpBuilder &b, Location loc, RankedTensorType type,
                         function_ref<void(OpBuilder &, Location, ValueRange)> body) {
  int64_t rank = type.getRank();
  Value init = tensor::EmptyOp::create(b, loc, type.getShape(), type.getElementType());
  SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(rank)};
  SmallVector<utils::IteratorType> iters(rank, utils::IteratorType::parallel);
  return linalg::GenericOp::create(b, loc, TypeRange{type}, ValueRange{}, ValueRange{init},
                                   maps, iters, body)
      .getResult(0);
}

Value padStatic(OpBuilder &b, Location loc, Value src, Value padValue,
                ArrayRef<int64_t> low, ArrayRef<int64_t> high,
                ArrayRef<int64_t> interior) {
  auto srcType = cast<RankedTensorType>(src.getType());
  int64_t rank = srcType.getRank();
  auto at = [&](ArrayRef<int64_t> a, int64_t i) -> int64_t {
    return a.empty() ? 0 : a[i];
  };
  bool anyInterior = false, anyNegative = false, anyPad = false;
  for (int64_t i = 0; i < rank; ++i) {
    anyInterior |= at(interior, i) != 0;
    anyNegative |= at(low, i) < 0 || at(high, i) < 0;
    anyPad |= at(low, i) != 0 || at(high, i) != 0 || at(interior, i) != 0;
  }
  if (!anyPad)
    return src;

  if (!anyInterior && !anyNegative) {
    SmallVector<int64_t> shape;
    SmallVector<OpFoldResult> lo, hi;
    for (int64_t i = 0; i < rank; ++i) {
      shape.push_back(srcType.getDimSize(i) + at(low, i) + at(high, i));
      lo.push_back(b.getIndexAttr(at(low, i)));
      hi.push_back(b.getIndexAttr(at(high, i)));
    }
    auto type = RankedTensorType::get(shape, srcType.getElementType());
    return tensor::PadOp::create(b, loc, type, src, lo, hi, padValue);
  }

  // General case: fill a tensor holding the positive edges and the interior
  // gaps, insert the source with stride (interior + 1), then cut negative edges.
  SmallVector<int64_t> fullShape, finalShape, cutLow;
  SmallVector<OpFoldResult> offsets, sizes, strides;
  for (int64_t i = 0; i < rank; ++i) {
    int64_t s = srcType.getDimSize(i);
    int64_t dilated = s == 0 ? 0 : s + (s - 1) * at(interior, i);
    int64_t lo = at(low, i), hi = at(high, i);
    int64_t full = std::max<int64_t>(lo, 0) + dilated + std::max<int64_t>(hi, 0);
    fullShape.push_back(full);
    finalShape.push_back(std::max<int64_t>(dilated + lo + hi, 0));
    cutLow.push_back(std::max<int64_t>(-lo, 0));
    offsets.push_back(b.getIndexAttr(std::max<int64_t>(lo, 0)));
    sizes.push_back(b.getIndexAttr(s));
    strides.push_back(b.getIndexAttr(at(interior, i) + 1));
  }
  auto fullType = RankedTensorType::get(fullShape, srcType.getElementType());
  Value filled = createFilled(b, loc, fullType, padValue);
  Value result =
      tensor::InsertSliceOp::create(b, loc, src, filled, offsets, sizes, strides);
  if (!anyNegative)
    return result;
  SmallVector<OpFoldResult> cutOffsets, cutSizes, ones;
  for (int64_t i = 0; i < rank; ++i) {
    cutOffsets.push_back(b.getIndexAttr(cutLow[i]));
    cutSizes.push_back(b.getIndexAttr(finalShape[i]));
    ones.push_back(b.getIndexAttr(1));
  }
  auto finalType = RankedTensorType::get(finalShape, srcType.getElementType());
  return tensor::ExtractSliceOp::create(b, loc, finalType, result, cutOffsets,
                                        cutSizes, ones);
}

FailureOr<SmallVector<Value>> emitScalarRegion(OpBuilder &b, Location loc,
                                               Region &region, ValueRange args) {
  (void)loc;
  return hlo_linalg::convertScalarRegion(b, region, args);
}

SmallVector<int64_t> valuesOr(std::optional<ArrayRef<int64_t>> attr, int64_t rank,
                              int64_t dflt) {
  if (attr)
    return SmallVector<int64_t>(attr->begin(), attr->end());
  return SmallVector<int64_t>(rank, dflt);
}

void splitPadding(std::optional<DenseIntElementsAttr> padding, int64_t rank,
                  SmallVectorImpl<int64_t> &low, SmallVectorImpl<int64_t> &high) {
  low.assign(rank, 0);
  high.assign(rank, 0);
  if (!padding || !*padding)
    return;
  SmallVector<int64_t> values;
  for (const APInt &v : padding->getValues<APInt>())
    values.push_back(v.getSExtValue());
  for (int64_t i = 0; i < rank && 2 * i + 1 < (int64_t)values.size(); ++i) {
    low[i] = values[2 * i];
    high[i] = values[2 * i + 1];
  }
}

} // namespace mlir::byteir::shlo_part2

void mlir::byteir::populateStableHLOToLinalgPart2Patterns(TypeConverter &typeConverter,
                                                          RewritePatternSet &patterns) {
  using namespace mlir::byteir::shlo_part2;
  populateConvolutionPatterns(typeConverter, patterns);
  populateWindowPatterns(typeConverter, patterns);
  populateGatherScatterPatterns(typeConverter, patterns);
  populateSortPatterns(typeConverter, patterns);
  populateControlFlowPatterns(typeConverter, patterns);
  populateMiscPatterns(typeConverter, patterns);
  populateRngPatterns(typeConverter, patterns);
}
