// A fixed pool of worker threads for data-parallel loops (generated CPU kernels call
// it through the kernel ABI in docs/runtime.md). `parallelFor` splits [0, n) into a
// fixed set of contiguous ranges of near-equal size, a few per thread (static
// chunking), which threads claim in order; the calling thread claims ranges too, so
// a call always makes progress, also while every worker is busy with other calls,
// and a worker that wakes late leaves its share to the others. Any number of threads
// may call `parallelFor` at once (one Session serves concurrent requests).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "brt/Status.h"

namespace brt {

class ThreadPool {
 public:
  // A loop body: runs iterations [begin, end).
  using RangeFn = std::function<void(int64_t begin, int64_t end)>;

  // `numThreads` threads take part in each loop: the caller and numThreads - 1
  // workers (none when numThreads <= 1: loops then run on the caller).
  explicit ThreadPool(size_t numThreads);
  ~ThreadPool();  // finishes queued loops, then joins the workers
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  size_t numThreads() const { return workers_.size() + 1; }

  // How many ranges a loop of at least that many iterations is split into: one on a
  // single thread, kPiecesPerThread per thread otherwise (a few per thread, so that
  // the others can take over the share of a thread that starts late).
  static constexpr int64_t kPiecesPerThread = 4;
  int64_t piecesPerLoop() const {
    return workers_.empty() ? 1 : kPiecesPerThread * static_cast<int64_t>(numThreads());
  }

  // Runs fn on min(n, piecesPerLoop()) disjoint ranges covering [0, n) (nothing when
  // n <= 0) and returns when all have finished. An exception thrown by fn is caught
  // (the other ranges still run) and returned as an Internal error.
  Status parallelFor(int64_t n, const RangeFn& fn);

  // The process-wide pool: BRT_NUM_THREADS threads if that is set to a positive
  // integer, else std::thread::hardware_concurrency(). Created on first use.
  static ThreadPool& global();
  // The size global() has or would have.
  static size_t defaultNumThreads();

 private:
  struct Loop;
  // How long an idle worker polls the queue before it sleeps.
  static constexpr int kSpinMicros = 50;
  void spinForWork() const;
  void workerMain();
  static void runRanges(Loop& loop);

  std::mutex mutex_;
  std::condition_variable wakeWorkers_;
  std::deque<std::shared_ptr<Loop>> queue_;  // one entry per helper a loop wants
  std::atomic<int64_t> queued_{0};           // queue_.size(), read without the lock
  int sleeping_ = 0;                         // workers waiting on wakeWorkers_
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace brt
