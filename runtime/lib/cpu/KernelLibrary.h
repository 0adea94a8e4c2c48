// A CPU kernel shared object loaded from artifact bytes: written to an anonymous
// memory file (memfd) and dlopen'ed from /proc/self/fd, so nothing touches disk.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "brt/Bytes.h"
#include "brt/Status.h"

namespace brt {

using KernelEntry = void (*)(void**);

// The kernel ABI for parallel loops (docs/runtime.md): a kernel object may define
// the data symbol `__brt_parallel_for`, a null function pointer of type
// ParallelForFn. Loading sets it to a function that runs body(begin, end, captures)
// on disjoint ranges covering [0, n) on brt's thread pool and returns when all are
// done; kernels call the body once on [0, n) themselves while it is null.
using ParallelBody = void (*)(int64_t begin, int64_t end, void* captures);
using ParallelForFn = void (*)(int64_t n, ParallelBody body, void* captures);
inline constexpr const char* kParallelForSymbol = "__brt_parallel_for";

class KernelLibrary {
 public:
  static StatusOr<std::unique_ptr<KernelLibrary>> load(const std::string& name,
                                                       ByteSpan sharedObject);
  ~KernelLibrary();
  KernelLibrary(const KernelLibrary&) = delete;
  KernelLibrary& operator=(const KernelLibrary&) = delete;

  // The `void name(void **buffers)` entry, or NotFound.
  StatusOr<KernelEntry> entry(const std::string& symbol) const;

 private:
  KernelLibrary(std::string name, void* handle, int fd)
      : name_(std::move(name)), handle_(handle), fd_(fd) {}
  // The address of `symbol` if the object itself defines it with ELF type
  // `elfType` (STT_FUNC, STT_OBJECT), else NotFound ("has no <what> 'symbol'").
  StatusOr<void*> ownSymbol(const std::string& symbol, unsigned char elfType,
                            const char* what) const;
  // Points __brt_parallel_for, when the object defines it, at the thread pool.
  Status connectThreadPool() const;
  std::string name_;
  void* handle_;
  int fd_;  // the memory file the library was loaded from
};

}  // namespace brt
