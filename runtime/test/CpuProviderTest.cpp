// The CPU provider's callees run through Session: MatmulOp and ConvOp (oneDNN)
// against straightforward reference loops on fresh random inputs, CopyOp, chains of
// ops over arena buffers, ops refused at load (each message checked), and one
// Session serving many threads at once.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstring>
#include <random>
#include <thread>

#include "TestArtifacts.h"
#include "brt/Artifact.h"
#include "brt/Session.h"

namespace brt {
namespace {

#ifdef BRT_TEST_WITH_DNNL
#define REQUIRE_DNNL() (void)0
#else
#define REQUIRE_DNNL() GTEST_SKIP() << "brt was built without oneDNN"
#endif

using Attrs = std::vector<Attribute>;

struct Operand {
  std::string name;
  DType dtype;
  Shape shape;
};

// "main"(inputs..., outputs...) with one buffer per argument and the one op
// `callee`(inputs) -> outputs.
ArtifactBuilder oneOpBuilder(const std::string& callee, const std::vector<Operand>& inputs,
                             const std::vector<Operand>& outputs, Attrs attrs = {}) {
  ArtifactBuilder builder;
  builder.addDevice({"cpu", DeviceKind::CPU, 0, 0});
  FunctionDesc f;
  f.name = "main";
  OpDesc op;
  op.callee = callee;
  op.attrs = std::move(attrs);
  auto add = [&](const Operand& operand, ArgKind kind, std::vector<uint32_t>& list) {
    uint32_t index = static_cast<uint32_t>(f.arguments.size());
    f.arguments.push_back({operand.name, operand.dtype, operand.shape, kind, 0, std::nullopt});
    uint64_t bytes = byteSize(operand.dtype, operand.shape).value();
    f.buffers.push_back({BufferKind::Argument, index, 0, bytes, operand.dtype, operand.shape});
    list.push_back(index);
  };
  for (const Operand& operand : inputs) add(operand, ArgKind::Input, op.inputs);
  for (const Operand& operand : outputs) add(operand, ArgKind::Output, op.outputs);
  f.ops.push_back(std::move(op));
  builder.addFunction(std::move(f));
  return builder;
}

StatusOr<Session> sessionOf(const ArtifactBuilder& builder) {
  BRT_ASSIGN_OR_RETURN(std::vector<uint8_t> bytes, builder.finish());
  BRT_ASSIGN_OR_RETURN(Artifact artifact, Artifact::loadBytes(bytes.data(), bytes.size()));
  return Session::fromArtifact(std::move(artifact));
}

Tensor randomTensor(const Shape& shape, std::mt19937_64& rng) {
  Tensor t = Tensor::create(DType::F32, shape).value();
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  float* data = t.dataAs<float>();
  for (int64_t i = 0; i < t.numElements(); ++i) data[i] = dist(rng);
  return t;
}

StatusOr<std::vector<Tensor>> runWith(const Session& session, const std::vector<Tensor>& inputs) {
  RequestContext request(session);
  for (size_t i = 0; i < inputs.size(); ++i)
    BRT_RETURN_IF_ERROR(request.bindInput(i, inputs[i].view()));
  return request.run();
}

// A reference result: the exact value (in double) and the sum of the magnitudes of
// its terms, which bounds the float rounding error of any summation order.
struct Reference {
  std::vector<double> value, magnitude;
};

// How many elements of `got` are off; reports the first few.
int countMismatches(const Tensor& got, const Reference& want, const std::string& what) {
  const float* data = got.dataAs<float>();
  EXPECT_EQ(static_cast<size_t>(got.numElements()), want.value.size()) << what;
  int bad = 0;
  for (size_t i = 0; i < want.value.size() && i < static_cast<size_t>(got.numElements()); ++i) {
    double tolerance = 1e-5 * want.magnitude[i] + 1e-6;
    if (!(std::fabs(data[i] - want.value[i]) <= tolerance) && ++bad <= 5)
      ADD_FAILURE() << what << ": element " << i << " is " << data[i] << ", expected "
                    << want.value[i] << " (tolerance " << tolerance << ")";
  }
  return bad;
}

// ---------------------------------------------------------------------------------
// MatmulOp

struct MatmulCase {
  Shape batch;
  int64_t m, k, n;
  bool lhsTranspose = false, rhsTranspose = false;

