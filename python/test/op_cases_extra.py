"""Op-level cases for test_op_coverage.py that the stablehlo-legalize-to-linalg e2e
harnesses (compiler/test/Conversion/StableHLOToLinalg/Inputs/e2e_part*.py) lack.

`cases(rng, part2)` returns a list of (name, module, inputs, expected, tol):
  module    StableHLO text whose entry is `func.func @main`;
  inputs    numpy arrays, drawn from `rng` (fresh per run);
  expected  numpy references, one per result, or a callable(results) that raises
            AssertionError (for checks that are statistical only);
  tol       rtol = atol for float results (integers are always compared exactly).
`part2` is the e2e_part2 module: its numpy models (ref_conv, ref_rng_bits) are reused.

What is here:
  * dynamic_conv and dynamic_gather, which no harness case exercises;
  * sort, scatter, dynamic_update_slice and rng_bit_generator applied to an
    intermediate value rather than to an entry argument, so that their numerics are
    checked independently of the input-clobbering bug that the harness cases
    (which apply them to arguments) run into;
  * rng_bit_generator: an exact check against the Philox model on fresh states and
    a statistical sanity check of a larger draw;
  * BUG_CASES: minimal programs showing that bug as a wrong result;
  * the HLO passes of the frontend: dot_general forms that byteir-dot-general-normalize
    turns into batched matmuls (vs numpy einsum), batch norm with a trailing feature
    dim (byteir-unfuse-batch-norm), zero-element tensors and reductions of constants
    (byteir-hlo-fold-constants), and f64->f16, f64->bf16, f32->bf16 conversions
    compared bit for bit with numpy (f16) and a round-to-nearest-even bf16 model;
  * cumulative sum / product / max as JAX emits them (a reduce_window over the
    whole axis, lowered to linalg_ext.scan), forward and reversed, f32 and i32,
    vs np.cumsum / np.cumprod / np.maximum.accumulate.
"""
import numpy as np

ELEM = {np.dtype(np.float16): "f16", np.dtype(np.float32): "f32", np.dtype(np.float64): "f64",
        np.dtype(np.bool_): "i1", np.dtype(np.int8): "i8", np.dtype(np.int16): "i16",
        np.dtype(np.int32): "i32", np.dtype(np.int64): "i64", np.dtype(np.uint8): "ui8",
        np.dtype(np.uint16): "ui16", np.dtype(np.uint32): "ui32", np.dtype(np.uint64): "ui64"}


def tt(a):
    """The tensor type of numpy array `a`."""
    return "tensor<" + "".join(f"{d}x" for d in a.shape) + ELEM[a.dtype] + ">"


def f32(a):
    return np.asarray(a, np.float32)


SORT_BY_KEYS = """
func.func @main(%x: tensor<3x9xf32>) -> (tensor<3x9xf32>, tensor<3x9xi32>) {
  %n = stablehlo.negate %x : tensor<3x9xf32>
  %i = stablehlo.iota dim = 1 : tensor<3x9xi32>
  %0:2 = "stablehlo.sort"(%n, %i) <{dimension = 1 : i64, is_stable = true}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>, %c: tensor<i32>, %d: tensor<i32>):
    %p = stablehlo.compare LT, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %p : tensor<i1>
  }) : (tensor<3x9xf32>, tensor<3x9xi32>) -> (tensor<3x9xf32>, tensor<3x9xi32>)
  return %0#0, %0#1 : tensor<3x9xf32>, tensor<3x9xi32>
}"""

SCATTER_ADD = """
func.func @main(%x: tensor<6x3xf32>, %i: tensor<5x1xi32>, %u: tensor<5x3xf32>) -> tensor<6x3xf32> {
  %t = stablehlo.add %x, %x : tensor<6x3xf32>
  %0 = "stablehlo.scatter"(%t, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%p: tensor<f32>, %q: tensor<f32>):
    %s = stablehlo.add %p, %q : tensor<f32>
    stablehlo.return %s : tensor<f32>
  }) : (tensor<6x3xf32>, tensor<5x1xi32>, tensor<5x3xf32>) -> tensor<6x3xf32>
  return %0 : tensor<6x3xf32>
}"""

UPDATE_SLICE = """
func.func @main(%x: tensor<5x4xf32>, %u: tensor<2x3xf32>, %r: tensor<i32>, %c: tensor<i32>) -> tensor<5x4xf32> {
  %t = stablehlo.add %x, %x : tensor<5x4xf32>
  %0 = stablehlo.dynamic_update_slice %t, %u, %r, %c : (tensor<5x4xf32>, tensor<2x3xf32>, tensor<i32>, tensor<i32>) -> tensor<5x4xf32>
  return %0 : tensor<5x4xf32>
}"""

