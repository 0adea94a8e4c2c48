//===- Windows.cpp - reduce_window and select_and_scatter to linalg/scf ---===//
//
// reduce_window (static shapes): every input is padded with its init value
// (edge padding, base dilation as interior padding), then one linalg.generic
// over (output dims..., window dims...) reads input[o * stride + w * dilation]
// and applies the body to (accumulator..., element...). The window loops get
// their extent from a shape-only tensor.empty operand, as linalg's pooling ops do.
// Window dims of size 1 get no loop.
//
// A cumulative scan -- one input, window = the whole axis on one axis and 1
// elsewhere, stride/dilations 1, padding (n-1, 0) (forward) or (0, n-1)
// (reverse) on that axis and none elsewhere, init = the identity of a body that
// is a single add/mul/max/min of its two arguments -- becomes linalg_ext.scan.
//
// select_and_scatter: scf.for loops over the source elements; in each window the
// select region picks an element among the in-bounds positions (padding is
// never selected), then the scatter region combines the source value into the
// result at that position. The result starts as init_value everywhere.
//
//===----------------------------------------------------------------------===//
#include "Part2Common.h"
#include "Patterns.h"
#include "ScalarBody.h"

#include "byteir/Dialect/LinalgExt/IR/LinalgExtOps.h"
#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::byteir::shlo_part2;
namespace hl = mlir::byteir::hlo_linalg;
namespace linalg_ext = mlir::byteir::linalg_ext;

namespace {

bool allStatic(TypeRange types) {
  return llvm::all_of(types, [](Type t) {
    auto r = dyn_cast<RankedTensorType>(t);
    return r && r.hasStaticShape();
  });
}

/// The scan kind of a body that is exactly `return op(arg0, arg1)` for op one
/// of add/mul/max/min (either argument order).
std::optional<linalg_ext::ScanKind> scanKindOfBody(Region &body) {
  if (!body.hasOneBlock())
    return std::nullopt;
  Block &block = body.front();
  if (block.getNumArguments() != 2 || !llvm::hasNItems(block, 2))
    return std::nullopt;
  Operation *combiner = &block.front();
  auto ret = dyn_cast<stablehlo::ReturnOp>(block.getTerminator());
  if (!ret || ret.getNumOperands() != 1 || ret.getOperand(0).getDefiningOp() != combiner ||
      combiner->getNumOperands() != 2 || combiner->getNumResults() != 1)
    return std::nullopt;
  Value a = combiner->getOperand(0), b = combiner->getOperand(1);
  Value x = block.getArgument(0), y = block.getArgument(1);
  if (!((a == x && b == y) || (a == y && b == x)))
    return std::nullopt;
  if (isa<stablehlo::AddOp>(combiner))
    return linalg_ext::ScanKind::add;
  if (isa<stablehlo::MulOp>(combiner))
    return linalg_ext::ScanKind::mul;
  if (isa<stablehlo::MaxOp>(combiner))
    return linalg_ext::ScanKind::max;
  if (isa<stablehlo::MinOp>(combiner))
    return linalg_ext::ScanKind::min;
  return std::nullopt;
}

/// Whether the constant `init` is the identity of `kind` on its element type.
bool isScanIdentity(Value init, linalg_ext::ScanKind kind) {
  DenseElementsAttr attr;
  if (!matchPattern(init, m_Constant(&attr)) || !attr.isSplat())
    return false;
  Type elem = attr.getElementType();
  if (isa<FloatType>(elem)) {
    APFloat v = attr.getSplatValue<APFloat>();
    const llvm::fltSemantics &sem = v.getSemantics();
    switch (kind) {
    case linalg_ext::ScanKind::add:
      return v.isZero();
    case linalg_ext::ScanKind::mul:
      return v.compare(APFloat::getOne(sem)) == APFloat::cmpEqual;
    case linalg_ext::ScanKind::max:
      return v.isNegative() &&
             (v.isInfinity() || v.bitwiseIsEqual(APFloat::getLargest(sem, true)));
    case linalg_ext::ScanKind::min:
      return !v.isNegative() &&
             (v.isInfinity() || v.bitwiseIsEqual(APFloat::getLargest(sem, false)));
    }
    return false;
  }
  auto intType = dyn_cast<IntegerType>(elem);
  if (!intType || intType.getWidth() == 1)
    return false;
  APInt v = attr.getSplatValue<APInt>();
  switch (kind) {
  case linalg_ext::ScanKind::add:
    return v.isZero();
  case linalg_ext::ScanKind::mul:
    return v.isOne();
  case linalg_ext::ScanKind::max:
    return intType.isSignless() && v.isMinSignedValue();
  case linalg_ext::ScanKind::min:
    return intType.isSignless() && v.isMaxSignedValue();
  }
  return false;
}

/// linalg_ext.scan for a reduce_window that is a cumulative scan along one
/// axis (see the file header); null when `op` is not exactly that form.
Value tryLowerAsScan(stablehlo::ReduceWindowOp op, ValueRange inputs,
                     ArrayRef<Type> resultTypes, OpBuilder &b) {
  if (inputs.size() != 1 || resultTypes.size() != 1)
    return nullptr;
  auto inType = cast<RankedTensorType>(inputs[0].getType());
  auto resType = cast<RankedTensorType>(resultTypes[0]);
  if (inType != resType)
    return nullptr;
  int64_t rank = inType.getRank();
  ArrayRef<int64_t> window = op.getWindowDimensions();
  if (static_cast<int64_t>(window.size()) != rank)
    return nullptr;
  auto allOnes = [&](std::optional<ArrayRef<int64_t>> v) {
    return !v || llvm::all_of(*v, [](int64_t x) { return x == 1; });
  };
  if (!allOnes(op.getWindowStrides()) || !allOnes(op.getBaseDilations()) ||
      !allOnes(op.getWindowDilations()))
    return nullptr;
  SmallVector<int64_t> low, high;
  splitPadding(op.getPadding(), rank, low, high);
  int64_t axis = -1;
  bool reverse = false;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t size = inType.getDimSize(d);
    if (window[d] == 1) {
      if (low[d] != 0 || high[d] != 0)
        return nullptr;
      continue;
    }
    if (axis >= 0 || size < 2 || window[d] != size)
      return nullptr;
    axis = d;
    if (low[d] == size - 1 && high[d] == 0)
      reverse = false;
    else if (low[d] == 0 && high[d] == size - 1)
      reverse = true;
    else
      return nullptr;
  }
  if (axis < 0)
    return nullptr;
  std::optional<linalg_ext::ScanKind> kind = scanKindOfBody(op.getBody());
  if (!kind || !isScanIdentity(op.getInitValues()[0], *kind))
    return nullptr;
  Location loc = op.getLoc();
  Value init = tensor::EmptyOp::create(b, loc, resType.getShape(), resType.getElementType());
  return linalg_ext::ScanOp::create(b, loc, TypeRange{resType}, inputs[0], init,
                                    static_cast<uint64_t>(axis), *kind,
                                    /*exclusive=*/false, reverse)
      .getResult(0);
}

