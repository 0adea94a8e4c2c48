#include "PyLiteral.h"

#include <cctype>

namespace brt::npy {

namespace {
constexpr int kMaxDepth = 32;

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  StatusOr<PyValue> parseAll() {
    BRT_ASSIGN_OR_RETURN(PyValue value, parseValue(0));
    skipSpace();
    if (pos_ != text_.size()) return error("unexpected text after the literal");
    return value;
  }

 private:
  Status error(std::string_view what) const {
    return corruptError(what, " at offset ", pos_);
  }
  void skipSpace() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_])))
      ++pos_;
  }
  bool consume(char c) {
    skipSpace();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool startsWith(std::string_view word) const {
    return text_.substr(pos_, word.size()) == word;
  }

  StatusOr<PyValue> parseValue(int depth) {
    if (depth > kMaxDepth) return error("literal nested too deeply");
    skipSpace();
    if (pos_ >= text_.size()) return error("unexpected end of literal");
    char c = text_[pos_];
    if (c == '\'' || c == '"') return parseString();
    if (c == '{') return parseDict(depth);
    if (c == '(') return parseSequence(depth, ')', PyValue::Kind::Tuple);
    if (c == '[') return parseSequence(depth, ']', PyValue::Kind::List);
    if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) return parseInt();
    if (startsWith("True") || startsWith("False")) return parseBool();
    return error("unexpected character");
  }

  StatusOr<PyValue> parseString() {
    char quote = text_[pos_++];
    PyValue value;
    value.kind = PyValue::Kind::String;
    while (pos_ < text_.size() && text_[pos_] != quote) {
      if (text_[pos_] == '\\') return error("escape sequences are not supported");
      value.str.push_back(text_[pos_++]);
    }
    if (pos_ >= text_.size()) return error("unterminated string");
    ++pos_;
    return value;
  }

  StatusOr<PyValue> parseInt() {
    PyValue value;
    value.kind = PyValue::Kind::Int;
    bool negative = text_[pos_] == '-';
    if (negative) ++pos_;
    size_t start = pos_;
    int64_t magnitude = 0;
    while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
      int digit = text_[pos_++] - '0';
      if (__builtin_mul_overflow(magnitude, 10, &magnitude) ||
          __builtin_add_overflow(magnitude, digit, &magnitude))
        return error("integer does not fit in int64");
    }
    if (pos_ == start) return error("expected digits");
    if (pos_ < text_.size() && (text_[pos_] == 'L' || text_[pos_] == 'l')) ++pos_;
    value.integer = negative ? -magnitude : magnitude;
    return value;
  }

  StatusOr<PyValue> parseBool() {
    PyValue value;
    value.kind = PyValue::Kind::Bool;
    value.boolean = startsWith("True");
    pos_ += value.boolean ? 4 : 5;
    return value;
  }

  StatusOr<PyValue> parseSequence(int depth, char close, PyValue::Kind kind) {
    ++pos_;
    PyValue value;
    value.kind = kind;
    while (!consume(close)) {
      if (!value.items.empty() && !consume(','))
        return error("expected ',' or closing bracket");
      if (consume(close)) break;
      BRT_ASSIGN_OR_RETURN(PyValue item, parseValue(depth + 1));
      value.items.push_back(std::move(item));
    }
    return value;
  }

  StatusOr<PyValue> parseDict(int depth) {
    ++pos_;
    PyValue value;
    value.kind = PyValue::Kind::Dict;
    while (!consume('}')) {
      if (!value.dict.empty() && !consume(',')) return error("expected ',' or '}'");
      if (consume('}')) break;
      BRT_ASSIGN_OR_RETURN(PyValue key, parseValue(depth + 1));
      if (key.kind != PyValue::Kind::String) return error("dict keys must be strings");
      if (!consume(':')) return error("expected ':'");
      BRT_ASSIGN_OR_RETURN(PyValue item, parseValue(depth + 1));
      value.dict.emplace_back(std::move(key.str), std::move(item));
    }
    return value;
  }

  std::string_view text_;
  size_t pos_ = 0;
};
}  // namespace

const char* pyKindName(PyValue::Kind kind) {
  switch (kind) {
    case PyValue::Kind::String: return "string";
    case PyValue::Kind::Int: return "int";
    case PyValue::Kind::Bool: return "bool";
    case PyValue::Kind::Tuple: return "tuple";
    case PyValue::Kind::List: return "list";
    case PyValue::Kind::Dict: return "dict";
  }
  return "unknown";
}

StatusOr<PyValue> parsePyLiteral(std::string_view text) { return Parser(text).parseAll(); }

}  // namespace brt::npy
