// A CPU kernel shared object loaded from artifact bytes: written to an anonymous
// memory file (memfd) and dlopen'ed from /proc/self/fd, so nothing touches disk.
#pragma once

#include <memory>
#include <string>

#include "brt/Bytes.h"
#include "brt/Status.h"

namespace brt {

using KernelEntry = void (*)(void**);

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
  std::string name_;
  void* handle_;
  int fd_;  // the memory file the library was loaded from
};

}  // namespace brt