# The state is xor-ed with a constant first, so the generator consumes an
# intermediate value (see the module docstring).
RNG_MASK = np.array([0x0F0F0F0F0F0F0F0F, 0x1], np.uint64)
RNG_PHILOX = """
func.func @main(%s: tensor<2xui64>) -> (tensor<2xui64>, tensor<8x16xui32>) {
  %m = stablehlo.constant dense<[1085102592571150095, 1]> : tensor<2xui64>
  %k = stablehlo.xor %s, %m : tensor<2xui64>
  %0:2 = stablehlo.rng_bit_generator %k, algorithm = PHILOX : (tensor<2xui64>) -> (tensor<2xui64>, tensor<8x16xui32>)
  return %0#0, %0#1 : tensor<2xui64>, tensor<8x16xui32>
}"""

RNG_STATS = """
func.func @main(%s: tensor<2xui64>) -> (tensor<2xui64>, tensor<64x64xui64>, tensor<2xui64>) {
  %m = stablehlo.constant dense<[1085102592571150095, 1]> : tensor<2xui64>
  %k = stablehlo.xor %s, %m : tensor<2xui64>
  %0:2 = stablehlo.rng_bit_generator %k, algorithm = THREE_FRY : (tensor<2xui64>) -> (tensor<2xui64>, tensor<64x64xui64>)
  return %0#0, %0#1, %k : tensor<2xui64>, tensor<64x64xui64>, tensor<2xui64>
}"""


def check_rng_stats(results):
    new_state, bits, old_state = results
    assert bits.shape == (64, 64) and bits.dtype == np.uint64, (bits.shape, bits.dtype)
    assert new_state.shape == (2,) and new_state.dtype == np.uint64
    assert not np.array_equal(new_state, old_state), "the state did not advance"
    flat = bits.reshape(-1)
    assert len(np.unique(flat)) == flat.size, "repeated 64-bit draws"
    # Each of the 64 bit positions is set in about half of the 4096 draws
    # (binomial: sd 32, so +-256 is 8 sd).
    ones = np.array([int(((flat >> np.uint64(b)) & np.uint64(1)).sum()) for b in range(64)])
    assert ((ones > 2048 - 256) & (ones < 2048 + 256)).all(), f"biased bit counts {ones}"
    # Uniform on [0, 1): mean 0.5 (sd 0.0045 over 4096 draws).
    u = (flat >> np.uint64(11)).astype(np.float64) / 2.0**53
    assert abs(u.mean() - 0.5) < 0.03, u.mean()
    # Neighbouring draws uncorrelated.
    assert abs(np.corrcoef(u[:-1], u[1:])[0, 1]) < 0.1


