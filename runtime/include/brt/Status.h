// brt::Status and brt::StatusOr<T>: errors as values (a code and a message).
//
// Every fallible brt function returns one of these; nothing in brt aborts on bad
// input. This header has no `throw`, so code built with -fno-exceptions (the
// compiler's LLVM-style targets) can include it.
#pragma once

#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace brt {

enum class StatusCode : int {
  Ok = 0,
  InvalidArgument,    // the caller passed a bad value (shape, dtype, name, ...)
  NotFound,           // a file, function or argument that does not exist
  IoError,            // reading or writing a file failed
  Corrupt,            // data is malformed: truncated, fails verification
  Unsupported,        // well-formed, but this runtime cannot handle it
  OutOfRange,         // an index or size beyond a limit
  ResourceExhausted,  // an allocation failed
  Internal,           // a bug in brt
};

// "Ok", "InvalidArgument", ...
const char* statusCodeName(StatusCode code);
std::ostream& operator<<(std::ostream& os, StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  // A Status with code Ok never carries a message.
  Status(StatusCode code, std::string message);

  bool ok() const { return code_ == StatusCode::Ok; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "Ok" or "<CodeName>: <message>".
  std::string toString() const;

  // The same status with "<context>: " put in front of the message (Ok stays Ok).
  Status withContext(std::string_view context) const;

 private:
  StatusCode code_ = StatusCode::Ok;
  std::string message_;
};

std::ostream& operator<<(std::ostream& os, const Status& status);

inline Status okStatus() { return Status(); }

namespace detail {
template <class... Parts>
std::string concat(const Parts&... parts) {
  std::ostringstream os;
  (os << ... << parts);
  return os.str();
}
}  // namespace detail

// Error constructors; the message is the concatenation of the parts (anything
// with operator<<).
template <class... Parts>
Status makeError(StatusCode code, const Parts&... parts) {
  return Status(code, detail::concat(parts...));
}
template <class... Parts>
Status invalidArgumentError(const Parts&... parts) {
  return makeError(StatusCode::InvalidArgument, parts...);
}
template <class... Parts>
Status notFoundError(const Parts&... parts) {
  return makeError(StatusCode::NotFound, parts...);
}
template <class... Parts>
Status ioError(const Parts&... parts) {
  return makeError(StatusCode::IoError, parts...);
}
template <class... Parts>
Status corruptError(const Parts&... parts) {
  return makeError(StatusCode::Corrupt, parts...);
}
template <class... Parts>
Status unsupportedError(const Parts&... parts) {
  return makeError(StatusCode::Unsupported, parts...);
}
template <class... Parts>
Status outOfRangeError(const Parts&... parts) {
  return makeError(StatusCode::OutOfRange, parts...);
}
template <class... Parts>
Status resourceExhaustedError(const Parts&... parts) {
  return makeError(StatusCode::ResourceExhausted, parts...);
}
template <class... Parts>
Status internalError(const Parts&... parts) {
  return makeError(StatusCode::Internal, parts...);
}

namespace detail {
// Throws brt::BadStatusOrAccess (defined in Status.cpp, which is built with
// exceptions). Reached only by a programming error: value() of an error StatusOr.
[[noreturn]] void throwBadStatusOrAccess(const Status& status);
}  // namespace detail

// Either a value or an error Status.
template <class T>
class [[nodiscard]] StatusOr {
  static_assert(!std::is_same_v<std::decay_t<T>, Status>,
                "StatusOr<Status> is not allowed");

  template <class U>
  static constexpr bool kIsValueLike =
      std::is_constructible_v<T, U&&> &&
      !std::is_same_v<std::decay_t<U>, Status> &&
      !std::is_same_v<std::decay_t<U>, StatusOr>;

 public:
  // From an error. An Ok status here is a bug and becomes an Internal error.
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT
    if (status_.ok())
      status_ = internalError("StatusOr constructed from an Ok status without a value");
  }
  StatusOr(const T& value) : value_(value) {}        // NOLINT
  StatusOr(T&& value) : value_(std::move(value)) {}  // NOLINT
  template <class U, std::enable_if_t<kIsValueLike<U>, int> = 0>
  StatusOr(U&& value) : value_(std::forward<U>(value)) {}  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // Precondition: ok(). Otherwise throws brt::BadStatusOrAccess.
  T& value() & { check(); return *value_; }
  const T& value() const& { check(); return *value_; }
  T&& value() && { check(); return std::move(*value_); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  void check() const {
    if (!value_) detail::throwBadStatusOrAccess(status_);
  }

  Status status_;
  std::optional<T> value_;
};

}  // namespace brt

#define BRT_CONCAT_INNER_(a, b) a##b
#define BRT_CONCAT_(a, b) BRT_CONCAT_INNER_(a, b)

// Returns the Status of `expr` from the enclosing function if it is an error.
#define BRT_RETURN_IF_ERROR(expr)                           \
  do {                                                      \
    ::brt::Status brt_status_ = (expr);                     \
    if (!brt_status_.ok()) return brt_status_;              \
  } while (false)

// `BRT_ASSIGN_OR_RETURN(auto x, f());` declares x from a StatusOr, or returns
// its error from the enclosing function.
#define BRT_ASSIGN_OR_RETURN(lhs, expr) \
  BRT_ASSIGN_OR_RETURN_IMPL_(BRT_CONCAT_(brt_statusor_, __LINE__), lhs, expr)
#define BRT_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                               \
  if (!tmp.ok()) return tmp.status();              \
  lhs = std::move(tmp).value()
