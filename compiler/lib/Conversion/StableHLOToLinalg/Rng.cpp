//===- Rng.cpp - stablehlo.rng_bit_generator to linalg --------------------===//
//
// The spec leaves the bits implementation-defined (a deterministic function of
// the initial state); byteir uses the counter-based Philox-4x32-10 generator
// for every algorithm (DEFAULT, THREE_FRY, PHILOX):
//   state = [key, counter_lo (, counter_hi)] as 64-bit integers;
//   block b gives the four 32-bit words philox(counter_lo + b, counter_hi; key);
//   32-bit (and narrower, truncated) elements take one word each, in row-major
//   order, 64-bit elements two (low word first); floats are the same bits.
//   output_state = state with counter_lo advanced by the number of blocks used.
// One linalg.generic over the output computes each element's block on its own.
//
//===----------------------------------------------------------------------===//
#include "Part2Common.h"
#include "Patterns.h"
#include "ScalarBody.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace mlir::byteir::shlo_part2;
namespace hl = mlir::byteir::hlo_linalg;

namespace {

Value i32c(OpBuilder &b, Location loc, uint32_t v) {
  return arith::ConstantOp::create(b, loc, b.getI32IntegerAttr((int32_t)v));
}
Value i64c(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(v));
}

/// (hi, lo) 32-bit halves of the 64-bit product of two u32 values.
std::pair<Value, Value> mulHiLo(OpBuilder &b, Location loc, uint32_t m, Value x) {
  Type i64 = b.getI64Type(), i32 = b.getI32Type();
  Value p = arith::MulIOp::create(b, loc, i64c(b, loc, (int64_t)m),
                                  arith::ExtUIOp::create(b, loc, i64, x));
  Value hi = arith::TruncIOp::create(
      b, loc, i32, arith::ShRUIOp::create(b, loc, p, i64c(b, loc, 32)));
  Value lo = arith::TruncIOp::create(b, loc, i32, p);
  return {hi, lo};
}

/// Philox-4x32-10 of counter (c0..c3) with key (k0, k1).
SmallVector<Value> philox(OpBuilder &b, Location loc, SmallVector<Value> c, Value k0,
                          Value k1) {
  for (int round = 0; round < 10; ++round) {
    auto [hi0, lo0] = mulHiLo(b, loc, 0xD2511F53u, c[0]);
    auto [hi1, lo1] = mulHiLo(b, loc, 0xCD9E8D57u, c[2]);
    c = {arith::XOrIOp::create(b, loc, arith::XOrIOp::create(b, loc, hi1, c[1]), k0),
         lo1,
         arith::XOrIOp::create(b, loc, arith::XOrIOp::create(b, loc, hi0, c[3]), k1),
         lo0};
    if (round != 9) {
      k0 = arith::AddIOp::create(b, loc, k0, i32c(b, loc, 0x9E3779B9u));
      k1 = arith::AddIOp::create(b, loc, k1, i32c(b, loc, 0xBB67AE85u));
    }
  }
  return c;
}

