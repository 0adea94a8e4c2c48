// The semantic invariants of an artifact, checked on every load (after the
// FlatBuffers verifier) and by ArtifactBuilder::finish() before writing.
#pragma once

#include "brt/ArtifactDesc.h"
#include "brt/Status.h"

namespace brt {

// Ok, or a Corrupt status whose message names the first violated invariant:
//  - at least one device and one function; unique, non-empty names for devices,
//    functions, kernels, and for arguments within a function and attributes
//    within an op; device arena alignments are powers of two;
//  - arguments: valid dtype and kind, dims >= 0, byte size fits in 64 bits,
//    existing device; a weight reference exactly for weights, 64-byte aligned,
//    inside the weights blob and of the argument's byte size;
//  - buffers: valid kind and dtype, size == byteSize(dtype, shape), offset a
//    multiple of the element size, the slice inside its arena (arena size) or
//    its argument (argument byte size, same dtype), existing device/argument;
//  - ops: non-empty callee, existing device and kernel (a shared object for a
//    CPU device, PTX or CUBIN for a CUDA device), every operand an
//    existing buffer in the op's device's memory space (CopyOp excepted: one
//    input and one output of equal size), no output aliasing a weight.
Status validateArtifact(const ArtifactDesc& artifact);

}  // namespace brt
