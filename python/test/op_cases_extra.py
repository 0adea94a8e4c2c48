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
  * BUG_CASES: minimal programs showing that bug as a wrong result.
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
    return out


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
