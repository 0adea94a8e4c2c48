//===- Contraction.cpp - dot and dot_general to linalg --------------------===//
#include "Patterns.h"
#include "ScalarBody.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace mlir::byteir::hlo_linalg;

namespace {

struct Contraction {
  SmallVector<int64_t> lhsBatch, rhsBatch, lhsContract, rhsContract;
};

/// Dims of a `rank`-d operand that are neither batch nor contracting, in order.
SmallVector<int64_t> freeDims(int64_t rank, ArrayRef<int64_t> batch,
                              ArrayRef<int64_t> contract) {
  SmallVector<int64_t> free;
  for (int64_t d = 0; d < rank; ++d)
    if (!llvm::is_contained(batch, d) && !llvm::is_contained(contract, d))
      free.push_back(d);
  return free;
}

/// Named linalg ops take over when the layout is the canonical one and the
/// element types are float-only or signed-integer-only (their implicit casts
/// are extf / extsi).
bool namedOpTypesOk(Type lhs, Type rhs, Type out) {
  auto allFloat = isa<FloatType>(lhs) && isa<FloatType>(rhs) && isa<FloatType>(out);
  auto signedInt = [](Type t) {
    auto it = dyn_cast<IntegerType>(t);
    return it && !it.isUnsigned() && it.getWidth() > 1;
  };
  bool allSignedInt = signedInt(lhs) && signedInt(rhs) && signedInt(out);
  if (!allFloat && !allSignedInt)
    return false;
  // Inputs equal to the result type or strictly narrower (f16 -> bf16 has
  // no single cast).
  auto widens = [&](Type in) {
    return in == out || in.getIntOrFloatBitWidth() < out.getIntOrFloatBitWidth();
  };
  return widens(lhs) && widens(rhs);
}

bool isIota(ArrayRef<int64_t> dims, int64_t from) {
  for (auto [i, d] : llvm::enumerate(dims))
    if (d != from + static_cast<int64_t>(i))
      return false;
  return true;
}

/// Vector and unbatched forms: matvec, vecmat, dot.
Value tryVectorOp(OpBuilder &b, Location loc, Value lhs, Value rhs, Value init,
                  RankedTensorType outType, const Contraction &c) {
  int64_t lr = cast<RankedTensorType>(lhs.getType()).getRank();
  int64_t rr = cast<RankedTensorType>(rhs.getType()).getRank();
  if (!c.lhsBatch.empty() || c.lhsContract.size() != 1)
    return {};
  Type resType = outType;
  SmallVector<Value, 2> ins = {lhs, rhs};
  SmallVector<Value, 1> outs = {init};
  if (lr == 2 && rr == 1 && c.lhsContract[0] == 1)
    return linalg::MatvecOp::create(b, loc, TypeRange(resType), ins, outs).getResult(0);
  if (lr == 1 && rr == 2 && c.rhsContract[0] == 0)
    return linalg::VecmatOp::create(b, loc, TypeRange(resType), ins, outs).getResult(0);
  if (lr == 1 && rr == 1)
    return linalg::DotOp::create(b, loc, TypeRange(resType), ins, outs).getResult(0);
  return {};
}

/// Matrix forms: [B..., m, k] x [B..., k, n] with either operand transposed in
/// its last two dims, the batch dims leading. Several batch dims are collapsed
/// into one (static shapes) for linalg.batch_matmul and expanded back.
Value tryMatmulOp(OpBuilder &b, Location loc, Value lhs, Value rhs, Value init,
                  RankedTensorType outType, const Contraction &c) {
  auto lt = cast<RankedTensorType>(lhs.getType());
  auto rt = cast<RankedTensorType>(rhs.getType());
  int64_t nb = c.lhsBatch.size();
  if (lt.getRank() != nb + 2 || rt.getRank() != nb + 2 || c.lhsContract.size() != 1 ||
      !isIota(c.lhsBatch, 0) || !isIota(c.rhsBatch, 0))
    return {};
  bool transA = c.lhsContract[0] == nb;     // [B..., k, m]
  bool transB = c.rhsContract[0] == nb + 1; // [B..., n, k]
  if (transA && transB)
    return {};
  Type resType = outType;
  auto named = [&](Value x, Value y, Value out, Type type, bool batched) -> Value {
    SmallVector<Value, 2> ins = {x, y};
    SmallVector<Value, 1> outs = {out};
    TypeRange res(type);
    if (!batched) {
      if (transA)
        return linalg::MatmulTransposeAOp::create(b, loc, res, ins, outs).getResult(0);
      if (transB)
        return linalg::MatmulTransposeBOp::create(b, loc, res, ins, outs).getResult(0);
      return linalg::MatmulOp::create(b, loc, res, ins, outs).getResult(0);
    }
    if (transA)
      return linalg::BatchMatmulTransposeAOp::create(b, loc, res, ins, outs).getResult(0);
    if (transB)
      return linalg::BatchMatmulTransposeBOp::create(b, loc, res, ins, outs).getResult(0);
    return linalg::BatchMatmulOp::create(b, loc, res, ins, outs).getResult(0);
  };
  if (nb <= 1)
    return named(lhs, rhs, init, resType, nb == 1);
  // Collapse the batch dims (static shapes only).
  if (!lt.hasStaticShape() || !rt.hasStaticShape() || !outType.hasStaticShape())
    return {};
  ReassociationIndices batchDims = llvm::to_vector(llvm::seq<int64_t>(0, nb));
  SmallVector<ReassociationIndices> re = {batchDims, {nb}, {nb + 1}};
  auto collapse = [&](Value v, RankedTensorType t) -> Value {
    int64_t batch = 1;
    for (int64_t d = 0; d < nb; ++d)
      batch *= t.getDimSize(d);
    auto ct = RankedTensorType::get({batch, t.getDimSize(nb), t.getDimSize(nb + 1)},
                                    t.getElementType());
    return tensor::CollapseShapeOp::create(b, loc, ct, v, re);
  };
  Value l = collapse(lhs, lt), r = collapse(rhs, rt), o = collapse(init, outType);
  Value mm = named(l, r, o, o.getType(), true);
  return tensor::ExpandShapeOp::create(b, loc, outType, mm, re);
}

/// acc + x * y in the result element type (i1: or/and).
Value mulAdd(OpBuilder &b, Location loc, Type elem, Value acc, Value x, Value y) {
  if (isa<FloatType>(elem))
    return arith::AddFOp::create(b, loc, acc, arith::MulFOp::create(b, loc, x, y));
  if (isa<ComplexType>(elem))
    return complex::AddOp::create(b, loc, acc, complex::MulOp::create(b, loc, x, y));
  if (elem.isInteger(1))
    return arith::OrIOp::create(b, loc, acc, arith::AndIOp::create(b, loc, x, y));
  return arith::AddIOp::create(b, loc, acc, arith::MulIOp::create(b, loc, x, y));
}

/// Output dims: batch, lhs free, rhs free. Loop order: those, then contracting.
LogicalResult lowerContraction(Operation *op, Value lhs, Value rhs, const Contraction &c,
                               const TypeConverter &converter,
                               ConversionPatternRewriter &rewriter) {
  Location loc = op->getLoc();
  RankedTensorType outType = convertedTensorType(converter, op->getResult(0).getType());
  auto lhsType = dyn_cast<RankedTensorType>(lhs.getType());
  auto rhsType = dyn_cast<RankedTensorType>(rhs.getType());
  if (!outType || !lhsType || !rhsType)
    return unsupported(op, "unranked operands");
  Type lhsElem = getElementTypeOrSelf(op->getOperand(0).getType());
  Type rhsElem = getElementTypeOrSelf(op->getOperand(1).getType());
  Type outElem = getElementTypeOrSelf(op->getResult(0).getType());
  if (!isa<IntegerType, FloatType, ComplexType>(outElem) ||
      !isa<IntegerType, FloatType, ComplexType>(lhsElem) ||
      !isa<IntegerType, FloatType, ComplexType>(rhsElem))
    return unsupported(op, "this element type");

  SmallVector<int64_t> lhsFree = freeDims(lhsType.getRank(), c.lhsBatch, c.lhsContract);
  SmallVector<int64_t> rhsFree = freeDims(rhsType.getRank(), c.rhsBatch, c.rhsContract);
  int64_t nb = c.lhsBatch.size(), nlf = lhsFree.size(), nrf = rhsFree.size();
  int64_t nc = c.lhsContract.size();
  int64_t nOut = nb + nlf + nrf;
  if (outType.getRank() != nOut)
    return unsupported(op, "this result rank");

  // Sizes of the result's dynamic dims.
  SmallVector<Value> dyn;
  for (int64_t j = 0; j < nOut; ++j) {
    if (!outType.isDynamicDim(j))
      continue;
    if (j < nb)
      dyn.push_back(dimSize(rewriter, loc, lhs, c.lhsBatch[j]));
    else if (j < nb + nlf)
      dyn.push_back(dimSize(rewriter, loc, lhs, lhsFree[j - nb]));
    else
      dyn.push_back(dimSize(rewriter, loc, rhs, rhsFree[j - nb - nlf]));
  }
  Value zero = emitScalarConstant(rewriter, loc, outType.getElementType(), 0.0);
  Value init = fillTensor(rewriter, loc, zero, emptyTensor(rewriter, loc, outType, dyn));

  if (namedOpTypesOk(lhsElem, rhsElem, outElem)) {
    Value named = tryVectorOp(rewriter, loc, lhs, rhs, init, outType, c);
    if (!named)
      named = tryMatmulOp(rewriter, loc, lhs, rhs, init, outType, c);
    if (named) {
      rewriter.replaceOp(op, named);
      return success();
    }
  }

  MLIRContext *ctx = op->getContext();
  int64_t nLoops = nOut + nc;
  auto operandMap = [&](int64_t rank, ArrayRef<int64_t> batch, ArrayRef<int64_t> contract,
                        ArrayRef<int64_t> free, int64_t freeBase) {
    SmallVector<AffineExpr> exprs;
    for (int64_t d = 0; d < rank; ++d) {
      int64_t loop;
      if (auto *it = llvm::find(batch, d); it != batch.end())
        loop = it - batch.begin();
      else if (auto *it = llvm::find(contract, d); it != contract.end())
        loop = nOut + (it - contract.begin());
      else
        loop = freeBase + (llvm::find(free, d) - free.begin());
      exprs.push_back(getAffineDimExpr(loop, ctx));
    }
    return AffineMap::get(nLoops, 0, exprs, ctx);
  };
  SmallVector<AffineExpr> outExprs;
  for (int64_t j = 0; j < nOut; ++j)
    outExprs.push_back(getAffineDimExpr(j, ctx));
  SmallVector<AffineMap> maps = {
      operandMap(lhsType.getRank(), c.lhsBatch, c.lhsContract, lhsFree, nb),
      operandMap(rhsType.getRank(), c.rhsBatch, c.rhsContract, rhsFree, nb + nlf),
      AffineMap::get(nLoops, 0, outExprs, ctx)};
  SmallVector<utils::IteratorType> iters = parallelIterators(nOut);
  iters.append(nc, utils::IteratorType::reduction);
  auto generic = linalg::GenericOp::create(
      rewriter, loc, TypeRange{outType}, ValueRange{lhs, rhs}, ValueRange{init}, maps, iters,
      [&](OpBuilder &b, Location l, ValueRange args) {
        Value x = emitConvert(b, l, args[0], lhsElem, outElem);
        Value y = emitConvert(b, l, args[1], rhsElem, outElem);
        linalg::YieldOp::create(b, l, mulAdd(b, l, outType.getElementType(), args[2], x, y));
      });
  rewriter.replaceOp(op, generic.getResults());
  return success();
}

struct DotGeneralConverter final : OpConversionPattern<stablehlo::DotGeneralOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(stablehlo::DotGeneralOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    stablehlo::DotDimensionNumbersAttr dn = op.getDotDimensionNumbers();
    Contraction c;
    c.lhsBatch.assign(dn.getLhsBatchingDimensions().begin(),
                      dn.getLhsBatchingDimensions().end());
    c.rhsBatch.assign(dn.getRhsBatchingDimensions().begin(),
                      dn.getRhsBatchingDimensions().end());
    c.lhsContract.assign(dn.getLhsContractingDimensions().begin(),
                         dn.getLhsContractingDimensions().end());
    c.rhsContract.assign(dn.getRhsContractingDimensions().begin(),
                         dn.getRhsContractingDimensions().end());
    return lowerContraction(op, adaptor.getLhs(), adaptor.getRhs(), c, *getTypeConverter(),
                            rewriter);
  }
};

struct DotConverter final : OpConversionPattern<stablehlo::DotOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(stablehlo::DotOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    auto lhsType = cast<RankedTensorType>(adaptor.getLhs().getType());
    Contraction c;
    c.lhsContract = {lhsType.getRank() - 1};
    c.rhsContract = {0};
    return lowerContraction(op, adaptor.getLhs(), adaptor.getRhs(), c, *getTypeConverter(),
                            rewriter);
  }
};

} // namespace

void mlir::byteir::hlo_linalg::populateContractionPatterns(TypeConverter &converter,
                                                          RewritePatternSet &patterns) {
  patterns.add<DotGeneralConverter, DotConverter>(converter, patterns.getContext());
}