def cases(rng, part2):
    out = []

    # dynamic_conv with a constant padding operand; NHWC x HWIO, strides 2x1.
    lhs = f32(rng.standard_normal((1, 6, 6, 3)))
    rhs = f32(rng.standard_normal((3, 3, 3, 4)))
    want = part2.ref_conv(lhs, rhs, (0, 3, [1, 2], 2, 3, [0, 1], 0, 3, [1, 2]), [2, 1],
                          [(1, 1), (0, 2)], [1, 1], [1, 1], [False, False])
    out.append(("dynamic_conv", f"""
func.func @main(%x: {tt(lhs)}, %w: {tt(rhs)}) -> {tt(want)} {{
  %p = stablehlo.constant dense<[[1, 1], [0, 2]]> : tensor<2x2xi64>
  %0 = "stablehlo.dynamic_conv"(%x, %w, %p) <{{batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 1 : i64, window_strides = array<i64: 2, 1>}}> : ({tt(lhs)}, {tt(rhs)}, tensor<2x2xi64>) -> {tt(want)}
  return %0 : {tt(want)}
}}""", [lhs, rhs], [want], 1e-4))

    # dynamic_gather with constant slice sizes [1, 3]; start indices out of range
    # in both directions are clamped into the operand.
    op = f32(rng.standard_normal((7, 5)))
    ind = rng.integers(-3, 10, (4, 2)).astype(np.int32)
    ind[0] = (9, -2)
    want = np.stack([op[min(max(r, 0), 6), min(max(c, 0), 2):min(max(c, 0), 2) + 3]
                     for r, c in ind.tolist()])
    out.append(("dynamic_gather", f"""
func.func @main(%x: tensor<7x5xf32>, %i: tensor<4x2xi32>) -> tensor<4x3xf32> {{
  %s = stablehlo.constant dense<[1, 3]> : tensor<2xi32>
  %0 = "stablehlo.dynamic_gather"(%x, %i, %s) <{{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0, 1], index_vector_dim = 1>}}> : (tensor<7x5xf32>, tensor<4x2xi32>, tensor<2xi32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}}""", [op, ind], [want], 0))

    # sort of (keys, iota) by keys, keys being an intermediate value.
    x = f32(rng.standard_normal((3, 9)))
    order = np.argsort(-x, axis=1, kind="stable")
    out.append(("sort_intermediate_keys_values", SORT_BY_KEYS, [x],
                [np.take_along_axis(-x, order, 1), order.astype(np.int32)], 0))

    # scatter-add into an intermediate, with repeated indices.
    x = f32(rng.standard_normal((6, 3)))
    idx = rng.integers(0, 6, (5, 1)).astype(np.int32)
    idx[1] = idx[3]
    upd = f32(rng.standard_normal((5, 3)))
    want = (2 * x).astype(np.float64)
    np.add.at(want, idx[:, 0], upd)
    out.append(("scatter_add_intermediate", SCATTER_ADD, [x, idx, upd], [f32(want)], 1e-5))

    # dynamic_update_slice of an intermediate, start indices clamped.
    x = f32(rng.standard_normal((5, 4)))
    upd = f32(rng.standard_normal((2, 3)))
    r0, c0 = int(rng.integers(-2, 8)), int(rng.integers(-2, 5))
    want = 2 * x
    cr, cc = min(max(r0, 0), 3), min(max(c0, 0), 1)
    want[cr:cr + 2, cc:cc + 3] = upd
    out.append(("dynamic_update_slice_intermediate", UPDATE_SLICE,
                [x, upd, np.array(r0, np.int32), np.array(c0, np.int32)], [want], 0))

    # rng_bit_generator: exact bits of the Philox model on a fresh state.
    state = rng.integers(0, 2**63, 2, dtype=np.int64).astype(np.uint64) * np.uint64(2) + np.uint64(1)
    new, bits = part2.ref_rng_bits(state ^ RNG_MASK, (8, 16), 32)
    out.append(("rng_bit_generator_philox_fresh_state", RNG_PHILOX, [state], [new, bits], 0))
    state = rng.integers(0, 2**63, 2, dtype=np.int64).astype(np.uint64) * np.uint64(2) + np.uint64(1)
    out.append(("rng_bit_generator_statistics", RNG_STATS, [state], check_rng_stats, 0))
    return out + dot_general_cases(rng) + batch_norm_cases(rng) + empty_tensor_cases(rng) \
        + fold_constant_cases(rng) + conversion_cases(rng) + scan_cases(rng)


# Regression programs for a fixed bug: an op lowered in place (sort, scatter,
# dynamic_update_slice) wrote its result into the buffer of its operand, an entry
# argument that is also read afterwards. Kernel arguments are now not writable.
SORT_AND_RETURN_INPUT = """
func.func @main(%x: tensor<4x6xf32>) -> (tensor<4x6xf32>, tensor<4x6xf32>) {
  %s = "stablehlo.sort"(%x) <{dimension = 1 : i64}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %p = stablehlo.compare LT, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %p : tensor<i1>
  }) : (tensor<4x6xf32>) -> tensor<4x6xf32>
  return %s, %x : tensor<4x6xf32>, tensor<4x6xf32>
}"""

SORT_THEN_MATMUL_THEN_ADD_INPUT = """
func.func @main(%x: tensor<4x4xf32>, %y: tensor<4x4xf32>) -> (tensor<4x4xf32>, tensor<4x4xf32>) {
  %s = "stablehlo.sort"(%x) <{dimension = 1 : i64}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %p = stablehlo.compare LT, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %p : tensor<i1>
  }) : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %d = stablehlo.dot_general %s, %y, contracting_dims = [1] x [0] : (tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x4xf32>
  %n = stablehlo.add %d, %x : tensor<4x4xf32>
  return %s, %n : tensor<4x4xf32>, tensor<4x4xf32>
}"""

UPDATE_SLICE_AND_RETURN_INPUT = """
func.func @main(%x: tensor<5x4xf32>, %u: tensor<2x2xf32>) -> (tensor<5x4xf32>, tensor<5x4xf32>) {
  %c1 = stablehlo.constant dense<1> : tensor<i32>
  %0 = stablehlo.dynamic_update_slice %x, %u, %c1, %c1 : (tensor<5x4xf32>, tensor<2x2xf32>, tensor<i32>, tensor<i32>) -> tensor<5x4xf32>
  return %0, %x : tensor<5x4xf32>, tensor<5x4xf32>
}"""


