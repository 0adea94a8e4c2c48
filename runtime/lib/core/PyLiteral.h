// Internal: a parser for the subset of Python literals a .npy header uses:
// dicts, tuples, lists, strings, ints and True/False.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "brt/Status.h"

namespace brt::npy {

struct PyValue {
  enum class Kind { String, Int, Bool, Tuple, List, Dict };
  Kind kind = Kind::Int;
  std::string str;                                  // String
  int64_t integer = 0;                              // Int
  bool boolean = false;                             // Bool
  std::vector<PyValue> items;                       // Tuple, List
  std::vector<std::pair<std::string, PyValue>> dict;  // Dict (string keys only)
};

const char* pyKindName(PyValue::Kind kind);

// Parses one literal; trailing whitespace is allowed, anything else is an error.
StatusOr<PyValue> parsePyLiteral(std::string_view text);

}  // namespace brt::npy
