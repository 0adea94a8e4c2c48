//===- TextOps.cpp - TfIdfVectorizer --------------------------------------===//
//
// TfIdfVectorizer on integer tokens: for each n-gram length and skip distance, the
// tokens at i, i + d, ..., i + (n - 1) d are compared with every pool n-gram (a
// broadcast equality, AND-ed over the n positions) and the matches counted over i.
// The counts are mapped to output slots (ngram_indexes) by a constant 0/1 matrix.
//
//===----------------------------------------------------------------------===//
#include "Converter.h"

using namespace mlir;
using namespace mlir::byteir::onnxfe;

namespace {

/// Matches of the pool n-grams `grams` (K x n, row-major) at skip distance `d` in x
/// [N, C], counted per row: [N, K] f32; null when no n-gram fits.
Value countMatches(OpBuilder &b, Location loc, Value x, ArrayRef<int64_t> grams, int64_t n,
                   int64_t d) {
  int64_t rows = shapeOf(x)[0], c = shapeOf(x)[1], k = grams.size() / n;
  int64_t starts = c - (n - 1) * d;
  if (starts <= 0)
    return {};
  SmallVector<int64_t> shape{rows, starts, k};
  Value all;
  for (int64_t j = 0; j < n; ++j) {
    Value tok = hlo::SliceOp::create(b, loc, x, SmallVector<int64_t>{0, j * d},
                                     SmallVector<int64_t>{rows, j * d + starts},
                                     SmallVector<int64_t>{1, 1});
    tok = hlo::BroadcastInDimOp::create(b, loc, RankedTensorType::get(shape, elemType(x)),
                                        tok, SmallVector<int64_t>{0, 1});
    SmallVector<int64_t> column;
    for (int64_t g = 0; g < k; ++g)
      column.push_back(grams[g * n + j]);
    Value want = hlo::BroadcastInDimOp::create(
        b, loc, RankedTensorType::get(shape, elemType(x)),
        intConst(b, loc, {k}, column, elemType(x)), SmallVector<int64_t>{2});
    Value eq = compare(b, loc, hlo::ComparisonDirection::EQ, tok, want);
    all = all ? Value(hlo::AndOp::create(b, loc, all, eq)) : eq;
  }
  Value hits = hlo::ConvertOp::create(b, loc, RankedTensorType::get(shape, b.getF32Type()), all);
  return reduce(b, loc, hits, {1}, ReduceKind::Sum, false);
}

LogicalResult convertTfIdfVectorizer(NodeContext &c) {
  Value x = c.in(0);
  if (c.has("pool_strings"))
    return c.unsupported("string pools");
  if (c.getString("mode", "") != "TF")
    return c.unsupported("mode '" + c.getString("mode", "") + "' (only TF)");
  if (!isa<IntegerType>(elemType(x)) || rankOf(x) < 1 || rankOf(x) > 2)
    return c.invalid("input must be a 1-D or 2-D integer tensor");
  int64_t minN = c.getInt("min_gram_length", 0), maxN = c.getInt("max_gram_length", 0);
  int64_t maxSkip = c.getInt("max_skip_count", 0);
  SmallVector<int64_t> pool = c.getInts("pool_int64s"), counts = c.getInts("ngram_counts"),
                       slots = c.getInts("ngram_indexes");
  if (minN < 1 || maxN < minN || (int64_t)counts.size() < maxN || slots.empty())
    return c.invalid("gram lengths, ngram_counts and ngram_indexes are inconsistent");
  bool flat = rankOf(x) == 1;
  if (flat)
    x = reshape(c.b, c.loc, x, {1, shapeOf(x)[0]});
  int64_t rows = shapeOf(x)[0];
  int64_t width = *llvm::max_element(slots) + 1;
  SmallVector<Value> perGram;   // [rows, K_n] counts, pool order
  int64_t gramIndex = 0;        // index of the first n-gram of length n in pool order
  SmallVector<double> slotMatrix;
  for (int64_t n = 1; n <= maxN; ++n) {
    int64_t begin = counts[n - 1], end = n < (int64_t)counts.size() ? counts[n] : pool.size();
    if (begin > end || end > (int64_t)pool.size() || (end - begin) % n)
      return c.invalid("ngram_counts do not split the pool into n-grams");
    int64_t k = (end - begin) / n;
    if (n >= minN && k > 0) {
      ArrayRef<int64_t> grams = ArrayRef<int64_t>(pool).slice(begin, end - begin);
      Value sum;
      // Unigrams are counted once; longer n-grams at every skip distance.
      for (int64_t d = 1; d <= (n == 1 ? 1 : maxSkip + 1); ++d)
        if (Value m = countMatches(c.b, c.loc, x, grams, n, d))
          sum = sum ? Value(hlo::AddOp::create(c.b, c.loc, sum, m)) : m;
      if (!sum)
        sum = splat(c.b, c.loc, RankedTensorType::get({rows, k}, c.b.getF32Type()), 0);
      perGram.push_back(sum);
      for (int64_t g = 0; g < k; ++g) {
        if (gramIndex + g >= (int64_t)slots.size())
          return c.invalid("ngram_indexes has fewer entries than the pool has n-grams");
        for (int64_t s = 0; s < width; ++s)
          slotMatrix.push_back(slots[gramIndex + g] == s ? 1.0 : 0.0);
      }
    }
    gramIndex += k;
  }
  Type f32 = c.b.getF32Type();
  auto outType = RankedTensorType::get({rows, width}, f32);
  Value out;
  if (perGram.empty()) {
    out = splat(c.b, c.loc, outType, 0);
  } else {
    Value all = perGram.size() == 1 ? perGram[0]
                                    : Value(hlo::ConcatenateOp::create(c.b, c.loc, perGram, 1));
    int64_t total = shapeOf(all)[1];
    SmallVector<Attribute> m;
    for (double v : slotMatrix)
      m.push_back(FloatAttr::get(f32, v));
    Value mat = attrConst(c.b, c.loc,
                          DenseElementsAttr::get(RankedTensorType::get({total, width}, f32), m));
    auto dn = hlo::DotDimensionNumbersAttr::get(c.b.getContext(), {}, {}, {1}, {0});
    out = hlo::DotGeneralOp::create(c.b, c.loc, outType, all, mat, dn, nullptr, nullptr);
  }
  c.results.push_back(flat ? reshape(c.b, c.loc, out, {width}) : out);
  return success();
}

} // namespace

void mlir::byteir::onnxfe::registerTextOps(Registry &r) {
  r.insert(r.end(), {
      {"TfIdfVectorizer", 9, kMaxOpset, convertTfIdfVectorizer,
       "max_gram_length,max_skip_count,min_gram_length,mode,ngram_counts,ngram_indexes,"
       "pool_int64s,pool_strings,weights",
       "integer tokens, mode=TF"},
  });
}
