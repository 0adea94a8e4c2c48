#include "brt/Status.h"

#include <stdexcept>

#include "brt/BadStatusOrAccess.h"

namespace brt {

const char* statusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::Ok: return "Ok";
    case StatusCode::InvalidArgument: return "InvalidArgument";
    case StatusCode::NotFound: return "NotFound";
    case StatusCode::IoError: return "IoError";
    case StatusCode::Corrupt: return "Corrupt";
    case StatusCode::Unsupported: return "Unsupported";
    case StatusCode::OutOfRange: return "OutOfRange";
    case StatusCode::ResourceExhausted: return "ResourceExhausted";
    case StatusCode::Internal: return "Internal";
  }
  return "Unknown";
}

std::ostream& operator<<(std::ostream& os, StatusCode code) {
  return os << statusCodeName(code);
}

Status::Status(StatusCode code, std::string message) : code_(code) {
  if (code_ != StatusCode::Ok) message_ = std::move(message);
}

std::string Status::toString() const {
  if (ok()) return "Ok";
  return std::string(statusCodeName(code_)) + ": " + message_;
}

Status Status::withContext(std::string_view context) const {
  if (ok()) return *this;
  return Status(code_, std::string(context) + ": " + message_);
}

std::ostream& operator<<(std::ostream& os, const Status& status) {
  return os << status.toString();
}

BadStatusOrAccess::BadStatusOrAccess(Status status)
    : std::logic_error("value() of a StatusOr holding an error: " + status.toString()),
      status_(std::move(status)) {}

namespace detail {
void throwBadStatusOrAccess(const Status& status) { throw BadStatusOrAccess(status); }
}  // namespace detail

}  // namespace brt