def bug_cases(rng):
    out = []
    x = f32(rng.standard_normal((4, 6)))
    out.append(("bug_sort_then_return_input", SORT_AND_RETURN_INPUT, [x],
                [np.sort(x, axis=1), x.copy()], 0))
    x, y = f32(rng.standard_normal((4, 4))), f32(rng.standard_normal((4, 4)))
    s = np.sort(x, axis=1)
    out.append(("bug_sort_then_later_kernel_reads_input", SORT_THEN_MATMUL_THEN_ADD_INPUT,
                [x, y], [s, f32(s.astype(np.float64) @ y + x)], 1e-5))
    x, u = f32(rng.standard_normal((5, 4))), f32(rng.standard_normal((2, 2)))
    want = x.copy()
    want[1:3, 1:3] = u
    out.append(("bug_dynamic_update_slice_then_return_input", UPDATE_SLICE_AND_RETURN_INPUT,
                [x, u], [want, x.copy()], 0))
    return out


# ---------------------------------------------------------------------------
# HLO passes of the frontend
# ---------------------------------------------------------------------------

def _dot_module(lhs, rhs, want, dims):
    return f"""
func.func @main(%a: {tt(lhs)}, %b: {tt(rhs)}) -> {tt(want)} {{
  %0 = stablehlo.dot_general %a, %b, {dims} : ({tt(lhs)}, {tt(rhs)}) -> {tt(want)}
  return %0 : {tt(want)}
}}"""


# (name, einsum spec, lhs shape, rhs shape, dot_general dimension text)
DOT_FORMS = [
    ("two_contracting_dims", "ijk,jkl->il", (5, 3, 4), (3, 4, 6),
     "contracting_dims = [1, 2] x [0, 1]"),
    ("batch_not_leading", "mbk,kbn->bmn", (5, 3, 4), (4, 3, 6),
     "batching_dims = [1] x [1], contracting_dims = [2] x [0]"),
    ("attention_scores", "bqhd,bkhd->bhqk", (2, 5, 3, 8), (2, 7, 3, 8),
     "batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3]"),
    ("matvec", "ij,j->i", (6, 5), (5,), "contracting_dims = [1] x [0]"),
    ("vecmat_transposed", "j,ij->i", (5,), (6, 5), "contracting_dims = [0] x [1]"),
    ("inner_product", "i,i->", (7,), (7,), "contracting_dims = [0] x [0]"),
    ("merged_free_dims", "kab,kcd->abcd", (4, 2, 3), (4, 5, 2), "contracting_dims = [0] x [0]"),
]


def dot_general_cases(rng):
    out = []
    for name, spec, ls, rs, dims in DOT_FORMS:
        lhs, rhs = f32(rng.standard_normal(ls)), f32(rng.standard_normal(rs))
        want = f32(np.einsum(spec, lhs.astype(np.float64), rhs.astype(np.float64)))
        out.append((f"dot_general_{name}", _dot_module(lhs, rhs, want, dims), [lhs, rhs],
                    [want], 1e-5))
    return out


