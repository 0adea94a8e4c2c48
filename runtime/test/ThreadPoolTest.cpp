// brt::ThreadPool: every iteration runs exactly once in a fixed set of contiguous
// ranges, exceptions come back as statuses, many callers at once (and loops nested in
// loop bodies) finish; and the parallel-loop kernel ABI: a kernel object's
// __brt_parallel_for is pointed at the pool at load, also under concurrent requests.
#include "brt/ThreadPool.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include "TestArtifacts.h"
#include "brt/Artifact.h"
#include "brt/Session.h"

namespace brt {
namespace {

// Runs parallelFor(n) and checks that the ranges are disjoint, cover [0, n), number
// min(n, piecesPerLoop) and differ in length by at most one.
void expectStaticCover(ThreadPool& pool, int64_t n) {
  std::vector<std::atomic<int>> hits(static_cast<size_t>(std::max<int64_t>(n, 0)));
  std::mutex mutex;
  std::vector<std::pair<int64_t, int64_t>> ranges;
  Status status = pool.parallelFor(n, [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) hits[i]++;
    std::lock_guard<std::mutex> lock(mutex);
    ranges.emplace_back(begin, end);
  });
  ASSERT_TRUE(status.ok()) << status;
  for (int64_t i = 0; i < n; ++i) ASSERT_EQ(hits[i].load(), 1) << "iteration " << i;
  if (n <= 0) {
    EXPECT_TRUE(ranges.empty());
    return;
  }
  EXPECT_EQ(ranges.size(), static_cast<size_t>(std::min<int64_t>(n, pool.piecesPerLoop())));
  auto [shortest, longest] = std::minmax_element(
      ranges.begin(), ranges.end(), [](const auto& a, const auto& b) {
        return a.second - a.first < b.second - b.first;
      });
  EXPECT_LE((longest->second - longest->first) - (shortest->second - shortest->first), 1);
}

TEST(ThreadPool, CoversEveryIterationOnceWithStaticRanges) {
  for (size_t threads : {1u, 2u, 3u, 8u}) {
    ThreadPool pool(threads);
    EXPECT_EQ(pool.numThreads(), threads);
    for (int64_t n : {-3, 0, 1, 2, 7, 8, 9, 1000, 100003}) {
      SCOPED_TRACE("threads " + std::to_string(threads) + ", n " + std::to_string(n));
      expectStaticCover(pool, n);
    }
  }
}

TEST(ThreadPool, WorkersTakePart) {
  ThreadPool pool(4);
  // Each range waits (bounded) until all four have started: only possible if four
  // threads run them at the same time.
  std::atomic<int> started{0};
  std::mutex mutex;
  std::vector<std::thread::id> ids;
  Status status = pool.parallelFor(4, [&](int64_t, int64_t) {
    ++started;
    for (int spin = 0; started.load() < 4 && spin < 20000000; ++spin) std::this_thread::yield();
    std::lock_guard<std::mutex> lock(mutex);
    ids.push_back(std::this_thread::get_id());
  });
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(started.load(), 4);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::unique(ids.begin(), ids.end()) - ids.begin(), 4);
  EXPECT_NE(std::find(ids.begin(), ids.end(), std::this_thread::get_id()), ids.end())
      << "the caller runs a range itself";
}

TEST(ThreadPool, ExceptionsBecomeStatuses) {
  ThreadPool pool(3);
  std::atomic<int64_t> done{0};
  Status status = pool.parallelFor(3, [&](int64_t begin, int64_t end) {
    if (begin == 1) throw std::runtime_error("boom");
    done += end - begin;
  });
  EXPECT_EQ(status.code(), StatusCode::Internal);
  EXPECT_EQ(status.message(), "parallel loop: range [1, 2) threw boom");
  EXPECT_EQ(done.load(), 2) << "the other ranges still run";

  status = pool.parallelFor(2, [](int64_t, int64_t) { throw 42; });
  EXPECT_EQ(status.code(), StatusCode::Internal);
  EXPECT_NE(status.message().find("not a std::exception"), std::string::npos) << status;
  // The pool is still usable.
  expectStaticCover(pool, 10);
}

TEST(ThreadPool, ConcurrentCallersAndNestedLoops) {
  ThreadPool pool(3);
  constexpr int kCallers = 8, kCalls = 100;
  std::atomic<int> wrong{0};
  std::vector<std::thread> callers;
  for (int t = 0; t < kCallers; ++t)
    callers.emplace_back([&, t] {
      for (int call = 0; call < kCalls; ++call) {
        int64_t n = 1 + (t * 131 + call * 17) % 300;
        std::atomic<int64_t> sum{0};
        // The outer body runs an inner loop on the same pool: callers always make
        // progress since they run ranges themselves.
        Status status = pool.parallelFor(n, [&](int64_t begin, int64_t end) {
          Status inner = pool.parallelFor(end - begin, [&](int64_t b, int64_t e) {
            for (int64_t i = begin + b; i < begin + e; ++i) sum += i;
          });
          if (!inner.ok()) wrong++;
        });
        if (!status.ok() || sum.load() != n * (n - 1) / 2) wrong++;
      }
    });
  for (std::thread& caller : callers) caller.join();
  EXPECT_EQ(wrong.load(), 0);
}

TEST(ThreadPool, DestructionWithIdleWorkers) {
  for (int i = 0; i < 20; ++i) {
    ThreadPool pool(4);
    if (i % 2) expectStaticCover(pool, 64);
  }
}

