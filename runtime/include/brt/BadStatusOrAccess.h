// The exception StatusOr<T>::value() throws when it holds an error. Only a
// programming error reaches it; brt's own code checks ok() first.
#pragma once

#include <stdexcept>

#include "brt/Status.h"

namespace brt {

class BadStatusOrAccess : public std::logic_error {
 public:
  explicit BadStatusOrAccess(Status status);
  const Status& status() const { return status_; }

 private:
  Status status_;
};

}  // namespace brt