  Shape shapeA() const { return with(lhsTranspose ? k : m, lhsTranspose ? m : k); }
  Shape shapeB() const { return with(rhsTranspose ? n : k, rhsTranspose ? k : n); }
  Shape shapeC() const { return with(m, n); }
  Shape with(int64_t rows, int64_t cols) const {
    Shape s = batch;
    s.push_back(rows);
    s.push_back(cols);
    return s;
  }
  std::string name() const {
    return "matmul A" + shapeToString(shapeA()) + (lhsTranspose ? "^T" : "") + " x B" +
           shapeToString(shapeB()) + (rhsTranspose ? "^T" : "");
  }
};

Attrs matmulAttrs(const MatmulCase& c) {
  return {{"lhs_transpose", c.lhsTranspose}, {"rhs_transpose", c.rhsTranspose}};
}

ArtifactBuilder matmulBuilder(const MatmulCase& c) {
  return oneOpBuilder("MatmulOp",
                      {{"a", DType::F32, c.shapeA()}, {"b", DType::F32, c.shapeB()}},
                      {{"c", DType::F32, c.shapeC()}}, matmulAttrs(c));
}

Reference referenceMatmul(const MatmulCase& c, const Tensor& a, const Tensor& b) {
  int64_t batch = 1;
  for (int64_t d : c.batch) batch *= d;
  const float* A = a.dataAs<float>();
  const float* B = b.dataAs<float>();
  Reference ref;
  for (int64_t p = 0; p < batch; ++p)
    for (int64_t i = 0; i < c.m; ++i)
      for (int64_t j = 0; j < c.n; ++j) {
        double sum = 0, magnitude = 0;
        for (int64_t l = 0; l < c.k; ++l) {
          double x = c.lhsTranspose ? A[p * c.m * c.k + l * c.m + i]
                                    : A[p * c.m * c.k + i * c.k + l];
          double y = c.rhsTranspose ? B[p * c.k * c.n + j * c.k + l]
                                    : B[p * c.k * c.n + l * c.n + j];
          sum += x * y;
          magnitude += std::fabs(x * y);
        }
        ref.value.push_back(sum);
        ref.magnitude.push_back(magnitude);
      }
  return ref;
}

void checkMatmul(const MatmulCase& c, std::mt19937_64& rng, int runs = 2) {
  SCOPED_TRACE(c.name());
  StatusOr<Session> session = sessionOf(matmulBuilder(c));
  ASSERT_TRUE(session.ok()) << session.status();
  for (int run = 0; run < runs; ++run) {  // fresh inputs each run, same primitive
    std::vector<Tensor> inputs;
    inputs.push_back(randomTensor(c.shapeA(), rng));
    inputs.push_back(randomTensor(c.shapeB(), rng));
    StatusOr<std::vector<Tensor>> outputs = runWith(*session, inputs);
    ASSERT_TRUE(outputs.ok()) << outputs.status();
    ASSERT_EQ((*outputs)[0].shape(), c.shapeC());
    EXPECT_EQ(countMismatches((*outputs)[0], referenceMatmul(c, inputs[0], inputs[1]), c.name()),
              0);
  }
}

TEST(MatmulOp, MatchesReference) {
  REQUIRE_DNNL();
  std::mt19937_64 rng = test::freshRng();
  const MatmulCase cases[] = {
      {{}, 3, 5, 4},                  // non-square
      {{}, 1, 7, 1},                  // dot product
      {{}, 17, 1, 9},                 // outer product
      {{}, 33, 65, 31},               // odd sizes
      {{}, 64, 128, 96},              // blocked sizes
      {{2}, 7, 9, 5},                 // batched
      {{2, 3}, 4, 6, 5},              // two batch dims
      {{1}, 5, 3, 2},                 // batch of one
      {{}, 6, 4, 5, true, false},     // A transposed
      {{}, 6, 4, 5, false, true},     // B transposed
      {{}, 6, 4, 5, true, true},      // both
      {{3}, 8, 16, 12, true, false},  // batched, transposed
      {{3}, 8, 16, 12, false, true},
      {{2, 2}, 5, 7, 3, true, true},
      {{}, 1, 9, 6, true, true},  // a row, transposed
  };
  for (const MatmulCase& c : cases) checkMatmul(c, rng);
}

TEST(MatmulOp, AbsentTransposeAttributesMeanFalse) {
  REQUIRE_DNNL();
  std::mt19937_64 rng = test::freshRng();
  MatmulCase c{{2}, 4, 3, 5};
  StatusOr<Session> session = sessionOf(oneOpBuilder(
      "MatmulOp", {{"a", DType::F32, c.shapeA()}, {"b", DType::F32, c.shapeB()}},
      {{"c", DType::F32, c.shapeC()}}));
  ASSERT_TRUE(session.ok()) << session.status();
  std::vector<Tensor> inputs;
  inputs.push_back(randomTensor(c.shapeA(), rng));
  inputs.push_back(randomTensor(c.shapeB(), rng));
  StatusOr<std::vector<Tensor>> outputs = runWith(*session, inputs);
  ASSERT_TRUE(outputs.ok()) << outputs.status();
  EXPECT_EQ(countMismatches((*outputs)[0], referenceMatmul(c, inputs[0], inputs[1]), "c"), 0);
}

// Empty dims need no library: an empty C is left alone, an empty K gives zeros.
TEST(MatmulOp, EmptyDims) {
  std::mt19937_64 rng = test::freshRng();
  const MatmulCase cases[] = {{{}, 0, 4, 3}, {{}, 3, 4, 0}, {{0}, 2, 3, 4}, {{}, 3, 0, 4},
                              {{2}, 2, 0, 5, true, true}};
  for (const MatmulCase& c : cases) checkMatmul(c, rng, 1);
}

// ---------------------------------------------------------------------------------
// ConvOp

struct ConvCase {
  int64_t n, h, w, c, kh, kw, o;
  std::vector<int64_t> strides = {1, 1};
  std::vector<int64_t> padding = {0, 0, 0, 0};
  std::vector<int64_t> dilations = {1, 1};
  int64_t groups = 1;

