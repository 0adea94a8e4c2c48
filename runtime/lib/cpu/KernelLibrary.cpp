#include "KernelLibrary.h"

#include <dlfcn.h>
#include <link.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <utility>

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

// Owns the memory file's descriptor until the library is unloaded. It must stay
// open while loaded: the loader recognizes libraries by path, and a reused
// /proc/self/fd/N would make a second dlopen return the first library.
struct FdCloser {
  int fd;
  ~FdCloser() {
    if (fd >= 0) ::close(fd);
  }
  int release() { return std::exchange(fd, -1); }
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
  return std::unique_ptr<KernelLibrary>(new KernelLibrary(name, handle, closer.release()));
}

KernelLibrary::~KernelLibrary() {
  ::dlclose(handle_);
  ::close(fd_);
}

StatusOr<KernelEntry> KernelLibrary::entry(const std::string& symbol) const {
  void* address = ::dlsym(handle_, symbol.c_str());
  if (!address) return notFoundError("kernel '", name_, "' has no entry '", symbol, "'");
  // dlsym also searches the object's dependencies (libc, libm): an entry named
  // "free" would be libc's. Only a function the kernel object defines itself is
  // an entry.
  Dl_info info;
  void* elfSymbol = nullptr;  // const ElfW(Sym)*
  void* definedIn = nullptr;  // struct link_map*
  struct link_map* self = nullptr;
  if (::dladdr1(address, &info, &elfSymbol, RTLD_DL_SYMENT) == 0 ||
      ::dladdr1(address, &info, &definedIn, RTLD_DL_LINKMAP) == 0 ||
      ::dlinfo(handle_, RTLD_DI_LINKMAP, &self) != 0 || definedIn != self)
    return notFoundError("kernel '", name_, "' has no entry '", symbol,
                         "' (the symbol is not defined by the kernel itself)");
  // ST_TYPE is the low 4 bits of st_info in both ELF classes.
  if (!elfSymbol ||
      ELF64_ST_TYPE(static_cast<const ElfW(Sym)*>(elfSymbol)->st_info) != STT_FUNC)
    return notFoundError("kernel '", name_, "' has no entry '", symbol,
                         "' (the symbol is not a function)");
  return reinterpret_cast<KernelEntry>(address);
}

}  // namespace brt