struct ReduceWindowLowering : OpConversionPattern<stablehlo::ReduceWindowOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::ReduceWindowOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    SmallVector<Type> resultTypes;
    if (failed(getTypeConverter()->convertTypes(op.getResultTypes(), resultTypes)))
      return failure();
    ValueRange inputs = adaptor.getInputs(), inits = adaptor.getInitValues();
    if (!allStatic(resultTypes) || !allStatic(inputs.getTypes()))
      return hl::unsupported(op, "a dynamic shape");
    if (failed(hl::checkScalarRegion(op.getBody(), op)))
      return failure();
    if (Value scan = tryLowerAsScan(op, inputs, resultTypes, rewriter)) {
      rewriter.replaceOp(op, scan);
      return success();
    }

    int64_t n = inputs.size();
    int64_t rank = cast<RankedTensorType>(inputs[0].getType()).getRank();
    ArrayRef<int64_t> window = op.getWindowDimensions();
    SmallVector<int64_t> strides = valuesOr(op.getWindowStrides(), rank, 1);
    SmallVector<int64_t> baseDil = valuesOr(op.getBaseDilations(), rank, 1);
    SmallVector<int64_t> winDil = valuesOr(op.getWindowDilations(), rank, 1);
    SmallVector<int64_t> low, high;
    splitPadding(op.getPadding(), rank, low, high);
    SmallVector<int64_t> interior;
    for (int64_t d : baseDil)
      interior.push_back(d - 1);

    SmallVector<Value> initScalars, padded;
    for (int64_t i = 0; i < n; ++i) {
      Value s = tensor::ExtractOp::create(rewriter, loc, inits[i], ValueRange{});
      initScalars.push_back(s);
      padded.push_back(padStatic(rewriter, loc, inputs[i], s, low, high, interior));
    }

    // Loops: output dims, then one loop per window dim of size > 1.
    MLIRContext *ctx = rewriter.getContext();
    SmallVector<int64_t> windowLoopDims, windowShape;
    for (int64_t d = 0; d < rank; ++d)
      if (window[d] > 1) {
        windowLoopDims.push_back(d);
        windowShape.push_back(window[d]);
      }
    int64_t numWin = windowLoopDims.size();
    int64_t numLoops = rank + numWin;
    SmallVector<AffineExpr> inExprs;
    for (int64_t d = 0; d < rank; ++d) {
      AffineExpr e = getAffineDimExpr(d, ctx) * strides[d];
      auto it = llvm::find(windowLoopDims, d);
      if (it != windowLoopDims.end())
        e = e + getAffineDimExpr(rank + (it - windowLoopDims.begin()), ctx) * winDil[d];
      inExprs.push_back(e);
    }
    AffineMap inMap = AffineMap::get(numLoops, 0, inExprs, ctx);
    SmallVector<AffineExpr> outExprs, winExprs;
    for (int64_t d = 0; d < rank; ++d)
      outExprs.push_back(getAffineDimExpr(d, ctx));
    for (int64_t k = 0; k < numWin; ++k)
      winExprs.push_back(getAffineDimExpr(rank + k, ctx));
    AffineMap outMap = AffineMap::get(numLoops, 0, outExprs, ctx);

    SmallVector<Value> ins(padded);
    SmallVector<AffineMap> maps(n, inMap);
    if (numWin > 0) {
      ins.push_back(tensor::EmptyOp::create(rewriter, loc, windowShape,
                                            rewriter.getI8Type()));
      maps.push_back(AffineMap::get(numLoops, 0, winExprs, ctx));
    }
    SmallVector<Value> outs;
    for (int64_t i = 0; i < n; ++i) {
      outs.push_back(createFilled(rewriter, loc,
                                  cast<RankedTensorType>(resultTypes[i]),
                                  initScalars[i]));
      maps.push_back(outMap);
    }
    SmallVector<utils::IteratorType> iters(numLoops, utils::IteratorType::parallel);
    for (int64_t k = 0; k < numWin; ++k)
      iters[rank + k] = utils::IteratorType::reduction;

    Region &body = op.getBody();
    auto generic = linalg::GenericOp::create(
        rewriter, loc, resultTypes, ins, outs, maps, iters,
        [&](OpBuilder &b, Location l, ValueRange args) {
          SmallVector<Value> bodyArgs;
          ValueRange accs = args.take_back(n);
          bodyArgs.append(accs.begin(), accs.end());
          bodyArgs.append(args.begin(), args.begin() + n);
          auto res = emitScalarRegion(b, l, body, bodyArgs);
          linalg::YieldOp::create(b, l, succeeded(res) ? ValueRange(*res) : accs);
        });
    rewriter.replaceOp(op, generic.getResults());
    return success();
  }
};

