//===- Elementwise.cpp - elementwise stablehlo ops to linalg.generic ------===//
#include "Patterns.h"
#include "ScalarBody.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"

using namespace mlir;
using namespace mlir::byteir::hlo_linalg;

namespace {

/// One linalg.generic over the result's shape. Operands of the result's rank
/// are read with the identity map; 0-d operands (select's pred, clamp's bounds)
/// are broadcast.
LogicalResult lowerElementwise(Operation *op, ValueRange operands,
                               const TypeConverter &converter,
                               ConversionPatternRewriter &rewriter) {
  Location loc = op->getLoc();
  RankedTensorType outType = convertedTensorType(converter, op->getResult(0).getType());
  if (!outType)
    return unsupported(op, "an unranked result");
  int64_t rank = outType.getRank();
  if (isa<stablehlo::BitcastConvertOp>(op)) {
    Type from = getElementTypeOrSelf(operands[0].getType());
    Type to = outType.getElementType();
    if (!from.isIntOrFloat() || !to.isIntOrFloat() ||
        from.getIntOrFloatBitWidth() != to.getIntOrFloatBitWidth())
      return unsupported(op, "bitcast_convert between element types of different widths");
  }
  Value like;
  for (Value v : operands) {
    auto rt = dyn_cast<RankedTensorType>(v.getType());
    if (!rt)
      return unsupported(op, "an unranked operand");
    if (rt.getRank() == rank && !like)
      like = v;
    else if (rt.getRank() != rank && rt.getRank() != 0)
      return unsupported(op, "operands of different ranks");
  }
  if (!hasScalarLowering(op))
    return unsupported(op, "this element type");
  // convert / bitcast_convert between types that are equal once signless
  // (i32 <-> ui32) are no-ops.
  if (isa<stablehlo::ConvertOp, stablehlo::BitcastConvertOp>(op) &&
      operands[0].getType() == outType) {
    rewriter.replaceOp(op, operands[0]);
    return success();
  }

  MLIRContext *ctx = op->getContext();
  SmallVector<AffineMap> maps;
  for (Value v : operands) {
    if (cast<RankedTensorType>(v.getType()).getRank() == rank)
      maps.push_back(AffineMap::getMultiDimIdentityMap(rank, ctx));
    else
      maps.push_back(AffineMap::get(rank, 0, {}, ctx));
  }
  maps.push_back(AffineMap::getMultiDimIdentityMap(rank, ctx));
  Value init = like ? emptyTensorLike(rewriter, loc, outType, like)
                    : emptyTensor(rewriter, loc, outType, {});

  bool ok = true;
  auto generic = linalg::GenericOp::create(
      rewriter, loc, TypeRange{outType}, operands, ValueRange{init}, maps,
      parallelIterators(rank), [&](OpBuilder &b, Location l, ValueRange args) {
        FailureOr<Value> r = emitScalarOp(b, l, op, args.drop_back());
        ok = succeeded(r);
        linalg::YieldOp::create(b, l, ok ? ValueRange{*r} : ValueRange{});
      });
  if (!ok)
    return unsupported(op, "this element type");
  rewriter.replaceOp(op, generic.getResults());
  return success();
}

template <typename OpTy>
struct ElementwiseConverter final : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    return lowerElementwise(op, adaptor.getOperands(), *this->getTypeConverter(), rewriter);
  }
};

template <typename... OpTys>
void addElementwise(TypeConverter &converter, RewritePatternSet &patterns) {
  patterns.add<ElementwiseConverter<OpTys>...>(converter, patterns.getContext());
}

} // namespace

void mlir::byteir::hlo_linalg::populateElementwisePatterns(TypeConverter &converter,
                                                          RewritePatternSet &patterns) {
  using namespace stablehlo;
  // Unary.
  addElementwise<AbsOp, CbrtOp, CeilOp, ClzOp, CosineOp, ExpOp, Expm1Op, FloorOp, LogOp,
                 Log1pOp, LogisticOp, NegOp, NotOp, PopulationCountOp, RoundOp,
                 RoundNearestEvenOp, RsqrtOp, SignOp, SineOp, SqrtOp, TanOp, TanhOp,
                 IsFiniteOp, RealOp, ImagOp, ConvertOp, BitcastConvertOp,
                 ReducePrecisionOp>(converter, patterns);
  // Binary and ternary.
  addElementwise<AddOp, Atan2Op, DivOp, MaxOp, MinOp, MulOp, PowOp, RemOp, ShiftLeftOp,
                 ShiftRightArithmeticOp, ShiftRightLogicalOp, SubtractOp, AndOp, OrOp, XorOp,
                 stablehlo::ComplexOp, CompareOp, SelectOp, ClampOp>(converter, patterns);
}
