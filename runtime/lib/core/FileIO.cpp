#include "brt/FileIO.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace brt {

namespace {
Status errnoStatus(const std::string& path, const char* what, int err) {
  if (err == ENOENT) return notFoundError(path, ": no such file");
  return ioError(path, ": ", what, " failed: ", std::strerror(err));
}

// Closes the descriptor when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  // Closes now and reports the result (close can report a failed write).
  int close() {
    int rc = ::close(fd_);
    fd_ = -1;
    return rc;
  }

 private:
  int fd_;
};

Status readAll(int fd, const std::string& path, uint8_t* out, size_t size) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::read(fd, out + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errnoStatus(path, "read", errno);
    if (n == 0)
      return ioError(path, ": file shrank while being read (", done, " of ", size,
                     " bytes)");
    done += static_cast<size_t>(n);
  }
  return okStatus();
}

Status writeAll(int fd, const std::string& path, const uint8_t* data, size_t size) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::write(fd, data + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errnoStatus(path, "write", errno);
    done += static_cast<size_t>(n);
  }
  return okStatus();
}
}  // namespace

StatusOr<AlignedBuffer> readFileBytes(const std::string& path, uint64_t maxSize) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return errnoStatus(path, "open", errno);
  struct stat st;
  if (::fstat(fd.get(), &st) != 0) return errnoStatus(path, "stat", errno);
  if (!S_ISREG(st.st_mode)) return ioError(path, ": not a regular file");
  uint64_t size = static_cast<uint64_t>(st.st_size);
  if (size > maxSize)
    return outOfRangeError(path, ": file is ", size, " bytes, more than the limit of ",
                           maxSize);
  BRT_ASSIGN_OR_RETURN(AlignedBuffer bytes, AlignedBuffer::allocateUninitialized(size));
  BRT_RETURN_IF_ERROR(readAll(fd.get(), path, bytes.data(), bytes.size()));
  return bytes;
}

Status writeFileBytes(const std::string& path, const void* data, size_t size) {
  return writeFileBytes(path, {ByteSpan{static_cast<const uint8_t*>(data), size}});
}

Status writeFileBytes(const std::string& path, std::initializer_list<ByteSpan> parts) {
  FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (fd.get() < 0) {
    int err = errno;
    if (err == ENOENT) return ioError(path, ": cannot create file (missing directory?)");
    return errnoStatus(path, "open", err);
  }
  for (const ByteSpan& part : parts)
    BRT_RETURN_IF_ERROR(writeAll(fd.get(), path, part.data, part.size));
  if (fd.close() != 0) return errnoStatus(path, "close", errno);
  return okStatus();
}

}  // namespace brt
