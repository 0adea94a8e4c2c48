#include "brt/ThreadPool.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <string>

namespace brt {

// One parallelFor call. Threads claim pieces through `next`; the caller waits until
// `finished` reaches `pieces`. Queue entries keep it alive for workers that pick it
// up late (they find no piece left and drop it); `fn` is only touched while a piece
// is claimed, so it never outlives the caller's frame.
struct ThreadPool::Loop {
  const RangeFn* fn;
  int64_t n;
  int64_t pieces;
  std::atomic<int64_t> next{0};
  std::atomic<int64_t> finished{0};
  std::mutex mutex;
  std::condition_variable done;
  std::string error;  // of the first piece that threw, guarded by mutex
};

namespace {
// Piece p of n iterations split into `pieces` near-equal contiguous ranges.
void pieceRange(int64_t n, int64_t pieces, int64_t p, int64_t& begin, int64_t& end) {
  int64_t base = n / pieces, extra = n % pieces;
  begin = p * base + std::min(p, extra);
  end = begin + base + (p < extra ? 1 : 0);
}
}  // namespace

ThreadPool::ThreadPool(size_t numThreads) {
  for (size_t i = 1; i < numThreads; ++i) workers_.emplace_back([this] { workerMain(); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wakeWorkers_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

void ThreadPool::spinForWork() const {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::microseconds(kSpinMicros);
  while (queued_.load(std::memory_order_relaxed) == 0 &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::yield();
}

void ThreadPool::workerMain() {
  for (;;) {
    // Kernels run their loops back to back: a worker that waits a little before
    // sleeping joins the next loop without the latency of a wake-up.
    spinForWork();
    std::shared_ptr<Loop> loop;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ++sleeping_;
      wakeWorkers_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      --sleeping_;
      if (queue_.empty()) return;  // stopping, nothing left to help with
      loop = std::move(queue_.front());
      queue_.pop_front();
      queued_.fetch_sub(1, std::memory_order_relaxed);
    }
    runRanges(*loop);
  }
}

void ThreadPool::runRanges(Loop& loop) {
  for (int64_t p; (p = loop.next.fetch_add(1)) < loop.pieces;) {
    int64_t begin, end;
    pieceRange(loop.n, loop.pieces, p, begin, end);
    std::string error;
    try {
      (*loop.fn)(begin, end);
    } catch (const std::exception& e) {
      error = e.what();
      if (error.empty()) error = "an exception without a message";
    } catch (...) {
      error = "an exception that is not a std::exception";
    }
    std::lock_guard<std::mutex> lock(loop.mutex);
    if (!error.empty() && loop.error.empty())
      loop.error = "range [" + std::to_string(begin) + ", " + std::to_string(end) +
                   ") threw " + error;
    // Under the lock, so the waiting caller cannot miss the last notification.
    if (loop.finished.fetch_add(1) + 1 == loop.pieces) loop.done.notify_all();
  }
}

Status ThreadPool::parallelFor(int64_t n, const RangeFn& fn) {
  if (n <= 0) return okStatus();
  auto loop = std::make_shared<Loop>();
  loop->fn = &fn;
  loop->n = n;
  loop->pieces = std::min<int64_t>(n, piecesPerLoop());
  int64_t helpers = std::min<int64_t>(loop->pieces - 1, static_cast<int64_t>(workers_.size()));
  if (helpers > 0) {
    int sleeping;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      for (int64_t i = 0; i < helpers; ++i) queue_.push_back(loop);
      queued_.fetch_add(helpers, std::memory_order_relaxed);
      sleeping = sleeping_;
    }
    // Spinning workers see the queue without a notification.
    if (sleeping == 1 || (sleeping > 1 && helpers == 1))
      wakeWorkers_.notify_one();
    else if (sleeping > 1)
      wakeWorkers_.notify_all();
  }
  runRanges(*loop);
  // The ranges still running are about as long as the ones this thread ran: poll
  // first, so that their end does not also cost a wake-up.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::microseconds(kSpinMicros);
  while (loop->finished.load() < loop->pieces && std::chrono::steady_clock::now() < deadline)
    std::this_thread::yield();
  std::unique_lock<std::mutex> lock(loop->mutex);
  loop->done.wait(lock, [&] { return loop->finished.load() == loop->pieces; });
  if (!loop->error.empty()) return internalError("parallel loop: ", loop->error);
  return okStatus();
}

size_t ThreadPool::defaultNumThreads() {
  if (const char* text = std::getenv("BRT_NUM_THREADS")) {
    char* end = nullptr;
    long value = std::strtol(text, &end, 10);
    if (end != text && *end == '\0' && value > 0) return static_cast<size_t>(value);
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

ThreadPool& ThreadPool::global() {
  // Never destroyed: kernels of sessions that live until exit may still call it
  // while static destructors run.
  static ThreadPool* pool = new ThreadPool(defaultNumThreads());
  return *pool;
}

}  // namespace brt
