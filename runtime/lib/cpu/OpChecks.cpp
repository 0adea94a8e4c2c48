#include "OpChecks.h"

#include <algorithm>

namespace brt::cpu {

namespace {
const char* attrTypeName(const AttrValue& value) {
  switch (value.index()) {
    case 0: return "an int";
    case 1: return "a float";
    case 2: return "a bool";
    case 3: return "a string";
    case 4: return "an int array";
    case 5: return "a float array";
    case 6: return "a string array";
  }
  return "unknown";
}

std::string_view nameAt(std::initializer_list<std::string_view> names, size_t i) {
  return i < names.size() ? names.begin()[i] : std::string_view("operand");
}

const BufferDesc& operand(const OpContext& ctx, size_t i) {
  return i < ctx.op.inputs.size() ? ctx.input(i) : ctx.output(i - ctx.op.inputs.size());
}

bool overlap(const BufferDesc& a, const BufferDesc& b) {
  if (a.kind != b.kind || a.index != b.index || a.size == 0 || b.size == 0) return false;
  // Offsets and sizes were validated to lie inside their arena or argument.
  return a.offset < b.offset + b.size && b.offset < a.offset + a.size;
}
}  // namespace

std::string typeOf(const BufferDesc& buffer) { return typeToString(buffer.dtype, buffer.shape); }

Status checkOperandCount(const OpContext& ctx, size_t inputs, size_t outputs) {
  if (ctx.op.inputs.size() != inputs || ctx.op.outputs.size() != outputs)
    return corruptError("needs ", inputs, inputs == 1 ? " input" : " inputs", " and ",
                        outputs, outputs == 1 ? " output" : " outputs", ", not ",
                        ctx.op.inputs.size(), " and ", ctx.op.outputs.size());
  return okStatus();
}

Status checkDTypes(const OpContext& ctx, DType dtype,
                   std::initializer_list<std::string_view> names) {
  size_t count = ctx.op.inputs.size() + ctx.op.outputs.size();
  for (size_t i = 0; i < count; ++i) {
    const BufferDesc& buffer = operand(ctx, i);
    if (buffer.dtype != dtype)
      return unsupportedError(nameAt(names, i), " is ", typeOf(buffer), "; ", ctx.op.callee,
                              " supports ", dtypeName(dtype), " only");
  }
  return okStatus();
}

Status checkKnownAttrs(const OpContext& ctx, std::initializer_list<std::string_view> known) {
  for (const Attribute& attr : ctx.op.attrs) {
    if (std::find(known.begin(), known.end(), attr.name) != known.end()) continue;
    std::string list;
    for (std::string_view name : known) list += (list.empty() ? "" : ", ") + std::string(name);
    return unsupportedError("unknown attribute '", attr.name, "' (", ctx.op.callee,
                            " takes ", list.empty() ? "none" : list, ")");
  }
  return okStatus();
}

StatusOr<bool> boolAttr(const OpContext& ctx, std::string_view name, bool fallback) {
  const AttrValue* value = ctx.op.findAttr(name);
  if (!value) return fallback;
  if (!std::holds_alternative<bool>(*value))
    return corruptError("attribute '", name, "' must be a bool, not ", attrTypeName(*value));
  return std::get<bool>(*value);
}

StatusOr<int64_t> intAttr(const OpContext& ctx, std::string_view name) {
  const AttrValue* value = ctx.op.findAttr(name);
  if (!value) return corruptError("needs an int attribute '", name, "'");
  if (!std::holds_alternative<int64_t>(*value))
    return corruptError("attribute '", name, "' must be an int, not ", attrTypeName(*value));
  return std::get<int64_t>(*value);
}

StatusOr<std::vector<int64_t>> intArrayAttr(const OpContext& ctx, std::string_view name,
                                            size_t size) {
  const AttrValue* value = ctx.op.findAttr(name);
  if (!value) return corruptError("needs an int-array attribute '", name, "'");
  if (!std::holds_alternative<std::vector<int64_t>>(*value))
    return corruptError("attribute '", name, "' must be an int array, not ",
                        attrTypeName(*value));
  const auto& values = std::get<std::vector<int64_t>>(*value);
  if (values.size() != size)
    return corruptError("attribute '", name, "' has ", values.size(), " values, not ", size);
  return values;
}

Status checkOutputsDisjoint(const OpContext& ctx,
                            std::initializer_list<std::string_view> names) {
  size_t inputs = ctx.op.inputs.size();
  for (size_t o = 0; o < ctx.op.outputs.size(); ++o)
    for (size_t i = 0; i < inputs; ++i)
      if (overlap(ctx.output(o), ctx.input(i)))
        return corruptError("output ", nameAt(names, inputs + o), " (buffer ",
                            ctx.op.outputs[o], ") overlaps input ", nameAt(names, i),
                            " (buffer ", ctx.op.inputs[i], ")");
  return okStatus();
}

}  // namespace brt::cpu