def batch_norm_cases(rng):
    """NHWC batch norm (feature_index 3), inference and training; f16 training."""
    x = f32(rng.standard_normal((2, 3, 4, 5)))
    scale, offset = f32(rng.random(5) + 0.5), f32(rng.standard_normal(5))
    mean, var = f32(rng.standard_normal(5)), f32(rng.random(5) + 0.5)
    eps = 1e-3
    x64 = x.astype(np.float64)
    y = (x64 - mean) / np.sqrt(var.astype(np.float64) + eps) * scale + offset
    mu, sigma2 = x64.mean(axis=(0, 1, 2)), x64.var(axis=(0, 1, 2))
    yt = (x64 - mu) / np.sqrt(sigma2 + eps) * scale + offset
    v = "tensor<5xf32>"
    # f16 training over 256 rows: statistics accumulated in f32.
    xh = (rng.standard_normal((256, 5)) * 4 + 30).astype(np.float16)
    xh64 = xh.astype(np.float64)
    mh, vh = xh64.mean(axis=0), xh64.var(axis=0)
    sh, oh = scale.astype(np.float16), offset.astype(np.float16)
    yh = (xh64 - mh) / np.sqrt(vh + eps) * sh.astype(np.float64) + oh.astype(np.float64)
    h = "tensor<5xf16>"
    f16_case = ("batch_norm_training_f16", f"""
func.func @main(%x: {tt(xh)}, %s: {h}, %o: {h}) -> ({tt(xh)}, {h}, {h}) {{
  %0:3 = "stablehlo.batch_norm_training"(%x, %s, %o) <{{epsilon = 1.0e-3 : f32, feature_index = 1 : i64}}> : ({tt(xh)}, {h}, {h}) -> ({tt(xh)}, {h}, {h})
  return %0#0, %0#1, %0#2 : {tt(xh)}, {h}, {h}
}}""", [xh, sh, oh], [yh.astype(np.float16), mh.astype(np.float16), vh.astype(np.float16)],
                2e-3)
    return [f16_case,
        ("batch_norm_inference_nhwc", f"""
func.func @main(%x: {tt(x)}, %s: {v}, %o: {v}, %m: {v}, %v: {v}) -> {tt(x)} {{
  %0 = "stablehlo.batch_norm_inference"(%x, %s, %o, %m, %v) <{{epsilon = 1.0e-3 : f32, feature_index = 3 : i64}}> : ({tt(x)}, {v}, {v}, {v}, {v}) -> {tt(x)}
  return %0 : {tt(x)}
}}""", [x, scale, offset, mean, var], [f32(y)], 1e-5),
        ("batch_norm_training_nhwc", f"""
func.func @main(%x: {tt(x)}, %s: {v}, %o: {v}) -> ({tt(x)}, {v}, {v}) {{
  %0:3 = "stablehlo.batch_norm_training"(%x, %s, %o) <{{epsilon = 1.0e-3 : f32, feature_index = 3 : i64}}> : ({tt(x)}, {v}, {v}) -> ({tt(x)}, {v}, {v})
  return %0#0, %0#1, %0#2 : {tt(x)}, {v}, {v}
}}""", [x, scale, offset], [f32(yt), f32(mu), f32(sigma2)], 1e-5),
    ]


EMPTY_TENSORS = """
func.func @main(%a: tensor<0x4xf32>, %b: tensor<3x4xf32>, %c: tensor<4x0xf32>) -> (tensor<0x4xf32>, tensor<3x4xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<2x4xf32>, tensor<4x0xi32>, tensor<3x4xf32>) {
  %0 = stablehlo.exponential %a : tensor<0x4xf32>
  %1 = stablehlo.concatenate %0, %b, dim = 0 : (tensor<0x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  %init = stablehlo.constant dense<1.5> : tensor<f32>
  %2 = stablehlo.reduce(%a init: %init) applies stablehlo.add across dimensions = [0] : (tensor<0x4xf32>, tensor<f32>) -> tensor<4xf32>
  %3 = stablehlo.dot_general %c, %a, contracting_dims = [1] x [0] : (tensor<4x0xf32>, tensor<0x4xf32>) -> tensor<4x4xf32>
  %4 = stablehlo.pad %a, %init, low = [1, 0], high = [1, 0], interior = [0, 0] : (tensor<0x4xf32>, tensor<f32>) -> tensor<2x4xf32>
  %5 = stablehlo.convert %c : (tensor<4x0xf32>) -> tensor<4x0xi32>
  %6 = stablehlo.exponential %1 : tensor<3x4xf32>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<0x4xf32>, tensor<3x4xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<2x4xf32>, tensor<4x0xi32>, tensor<3x4xf32>
}"""

ONLY_EMPTY = """
func.func @main(%a: tensor<0x3xf32>) -> (tensor<3x0xf32>, tensor<0xi64>) {
  %0 = stablehlo.transpose %a, dims = [1, 0] : (tensor<0x3xf32>) -> tensor<3x0xf32>
  %1 = stablehlo.abs %0 : tensor<3x0xf32>
  %2 = stablehlo.iota dim = 0 : tensor<0xi64>
  return %1, %2 : tensor<3x0xf32>, tensor<0xi64>
}"""

EMPTY_THEN_MATMUL = """
func.func @main(%a: tensor<0x4xf32>, %b: tensor<4x6xf32>, %c: tensor<5x0xf32>, %d: tensor<0x6xf32>) -> (tensor<0x6xf32>, tensor<5x6xf32>) {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0] : (tensor<0x4xf32>, tensor<4x6xf32>) -> tensor<0x6xf32>
  %1 = stablehlo.dot_general %c, %d, contracting_dims = [1] x [0] : (tensor<5x0xf32>, tensor<0x6xf32>) -> tensor<5x6xf32>
  return %0, %1 : tensor<0x6xf32>, tensor<5x6xf32>
}"""