TEST(ThreadPool, DefaultSizeFromEnvironment) {
  const char* saved = std::getenv("BRT_NUM_THREADS");
  std::string restore = saved ? saved : "";
  size_t hardware = std::max(1u, std::thread::hardware_concurrency());
  ::setenv("BRT_NUM_THREADS", "3", 1);
  EXPECT_EQ(ThreadPool::defaultNumThreads(), 3u);
  for (const char* bad : {"0", "-2", "two", "4x", ""}) {
    ::setenv("BRT_NUM_THREADS", bad, 1);
    EXPECT_EQ(ThreadPool::defaultNumThreads(), hardware) << "BRT_NUM_THREADS='" << bad << "'";
  }
  ::unsetenv("BRT_NUM_THREADS");
  EXPECT_EQ(ThreadPool::defaultNumThreads(), hardware);
  if (saved) ::setenv("BRT_NUM_THREADS", restore.c_str(), 1);
}

// Not a check: the round trip of a two-range loop with trivial bodies on the global
// pool (hand a range to a worker, run one, wait), printed for the record.
TEST(ThreadPool, DispatchLatency) {
  ThreadPool& pool = ThreadPool::global();
  std::atomic<int64_t> sink{0};
  auto body = [&](int64_t begin, int64_t end) { sink += end - begin; };
  std::vector<double> times;
  for (int i = 0; i < 2000; ++i) {
    auto start = std::chrono::steady_clock::now();
    ASSERT_TRUE(pool.parallelFor(pool.numThreads(), body).ok());
    times.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
            .count());
  }
  std::sort(times.begin(), times.end());
  std::cerr << "[ latency  ] parallelFor on " << pool.numThreads() << " threads: median "
            << times[times.size() / 2] << " us, p90 " << times[times.size() * 9 / 10]
            << " us\n";
  EXPECT_EQ(sink.load(), 2000 * static_cast<int64_t>(pool.numThreads()));
}

// ---------------------------------------------------------------------------------
// The kernel ABI: __brt_parallel_for

constexpr int64_t kElements = 4096;  // affine_parallel_entry's size

StatusOr<Session> affineSession() {
  ArtifactBuilder builder;
  builder.addDevice({"cpu", DeviceKind::CPU, 0, 64, 64});
  builder.addKernel({"test_kernels", KernelFormat::SharedObject, "x86_64-linux-gnu", 0},
                    test::testKernelBytes());
  FunctionDesc f;
  f.name = "main";
  f.arguments = {{"x", DType::F32, {kElements}, ArgKind::Input, 0, std::nullopt},
                 {"y", DType::F32, {kElements}, ArgKind::Output, 0, std::nullopt},
                 {"info", DType::I64, {2}, ArgKind::Output, 0, std::nullopt}};
  f.buffers = {{BufferKind::Argument, 0, 0, 4 * kElements, DType::F32, {kElements}},
               {BufferKind::Argument, 1, 0, 4 * kElements, DType::F32, {kElements}},
               {BufferKind::Argument, 2, 0, 16, DType::I64, {2}}};
  f.ops = {{"LLVMKernelOp", {0}, {1, 2},
            {{"kernel_name", std::string("affine_parallel_entry")}}, 0, 0}};
  builder.addFunction(std::move(f));
  BRT_ASSIGN_OR_RETURN(std::vector<uint8_t> bytes, builder.finish());
  BRT_ASSIGN_OR_RETURN(Artifact artifact, Artifact::loadBytes(bytes.data(), bytes.size()));
  return Session::fromArtifact(std::move(artifact));
}

// Runs the kernel on random x; an empty string if y and info are right.
std::string runAffine(const Session& session, std::mt19937_64& rng) {
  Tensor x = Tensor::create(DType::F32, {kElements}).value();
  std::uniform_real_distribution<float> dist(-4.0f, 4.0f);
  for (int64_t i = 0; i < kElements; ++i) x.dataAs<float>()[i] = dist(rng);
  RequestContext request(session);
  Status bound = request.bindInput(0, x.view());
  if (!bound.ok()) return bound.toString();
  StatusOr<std::vector<Tensor>> outputs = request.run();
  if (!outputs.ok()) return outputs.status().toString();
  const float* y = (*outputs)[0].dataAs<float>();
  for (int64_t i = 0; i < kElements; ++i)
    if (y[i] != 2 * x.dataAs<float>()[i] + 1) return "y[" + std::to_string(i) + "] is wrong";
  const int64_t* info = (*outputs)[1].dataAs<int64_t>();
  if (info[0] != 1) return "__brt_parallel_for was not set at load";
  int64_t pieces = std::min<int64_t>(kElements, ThreadPool::global().piecesPerLoop());
  if (info[1] != pieces)
    return "the body ran " + std::to_string(info[1]) + " times, not " + std::to_string(pieces);
  return "";
}

TEST(KernelParallelAbi, LoadPointsTheKernelAtThePool) {
  StatusOr<Session> session = affineSession();
  ASSERT_TRUE(session.ok()) << session.status();
  std::mt19937_64 rng = test::freshRng();
  EXPECT_EQ(runAffine(*session, rng), "");
}

TEST(KernelParallelAbi, ConcurrentRequests) {
  StatusOr<Session> session = affineSession();
  ASSERT_TRUE(session.ok()) << session.status();
  constexpr int kThreads = 8, kRuns = 100;
  std::mt19937_64 seeds = test::freshRng();
  std::vector<std::string> firstFailure(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t, seed = seeds()] {
      std::mt19937_64 rng(seed);
      for (int run = 0; run < kRuns && firstFailure[t].empty(); ++run)
        firstFailure[t] = runAffine(*session, rng);
    });
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(firstFailure[t], "") << "thread " << t;
}

}  // namespace
}  // namespace brt
