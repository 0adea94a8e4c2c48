//===- ByreOps.td - byre: the host program the runtime executes -*- tablegen -*-===//
//
// ByRE (ByteIR Runtime Environment) is the compiler's output contract: a flat list of
// calls on memrefs in an entry function. The callee string of `byre.compute` is the
// ABI between compiler and runtime ("LLVMKernelOp", "PTXOp", "MatmulOp", ...).
//
//===----------------------------------------------------------------------===//
#ifndef BYTEIR_DIALECT_BYRE_OPS
#define BYTEIR_DIALECT_BYRE_OPS

include "mlir/IR/OpBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Byre_Dialect : Dialect {
  let name = "byre";
  let cppNamespace = "::mlir::byre";
  let summary = "The host program of a compiled model, as the runtime executes it";
  let description = [{
    An entry function is a `func.func` with the unit attribute `byre.entry_point`.
    Each of its arguments is a memref with `byre.argname` (a string, unique) and
    `byre.argtype` (`#byre<argtype input>`, `output` or `weight`). Its body is a flat
    sequence of byre ops on those memrefs (and on planned buffers), then `return`.
  }];
  let useDefaultAttributePrinterParser = 1;
  let hasOperationAttrVerify = 1;
  let extraClassDeclaration = [{
    static constexpr ::llvm::StringLiteral kEntryPointAttr = "byre.entry_point";
    static constexpr ::llvm::StringLiteral kArgNameAttr = "byre.argname";
    static constexpr ::llvm::StringLiteral kArgTypeAttr = "byre.argtype";
  }];
}

def Byre_ArgType : I32EnumAttr<"ArgType", "kind of an entry function argument",
    [I32EnumAttrCase<"Input", 0, "input">, I32EnumAttrCase<"Output", 1, "output">,
     I32EnumAttrCase<"Weight", 2, "weight">]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::byre";
}
def Byre_ArgTypeAttr : EnumAttr<Byre_Dialect, Byre_ArgType, "argtype"> {
  let assemblyFormat = "$value";
}

class Byre_Op<string mnemonic, list<Trait> traits = []>
    : Op<Byre_Dialect, mnemonic, traits>;

def Byre_ComputeOp : Byre_Op<"compute", [AttrSizedOperandSegments]> {
  let summary = "call a runtime-provided computation on buffers";
  let description = [{
    `byre.compute "LLVMKernelOp" ins(%a : memref<4xf32>) outs(%b : memref<4xf32>)
     {kernel = "cpu_kernels", kernel_name = "main_entry"}` reads `ins` and writes
    `outs`. Extra attributes are passed to the provider as typed attributes.
  }];
  let arguments = (ins StrAttr:$callee, Variadic<AnyMemRef>:$inputs,
                       Variadic<AnyMemRef>:$outputs);
  let assemblyFormat = [{
    $callee (`ins` `(` $inputs^ `:` type($inputs) `)`)?
      (`outs` `(` $outputs^ `:` type($outputs) `)`)? attr-dict
  }];
  let hasVerifier = 1;
}

def Byre_CopyOp : Byre_Op<"copy", [SameOperandsShape]> {
  let summary = "copy a buffer, possibly between memory spaces";
  let arguments = (ins AnyMemRef:$source, AnyMemRef:$target);
  let assemblyFormat = [{
    `(` $source `,` $target `)` attr-dict `:` type($source) `,` type($target)
  }];
  let hasVerifier = 1;
}

def Byre_AliasOp : Byre_Op<"alias", [Pure]> {
  let summary = "a view of another buffer starting at a byte offset";
  let arguments = (ins AnyMemRef:$source, ConfinedAttr<I64Attr, [IntNonNegative]>:$offset);
  let results = (outs AnyMemRef:$result);
  let assemblyFormat = [{
    $source `[` $offset `]` attr-dict `:` type($source) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Byre_CustomOp : Byre_Op<"custom", [AttrSizedOperandSegments]> {
  let summary = "call a library routine the runtime resolves by name at load time";
  let arguments = (ins StrAttr:$target, Variadic<AnyMemRef>:$inputs,
                       Variadic<AnyMemRef>:$outputs);
  let assemblyFormat = [{
    $target (`ins` `(` $inputs^ `:` type($inputs) `)`)?
      (`outs` `(` $outputs^ `:` type($outputs) `)`)? attr-dict
  }];
}

#endif // BYTEIR_DIALECT_BYRE_OPS
