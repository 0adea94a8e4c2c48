//===- LinalgExtOps.td - linalg_ext dialect ----------------*- tablegen -*-===//
//
// Structured ops linalg lacks: softmax, layer norm, top-k, scan, sort, gather
// and scatter, on tensors or memrefs in destination-passing style. Each
// implements the TilingInterface (parallel dims tile; `reduction` dims -- the
// reduced / sorted ones, gather's offset dims, all of scatter's -- stay whole)
// and lowers to loops on buffers through generateScalarImplementation.
//
//===----------------------------------------------------------------------===//
#ifndef BYTEIR_DIALECT_LINALGEXT_IR_LINALGEXTOPS
#define BYTEIR_DIALECT_LINALGEXT_IR_LINALGEXTOPS

include "mlir/IR/EnumAttr.td"
include "mlir/IR/OpBase.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/DestinationStyleOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/TilingInterface.td"

def LinalgExt_Dialect : Dialect {
  let name = "linalg_ext";
  let cppNamespace = "::mlir::byteir::linalg_ext";
  let summary = "Structured ops linalg lacks, with tiling interfaces";
  let description = [{
    Every op takes `ins` (read) and `outs` (read and written) operands that are
    all ranked tensors (the op then returns one tensor per `outs` operand) or all
    memrefs (no results). The iteration domain is the shape of the op's main
    operand; dims the op reduces or sorts along are `reduction` loops, which
    tiling must keep whole, the rest are `parallel`.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

def LinalgExt_ScanKind : I32EnumAttr<"ScanKind", "the combiner of a scan", [
    I32EnumAttrCase<"add", 0>, I32EnumAttrCase<"mul", 1>,
    I32EnumAttrCase<"max", 2>, I32EnumAttrCase<"min", 3>]> {
  let cppNamespace = "::mlir::byteir::linalg_ext";
}

defvar LinalgExtTilingMethods = ["getIterationDomain", "getLoopIteratorTypes",
    "getTiledImplementation", "getResultTilePosition",
    "getIterationDomainTileFromResultTile", "generateResultTileValue",
    "generateScalarImplementation"];

class LinalgExt_Op<string mnemonic, list<Trait> traits = []>
    : Op<LinalgExt_Dialect, mnemonic, !listconcat([
        DestinationStyleOpInterface,
        DeclareOpInterfaceMethods<MemoryEffectsOpInterface>,
        DeclareOpInterfaceMethods<TilingInterface, LinalgExtTilingMethods>],
        traits)> {
  let results = (outs Variadic<AnyRankedTensor>:$results);
  let hasVerifier = 1;
}

def LinalgExt_YieldOp : Op<LinalgExt_Dialect, "yield",
    [Pure, ReturnLike, Terminator]> {
  let summary = "Yields the scalar result of a linalg_ext region";
  let arguments = (ins Variadic<AnyType>:$values);
  let assemblyFormat = "attr-dict ($values^ `:` type($values))?";
}

def LinalgExt_SoftmaxOp : LinalgExt_Op<"softmax"> {
  let summary = "exp(x - max) / sum(exp(x - max)) along one dimension";
  let description = [{
    `output = exp(input - m) / sum(exp(input - m))` with `m` the maximum along
    `dimension`; f16/bf16 inputs are computed in f32 and rounded once.

    ```mlir
    %y = linalg_ext.softmax dimension(1) ins(%x : tensor<4x8xf32>)
           outs(%init : tensor<4x8xf32>) -> tensor<4x8xf32>
    ```
  }];
  let arguments = (ins AnyShaped:$input, AnyShaped:$output, I64Attr:$dimension);
  let assemblyFormat = [{
    `dimension` `(` $dimension `)` attr-dict
    `ins` `(` $input `:` type($input) `)`
    `outs` `(` $output `:` type($output) `)` (`->` type($results)^)?
  }];
  let extraClassDeclaration = [{
    ::mlir::MutableOperandRange getDpsInitsMutable() { return getOutputMutable(); }
  }];
}

def LinalgExt_LayerNormOp : LinalgExt_Op<"layer_norm"> {
  let summary = "(x - mean) * rsqrt(var + epsilon) [* scale] [+ bias]";
  let description = [{
    Normalizes over `axes`, which are the trailing dims of the input. `ins` are
    the input, then optionally `scale`, then optionally `bias` (bias needs
    scale); both have the shape of the normalized dims. Mean and (biased)
    variance are computed in f32.

    ```mlir
    %y = linalg_ext.layer_norm axes([1]) epsilon(1.0e-05)
           ins(%x, %g, %b : tensor<4x8xf32>, tensor<8xf32>, tensor<8xf32>)
           outs(%init : tensor<4x8xf32>) -> tensor<4x8xf32>
    ```
  }];
  let arguments = (ins Variadic<AnyShaped>:$inputs, AnyShaped:$output,
                       DenseI64ArrayAttr:$axes, F64Attr:$epsilon);
  let assemblyFormat = [{
    `axes` `(` $axes `)` `epsilon` `(` $epsilon `)` attr-dict
    `ins` `(` $inputs `:` type($inputs) `)`
    `outs` `(` $output `:` type($output) `)` (`->` type($results)^)?
  }];
  let extraClassDeclaration = [{
    ::mlir::MutableOperandRange getDpsInitsMutable() { return getOutputMutable(); }
    ::mlir::Value getInput() { return getInputs().front(); }
    ::mlir::Value getScale() {
      return getInputs().size() > 1 ? getInputs()[1] : ::mlir::Value();
    }
    ::mlir::Value getBias() {
      return getInputs().size() > 2 ? getInputs()[2] : ::mlir::Value();
    }
  }];
}

def LinalgExt_TopkOp : LinalgExt_Op<"topk"> {
  let summary = "The k largest (or smallest) elements along a dimension";
  let description = [{
    `values` holds the `k` largest (`largest = true`) or smallest elements of
    each slice along `dimension`, best first, and `indices` their positions in
    the input; `k` is the size of the outputs along `dimension`. Ties keep the
    lower index first; NaN ranks above every number when `largest` and below
    when not. Integers compare signed.

    ```mlir
    %v, %i = linalg_ext.topk dimension(1) largest(true)
               ins(%x : tensor<4x10xf32>)
               outs(%v0, %i0 : tensor<4x3xf32>, tensor<4x3xi32>)
               -> tensor<4x3xf32>, tensor<4x3xi32>
    ```
  }];
  let arguments = (ins AnyShaped:$input, AnyShaped:$values, AnyShaped:$indices,
                       I64Attr:$dimension, BoolAttr:$largest);
  let assemblyFormat = [{
    `dimension` `(` $dimension `)` `largest` `(` $largest `)` attr-dict
    `ins` `(` $input `:` type($input) `)`
    `outs` `(` $values `,` $indices `:` type($values) `,` type($indices) `)`
    (`->` type($results)^)?
  }];
  let extraClassDeclaration = [{
    ::mlir::MutableOperandRange getDpsInitsMutable() {
      return ::mlir::MutableOperandRange(getOperation(), 1, 2);
    }
    int64_t getK() {
      return ::llvm::cast<::mlir::ShapedType>(getValues().getType())
          .getDimSize(getDimension());
    }
  }];
}

def LinalgExt_ScanOp : LinalgExt_Op<"scan"> {
  let summary = "Prefix add / mul / max / min along a dimension";
  let description = [{
    `output[..., i, ...] = input[..., 0, ...] (+) ... (+) input[..., i, ...]`
    along `dimension` for the combiner `kind`; `exclusive` leaves out element
    `i` itself (the first output is the combiner's identity), `reverse` scans
    from the end. Float max/min propagate NaN; integers compare signed.

    ```mlir
    %y = linalg_ext.scan dimension(1) kind(add)
           ins(%x : tensor<4x8xf32>) outs(%init : tensor<4x8xf32>)
           -> tensor<4x8xf32>
    ```
  }];
  let arguments = (ins AnyShaped:$input, AnyShaped:$output, I64Attr:$dimension,
                       LinalgExt_ScanKind:$kind, UnitAttr:$exclusive,
                       UnitAttr:$reverse);
  let assemblyFormat = [{
    `dimension` `(` $dimension `)` `kind` `(` $kind `)` attr-dict
    `ins` `(` $input `:` type($input) `)`
    `outs` `(` $output `:` type($output) `)` (`->` type($results)^)?
  }];
  let extraClassDeclaration = [{
    ::mlir::MutableOperandRange getDpsInitsMutable() { return getOutputMutable(); }
  }];
}

def LinalgExt_SortOp : LinalgExt_Op<"sort", [SingleBlock]> {
  let summary = "Stable in-place sort of several operands along a dimension";
  let description = [{
    Sorts all `outs` operands together along `dimension`, in place. The
    comparator region gets (lhs_0, rhs_0, lhs_1, rhs_1, ...) scalars and yields
    an i1 that is true when lhs goes before rhs. The sort is stable.

    ```mlir
    %k, %v = linalg_ext.sort dimension(1) outs(%k0, %v0 : tensor<4x10xf32>, tensor<4x10xi32>) {
    ^bb0(%a: f32, %b: f32, %c: i32, %d: i32):
      %lt = arith.cmpf olt, %a, %b : f32
      linalg_ext.yield %lt : i1
    } -> tensor<4x10xf32>, tensor<4x10xi32>
    ```
  }];
  let arguments = (ins Variadic<AnyShaped>:$outputs, I64Attr:$dimension);
  let regions = (region SizedRegion<1>:$comparator);
  let assemblyFormat = [{
    `dimension` `(` $dimension `)` attr-dict
    `outs` `(` $outputs `:` type($outputs) `)` $comparator (`->` type($results)^)?
  }];
  let extraClassDeclaration = [{
    ::mlir::MutableOperandRange getDpsInitsMutable() { return getOutputsMutable(); }
  }];
}

def LinalgExt_GatherOp : LinalgExt_Op<"gather"> {
  let summary = "stablehlo.gather: slices of the operand at indices read from a tensor";
  let description = [{
    The semantics of `stablehlo.gather` (dimension numbers as attributes of the
    same names; start indices are clamped so that each slice stays inside the
    operand; `unsigned_indices` reads the index elements as unsigned). The
    iteration domain is the result: its batch dims are parallel and tile (the
    indices, and the operand along `operand_batching_dims`, are sliced with
    them); its offset dims are `reduction` loops, kept whole, that the scalar
    implementation covers.

    ```mlir
    %r = linalg_ext.gather {collapsed_slice_dims = array<i64: 0>,
           index_vector_dim = 1 : i64, offset_dims = array<i64: 1>,
           operand_batching_dims = array<i64>, slice_sizes = array<i64: 1, 16>,
           start_index_map = array<i64: 0>, start_indices_batching_dims = array<i64>}
           ins(%table, %ids : tensor<50x16xf32>, tensor<8x1xi32>)
           outs(%init : tensor<8x16xf32>) -> tensor<8x16xf32>
    ```
  }];
  let arguments = (ins AnyShaped:$operand, AnyShaped:$indices, AnyShaped:$output,
                       DenseI64ArrayAttr:$offset_dims,
                       DenseI64ArrayAttr:$collapsed_slice_dims,
                       DenseI64ArrayAttr:$operand_batching_dims,
                       DenseI64ArrayAttr:$start_indices_batching_dims,
                       DenseI64ArrayAttr:$start_index_map, I64Attr:$index_vector_dim,
                       DenseI64ArrayAttr:$slice_sizes, UnitAttr:$unsigned_indices);
  let assemblyFormat = [{
    attr-dict `ins` `(` $operand `,` $indices `:` type($operand) `,` type($indices) `)`
    `outs` `(` $output `:` type($output) `)` (`->` type($results)^)?
  }];
  let extraClassDeclaration = [{
    ::mlir::MutableOperandRange getDpsInitsMutable() { return getOutputMutable(); }
    /// Result dims that are not offset dims, in order.
    ::llvm::SmallVector<int64_t> getBatchDims();
  }];
}

def LinalgExt_ScatterOp : LinalgExt_Op<"scatter",
    [AttrSizedOperandSegments, SingleBlock]> {
  let summary = "stablehlo.scatter: combine updates into the outputs at indices";
  let description = [{
    The semantics of `stablehlo.scatter` on the `outs` operands, in place
    (dimension numbers as attributes of the same names; update elements whose
    index falls outside the output are skipped; `unsigned_indices` reads the
    index elements as unsigned). The region gets (current_0, ..., update_0, ...)
    scalars and yields the new values. The iteration domain is the updates'
    shape; all its loops are `reduction` loops (two updates may hit the same
    element), kept whole, that the scalar implementation runs in order.

    ```mlir
    %r = linalg_ext.scatter {index_vector_dim = 1 : i64, input_batching_dims = array<i64>,
           inserted_window_dims = array<i64: 0>, scatter_dims_to_operand_dims = array<i64: 0>,
           scatter_indices_batching_dims = array<i64>, update_window_dims = array<i64: 1>}
           ins(%ids, %upd : tensor<6x1xi32>, tensor<6x3xf32>)
           outs(%x : tensor<10x3xf32>) {
    ^bb0(%cur: f32, %u: f32):
      %s = arith.addf %cur, %u : f32
      linalg_ext.yield %s : f32
    } -> tensor<10x3xf32>
    ```
  }];
  let arguments = (ins AnyShaped:$indices, Variadic<AnyShaped>:$updates,
                       Variadic<AnyShaped>:$outputs,
                       DenseI64ArrayAttr:$update_window_dims,
                       DenseI64ArrayAttr:$inserted_window_dims,
                       DenseI64ArrayAttr:$input_batching_dims,
                       DenseI64ArrayAttr:$scatter_indices_batching_dims,
                       DenseI64ArrayAttr:$scatter_dims_to_operand_dims,
                       I64Attr:$index_vector_dim, UnitAttr:$unsigned_indices);
  let regions = (region SizedRegion<1>:$update_computation);
  let assemblyFormat = [{
    attr-dict `ins` `(` $indices `,` $updates `:` type($indices) `,` type($updates) `)`
    `outs` `(` $outputs `:` type($outputs) `)` $update_computation
    (`->` type($results)^)?
  }];
  let extraClassDeclaration = [{
    ::mlir::MutableOperandRange getDpsInitsMutable() { return getOutputsMutable(); }
  }];
}

#endif // BYTEIR_DIALECT_LINALGEXT_IR_LINALGEXTOPS