struct RngBitGeneratorLowering : OpConversionPattern<stablehlo::RngBitGeneratorOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::RngBitGeneratorOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value state = adaptor.getInitialState();
    auto stateType = cast<RankedTensorType>(state.getType());
    auto outType = dyn_cast_or_null<RankedTensorType>(
        getTypeConverter()->convertType(op.getOutput().getType()));
    if (!outType || !outType.hasStaticShape() || stateType.getRank() != 1 ||
        !stateType.getElementType().isInteger(64) ||
        (stateType.getDimSize(0) != 2 && stateType.getDimSize(0) != 3))
      return hl::unsupported(
          op, "a dynamic output or a state other than ui64[2] or ui64[3]");
    Type elem = outType.getElementType();
    unsigned width = elem.getIntOrFloatBitWidth();
    if (width > 64 || isa<ComplexType>(elem))
      return hl::unsupported(op, "this element type");
    int64_t perElem = width == 64 ? 2 : 1;   // words per element
    int64_t perBlock = 4 / perElem;           // elements per Philox block
    int64_t numElems = outType.getNumElements();
    int64_t numBlocks = (numElems + perBlock - 1) / perBlock;

    Type i32 = rewriter.getI32Type(), i64 = rewriter.getI64Type();
    auto read = [&](int64_t i) {
      return tensor::ExtractOp::create(rewriter, loc, state,
                                       ValueRange{indexConst(rewriter, loc, i)})
          .getResult();
    };
    Value key = read(0), ctrLo = read(1);
    Value ctrHi = stateType.getDimSize(0) == 3 ? read(2) : i64c(rewriter, loc, 0);
    auto halves = [&](OpBuilder &b, Location l, Value v) -> std::pair<Value, Value> {
      return {arith::TruncIOp::create(b, l, i32, v),
              arith::TruncIOp::create(
                  b, l, i32, arith::ShRUIOp::create(b, l, v, i64c(b, l, 32)))};
    };
    auto [k0, k1] = halves(rewriter, loc, key);
    auto [c2, c3] = halves(rewriter, loc, ctrHi);

    int64_t rank = outType.getRank();
    SmallVector<int64_t> strides(rank, 1);
    for (int64_t d = rank - 2; d >= 0; --d)
      strides[d] = strides[d + 1] * outType.getDimSize(d + 1);
    Value output = createIndexGeneric(
        rewriter, loc, outType, [&](OpBuilder &b, Location l, ValueRange) {
          Value linear = indexConst(b, l, 0);
          for (int64_t d = 0; d < rank; ++d)
            linear = arith::AddIOp::create(
                b, l, linear,
                arith::MulIOp::create(b, l, linalg::IndexOp::create(b, l, d),
                                      indexConst(b, l, strides[d])));
          Value block = arith::DivUIOp::create(b, l, linear, indexConst(b, l, perBlock));
          Value slot = arith::RemUIOp::create(b, l, linear, indexConst(b, l, perBlock));
          Value ctr = arith::AddIOp::create(
              b, l, ctrLo, arith::IndexCastUIOp::create(b, l, i64, block));
          auto [c0, c1] = halves(b, l, ctr);
          SmallVector<Value> words = philox(b, l, {c0, c1, c2, c3}, k0, k1);
          // The slot-th word (or word pair) of the block.
          auto pick = [&](ArrayRef<Value> choices) {
            Value v = choices[0];
            for (int64_t s = 1; s < (int64_t)choices.size(); ++s) {
              Value is = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, slot,
                                               indexConst(b, l, s));
              v = arith::SelectOp::create(b, l, is, choices[s], v);
            }
            return v;
          };
          Value bits;
          if (perElem == 2) {
            Value lo = pick({words[0], words[2]}), hi = pick({words[1], words[3]});
            bits = arith::OrIOp::create(
                b, l, arith::ExtUIOp::create(b, l, i64, lo),
                arith::ShLIOp::create(b, l, arith::ExtUIOp::create(b, l, i64, hi),
                                      i64c(b, l, 32)));
          } else {
            bits = pick(words);
            if (width < 32)
              bits = arith::TruncIOp::create(b, l, b.getIntegerType(width), bits);
          }
          if (isa<FloatType>(elem))
            bits = arith::BitcastOp::create(b, l, elem, bits);
          linalg::YieldOp::create(b, l, bits);
        });
    Value newCtr = arith::AddIOp::create(rewriter, loc, ctrLo, i64c(rewriter, loc, numBlocks));
    Value newState = tensor::InsertOp::create(rewriter, loc, newCtr, state,
                                              ValueRange{indexConst(rewriter, loc, 1)});
    rewriter.replaceOp(op, ValueRange{newState, output});
    return success();
  }
};

} // namespace

void mlir::byteir::shlo_part2::populateRngPatterns(const TypeConverter &tc,
                                                   RewritePatternSet &patterns) {
  patterns.add<RngBitGeneratorLowering>(tc, patterns.getContext());
}