  int64_t outSize(int64_t in, int64_t pad, int64_t k, int64_t d, int64_t s) const {
    int64_t span = d * (k - 1) + 1;
    return in + pad < span ? 0 : (in + pad - span) / s + 1;
  }
  int64_t oh() const { return outSize(h, padding[0] + padding[1], kh, dilations[0], strides[0]); }
  int64_t ow() const { return outSize(w, padding[2] + padding[3], kw, dilations[1], strides[1]); }
  Shape shapeX() const { return {n, h, w, c}; }
  Shape shapeW() const { return {kh, kw, c / groups, o}; }
  Shape shapeY() const { return {n, oh(), ow(), o}; }
  std::string name() const {
    return "conv X" + shapeToString(shapeX()) + " W" + shapeToString(shapeW()) + " strides " +
           shapeToString(strides) + " padding " + shapeToString(padding) + " dilations " +
           shapeToString(dilations) + " groups " + std::to_string(groups);
  }
};

Attrs convAttrs(const ConvCase& c) {
  return {{"strides", c.strides},
          {"padding", c.padding},
          {"dilations", c.dilations},
          {"feature_group_count", c.groups}};
}

ArtifactBuilder convBuilder(const ConvCase& c) {
  return oneOpBuilder("ConvOp", {{"x", DType::F32, c.shapeX()}, {"w", DType::F32, c.shapeW()}},
                      {{"y", DType::F32, c.shapeY()}}, convAttrs(c));
}

Reference referenceConv(const ConvCase& c, const Tensor& x, const Tensor& w) {
  const float* X = x.dataAs<float>();
  const float* W = w.dataAs<float>();
  int64_t cg = c.c / c.groups, og = c.o / c.groups;
  Reference ref;
  for (int64_t b = 0; b < c.n; ++b)
    for (int64_t oy = 0; oy < c.oh(); ++oy)
      for (int64_t ox = 0; ox < c.ow(); ++ox)
        for (int64_t oc = 0; oc < c.o; ++oc) {
          int64_t g = oc / og;
          double sum = 0, magnitude = 0;
          for (int64_t ky = 0; ky < c.kh; ++ky)
            for (int64_t kx = 0; kx < c.kw; ++kx) {
              int64_t iy = oy * c.strides[0] - c.padding[0] + ky * c.dilations[0];
              int64_t ix = ox * c.strides[1] - c.padding[2] + kx * c.dilations[1];
              if (iy < 0 || iy >= c.h || ix < 0 || ix >= c.w) continue;
              for (int64_t ic = 0; ic < cg; ++ic) {
                double v = X[((b * c.h + iy) * c.w + ix) * c.c + g * cg + ic];
                double k = W[((ky * c.kw + kx) * cg + ic) * c.o + oc];
                sum += v * k;
                magnitude += std::fabs(v * k);
              }
            }
          ref.value.push_back(sum);
          ref.magnitude.push_back(magnitude);
        }
  return ref;
}

void checkConv(const ConvCase& c, std::mt19937_64& rng, int runs = 2) {
  SCOPED_TRACE(c.name());
  StatusOr<Session> session = sessionOf(convBuilder(c));
  ASSERT_TRUE(session.ok()) << session.status();
  for (int run = 0; run < runs; ++run) {
    std::vector<Tensor> inputs;
    inputs.push_back(randomTensor(c.shapeX(), rng));
    inputs.push_back(randomTensor(c.shapeW(), rng));  // weights are inputs: fresh every run
    StatusOr<std::vector<Tensor>> outputs = runWith(*session, inputs);
    ASSERT_TRUE(outputs.ok()) << outputs.status();
    ASSERT_EQ((*outputs)[0].shape(), c.shapeY());
    EXPECT_EQ(countMismatches((*outputs)[0], referenceConv(c, inputs[0], inputs[1]), c.name()), 0);
  }
}

TEST(ConvOp, MatchesReference) {
  REQUIRE_DNNL();
  std::mt19937_64 rng = test::freshRng();
  const ConvCase cases[] = {
      {2, 7, 6, 3, 3, 3, 4},                                  // valid 3x3
      {1, 5, 5, 8, 1, 1, 16},                                 // 1x1
      {2, 9, 8, 3, 3, 3, 5, {2, 2}},                          // stride 2
      {1, 8, 7, 4, 3, 3, 6, {1, 1}, {1, 1, 1, 1}},            // same padding
      {2, 9, 9, 3, 3, 2, 4, {2, 2}, {1, 1, 1, 1}},            // stride 2 + padding
      {1, 6, 7, 2, 3, 3, 3, {1, 1}, {0, 2, 1, 0}},            // asymmetric padding
      {1, 10, 9, 3, 3, 3, 4, {1, 1}, {0, 0, 0, 0}, {2, 2}},   // dilation 2
      {2, 8, 8, 3, 3, 3, 2, {1, 1}, {2, 2, 2, 2}, {2, 2}},    // dilation 2 + padding
      {1, 7, 6, 4, 3, 3, 6, {1, 1}, {1, 1, 1, 1}, {1, 1}, 2}, // groups 2
      {2, 8, 8, 8, 3, 3, 8, {1, 1}, {1, 1, 1, 1}, {1, 1}, 8}, // depthwise
      {1, 8, 8, 4, 3, 3, 8, {1, 1}, {1, 1, 1, 1}, {1, 1}, 4}, // depthwise, multiplier 2
      {2, 11, 10, 4, 3, 2, 6, {2, 1}, {1, 0, 2, 1}, {1, 2}, 2},  // everything at once
      {1, 16, 16, 32, 3, 3, 64, {1, 1}, {1, 1, 1, 1}},           // a ResNet-like layer
      {1, 4, 4, 3, 5, 5, 2, {1, 1}, {2, 2, 2, 2}},               // window larger than input
  };
  for (const ConvCase& c : cases) checkConv(c, rng);
}

// No input channels: zeros; the window does not fit: an empty Y.
TEST(ConvOp, EmptyDims) {
  std::mt19937_64 rng = test::freshRng();
  checkConv({1, 4, 4, 0, 3, 3, 2}, rng, 1);
  checkConv({1, 2, 5, 3, 3, 3, 2}, rng, 1);  // OH = 0
  checkConv({0, 4, 4, 3, 3, 3, 2}, rng, 1);
}

// ---------------------------------------------------------------------------------
// CopyOp and chains of ops over arena buffers

TEST(CopyOp, CopiesBytes) {
  std::mt19937_64 rng = test::freshRng();
  // A copy may reinterpret: f32[3, 4] into i32[12] (equal byte sizes).
  StatusOr<Session> session = sessionOf(
      oneOpBuilder("CopyOp", {{"src", DType::F32, {3, 4}}}, {{"dst", DType::I32, {12}}}));
  ASSERT_TRUE(session.ok()) << session.status();
  std::vector<Tensor> inputs;
  inputs.push_back(randomTensor({3, 4}, rng));
  StatusOr<std::vector<Tensor>> outputs = runWith(*session, inputs);
  ASSERT_TRUE(outputs.ok()) << outputs.status();
  EXPECT_EQ(std::memcmp((*outputs)[0].data(), inputs[0].data(), 48), 0);
}

// a -> arena (CopyOp), matmul(arena, b) -> arena, conv over the matmul's result
// (viewed as NHWC) into the arena, then a copy out: every op reads and writes
// arena buffers.
TEST(CpuProvider, ChainOverArenaBuffers) {
  REQUIRE_DNNL();
  std::mt19937_64 rng = test::freshRng();
  MatmulCase mm{{}, 36, 5, 4};     // C [36, 4] == NHWC [1, 6, 6, 4]
  ConvCase cv{1, 6, 6, 4, 3, 3, 2, {1, 1}, {1, 1, 1, 1}};  // Y [1, 6, 6, 2]
  ArtifactBuilder builder;
  builder.addDevice({"cpu", DeviceKind::CPU, 0, 4096});
  FunctionDesc f;
  f.name = "main";
  f.arguments = {{"a", DType::F32, mm.shapeA(), ArgKind::Input, 0, std::nullopt},
                 {"b", DType::F32, mm.shapeB(), ArgKind::Input, 0, std::nullopt},
                 {"w", DType::F32, cv.shapeW(), ArgKind::Input, 0, std::nullopt},
                 {"y", DType::F32, cv.shapeY(), ArgKind::Output, 0, std::nullopt}};
  f.buffers = {{BufferKind::Argument, 0, 0, 720, DType::F32, mm.shapeA()},
               {BufferKind::Argument, 1, 0, 80, DType::F32, mm.shapeB()},
               {BufferKind::Argument, 2, 0, 288, DType::F32, cv.shapeW()},
               {BufferKind::Argument, 3, 0, 288, DType::F32, cv.shapeY()},
               {BufferKind::Arena, 0, 0, 720, DType::F32, mm.shapeA()},      // 4: copy of a
               {BufferKind::Arena, 0, 768, 576, DType::F32, mm.shapeC()},    // 5: a x b
               {BufferKind::Arena, 0, 768, 576, DType::F32, cv.shapeX()},    // 6: same, NHWC
               {BufferKind::Arena, 0, 0, 288, DType::F32, cv.shapeY()}};     // 7: reuses 4
  f.ops = {{"CopyOp", {0}, {4}, {}, 0, -1},
           {"MatmulOp", {4, 1}, {5}, matmulAttrs(mm), 0, -1},
           {"ConvOp", {6, 2}, {7}, convAttrs(cv), 0, -1},
           {"CopyOp", {7}, {3}, {}, 0, -1}};
  builder.addFunction(std::move(f));
  StatusOr<Session> session = sessionOf(builder);
  ASSERT_TRUE(session.ok()) << session.status();
  for (int run = 0; run < 3; ++run) {
    std::vector<Tensor> inputs;
    inputs.push_back(randomTensor(mm.shapeA(), rng));
    inputs.push_back(randomTensor(mm.shapeB(), rng));
    inputs.push_back(randomTensor(cv.shapeW(), rng));
    StatusOr<std::vector<Tensor>> outputs = runWith(*session, inputs);
    ASSERT_TRUE(outputs.ok()) << outputs.status();
    // The reference: the matmul in double, rounded to float as the arena holds it.
    Reference product = referenceMatmul(mm, inputs[0], inputs[1]);
    Tensor x = Tensor::create(DType::F32, cv.shapeX()).value();
    for (size_t i = 0; i < product.value.size(); ++i)
      x.dataAs<float>()[i] = static_cast<float>(product.value[i]);
    Reference want = referenceConv(cv, x, inputs[2]);
    // The matmul's own rounding travels through the conv: widen the bound by it.
    for (double& m : want.magnitude) m *= 4;
    EXPECT_EQ(countMismatches((*outputs)[0], want, "chain"), 0);
  }
}

// ---------------------------------------------------------------------------------
// Ops refused at load

Status loadError(const ArtifactBuilder& builder) {
  StatusOr<Session> session = sessionOf(builder);
  return session.ok() ? okStatus() : session.status();
}

void expectRefused(const ArtifactBuilder& builder, StatusCode code, const std::string& message) {
  Status status = loadError(builder);
  EXPECT_EQ(status.code(), code) << status;
  EXPECT_EQ(status.message(), message);
}

ArtifactBuilder matmulOf(const Shape& a, const Shape& b, const Shape& c, Attrs attrs = {},
                         DType dtype = DType::F32) {
  return oneOpBuilder("MatmulOp", {{"a", dtype, a}, {"b", DType::F32, b}},
                      {{"c", DType::F32, c}}, std::move(attrs));
}

TEST(MatmulOp, RefusesBadOps) {
  expectRefused(matmulOf({2, 3}, {3, 4}, {2, 4}, {}, DType::F16), StatusCode::Unsupported,
                "op 0 (MatmulOp): A is f16[2, 3]; MatmulOp supports f32 only");
  expectRefused(matmulOf({2, 3}, {4, 5}, {2, 5}), StatusCode::Corrupt,
                "op 0 (MatmulOp): A f32[2, 3] and B f32[4, 5] do not contract: K is 3 in A "
                "and 4 in B");
  expectRefused(matmulOf({3, 2}, {4, 5}, {2, 5}, {{"lhs_transpose", true}}),
                StatusCode::Corrupt,
                "op 0 (MatmulOp): A f32[3, 2] (transposed) and B f32[4, 5] do not contract: K "
                "is 3 in A and 4 in B");
  expectRefused(matmulOf({2, 3}, {3, 4}, {4, 2}), StatusCode::Corrupt,
                "op 0 (MatmulOp): C is f32[4, 2] but op(A) x op(B) is f32[2, 4]");
  expectRefused(matmulOf({2, 2, 3}, {3, 3, 4}, {2, 2, 4}), StatusCode::Corrupt,
                "op 0 (MatmulOp): batch dim 0 differs: A is f32[2, 2, 3], B is f32[3, 3, 4], "
                "C is f32[2, 2, 4]");
  expectRefused(matmulOf({2, 2, 3}, {3, 4}, {2, 2, 4}), StatusCode::Corrupt,
                "op 0 (MatmulOp): A, B and C have ranks 3, 2 and 3; they must be equal");
  expectRefused(matmulOf({3}, {3}, {}), StatusCode::Corrupt,
                "op 0 (MatmulOp): A is f32[3]; it needs rank 2 or more");
  expectRefused(matmulOf({2, 3}, {3, 4}, {2, 4}, {{"lhs_transpose", int64_t(1)}}),
                StatusCode::Corrupt,
                "op 0 (MatmulOp): attribute 'lhs_transpose' must be a bool, not an int");
  expectRefused(matmulOf({2, 3}, {3, 4}, {2, 4}, {{"alpha", 2.0}}), StatusCode::Unsupported,
                "op 0 (MatmulOp): unknown attribute 'alpha' (MatmulOp takes lhs_transpose, "
                "rhs_transpose)");
  expectRefused(oneOpBuilder("MatmulOp", {{"a", DType::F32, {2, 3}}},
                             {{"c", DType::F32, {2, 3}}}),
                StatusCode::Corrupt, "op 0 (MatmulOp): needs 2 inputs and 1 output, not 1 and 1");
}

ArtifactBuilder convOf(const Shape& x, const Shape& w, const Shape& y, Attrs attrs) {
  return oneOpBuilder("ConvOp", {{"x", DType::F32, x}, {"w", DType::F32, w}},
                      {{"y", DType::F32, y}}, std::move(attrs));
}

Attrs withAttr(Attrs attrs, const std::string& name, std::optional<AttrValue> value) {
  for (auto it = attrs.begin(); it != attrs.end(); ++it)
    if (it->name == name) {
      if (value)
        it->value = *value;
      else
        attrs.erase(it);
      return attrs;
    }
  attrs.push_back({name, *value});
  return attrs;
}

TEST(ConvOp, RefusesBadOps) {
  ConvCase c{1, 6, 6, 4, 3, 3, 2, {1, 1}, {1, 1, 1, 1}};
  Attrs good = convAttrs(c);
  auto refused = [&](Attrs attrs, StatusCode code, const std::string& message) {
    expectRefused(convOf(c.shapeX(), c.shapeW(), c.shapeY(), std::move(attrs)), code, message);
  };
  refused(withAttr(good, "strides", std::nullopt), StatusCode::Corrupt,
          "op 0 (ConvOp): needs an int-array attribute 'strides'");
  refused(withAttr(good, "feature_group_count", std::nullopt), StatusCode::Corrupt,
          "op 0 (ConvOp): needs an int attribute 'feature_group_count'");
  refused(withAttr(good, "padding", std::vector<int64_t>{1, 1}), StatusCode::Corrupt,
          "op 0 (ConvOp): attribute 'padding' has 2 values, not 4");
  refused(withAttr(good, "padding", std::vector<int64_t>{1, -1, 1, 1}), StatusCode::Unsupported,
          "op 0 (ConvOp): negative padding [1, -1, 1, 1] is not supported");
  refused(withAttr(good, "dilations", int64_t(2)), StatusCode::Corrupt,
          "op 0 (ConvOp): attribute 'dilations' must be an int array, not an int");
  refused(withAttr(good, "strides", std::vector<int64_t>{0, 1}), StatusCode::Corrupt,
          "op 0 (ConvOp): strides [0, 1] must be >= 1");
  refused(withAttr(good, "dilations", std::vector<int64_t>{1, 0}), StatusCode::Corrupt,
          "op 0 (ConvOp): dilations [1, 0] must be >= 1");
  refused(withAttr(good, "feature_group_count", int64_t(0)), StatusCode::Corrupt,
          "op 0 (ConvOp): feature_group_count 0 must be >= 1");
  refused(withAttr(good, "feature_group_count", int64_t(3)), StatusCode::Corrupt,
          "op 0 (ConvOp): feature_group_count 3 does not divide the 4 input and 2 output "
          "channels");
  refused(withAttr(good, "feature_group_count", int64_t(2)), StatusCode::Corrupt,
          "op 0 (ConvOp): W is f32[3, 3, 4, 2] but X f32[1, 6, 6, 4] in 2 groups has 2 input "
          "channels per group");
  refused(withAttr(good, "lhs_dilation", std::vector<int64_t>{2, 2}), StatusCode::Unsupported,
          "op 0 (ConvOp): unknown attribute 'lhs_dilation' (ConvOp takes strides, padding, "
          "dilations, feature_group_count)");
  // Y does not match the formula (stride 2 gives 3x3).
  refused(withAttr(good, "strides", std::vector<int64_t>{2, 2}), StatusCode::Corrupt,
          "op 0 (ConvOp): Y is f32[1, 6, 6, 2] but the convolution of X f32[1, 6, 6, 4] by W "
          "f32[3, 3, 4, 2] gives f32[1, 3, 3, 2] (strides [2, 2], padding [1, 1, 1, 1], "
          "dilations [1, 1])");
  expectRefused(convOf({1, 6, 6, 4}, {3, 3, 4}, {1, 6, 6, 2}, good), StatusCode::Corrupt,
                "op 0 (ConvOp): W is f32[3, 3, 4]; it must be HWIO (rank 4)");
  expectRefused(convOf({1, 6, 6, 4}, {3, 3, 4, 2}, {1, 6, 6, 3}, good), StatusCode::Corrupt,
                "op 0 (ConvOp): Y is f32[1, 6, 6, 3] but the convolution of X f32[1, 6, 6, 4] "
                "by W f32[3, 3, 4, 2] gives f32[1, 6, 6, 2] (strides [1, 1], padding [1, 1, 1, "
                "1], dilations [1, 1])");
  expectRefused(convOf({1, 6, 6, 4}, {0, 3, 4, 2}, {1, 6, 6, 2}, good), StatusCode::Unsupported,
                "op 0 (ConvOp): W is f32[0, 3, 4, 2]: an empty window is not supported");
  expectRefused(oneOpBuilder("ConvOp", {{"x", DType::I32, c.shapeX()}, {"w", DType::F32, c.shapeW()}},
                             {{"y", DType::F32, c.shapeY()}}, good),
                StatusCode::Unsupported, "op 0 (ConvOp): X is i32[1, 6, 6, 4]; ConvOp supports "
                                         "f32 only");
}

TEST(CpuProvider, RefusesUnknownCallee) {
  expectRefused(oneOpBuilder("FooOp", {{"a", DType::F32, {2}}}, {{"b", DType::F32, {2}}}),
                StatusCode::Unsupported, "op 0 calls 'FooOp', which no provider serves");
}

TEST(CpuProvider, RefusesKernelCallWithoutKernel) {
  expectRefused(oneOpBuilder("LLVMKernelOp", {{"a", DType::F32, {2}}}, {{"b", DType::F32, {2}}},
                             {{"kernel_name", std::string("main_entry")}}),
                StatusCode::Corrupt,
                "op 0 (LLVMKernelOp): needs a kernel and a string attribute 'kernel_name'");
}

TEST(CopyOp, RefusesAttributes) {
  expectRefused(oneOpBuilder("CopyOp", {{"a", DType::F32, {2}}}, {{"b", DType::F32, {2}}},
                             {{"async", true}}),
                StatusCode::Unsupported,
                "op 0 (CopyOp): unknown attribute 'async' (CopyOp takes none)");
}

// Built without oneDNN, brt refuses the library ops at load (and runs the rest).
TEST(CpuProvider, LibraryOpsNeedOneDNN) {
#ifdef BRT_TEST_WITH_DNNL
  GTEST_SKIP() << "brt was built with oneDNN";
#else
  expectRefused(matmulBuilder({{}, 2, 3, 4}), StatusCode::Unsupported,
                "op 0 (MatmulOp): this runtime was built without oneDNN, which serves "
                "MatmulOp and ConvOp");
#endif
}

// The planner may reuse arena bytes, but never for an output that a library op is
// still reading.
TEST(CpuProvider, RefusesOutputOverlappingAnInput) {
  ArtifactBuilder builder;
  builder.addDevice({"cpu", DeviceKind::CPU, 0, 1024});
  FunctionDesc f;
  f.name = "main";
  f.arguments = {{"y", DType::F32, {4, 4}, ArgKind::Output, 0, std::nullopt}};
  f.buffers = {{BufferKind::Arena, 0, 0, 64, DType::F32, {4, 4}},
               {BufferKind::Arena, 0, 64, 64, DType::F32, {4, 4}},
               {BufferKind::Arena, 0, 32, 64, DType::F32, {4, 4}},
               {BufferKind::Argument, 0, 0, 64, DType::F32, {4, 4}}};
  f.ops = {{"MatmulOp", {0, 1}, {2}, {}, 0, -1}, {"CopyOp", {2}, {3}, {}, 0, -1}};
  builder.addFunction(std::move(f));
  expectRefused(builder, StatusCode::Corrupt,
                "op 0 (MatmulOp): output C (buffer 2) overlaps input A (buffer 0)");
}

// ---------------------------------------------------------------------------------
// One Session, many threads

TEST(CpuProvider, ConcurrentRequestsOnOneSession) {
  REQUIRE_DNNL();
  // y = conv(matmul(a, b) viewed as NHWC, w), z = copy(a): three library calls and a
  // copy per request, all threads sharing the primitives.
  MatmulCase mm{{2}, 25, 6, 8, false, true};       // C [2, 25, 8] == NHWC [2, 5, 5, 8]
  ConvCase cv{2, 5, 5, 8, 3, 3, 4, {2, 2}, {1, 1, 1, 1}, {1, 1}, 2};  // Y [2, 3, 3, 4]
  ArtifactBuilder builder;
  builder.addDevice({"cpu", DeviceKind::CPU, 0, 2048});
  FunctionDesc f;
  f.name = "main";
  f.arguments = {{"a", DType::F32, mm.shapeA(), ArgKind::Input, 0, std::nullopt},
                 {"b", DType::F32, mm.shapeB(), ArgKind::Input, 0, std::nullopt},
                 {"w", DType::F32, cv.shapeW(), ArgKind::Input, 0, std::nullopt},
                 {"y", DType::F32, cv.shapeY(), ArgKind::Output, 0, std::nullopt},
                 {"z", DType::F32, mm.shapeA(), ArgKind::Output, 0, std::nullopt}};
  f.buffers = {{BufferKind::Argument, 0, 0, 1200, DType::F32, mm.shapeA()},
               {BufferKind::Argument, 1, 0, 384, DType::F32, mm.shapeB()},
               {BufferKind::Argument, 2, 0, 576, DType::F32, cv.shapeW()},
               {BufferKind::Argument, 3, 0, 288, DType::F32, cv.shapeY()},
               {BufferKind::Argument, 4, 0, 1200, DType::F32, mm.shapeA()},
               {BufferKind::Arena, 0, 0, 1600, DType::F32, mm.shapeC()},
               {BufferKind::Arena, 0, 0, 1600, DType::F32, cv.shapeX()}};
  f.ops = {{"MatmulOp", {0, 1}, {5}, matmulAttrs(mm), 0, -1},
           {"ConvOp", {6, 2}, {3}, convAttrs(cv), 0, -1},
           {"CopyOp", {0}, {4}, {}, 0, -1}};
  builder.addFunction(std::move(f));
  StatusOr<Session> session = sessionOf(builder);
  ASSERT_TRUE(session.ok()) << session.status();

  constexpr int kThreads = 8, kRuns = 100;
  std::mt19937_64 seeds = test::freshRng();
  std::vector<uint64_t> threadSeeds;
  for (int t = 0; t < kThreads; ++t) threadSeeds.push_back(seeds());
  std::atomic<int> failures{0}, done{0};
  std::vector<std::string> firstFailure(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      std::mt19937_64 rng(threadSeeds[t]);
      for (int run = 0; run < kRuns; ++run) {
        std::vector<Tensor> inputs;
        inputs.push_back(randomTensor(mm.shapeA(), rng));
        inputs.push_back(randomTensor(mm.shapeB(), rng));
        inputs.push_back(randomTensor(cv.shapeW(), rng));
        StatusOr<std::vector<Tensor>> outputs = runWith(*session, inputs);
        auto fail = [&](const std::string& why) {
          if (failures++ == 0 || firstFailure[t].empty())
            firstFailure[t] = "thread " + std::to_string(t) + " run " + std::to_string(run) +
                              ": " + why;
        };
        if (!outputs.ok()) {
          fail(outputs.status().toString());
          continue;
        }
        Reference product = referenceMatmul(mm, inputs[0], inputs[1]);
        Tensor x = Tensor::create(DType::F32, cv.shapeX()).value();
        for (size_t i = 0; i < product.value.size(); ++i)
          x.dataAs<float>()[i] = static_cast<float>(product.value[i]);
        Reference want = referenceConv(cv, x, inputs[2]);
        const float* y = (*outputs)[0].dataAs<float>();
        for (size_t i = 0; i < want.value.size(); ++i)
          if (!(std::fabs(y[i] - want.value[i]) <= 4e-5 * want.magnitude[i] + 1e-6)) {
            fail("y[" + std::to_string(i) + "] = " + std::to_string(y[i]) + ", expected " +
                 std::to_string(want.value[i]));
            break;
          }
        if (std::memcmp((*outputs)[1].data(), inputs[0].data(), inputs[0].byteSize()) != 0)
          fail("z differs from a");
        ++done;
      }
    });
  for (std::thread& thread : threads) thread.join();
  for (const std::string& failure : firstFailure)
    if (!failure.empty()) ADD_FAILURE() << failure;
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(done.load(), kThreads * kRuns);
}

// Not a check: the single-request latency of a 64x512x1024 f32 matmul through
// Session (inputs bound, output allocated by run), printed for the record.
TEST(MatmulOp, Latency64x512x1024) {
  REQUIRE_DNNL();
  std::mt19937_64 rng = test::freshRng();
  MatmulCase c{{}, 64, 512, 1024};
  StatusOr<Session> session = sessionOf(matmulBuilder(c));
  ASSERT_TRUE(session.ok()) << session.status();
  Tensor a = randomTensor(c.shapeA(), rng), b = randomTensor(c.shapeB(), rng);
  Tensor out = Tensor::create(DType::F32, c.shapeC()).value();
  RequestContext request(*session);
  ASSERT_TRUE(request.bindInput(0, a.view()).ok());
  ASSERT_TRUE(request.bindInput(1, b.view()).ok());
  ASSERT_TRUE(request.bindOutput(0, out.mutableView()).ok());
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(request.run().ok());  // warm up
  std::vector<double> times;
  for (int i = 0; i < 50; ++i) {
    auto start = std::chrono::steady_clock::now();
    ASSERT_TRUE(request.run().ok());
    times.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
            .count());
  }
  std::sort(times.begin(), times.end());
  double gflops = 2.0 * 64 * 512 * 1024 / (times[times.size() / 2] * 1e3);
  std::cerr << "[ latency  ] MatmulOp 64x512x1024 f32: median " << times[times.size() / 2]
            << " us, min " << times.front() << " us (" << gflops << " GFLOP/s at the median, "
            << std::thread::hardware_concurrency() << " hardware threads)\n";
  // Check the result once.
  Reference want = referenceMatmul(c, a, b);
  EXPECT_EQ(countMismatches(out, want, c.name()), 0);
}

}  // namespace
}  // namespace brt
