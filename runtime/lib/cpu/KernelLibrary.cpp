#include "KernelLibrary.h"

#include <dlfcn.h>
#include <link.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <utility>

#include "brt/ThreadPool.h"

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

// What __brt_parallel_for points at. Kernel bodies are compiled code that throws no
// C++ exception, the only error parallelFor reports, so there is nothing to pass on.
void runParallelFor(int64_t n, ParallelBody body, void* captures) {
  Status status = ThreadPool::global().parallelFor(
      n, [body, captures](int64_t begin, int64_t end) { body(begin, end, captures); });
  (void)status;
}
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
  std::unique_ptr<KernelLibrary> library(new KernelLibrary(name, handle, closer.release()));
  BRT_RETURN_IF_ERROR(library->connectThreadPool());
  return library;
}

KernelLibrary::~KernelLibrary() {
  ::dlclose(handle_);
  ::close(fd_);
}

StatusOr<void*> KernelLibrary::ownSymbol(const std::string& symbol, unsigned char elfType,
                                         const char* what) const {
  void* address = ::dlsym(handle_, symbol.c_str());
  if (!address) return notFoundError("kernel '", name_, "' has no ", what, " '", symbol, "'");
  // dlsym also searches the object's dependencies (libc, libm): an entry named
  // "free" would be libc's. Only a symbol the kernel object defines itself counts.
  Dl_info info;
  void* elfSymbol = nullptr;  // const ElfW(Sym)*
  void* definedIn = nullptr;  // struct link_map*
  struct link_map* self = nullptr;
  if (::dladdr1(address, &info, &elfSymbol, RTLD_DL_SYMENT) == 0 ||
      ::dladdr1(address, &info, &definedIn, RTLD_DL_LINKMAP) == 0 ||
      ::dlinfo(handle_, RTLD_DI_LINKMAP, &self) != 0 || definedIn != self)
    return notFoundError("kernel '", name_, "' has no ", what, " '", symbol,
                         "' (the symbol is not defined by the kernel itself)");
  // ST_TYPE is the low 4 bits of st_info in both ELF classes.
  if (!elfSymbol ||
      ELF64_ST_TYPE(static_cast<const ElfW(Sym)*>(elfSymbol)->st_info) != elfType)
    return notFoundError("kernel '", name_, "' has no ", what, " '", symbol, "' (the symbol is not ",
                         elfType == STT_FUNC ? "a function" : "a data object", ")");
  return address;
}

StatusOr<KernelEntry> KernelLibrary::entry(const std::string& symbol) const {
  BRT_ASSIGN_OR_RETURN(void* address, ownSymbol(symbol, STT_FUNC, "entry"));
  return reinterpret_cast<KernelEntry>(address);
}

Status KernelLibrary::connectThreadPool() const {
  // Objects without parallel loops do not define the symbol.
  if (!::dlsym(handle_, kParallelForSymbol)) return okStatus();
  BRT_ASSIGN_OR_RETURN(void* slot, ownSymbol(kParallelForSymbol, STT_OBJECT, "symbol"));
  *static_cast<ParallelForFn*>(slot) = &runParallelFor;
  return okStatus();
}

}  // namespace brt
