// Checks shared by the CPU provider's op preparers: operand counts, dtypes,
// attributes and overlapping operands. Messages name the problem only; the
// provider puts "op N (Callee): " in front.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "CpuProvider.h"

namespace brt::cpu {

// "f32[2, 3]".
std::string typeOf(const BufferDesc& buffer);

// Exactly `inputs` inputs and `outputs` outputs.
Status checkOperandCount(const OpContext& ctx, size_t inputs, size_t outputs);

// Every buffer (named in `names`, inputs then outputs) has dtype `dtype`.
Status checkDTypes(const OpContext& ctx, DType dtype,
                   std::initializer_list<std::string_view> names);

// The op has no attribute outside `known` (an attribute this runtime does not know
// could change the meaning of the op, so it is refused rather than ignored).
Status checkKnownAttrs(const OpContext& ctx, std::initializer_list<std::string_view> known);

// A bool attribute; `fallback` when absent.
StatusOr<bool> boolAttr(const OpContext& ctx, std::string_view name, bool fallback);
// A required int attribute.
StatusOr<int64_t> intAttr(const OpContext& ctx, std::string_view name);
// A required int-array attribute of exactly `size` values.
StatusOr<std::vector<int64_t>> intArrayAttr(const OpContext& ctx, std::string_view name,
                                            size_t size);

// No output shares bytes with an input (the library ops read their inputs while
// writing their outputs). `names` names the inputs then the outputs.
Status checkOutputsDisjoint(const OpContext& ctx,
                            std::initializer_list<std::string_view> names);

}  // namespace brt::cpu
