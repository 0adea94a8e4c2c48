#include "KernelLibrary.h"

#include <dlfcn.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace brt {

namespace {
Status writeAll(int fd, ByteSpan bytes) {
  size_t done = 0;
  while (done < bytes.size) {
    ssize_t n = ::write(fd, bytes.data + done, bytes.size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return ioError("writing kernels to a memory file: ", std::strerror(errno));
    done += static_cast<size_t>(n);
  }
  return Status();
}

// Closes the descriptor on every path; dlopen keeps its own mapping.
struct FdCloser {
  int fd;
  ~FdCloser() { ::close(fd); }
};
}  // namespace

StatusOr<std::unique_ptr<KernelLibrary>> KernelLibrary::load(const std::string& name,
                                                             ByteSpan sharedObject) {
  static constexpr unsigned char kElfMagic[] = {0x7f, 'E', 'L', 'F'};
  if (sharedObject.size < sizeof(kElfMagic) ||
      std::memcmp(sharedObject.data, kElfMagic, sizeof(kElfMagic)) != 0)
    return invalidArgumentError("kernel '", name, "' is not an ELF shared object");
  int fd = ::memfd_create(("byteir-" + name).c_str(), MFD_CLOEXEC);
  if (fd < 0) return ioError("memfd_create: ", std::strerror(errno));
  FdCloser closer{fd};
  BRT_RETURN_IF_ERROR(writeAll(fd, sharedObject));
  // dlopen reads the file through the descriptor; nothing is left on disk.
  std::string path = "/proc/self/fd/" + std::to_string(fd);
  void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) return invalidArgumentError("cannot load kernel '", name, "': ", ::dlerror());
  return std::unique_ptr<KernelLibrary>(new KernelLibrary(name, handle));
}

KernelLibrary::~KernelLibrary() { ::dlclose(handle_); }

StatusOr<KernelEntry> KernelLibrary::entry(const std::string& symbol) const {
  void* address = ::dlsym(handle_, symbol.c_str());
  if (!address) return notFoundError("kernel '", name_, "' has no entry '", symbol, "'");
  return reinterpret_cast<KernelEntry>(address);
}

}  // namespace brt