SCATTER_NO_UPDATES = """
func.func @main(%x: tensor<5x3xf32>, %i: tensor<0x1xi32>, %u: tensor<0x3xf32>) -> tensor<5x3xf32> {
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %s : tensor<f32>
  }) : (tensor<5x3xf32>, tensor<0x1xi32>, tensor<0x3xf32>) -> tensor<5x3xf32>
  return %0 : tensor<5x3xf32>
}"""


def empty_tensor_cases(rng):
    a, c = np.zeros((0, 4), np.float32), np.zeros((4, 0), np.float32)
    b = f32(rng.standard_normal((3, 4)))
    want = [np.zeros((0, 4), np.float32), b.copy(), np.full(4, 1.5, np.float32),
            np.zeros((4, 4), np.float32), np.full((2, 4), 1.5, np.float32),
            np.zeros((4, 0), np.int32), np.exp(b)]
    x5 = f32(rng.standard_normal((5, 3)))
    return [
        ("empty_tensors", EMPTY_TENSORS, [a, b, c], want, 1e-6),
        ("empty_tensors_only_empty_results", ONLY_EMPTY, [np.zeros((0, 3), np.float32)],
         [np.zeros((3, 0), np.float32), np.zeros((0,), np.int64)], 0),
        ("empty_tensors_matmul", EMPTY_THEN_MATMUL,
         [a, f32(rng.standard_normal((4, 6))), np.zeros((5, 0), np.float32),
          np.zeros((0, 6), np.float32)],
         [np.zeros((0, 6), np.float32), np.zeros((5, 6), np.float32)], 0),
        ("empty_tensors_scatter_without_updates", SCATTER_NO_UPDATES,
         [x5, np.zeros((0, 1), np.int32), np.zeros((0, 3), np.float32)], [x5.copy()], 0),
    ]


def fold_constant_cases(rng):
    """Shape canonicalizations, and a reduction of a constant feeding a computation
    on an input."""
    k = f32(rng.standard_normal((3, 8)))
    x = f32(rng.standard_normal((3,)))
    dense = ", ".join("[" + ", ".join(f"{v:.9e}" for v in row) + "]" for row in k)
    want = [x + k.max(axis=1), x + k.sum(axis=1)]
    y = f32(rng.standard_normal((3, 4)))
    c = f32(rng.standard_normal((2, 5)))
    out = [("canonicalize_transpose_of_broadcast_slice_of_concat", f"""
func.func @main(%y: tensor<3x4xf32>, %c: tensor<2x5xf32>) -> (tensor<4x2x3xf32>, tensor<2x2xf32>) {{
  %0 = stablehlo.broadcast_in_dim %y, dims = [0, 2] : (tensor<3x4xf32>) -> tensor<3x2x4xf32>
  %1 = stablehlo.transpose %0, dims = [2, 1, 0] : (tensor<3x2x4xf32>) -> tensor<4x2x3xf32>
  %2 = stablehlo.concatenate %c, %c, dim = 1 : (tensor<2x5xf32>, tensor<2x5xf32>) -> tensor<2x10xf32>
  %3 = stablehlo.slice %2 [0:2, 6:10:2] : (tensor<2x10xf32>) -> tensor<2x2xf32>
  return %1, %3 : tensor<4x2x3xf32>, tensor<2x2xf32>
}}""", [y, c], [np.broadcast_to(y[:, None, :], (3, 2, 4)).transpose(2, 1, 0).copy(),
                c[:, 1:5:2].copy()], 0)]
    return out + [("fold_constant_reduce", f"""
func.func @main(%x: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>) {{
  %k = stablehlo.constant dense<[{dense}]> : tensor<3x8xf32>
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %m = stablehlo.reduce(%k init: %ninf) applies stablehlo.maximum across dimensions = [1] : (tensor<3x8xf32>, tensor<f32>) -> tensor<3xf32>
  %s = stablehlo.reduce(%k init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<3x8xf32>, tensor<f32>) -> tensor<3xf32>
  %0 = stablehlo.add %x, %m : tensor<3xf32>
  %1 = stablehlo.add %x, %s : tensor<3xf32>
  return %0, %1 : tensor<3xf32>, tensor<3xf32>
}}""", [x], want, 1e-5)]


# --- conversions ----------------------------------------------------------------