struct SelectAndScatterLowering : OpConversionPattern<stablehlo::SelectAndScatterOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::SelectAndScatterOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType = dyn_cast_or_null<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    Value operand = adaptor.getOperand(), source = adaptor.getSource();
    auto operandType = cast<RankedTensorType>(operand.getType());
    auto sourceType = cast<RankedTensorType>(source.getType());
    if (!resultType || !operandType.hasStaticShape() || !sourceType.hasStaticShape())
      return hl::unsupported(op, "a dynamic shape");
    if (failed(hl::checkScalarRegion(op.getSelect(), op)) ||
        failed(hl::checkScalarRegion(op.getScatter(), op)))
      return failure();

    int64_t rank = operandType.getRank();
    SmallVector<int64_t> window = valuesOr(op.getWindowDimensions(), rank, 1);
    SmallVector<int64_t> strides = valuesOr(op.getWindowStrides(), rank, 1);
    SmallVector<int64_t> low, high;
    splitPadding(op.getPadding(), rank, low, high);
    Type elem = operandType.getElementType();

    Value initScalar =
        tensor::ExtractOp::create(rewriter, loc, adaptor.getInitValue(), ValueRange{});
    Value init = createFilled(rewriter, loc, resultType, initScalar);
    Value c0 = indexConst(rewriter, loc, 0), c1 = indexConst(rewriter, loc, 1);
    SmallVector<Value> srcLbs(rank, c0), srcSteps(rank, c1), srcUbs, winUbs;
    for (int64_t d = 0; d < rank; ++d) {
      srcUbs.push_back(indexConst(rewriter, loc, sourceType.getDimSize(d)));
      winUbs.push_back(indexConst(rewriter, loc, window[d]));
    }
    Region &selectRegion = op.getSelect();
    Region &scatterRegion = op.getScatter();

    scf::LoopNest outer = scf::buildLoopNest(
        rewriter, loc, srcLbs, srcUbs, srcSteps, ValueRange{init},
        [&](OpBuilder &b, Location l, ValueRange srcIvs,
            ValueRange acc) -> scf::ValueVector {
          // Selection state: (selected value, found, selected index...).
          SmallVector<Value> state = {zeroScalar(b, l, elem),
                                      arith::ConstantOp::create(b, l, b.getBoolAttr(false))};
          for (int64_t d = 0; d < rank; ++d)
            state.push_back(c0);
          scf::LoopNest winNest = scf::buildLoopNest(
              b, l, srcLbs, winUbs, srcSteps, state,
              [&](OpBuilder &wb, Location wl, ValueRange winIvs,
                  ValueRange st) -> scf::ValueVector {
                SmallVector<Value> idx;
                Value inBounds = arith::ConstantOp::create(wb, wl, wb.getBoolAttr(true));
                for (int64_t d = 0; d < rank; ++d) {
                  Value pos = arith::MulIOp::create(
                      wb, wl, srcIvs[d], indexConst(wb, wl, strides[d]));
                  pos = arith::AddIOp::create(wb, wl, pos, winIvs[d]);
                  pos = arith::SubIOp::create(wb, wl, pos, indexConst(wb, wl, low[d]));
                  Value ge = arith::CmpIOp::create(wb, wl, arith::CmpIPredicate::sge,
                                                   pos, c0);
                  Value lt = arith::CmpIOp::create(
                      wb, wl, arith::CmpIPredicate::slt, pos,
                      indexConst(wb, wl, operandType.getDimSize(d)));
                  inBounds = arith::AndIOp::create(wb, wl, inBounds, ge);
                  inBounds = arith::AndIOp::create(wb, wl, inBounds, lt);
                  idx.push_back(pos);
                }
                auto ifOp = scf::IfOp::create(wb, wl, ValueRange(st).getTypes(), inBounds,
                                              /*withElseRegion=*/true);
                {
                  OpBuilder::InsertionGuard g(wb);
                  wb.setInsertionPointToStart(ifOp.thenBlock());
                  Value v = tensor::ExtractOp::create(wb, wl, operand, idx);
                  Value cur = st[0], found = st[1];
                  auto keep = emitScalarRegion(wb, wl, selectRegion, ValueRange{cur, v});
                  Value keepCur = succeeded(keep) ? (*keep)[0]
                                                  : arith::ConstantOp::create(
                                                        wb, wl, wb.getBoolAttr(true));
                  // Take the candidate when nothing is selected yet or select
                  // says not to keep the current one.
                  Value notKeep = arith::XOrIOp::create(
                      wb, wl, keepCur,
                      arith::ConstantOp::create(wb, wl, wb.getBoolAttr(true)));
                  Value notFound = arith::XOrIOp::create(
                      wb, wl, found,
                      arith::ConstantOp::create(wb, wl, wb.getBoolAttr(true)));
                  Value take = arith::OrIOp::create(wb, wl, notFound, notKeep);
                  SmallVector<Value> next = {
                      arith::SelectOp::create(wb, wl, take, v, cur),
                      arith::ConstantOp::create(wb, wl, wb.getBoolAttr(true))};
                  for (int64_t d = 0; d < rank; ++d)
                    next.push_back(arith::SelectOp::create(wb, wl, take, idx[d], st[2 + d]));
                  scf::YieldOp::create(wb, wl, next);
                  wb.setInsertionPointToStart(ifOp.elseBlock());
                  scf::YieldOp::create(wb, wl, st);
                }
                return scf::ValueVector(ifOp.getResults().begin(),
                                        ifOp.getResults().end());
              });
          Value found = winNest.results[1];
          SmallVector<Value> selIdx(winNest.results.begin() + 2, winNest.results.end());
          auto ifOp = scf::IfOp::create(b, l, TypeRange{acc[0].getType()}, found,
                                        /*withElseRegion=*/true);
          {
            OpBuilder::InsertionGuard g(b);
            b.setInsertionPointToStart(ifOp.thenBlock());
            Value cur = tensor::ExtractOp::create(b, l, acc[0], selIdx);
            Value src = tensor::ExtractOp::create(b, l, source, srcIvs);
            auto res = emitScalarRegion(b, l, scatterRegion, ValueRange{cur, src});
            Value nv = succeeded(res) ? (*res)[0] : cur;
            Value upd = tensor::InsertOp::create(b, l, nv, acc[0], selIdx);
            scf::YieldOp::create(b, l, upd);
            b.setInsertionPointToStart(ifOp.elseBlock());
            scf::YieldOp::create(b, l, acc[0]);
          }
          return {ifOp.getResult(0)};
        });
    rewriter.replaceOp(op, outer.results[0]);
    return success();
  }
};

} // namespace

void mlir::byteir::shlo_part2::populateWindowPatterns(const TypeConverter &tc,
                                                      RewritePatternSet &patterns) {
  patterns.add<ReduceWindowLowering, SelectAndScatterLowering>(tc,
                                                                patterns.getContext());
}