def bf16_nearest_even(x):
    """bf16 bits (uint16) of float64 `x`, rounded to nearest even: the nearest of
    all finite bf16 values, ties to the even bit pattern, overflow to infinity at
    the midpoint above the largest finite value, NaN as the quiet NaN 0x7fc0."""
    bits = np.arange(0x7f80, dtype=np.uint32)                       # +0 .. max finite
    values = (bits << np.uint32(16)).view(np.float32).astype(np.float64)
    ulp_top = values[-1] - values[-2]
    mag = np.abs(x)
    hi = np.clip(np.searchsorted(values, mag), 1, len(values) - 1)
    lo = hi - 1
    d_lo, d_hi = mag - values[lo], values[hi] - mag
    pick_hi = (d_hi < d_lo) | ((d_hi == d_lo) & (bits[hi] % 2 == 0))
    out = np.where(pick_hi, bits[hi], bits[lo]).astype(np.uint32)
    out = np.where(mag == 0, 0, out)
    out = np.where(mag >= values[-1] + ulp_top / 2, 0x7f80, out)
    out = np.where(np.signbit(x), out | 0x8000, out)
    out = np.where(np.isnan(x), 0x7fc0 | np.where(np.signbit(x), 0x8000, 0), out)
    return out.astype(np.uint16)


def _special_f64(fmt_max, fmt_min_sub):
    """Values at the edges of a 16-bit format: zeros, infinities, NaN, the largest
    finite value and the overflow midpoint, subnormals and their halfway points."""
    edges = [0.0, -0.0, np.inf, -np.inf, np.nan, -np.nan, fmt_max, -fmt_max,
             fmt_min_sub, fmt_min_sub / 2, fmt_min_sub * 1.5, fmt_min_sub * 2.5,
             fmt_min_sub * 0.5000001, 1e300, -1e-300, 5e-324, 1.0, -2.5]
    return np.array(edges, np.float64)


def _check_bits(want_bits, nan):
    """Bit-exact comparison of 16-bit results; where the input is a NaN the result
    must be a NaN (payload and sign are not specified)."""
    def check(results):
        got = results[0].view(np.uint16)
        assert got.shape == want_bits.shape, (got.shape, want_bits.shape)
        exp_mask, mant_mask = (0x7c00, 0x03ff) if nan == "f16" else (0x7f80, 0x007f)
        is_nan = ((got & exp_mask) == exp_mask) & ((got & mant_mask) != 0)
        want_nan = ((want_bits & exp_mask) == exp_mask) & ((want_bits & mant_mask) != 0)
        bad = np.nonzero(np.where(want_nan, ~is_nan, got != want_bits))[0]
        assert bad.size == 0, f"{bad.size} of {got.size} differ, first at {bad[:5]}: " \
            f"got {[hex(v) for v in got[bad[:5]]]} want {[hex(v) for v in want_bits[bad[:5]]]}"
    return check


def _convert_module(src, dst, n):
    return f"""
func.func @main(%x: tensor<{n}x{src}>) -> tensor<{n}xui16> {{
  %0 = stablehlo.convert %x : (tensor<{n}x{src}>) -> tensor<{n}x{dst}>
  %1 = stablehlo.bitcast_convert %0 : (tensor<{n}x{dst}>) -> tensor<{n}xui16>
  return %1 : tensor<{n}xui16>
}}"""


def conversion_cases(rng):
    with np.errstate(over="ignore"):   # overflow to infinity is what is tested
        return _conversion_cases(rng)


def _conversion_cases(rng):
    out = []
    # f64 -> f16: random values over the whole f16 range (normal and subnormal),
    # values just off ties, and the edges; numpy's conversion is the reference.
    scale = np.exp2(rng.integers(-27, 17, 512)).astype(np.float64)
    x = np.concatenate([rng.standard_normal(512) * scale,
                        _special_f64(65504.0, 2.0**-24),
                        [65519.99, 65520.0, -65520.0, 2.0**-14 * (1 - 2.0**-12)]])
    want = x.astype(np.float16).view(np.uint16)
    out.append(("convert_f64_to_f16_bits", _convert_module("f64", "f16", x.size), [x],
                _check_bits(want, "f16"), 0))
    # f64 -> bf16: one rounding from f64 (no double rounding through f32).
    bf_max = float(np.array([0x7f7f0000], np.uint32).view(np.float32)[0])
    scale = np.exp2(rng.integers(-140, 128, 512)).astype(np.float64)
    tie = 1.0 + 2.0**-8                                      # halfway between bf16 1 and 1+2^-7
    x = np.concatenate([rng.standard_normal(512) * scale, _special_f64(bf_max, 2.0**-133),
                        [tie, tie + 2.0**-40, 1.0 + 3 * 2.0**-8, 1.0 + 2.0**-8 - 2.0**-35]])
    out.append(("convert_f64_to_bf16_bits", _convert_module("f64", "bf16", x.size), [x],
                _check_bits(bf16_nearest_even(x), "bf16"), 0))
    # f32 -> bf16, including f32 subnormals.
    scale = np.exp2(rng.integers(-148, 128, 512)).astype(np.float64)
    x32 = np.concatenate([f32(rng.standard_normal(512) * scale),
                          f32(_special_f64(bf_max, 2.0**-133)),
                          f32([1.0 + 2.0**-8, 1.0 + 3 * 2.0**-8, 1e-45, -3e-40])])
    out.append(("convert_f32_to_bf16_bits", _convert_module("f32", "bf16", x32.size), [x32],
                _check_bits(bf16_nearest_even(x32.astype(np.float64)), "bf16"), 0))
    return out


# ---------------------------------------------------------------------------
# Cumulative scans: reduce_window with window = the whole axis, padding (n-1, 0)
# (forward) or (0, n-1) (reversed), init = the identity of the body.
# ---------------------------------------------------------------------------

def _scan_module(x, axis, reverse, hlo_op, init):
    n = x.shape[axis]
    window = ", ".join(str(n if d == axis else 1) for d in range(x.ndim))
    pad = ", ".join(("[0, %d]" % (n - 1) if reverse else "[%d, 0]" % (n - 1))
                    if d == axis else "[0, 0]" for d in range(x.ndim))
    e = ELEM[x.dtype]
    return f"""
func.func @main(%x: {tt(x)}) -> {tt(x)} {{
  %init = stablehlo.constant dense<{init}> : tensor<{e}>
  %0 = "stablehlo.reduce_window"(%x, %init) <{{padding = dense<[{pad}]> : tensor<{x.ndim}x2xi64>, window_dimensions = array<i64: {window}>}}> ({{
  ^bb0(%a: tensor<{e}>, %b: tensor<{e}>):
    %r = stablehlo.{hlo_op} %a, %b : tensor<{e}>
    stablehlo.return %r : tensor<{e}>
  }}) : ({tt(x)}, tensor<{e}>) -> {tt(x)}
  return %0 : {tt(x)}
}}"""


def _nonzero_f32(rng, shape, lo, hi):
    """Random f32 values with magnitude in [lo, hi) and a random sign."""
    return f32(rng.uniform(lo, hi, shape) * rng.choice([-1.0, 1.0], shape))


def _nonzero_i32(rng, shape, lo, hi):
    return (rng.integers(lo, hi, shape) * rng.choice([-1, 1], shape)).astype(np.int32)


# (name, hlo op, numpy accumulate, identity text for f32, identity text for i32)
SCAN_KINDS = [
    ("cumsum", "add", np.cumsum, "0.000000e+00", "0"),
    ("cumprod", "multiply", np.cumprod, "1.000000e+00", "1"),
    ("cummax", "maximum", lambda a, axis: np.maximum.accumulate(a, axis=axis),
     "0xFF800000", str(np.iinfo(np.int32).min)),
]


def scan_cases(rng):
    out = []
    for name, hlo_op, acc, f_init, i_init in SCAN_KINDS:
        for dtype in (np.float32, np.int32):
            for reverse in (False, True):
                axis = 1 if reverse else 0
                shape = (5, 7) if dtype == np.float32 else (6, 4)
                if name == "cumprod":
                    # Small factors keep products in range (and exact for i32).
                    x = _nonzero_f32(rng, shape, 0.5, 1.5) if dtype == np.float32 \
                        else _nonzero_i32(rng, shape, 1, 4)
                else:
                    x = _nonzero_f32(rng, shape, 0.1, 4.0) if dtype == np.float32 \
                        else _nonzero_i32(rng, shape, 1, 1000)
                wide = x.astype(np.float64) if dtype == np.float32 else x.astype(np.int64)
                if reverse:
                    want = np.flip(acc(np.flip(wide, axis), axis=axis), axis)
                else:
                    want = acc(wide, axis=axis)
                want = want.astype(dtype)
                module = _scan_module(x, axis, reverse, hlo_op,
                                      f_init if dtype == np.float32 else i_init)
                tag = ("reverse_" if reverse else "") + ELEM[np.dtype(dtype)]
                out.append((f"scan_{name}_{tag}", module, [x], [want],
                            1e-4 if dtype == np.float32 else 0))
    return out
