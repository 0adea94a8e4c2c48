# Op-level numerics for stablehlo-legalize-to-linalg, run by run_e2e.py ("ops").
# Each case: (name, func text with entry @f, inputs, expected outputs, tolerance).
# Expected values follow the StableHLO spec (XLA's choices where the spec leaves
# a case to the implementation: integer division by zero gives -1 / all ones,
# x % 0 = x, float->int converts saturate and map NaN to 0).
# `np` is provided by the runner.
import math

CASES = []

F32_SPECIAL = np.array([-2.5, -1.5, -0.5, -0.0, 0.0, 0.25, 0.5, 1.5, 2.5, 3.7, 100.0,
                        np.inf, -np.inf, np.nan], dtype=np.float32)
F32_POS = np.array([0.0, 0.01, 0.1, 0.5, 1.0, 2.0, 10.0, 1e6, np.inf, np.nan], dtype=np.float32)
I32_EDGE = np.array([0, 1, -1, 7, -8, 100, -100, 2**31 - 1, -2**31], dtype=np.int32)


def ttype(shape, elem):
    return "tensor<" + "".join(f"{'?' if d is None else d}x" for d in shape) + elem + ">"


def add(name, body_ops, args, results, inputs, outputs, tol=1e-6):
    """args/results: list of (shape, elem). body_ops: MLIR lines using %a0.. and
    ending with values named in the return (given as last line 'return ...')."""
    sig = ", ".join(f"%a{i}: {ttype(s, e)}" for i, (s, e) in enumerate(args))
    res = ", ".join(ttype(s, e) for s, e in results)
    text = f"func.func @f({sig}) -> ({res}) {{\n" + "\n".join("  " + l for l in body_ops) + "\n}"
    CASES.append((name, text, inputs, outputs, tol))


def unary(op, x, elem, out, out_elem=None, tol=1e-6, name=None):
    n = x.shape
    t, to = ttype(n, elem), ttype(n, out_elem or elem)
    if out_elem and out_elem != elem:
        line = f"%r = stablehlo.{op} %a0 : ({t}) -> {to}"
    else:
        line = f"%r = stablehlo.{op} %a0 : {t}"
    add(name or f"{op}_{elem}", [line, f"return %r : {to}"], [(n, elem)],
        [(n, out_elem or elem)], [x], [out], tol)


def binary(op, x, y, elem, out, out_elem=None, tol=1e-6, name=None, attrs=""):
    n = x.shape
    t, to = ttype(n, elem), ttype(n, out_elem or elem)
    add(name or f"{op}_{elem}", [f"%r = stablehlo.{op} %a0, %a1{attrs} : {t}", f"return %r : {to}"],
        [(n, elem), (n, elem)], [(n, out_elem or elem)], [x, y], [out], tol)


with np.errstate(all="ignore"):
    x = F32_SPECIAL
    # ---------------------------------------------------------------- float unary
    unary("abs", x, "f32", np.abs(x))
    unary("ceil", x, "f32", np.ceil(x))
    unary("floor", x, "f32", np.floor(x))
    unary("negate", x, "f32", -x)
    unary("cosine", x, "f32", np.cos(x), tol=1e-5)
    unary("sine", x, "f32", np.sin(x), tol=1e-5)
    unary("tan", x, "f32", np.tan(x).astype(np.float32), tol=1e-5)
    unary("tanh", x, "f32", np.tanh(x), tol=1e-5)
    unary("exponential", x, "f32", np.exp(x), tol=1e-5)
    # Tiny arguments are left out: mlir-opt's convert-math-to-llvm lowers expm1
    # and log1p as exp(x) - 1 and log(1 + x).
    em = np.array([0.25, -0.25, 0.5, -2.0, 3.0, np.inf, -np.inf, np.nan], np.float32)
    unary("exponential_minus_one", em, "f32", np.expm1(em), tol=1e-5)
    unary("log", F32_POS, "f32", np.log(F32_POS), tol=1e-5)
    unary("log_plus_one", F32_POS, "f32", np.log1p(F32_POS), tol=1e-5)
    unary("sqrt", x, "f32", np.sqrt(x), tol=1e-6)
    unary("rsqrt", F32_POS, "f32", (1 / np.sqrt(F32_POS)).astype(np.float32), tol=1e-5)
    unary("cbrt", x, "f32", np.cbrt(x), tol=1e-5)
    unary("logistic", x, "f32", (1 / (1 + np.exp(-x))).astype(np.float32), tol=1e-5)
    afz = np.copysign(np.floor(np.abs(x) + 0.5), x).astype(np.float32)
    unary("round_nearest_afz", x, "f32", afz)
    unary("round_nearest_even", x, "f32", np.round(x))
    unary("sign", x, "f32", np.where(np.isnan(x) | (x == 0), x, np.sign(x)).astype(np.float32))
    unary("is_finite", x, "f32", np.isfinite(x), out_elem="i1")
    unary("abs", x.astype(np.float64), "f64", np.abs(x.astype(np.float64)))
    unary("exponential", np.array([0.5, -1.0, 3.0], np.float16), "f16",
          np.exp(np.array([0.5, -1.0, 3.0], np.float16)), tol=2e-3)

    # ------------------------------------------------------------------ int unary
    i = I32_EDGE
    unary("abs", i, "i32", np.abs(i))
    unary("negate", i, "i32", -i)
    unary("not", i, "i32", ~i)
    unary("sign", i, "i32", np.sign(i).astype(np.int32))
    u = i.view(np.uint32)
    unary("popcnt", i, "i32", np.array([bin(v).count("1") for v in u], np.int32))
    unary("count_leading_zeros", i, "i32", np.array([32 - int(v).bit_length() for v in u], np.int32))
    b = np.array([True, False, True, False])
    unary("not", b, "i1", ~b)
    i8 = np.array([0, 1, -1, 127, -128], np.int8)
    unary("negate", i8, "i8", -i8)

    # ----------------------------------------------------------------- int binary
    lhs = np.array([7, -7, 7, -7, 5, -2**31, -2**31, 2**31 - 1, 0, 13], np.int32)
    rhs = np.array([2, 2, -2, -2, 0, -1, 1, 0, 0, 5], np.int32)

    def sdiv(a, b):
        out = []
        for p, q in zip(a.tolist(), b.tolist()):
            if q == 0:
                out.append(-1)
            elif p == -2**31 and q == -1:
                out.append(-2**31)
            else:
                out.append(int(p / q))  # truncation toward zero
        return np.array(out, np.int32)

    def srem(a, b):
        out = []
        for p, q in zip(a.tolist(), b.tolist()):
            if q == 0:
                out.append(p)
            elif q == -1:
                out.append(0)
            else:
                out.append(int(math.fmod(p, q)))
        return np.array(out, np.int32)

    binary("divide", lhs, rhs, "i32", sdiv(lhs, rhs))
    binary("remainder", lhs, rhs, "i32", srem(lhs, rhs))
    binary("add", lhs, rhs, "i32", lhs + rhs)
    binary("subtract", lhs, rhs, "i32", lhs - rhs)
    binary("multiply", lhs, rhs, "i32", lhs * rhs)
    binary("maximum", lhs, rhs, "i32", np.maximum(lhs, rhs))
    binary("minimum", lhs, rhs, "i32", np.minimum(lhs, rhs))
    binary("and", lhs, rhs, "i32", lhs & rhs)
    binary("or", lhs, rhs, "i32", lhs | rhs)
    binary("xor", lhs, rhs, "i32", lhs ^ rhs)

    ul = np.array([7, 0xFFFFFFF9, 7, 0x80000000, 5, 0xFFFFFFFF, 3], np.uint32)
    ur = np.array([2, 2, 0xFFFFFFFE, 3, 0, 0, 0xFFFFFFFF], np.uint32)
    udiv = np.array([0xFFFFFFFF if q == 0 else p // q for p, q in zip(ul.tolist(), ur.tolist())], np.uint32)
    urem = np.array([p if q == 0 else p % q for p, q in zip(ul.tolist(), ur.tolist())], np.uint32)
    binary("divide", ul, ur, "ui32", udiv)
    binary("remainder", ul, ur, "ui32", urem)
    binary("maximum", ul, ur, "ui32", np.maximum(ul, ur))
    binary("minimum", ul, ur, "ui32", np.minimum(ul, ur))
    u8a = np.array([200, 100, 255, 0], np.uint8)
    u8b = np.array([100, 200, 1, 0], np.uint8)
    binary("add", u8a, u8b, "ui8", (u8a + u8b).astype(np.uint8))
    binary("divide", u8a, u8b, "ui8", np.array([2, 0, 255, 255], np.uint8))

    # Shifts: amounts >= 32 (also negative = huge unsigned) give 0 / sign fill.
    sv = np.array([1, -8, 0x40000000, -1, 5, 5, -5, -5, 12345], np.int32)
    sa = np.array([0, 1, 1, 31, 32, 33, 32, -1, 4], np.int32)

    def shl(a, s):
        return np.array([(p << q) & 0xFFFFFFFF if 0 <= q < 32 else 0 for p, q in zip(a.tolist(), s.tolist())],
                        np.uint32).view(np.int32)

    def shrl(a, s):
        return np.array([(p & 0xFFFFFFFF) >> q if 0 <= q < 32 else 0 for p, q in zip(a.tolist(), s.tolist())],
                        np.uint32).view(np.int32)

    def shra(a, s):
        return np.array([p >> (q if 0 <= q < 32 else 31) for p, q in zip(a.tolist(), s.tolist())], np.int32)

    binary("shift_left", sv, sa, "i32", shl(sv, sa))
    binary("shift_right_logical", sv, sa, "i32", shrl(sv, sa))
    binary("shift_right_arithmetic", sv, sa, "i32", shra(sv, sa))

    # Integer power (wrapping), negative exponents.
    pb = np.array([2, 3, -2, 1, -1, -1, 2, 0, 0, 5, 7], np.int32)
    pe = np.array([10, 5, 3, -3, -3, -4, -1, 0, 3, 0, 40], np.int32)

    def ipow(a, e):
        out = []
        for p, q in zip(a.tolist(), e.tolist()):
            if q < 0:
                out.append(1 if p == 1 else (-1 if q % 2 else 1) if p == -1 else 0)
            else:
                r = pow(p, q, 2**32)
                out.append(r - 2**32 if r >= 2**31 else r)
        return np.array(out, np.int32)

    binary("power", pb, pe, "i32", ipow(pb, pe))
    ub = np.array([2, 3, 0xFFFFFFFF], np.uint32)
    ue = np.array([31, 21, 3], np.uint32)
    binary("power", ub, ue, "ui32", np.array([pow(p, q, 2**32) for p, q in zip(ub.tolist(), ue.tolist())], np.uint32))

    # i1 arithmetic: add is or, multiply is and, max/min are or/and.
    ba = np.array([True, True, False, False])
    bb = np.array([True, False, True, False])
    binary("add", ba, bb, "i1", ba | bb)
    binary("multiply", ba, bb, "i1", ba & bb)
    binary("maximum", ba, bb, "i1", ba | bb)
    binary("minimum", ba, bb, "i1", ba & bb)
    binary("xor", ba, bb, "i1", ba ^ bb)

    # --------------------------------------------------------------- float binary
    fa = np.array([1.0, -5.5, 5.5, 0.0, -0.0, np.nan, 1.0, np.inf, 3.0, -1.0], np.float32)
    fb = np.array([0.0, 2.0, -2.0, -0.0, 0.0, 1.0, np.nan, 2.0, np.inf, 0.0], np.float32)
    binary("add", fa, fb, "f32", fa + fb)
    binary("subtract", fa, fb, "f32", fa - fb)
    binary("multiply", fa, fb, "f32", fa * fb)
    binary("divide", fa, fb, "f32", fa / fb)
    binary("remainder", fa, fb, "f32", np.fmod(fa, fb))
    # IEEE-754 maximum/minimum: NaN propagates, -0 < +0 (numpy ignores the latter).
    zeros = (fa == 0) & (fb == 0)
    fmax = np.where(zeros, np.where(np.signbit(fa) & np.signbit(fb), fa, np.abs(fa)), np.maximum(fa, fb))
    fmin = np.where(zeros, np.where(np.signbit(fa) | np.signbit(fb), -np.abs(fa), fa), np.minimum(fa, fb))
    binary("maximum", fa, fb, "f32", fmax.astype(np.float32))
    binary("minimum", fa, fb, "f32", fmin.astype(np.float32))
    binary("atan2", fa, fb, "f32", np.arctan2(fa, fb), tol=1e-5)
    pa = np.array([2.0, 2.0, -8.0, 0.0, 4.0, -2.0], np.float32)
    pq = np.array([3.0, -1.0, 1.0 / 3, 0.0, 0.5, 3.0], np.float32)
    binary("power", pa, pq, "f32", np.power(pa, pq), tol=1e-5)

    # -------------------------------------------------------------------- compare
    ca = np.array([1.0, 2.0, np.nan, np.nan, -0.0, np.inf], np.float32)
    cb = np.array([2.0, 2.0, 1.0, np.nan, 0.0, np.inf], np.float32)
    for d, f in [("EQ", np.equal), ("NE", np.not_equal), ("GE", np.greater_equal),
                 ("GT", np.greater), ("LE", np.less_equal), ("LT", np.less)]:
        add(f"compare_{d}_f32", [f"%r = stablehlo.compare {d}, %a0, %a1, FLOAT : ({ttype((6,), 'f32')}, {ttype((6,), 'f32')}) -> {ttype((6,), 'i1')}",
                                 f"return %r : {ttype((6,), 'i1')}"],
            [((6,), "f32"), ((6,), "f32")], [((6,), "i1")], [ca, cb], [f(ca, cb)])

    # TOTALORDER: -NaN < -inf < -1 < -0 < +0 < 1 < inf < NaN.
    order = np.array([-np.nan, -np.inf, -1.0, -0.0, 0.0, 1.0, np.inf, np.nan], np.float32)
    order[0] = np.float32(-np.nan) if np.signbit(np.float32(-np.nan)) else -np.abs(np.float32(np.nan))
    ta = np.repeat(order, 8)
    tb = np.tile(order, 8)
    rank = np.repeat(np.arange(8), 8), np.tile(np.arange(8), 8)
    for d, f in [("LT", np.less), ("EQ", np.equal), ("GE", np.greater_equal)]:
        add(f"compare_{d}_totalorder", [f"%r = stablehlo.compare {d}, %a0, %a1, TOTALORDER : ({ttype((64,), 'f32')}, {ttype((64,), 'f32')}) -> {ttype((64,), 'i1')}",
                                        f"return %r : {ttype((64,), 'i1')}"],
            [((64,), "f32"), ((64,), "f32")], [((64,), "i1")], [ta, tb], [f(*rank)])

    ia = np.array([-1, 1, 5, -2**31], np.int32)
    ib = np.array([1, -1, 5, 2**31 - 1], np.int32)
    for ctype, expect in [("SIGNED", ia < ib)]:
        add(f"compare_LT_{ctype}", [f"%r = stablehlo.compare LT, %a0, %a1, {ctype} : ({ttype((4,), 'i32')}, {ttype((4,), 'i32')}) -> {ttype((4,), 'i1')}",
                                    f"return %r : {ttype((4,), 'i1')}"],
            [((4,), "i32"), ((4,), "i32")], [((4,), "i1")], [ia, ib], [expect])
    add("compare_GT_ui32_default", [f"%r = stablehlo.compare GT, %a0, %a1 : ({ttype((4,), 'ui32')}, {ttype((4,), 'ui32')}) -> {ttype((4,), 'i1')}",
                                    f"return %r : {ttype((4,), 'i1')}"],
        [((4,), "ui32"), ((4,), "ui32")], [((4,), "i1")], [ia.view(np.uint32), ib.view(np.uint32)],
        [ia.view(np.uint32) > ib.view(np.uint32)])

    # ------------------------------------------------------------ select / clamp
    sp = np.array([True, False, True, False])
    st = np.array([1.0, 2.0, 3.0, 4.0], np.float32)
    sf = np.array([-1.0, -2.0, -3.0, -4.0], np.float32)
    add("select_tensor_pred", [f"%r = stablehlo.select %a0, %a1, %a2 : {ttype((4,), 'i1')}, {ttype((4,), 'f32')}",
                               f"return %r : {ttype((4,), 'f32')}"],
        [((4,), "i1"), ((4,), "f32"), ((4,), "f32")], [((4,), "f32")], [sp, st, sf], [np.where(sp, st, sf)])
    add("select_scalar_pred", [f"%r = stablehlo.select %a0, %a1, %a2 : ({ttype((), 'i1')}, {ttype((4,), 'f32')}, {ttype((4,), 'f32')}) -> {ttype((4,), 'f32')}",
                               f"return %r : {ttype((4,), 'f32')}"],
        [((), "i1"), ((4,), "f32"), ((4,), "f32")], [((4,), "f32")], [np.array(False), st, sf], [sf])
    cx = np.array([-5.0, 0.5, 5.0, np.nan, 2.0], np.float32)
    add("clamp_scalar_bounds", [f"%r = stablehlo.clamp %a0, %a1, %a2 : ({ttype((), 'f32')}, {ttype((5,), 'f32')}, {ttype((), 'f32')}) -> {ttype((5,), 'f32')}",
                                f"return %r : {ttype((5,), 'f32')}"],
        [((), "f32"), ((5,), "f32"), ((), "f32")], [((5,), "f32")],
        [np.array(-1.0, np.float32), cx, np.array(1.0, np.float32)], [np.clip(cx, -1.0, 1.0)])
    cmin = np.array([0, 0, 10, -5], np.int32)
    cval = np.array([-3, 4, 5, 100], np.int32)
    cmax = np.array([2, 2, 20, 50], np.int32)
    add("clamp_tensor_i32", [f"%r = stablehlo.clamp %a0, %a1, %a2 : {ttype((4,), 'i32')}",
                             f"return %r : {ttype((4,), 'i32')}"],
        [((4,), "i32")] * 3, [((4,), "i32")], [cmin, cval, cmax], [np.minimum(np.maximum(cval, cmin), cmax)])

    # -------------------------------------------------------------------- convert
    cv = np.array([1.9, -1.9, 0.5, -0.5, 3e9, -3e9, np.nan, np.inf, -np.inf, 2147483520.0], np.float32)

    def f2i(a, lo, hi):
        out = []
        for v in a.tolist():
            if math.isnan(v):
                out.append(0)
            else:
                t = math.trunc(v) if math.isfinite(v) else (hi if v > 0 else lo)
                out.append(min(max(t, lo), hi))
        return out

    unary("convert", cv, "f32", np.array(f2i(cv, -2**31, 2**31 - 1), np.int32), out_elem="i32", name="convert_f32_i32")
    unary("convert", cv, "f32", np.array(f2i(cv, 0, 255), np.uint8), out_elem="ui8", name="convert_f32_ui8")
    unary("convert", cv, "f32", np.array(f2i(cv, -128, 127), np.int8), out_elem="i8", name="convert_f32_i8")
    unary("convert", cv, "f32", (cv != 0), out_elem="i1", name="convert_f32_i1")
    hv = np.array([1.5, -2.5, 65504.0, -65504.0, np.inf, -np.inf, np.nan], np.float16)
    unary("convert", hv, "f16", np.array(f2i(hv.astype(np.float32), -2**31, 2**31 - 1), np.int32),
          out_elem="i32", name="convert_f16_i32")
    unary("convert", hv, "f16", np.array(f2i(hv.astype(np.float32), -2**15, 2**15 - 1), np.int16),
          out_elem="i16", name="convert_f16_i16")
    unary("convert", hv, "f16", np.array(f2i(hv.astype(np.float32), 0, 2**32 - 1), np.uint32),
          out_elem="ui32", name="convert_f16_ui32")
    ci = np.array([0, 5, -1, 2**31 - 1, -2**31, 256], np.int32)
    unary("convert", ci, "i32", ci != 0, out_elem="i1", name="convert_i32_i1")
    unary("convert", ci, "i32", ci.astype(np.int8), out_elem="i8", name="convert_i32_i8")
    unary("convert", ci, "i32", ci.astype(np.float32), out_elem="f32", name="convert_i32_f32")
    unary("convert", ci, "i32", ci.astype(np.int64), out_elem="i64", name="convert_i32_i64")
    cu = ci.view(np.uint32)
    unary("convert", cu, "ui32", cu.astype(np.float32), out_elem="f32", name="convert_ui32_f32")
    unary("convert", cu, "ui32", cu.astype(np.int64), out_elem="i64", name="convert_ui32_i64")
    c8 = np.array([0, 1, -1, -128, 127], np.int8)
    unary("convert", c8, "i8", c8.astype(np.int32), out_elem="i32", name="convert_i8_i32")
    unary("convert", c8.view(np.uint8), "ui8", c8.view(np.uint8).astype(np.int32), out_elem="i32", name="convert_ui8_i32")
    cb1 = np.array([True, False])
    unary("convert", cb1, "i1", cb1.astype(np.float32), out_elem="f32", name="convert_i1_f32")
    unary("convert", cb1, "i1", cb1.astype(np.int32), out_elem="i32", name="convert_i1_i32")
    ch = np.array([1.0, 1.0009765625, 65504.0, 1e5, -3.14159, 1e-8], np.float32)
    unary("convert", ch, "f32", ch.astype(np.float16), out_elem="f16", name="convert_f32_f16", tol=0)
    unary("convert", ch.astype(np.float64) * 1.0000001, "f64", (ch.astype(np.float64) * 1.0000001).astype(np.float32),
          out_elem="f32", name="convert_f64_f32", tol=0)

    # ---------------------------------------------------------- bitcast_convert
    bf = np.array([1.0, -2.0, np.inf, 0.0], np.float32)
    unary("bitcast_convert", bf, "f32", bf.view(np.int32), out_elem="i32", name="bitcast_f32_i32")
    unary("bitcast_convert", bf.view(np.int32), "i32", bf, out_elem="f32", name="bitcast_i32_f32")

    # ---------------------------------------------------------- reduce_precision
    rp = np.array([1.0, 1.00390625, 1.01171875, 3.14159265, -65519.0, 65520.0, 1e5, 1e-3, np.nan, -np.inf, 0.0],
                  np.float32)

    def to_bf16(a):
        bits = a.view(np.uint32).astype(np.uint64)
        lsb = (bits >> 16) & 1
        r = ((bits + 0x7FFF + lsb) & 0xFFFF0000).astype(np.uint32).view(np.float32)
        return np.where(np.isnan(a), a, r)

    add("reduce_precision_bf16", [f"%r = stablehlo.reduce_precision %a0, format = e8m7 : {ttype((11,), 'f32')}",
                                  f"return %r : {ttype((11,), 'f32')}"],
        [((11,), "f32")], [((11,), "f32")], [rp], [to_bf16(rp)], 0)
    add("reduce_precision_f16", [f"%r = stablehlo.reduce_precision %a0, format = e5m10 : {ttype((11,), 'f32')}",
                                 f"return %r : {ttype((11,), 'f32')}"],
        [((11,), "f32")], [((11,), "f32")], [rp], [rp.astype(np.float16).astype(np.float32)], 0)

    # ------------------------------------------------------------------- complex
    re = np.array([1.0, -2.0, 3.0], np.float32)
    im = np.array([2.0, 0.5, -4.0], np.float32)
    z = re + 1j * im
    zz = z * z + z
    add("complex_mul_add", [
        f"%z = stablehlo.complex %a0, %a1 : {ttype((3,), 'complex<f32>')}",
        f"%m = stablehlo.multiply %z, %z : {ttype((3,), 'complex<f32>')}",
        f"%s = stablehlo.add %m, %z : {ttype((3,), 'complex<f32>')}",
        f"%re = stablehlo.real %s : ({ttype((3,), 'complex<f32>')}) -> {ttype((3,), 'f32')}",
        f"%im = stablehlo.imag %s : ({ttype((3,), 'complex<f32>')}) -> {ttype((3,), 'f32')}",
        f"%ab = stablehlo.abs %z : ({ttype((3,), 'complex<f32>')}) -> {ttype((3,), 'f32')}",
        f"return %re, %im, %ab : {ttype((3,), 'f32')}, {ttype((3,), 'f32')}, {ttype((3,), 'f32')}"],
        [((3,), "f32"), ((3,), "f32")], [((3,), "f32")] * 3, [re, im],
        [zz.real.astype(np.float32), zz.imag.astype(np.float32), np.abs(z).astype(np.float32)], 1e-5)
    ze = np.exp(z)
    add("complex_exp", [
        f"%z = stablehlo.complex %a0, %a1 : {ttype((3,), 'complex<f32>')}",
        f"%e = stablehlo.exponential %z : {ttype((3,), 'complex<f32>')}",
        f"%re = stablehlo.real %e : ({ttype((3,), 'complex<f32>')}) -> {ttype((3,), 'f32')}",
        f"%im = stablehlo.imag %e : ({ttype((3,), 'complex<f32>')}) -> {ttype((3,), 'f32')}",
        f"return %re, %im : {ttype((3,), 'f32')}, {ttype((3,), 'f32')}"],
        [((3,), "f32"), ((3,), "f32")], [((3,), "f32")] * 2, [re, im],
        [ze.real.astype(np.float32), ze.imag.astype(np.float32)], 1e-5)

    # ---------------------------------------------------------------- shape ops
    rng = np.random.default_rng(0)
    m = rng.standard_normal((2, 3, 4)).astype(np.float32)
    add("iota_f32_dim1", [f"%r = stablehlo.iota dim = 1 : {ttype((2, 3), 'f32')}", f"return %r : {ttype((2, 3), 'f32')}"],
        [], [((2, 3), "f32")], [], [np.tile(np.arange(3, dtype=np.float32), (2, 1))])
    add("iota_ui8", [f"%r = stablehlo.iota dim = 0 : {ttype((4,), 'ui8')}", f"return %r : {ttype((4,), 'ui8')}"],
        [], [((4,), "ui8")], [], [np.arange(4, dtype=np.uint8)])
    v3 = np.array([1.0, 2.0, 3.0], np.float32)
    add("broadcast_in_dim_transposing", [f"%r = stablehlo.broadcast_in_dim %a0, dims = [2, 0] : ({ttype((3, 1), 'f32')}) -> {ttype((1, 2, 3), 'f32')}",
                                         f"return %r : {ttype((1, 2, 3), 'f32')}"],
        [((3, 1), "f32")], [((1, 2, 3), "f32")], [v3.reshape(3, 1)],
        [np.broadcast_to(v3.reshape(3, 1).T.reshape(1, 1, 3), (1, 2, 3))])
    add("broadcast_in_dim_expand", [f"%r = stablehlo.broadcast_in_dim %a0, dims = [0, 1] : ({ttype((1, 3), 'f32')}) -> {ttype((2, 3), 'f32')}",
                                    f"return %r : {ttype((2, 3), 'f32')}"],
        [((1, 3), "f32")], [((2, 3), "f32")], [v3.reshape(1, 3)], [np.broadcast_to(v3, (2, 3))])
    add("broadcast", [f"%r = stablehlo.broadcast %a0, sizes = [2] : ({ttype((3,), 'f32')}) -> {ttype((2, 3), 'f32')}",
                      f"return %r : {ttype((2, 3), 'f32')}"],
        [((3,), "f32")], [((2, 3), "f32")], [v3], [np.broadcast_to(v3, (2, 3))])
    add("transpose", [f"%r = stablehlo.transpose %a0, dims = [2, 0, 1] : ({ttype((2, 3, 4), 'f32')}) -> {ttype((4, 2, 3), 'f32')}",
                      f"return %r : {ttype((4, 2, 3), 'f32')}"],
        [((2, 3, 4), "f32")], [((4, 2, 3), "f32")], [m], [m.transpose(2, 0, 1)])
    for shape in [(6, 4), (4, 6), (24,), (2, 12), (3, 8), (1, 24, 1)]:
        add("reshape_" + "x".join(map(str, shape)),
            [f"%r = stablehlo.reshape %a0 : ({ttype((2, 3, 4), 'f32')}) -> {ttype(shape, 'f32')}",
             f"return %r : {ttype(shape, 'f32')}"],
            [((2, 3, 4), "f32")], [(shape, "f32")], [m], [m.reshape(shape)])
    add("reverse", [f"%r = stablehlo.reverse %a0, dims = [0, 2] : {ttype((2, 3, 4), 'f32')}",
                    f"return %r : {ttype((2, 3, 4), 'f32')}"],
        [((2, 3, 4), "f32")], [((2, 3, 4), "f32")], [m], [m[::-1, :, ::-1]])
    add("slice_strided", [f"%r = stablehlo.slice %a0 [0:2, 1:3:1, 0:4:3] : ({ttype((2, 3, 4), 'f32')}) -> {ttype((2, 2, 2), 'f32')}",
                          f"return %r : {ttype((2, 2, 2), 'f32')}"],
        [((2, 3, 4), "f32")], [((2, 2, 2), "f32")], [m], [m[0:2, 1:3, 0:4:3]])
    c1 = rng.standard_normal((2, 1)).astype(np.float32)
    c2 = rng.standard_normal((2, 3)).astype(np.float32)
    add("concatenate3", [f"%r = stablehlo.concatenate %a0, %a1, %a0, dim = 1 : ({ttype((2, 1), 'f32')}, {ttype((2, 3), 'f32')}, {ttype((2, 1), 'f32')}) -> {ttype((2, 5), 'f32')}",
                         f"return %r : {ttype((2, 5), 'f32')}"],
        [((2, 1), "f32"), ((2, 3), "f32")], [((2, 5), "f32")], [c1, c2], [np.concatenate([c1, c2, c1], 1)])

    def np_pad(a, val, low, high, interior):
        out = a
        for d in range(a.ndim):
            n = out.shape[d]
            size = (n + (n - 1) * interior[d]) if n else 0
            shape = list(out.shape)
            shape[d] = size
            t = np.full(shape, val, a.dtype)
            idx = [slice(None)] * a.ndim
            idx[d] = slice(0, size, interior[d] + 1)
            t[tuple(idx)] = out
            lo, hi = low[d], high[d]
            pads = [(0, 0)] * a.ndim
            pads[d] = (max(lo, 0), max(hi, 0))
            t = np.pad(t, pads, constant_values=val)
            idx = [slice(None)] * a.ndim
            idx[d] = slice(max(-lo, 0), t.shape[d] - max(-hi, 0))
            out = t[tuple(idx)]
        return out

    pm = rng.standard_normal((3, 4)).astype(np.float32)
    for nm, low, high, interior in [("edge", [1, 0], [0, 2], [0, 0]),
                                    ("negative", [-1, 2], [1, -2], [0, 0]),
                                    ("interior", [1, -1], [-2, 0], [1, 2]),
                                    ("overcut", [-4, 0], [3, 0], [0, 0])]:
        want = np_pad(pm, np.float32(9.5), low, high, interior)
        add(f"pad_{nm}", [f"%r = stablehlo.pad %a0, %a1, low = {low}, high = {high}, interior = {interior} : ({ttype((3, 4), 'f32')}, {ttype((), 'f32')}) -> {ttype(want.shape, 'f32')}",
                          f"return %r : {ttype(want.shape, 'f32')}"],
            [((3, 4), "f32"), ((), "f32")], [(want.shape, "f32")], [pm, np.array(9.5, np.float32)], [want])

    dm = np.arange(20, dtype=np.float32).reshape(5, 4)
    for nm, (s0, s1), ety, npty in [("inrange", (1, 2), "i32", np.int32), ("clamped", (4, -3), "i32", np.int32),
                                    ("ui", (0xFFFFFFFF, 1), "ui32", np.uint32), ("i64", (-5, 9), "i64", np.int64)]:
        c0 = min(max(int(np.array(s0).astype(npty)), 0), 3)
        c1_ = min(max(int(np.array(s1).astype(npty)), 0), 2)
        add(f"dynamic_slice_{nm}", [f"%r = stablehlo.dynamic_slice %a0, %a1, %a2, sizes = [2, 2] : ({ttype((5, 4), 'f32')}, {ttype((), ety)}, {ttype((), ety)}) -> {ttype((2, 2), 'f32')}",
                                    f"return %r : {ttype((2, 2), 'f32')}"],
            [((5, 4), "f32"), ((), ety), ((), ety)], [((2, 2), "f32")],
            [dm, np.array(s0).astype(npty), np.array(s1).astype(npty)], [dm[c0:c0 + 2, c1_:c1_ + 2]])
    upd = -np.ones((2, 3), np.float32)
    for nm, (s0, s1) in [("inrange", (1, 0)), ("clamped", (7, -2))]:
        c0, c1_ = min(max(s0, 0), 3), min(max(s1, 0), 1)
        want = dm.copy()
        want[c0:c0 + 2, c1_:c1_ + 3] = upd
        add(f"dynamic_update_slice_{nm}", [f"%r = stablehlo.dynamic_update_slice %a0, %a1, %a2, %a3 : ({ttype((5, 4), 'f32')}, {ttype((2, 3), 'f32')}, {ttype((), 'i32')}, {ttype((), 'i32')}) -> {ttype((5, 4), 'f32')}",
                                           f"return %r : {ttype((5, 4), 'f32')}"],
            [((5, 4), "f32"), ((2, 3), "f32"), ((), "i32"), ((), "i32")], [((5, 4), "f32")],
            [dm, upd, np.array(s0, np.int32), np.array(s1, np.int32)], [want])
    add("get_dimension_size", [f"%r = stablehlo.get_dimension_size %a0, dim = 1 : ({ttype((5, 4), 'f32')}) -> {ttype((), 'i32')}",
                               f"return %r : {ttype((), 'i32')}"],
        [((5, 4), "f32")], [((), "i32")], [dm], [np.array(4, np.int32)])

    # --------------------------------------------------------------- contractions
    A = rng.standard_normal((3, 4)).astype(np.float32)
    B = rng.standard_normal((4, 5)).astype(np.float32)
    v4 = rng.standard_normal((4,)).astype(np.float32)
    v3b = rng.standard_normal((3,)).astype(np.float32)
    add("dot_vv", [f"%r = stablehlo.dot %a0, %a1 : ({ttype((4,), 'f32')}, {ttype((4,), 'f32')}) -> {ttype((), 'f32')}",
                   f"return %r : {ttype((), 'f32')}"],
        [((4,), "f32"), ((4,), "f32")], [((), "f32")], [v4, v4], [np.array(v4 @ v4)], 1e-5)
    add("dot_mv", [f"%r = stablehlo.dot %a0, %a1 : ({ttype((3, 4), 'f32')}, {ttype((4,), 'f32')}) -> {ttype((3,), 'f32')}",
                   f"return %r : {ttype((3,), 'f32')}"],
        [((3, 4), "f32"), ((4,), "f32")], [((3,), "f32")], [A, v4], [A @ v4], 1e-5)
    add("dot_vm", [f"%r = stablehlo.dot %a0, %a1 : ({ttype((3,), 'f32')}, {ttype((3, 4), 'f32')}) -> {ttype((4,), 'f32')}",
                   f"return %r : {ttype((4,), 'f32')}"],
        [((3,), "f32"), ((3, 4), "f32")], [((4,), "f32")], [v3b, A], [v3b @ A], 1e-5)
    add("dot_mm", [f"%r = stablehlo.dot %a0, %a1 : ({ttype((3, 4), 'f32')}, {ttype((4, 5), 'f32')}) -> {ttype((3, 5), 'f32')}",
                   f"return %r : {ttype((3, 5), 'f32')}"],
        [((3, 4), "f32"), ((4, 5), "f32")], [((3, 5), "f32")], [A, B], [A @ B], 1e-5)
    # rhs transposed ([n, k]) and lhs transposed ([k, m]).
    Bt = np.ascontiguousarray(B.T)
    add("dot_general_nt", [f"%r = stablehlo.dot_general %a0, %a1, contracting_dims = [1] x [1] : ({ttype((3, 4), 'f32')}, {ttype((5, 4), 'f32')}) -> {ttype((3, 5), 'f32')}",
                           f"return %r : {ttype((3, 5), 'f32')}"],
        [((3, 4), "f32"), ((5, 4), "f32")], [((3, 5), "f32")], [A, Bt], [A @ B], 1e-5)
    At = np.ascontiguousarray(A.T)
    add("dot_general_tn", [f"%r = stablehlo.dot_general %a0, %a1, contracting_dims = [0] x [0] : ({ttype((4, 3), 'f32')}, {ttype((4, 5), 'f32')}) -> {ttype((3, 5), 'f32')}",
                           f"return %r : {ttype((3, 5), 'f32')}"],
        [((4, 3), "f32"), ((4, 5), "f32")], [((3, 5), "f32")], [At, B], [A @ B], 1e-5)
    # Batch dims not leading, two contracting dims, free dims on both sides.
    L = rng.standard_normal((4, 2, 3, 5)).astype(np.float32)   # k0 b m k1
    R = rng.standard_normal((5, 6, 2, 4)).astype(np.float32)   # k1 n b k0
    want = np.einsum("kbmj,jnbk->bmn", L, R)
    add("dot_general_batched_general", [f"%r = stablehlo.dot_general %a0, %a1, batching_dims = [1] x [2], contracting_dims = [0, 3] x [3, 0] : ({ttype((4, 2, 3, 5), 'f32')}, {ttype((5, 6, 2, 4), 'f32')}) -> {ttype((2, 3, 6), 'f32')}",
                                        f"return %r : {ttype((2, 3, 6), 'f32')}"],
        [((4, 2, 3, 5), "f32"), ((5, 6, 2, 4), "f32")], [((2, 3, 6), "f32")], [L, R], [want], 1e-4)
    Ab = rng.standard_normal((2, 3, 4)).astype(np.float32)
    Bb = rng.standard_normal((2, 4, 5)).astype(np.float32)
    add("dot_general_batch_matmul", [f"%r = stablehlo.dot_general %a0, %a1, batching_dims = [0] x [0], contracting_dims = [2] x [1] : ({ttype((2, 3, 4), 'f32')}, {ttype((2, 4, 5), 'f32')}) -> {ttype((2, 3, 5), 'f32')}",
                                     f"return %r : {ttype((2, 3, 5), 'f32')}"],
        [((2, 3, 4), "f32"), ((2, 4, 5), "f32")], [((2, 3, 5), "f32")], [Ab, Bb], [Ab @ Bb], 1e-5)
    Q = rng.standard_normal((2, 3, 5, 4)).astype(np.float32)
    K = rng.standard_normal((2, 3, 6, 4)).astype(np.float32)
    add("dot_general_two_batch_nt", [f"%r = stablehlo.dot_general %a0, %a1, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [3] : ({ttype((2, 3, 5, 4), 'f32')}, {ttype((2, 3, 6, 4), 'f32')}) -> {ttype((2, 3, 5, 6), 'f32')}",
                                     f"return %r : {ttype((2, 3, 5, 6), 'f32')}"],
        [((2, 3, 5, 4), "f32"), ((2, 3, 6, 4), "f32")], [((2, 3, 5, 6), "f32")], [Q, K],
        [np.einsum("bhmk,bhnk->bhmn", Q, K)], 1e-5)
    Kt = np.ascontiguousarray(K.transpose(0, 1, 3, 2))
    add("dot_general_two_batch_tn", [f"%r = stablehlo.dot_general %a0, %a1, batching_dims = [0, 1] x [0, 1], contracting_dims = [2] x [2] : ({ttype((2, 3, 4, 6), 'f32')}, {ttype((2, 3, 4, 5), 'f32')}) -> {ttype((2, 3, 6, 5), 'f32')}",
                                     f"return %r : {ttype((2, 3, 6, 5), 'f32')}"],
        [((2, 3, 4, 6), "f32"), ((2, 3, 4, 5), "f32")], [((2, 3, 6, 5), "f32")], [Kt, np.ascontiguousarray(Q.transpose(0, 1, 3, 2))],
        [np.einsum("bhkn,bhkm->bhnm", Kt, Q.transpose(0, 1, 3, 2))], 1e-5)
    I8a = rng.integers(-128, 128, (3, 4)).astype(np.int8)
    I8b = rng.integers(-128, 128, (4, 5)).astype(np.int8)
    add("dot_general_i8_i32", [f"%r = stablehlo.dot_general %a0, %a1, contracting_dims = [1] x [0] : ({ttype((3, 4), 'i8')}, {ttype((4, 5), 'i8')}) -> {ttype((3, 5), 'i32')}",
                               f"return %r : {ttype((3, 5), 'i32')}"],
        [((3, 4), "i8"), ((4, 5), "i8")], [((3, 5), "i32")], [I8a, I8b], [I8a.astype(np.int32) @ I8b.astype(np.int32)])
    U8a = I8a.view(np.uint8)
    U8b = I8b.view(np.uint8)
    add("dot_general_ui8_ui32", [f"%r = stablehlo.dot_general %a0, %a1, contracting_dims = [1] x [0] : ({ttype((3, 4), 'ui8')}, {ttype((4, 5), 'ui8')}) -> {ttype((3, 5), 'ui32')}",
                                 f"return %r : {ttype((3, 5), 'ui32')}"],
        [((3, 4), "ui8"), ((4, 5), "ui8")], [((3, 5), "ui32")], [U8a, U8b], [(U8a.astype(np.uint32) @ U8b.astype(np.uint32))])
    H = rng.standard_normal((3, 4)).astype(np.float16)
    G = rng.standard_normal((4, 5)).astype(np.float16)
    add("dot_general_f16_f32", [f"%r = stablehlo.dot_general %a0, %a1, contracting_dims = [1] x [0] : ({ttype((3, 4), 'f16')}, {ttype((4, 5), 'f16')}) -> {ttype((3, 5), 'f32')}",
                                f"return %r : {ttype((3, 5), 'f32')}"],
        [((3, 4), "f16"), ((4, 5), "f16")], [((3, 5), "f32")], [H, G], [H.astype(np.float32) @ G.astype(np.float32)], 1e-4)

    # --------------------------------------------------------------------- reduce
    X = rng.standard_normal((3, 4, 5)).astype(np.float32)
    add("reduce_sum_dims02", [
        f"%z = stablehlo.constant dense<0.0> : {ttype((), 'f32')}",
        f"%r = stablehlo.reduce(%a0 init: %z) applies stablehlo.add across dimensions = [2, 0] : ({ttype((3, 4, 5), 'f32')}, {ttype((), 'f32')}) -> {ttype((4,), 'f32')}",
        f"return %r : {ttype((4,), 'f32')}"],
        [((3, 4, 5), "f32")], [((4,), "f32")], [X], [X.sum(axis=(0, 2))], 1e-5)
    Xn = X.copy()
    Xn[1, 2, 3] = np.nan
    add("reduce_min_nan", [
        f"%z = stablehlo.constant dense<0x7F800000> : {ttype((), 'f32')}",
        f"%r = stablehlo.reduce(%a0 init: %z) applies stablehlo.minimum across dimensions = [2] : ({ttype((3, 4, 5), 'f32')}, {ttype((), 'f32')}) -> {ttype((3, 4), 'f32')}",
        f"return %r : {ttype((3, 4), 'f32')}"],
        [((3, 4, 5), "f32")], [((3, 4), "f32")], [Xn], [Xn.min(axis=2)])
    Xi = rng.integers(-100, 100, (4, 6)).astype(np.int32)
    add("reduce_i32_all", [
        f"%z = stablehlo.constant dense<0> : {ttype((), 'i32')}",
        f"%r = stablehlo.reduce(%a0 init: %z) applies stablehlo.add across dimensions = [0, 1] : ({ttype((4, 6), 'i32')}, {ttype((), 'i32')}) -> {ttype((), 'i32')}",
        f"return %r : {ttype((), 'i32')}"],
        [((4, 6), "i32")], [((), "i32")], [Xi], [np.array(Xi.sum(), np.int32)])
    # argmin (variadic reduce) with a body using compare/select/constants.
    Y = rng.standard_normal((4, 7)).astype(np.float32)
    Y[2, 5] = Y[2, 1] = -9.0
    add("reduce_argmin", [
        f"%io = stablehlo.iota dim = 1 : {ttype((4, 7), 'i32')}",
        f"%inf = stablehlo.constant dense<0x7F800000> : {ttype((), 'f32')}",
        f"%zero = stablehlo.constant dense<0> : {ttype((), 'i32')}",
        f"%r:2 = stablehlo.reduce(%a0 init: %inf), (%io init: %zero) across dimensions = [1] : ({ttype((4, 7), 'f32')}, {ttype((4, 7), 'i32')}, {ttype((), 'f32')}, {ttype((), 'i32')}) -> ({ttype((4,), 'f32')}, {ttype((4,), 'i32')})",
        f" reducer(%x: {ttype((), 'f32')}, %y: {ttype((), 'f32')}) (%i: {ttype((), 'i32')}, %j: {ttype((), 'i32')}) {{",
        f"  %lt = stablehlo.compare LT, %x, %y, FLOAT : ({ttype((), 'f32')}, {ttype((), 'f32')}) -> {ttype((), 'i1')}",
        f"  %eq = stablehlo.compare EQ, %x, %y, FLOAT : ({ttype((), 'f32')}, {ttype((), 'f32')}) -> {ttype((), 'i1')}",
        f"  %il = stablehlo.compare LT, %i, %j, SIGNED : ({ttype((), 'i32')}, {ttype((), 'i32')}) -> {ttype((), 'i1')}",
        f"  %tie = stablehlo.and %eq, %il : {ttype((), 'i1')}",
        f"  %pick = stablehlo.or %lt, %tie : {ttype((), 'i1')}",
        f"  %v = stablehlo.select %lt, %x, %y : {ttype((), 'i1')}, {ttype((), 'f32')}",
        f"  %k = stablehlo.select %pick, %i, %j : {ttype((), 'i1')}, {ttype((), 'i32')}",
        f"  stablehlo.return %v, %k : {ttype((), 'f32')}, {ttype((), 'i32')}",
        " }",
        f"return %r#0, %r#1 : {ttype((4,), 'f32')}, {ttype((4,), 'i32')}"],
        [((4, 7), "f32")], [((4,), "f32"), ((4,), "i32")], [Y], [Y.min(axis=1), Y.argmin(axis=1).astype(np.int32)])
    # Body with a constant and a convert (sum of squares in f32 of f16 inputs... kept f32).
    add("reduce_body_consts", [
        f"%z = stablehlo.constant dense<1.0> : {ttype((), 'f32')}",
        f"%r = stablehlo.reduce(%a0 init: %z) across dimensions = [1] : ({ttype((3, 4, 5), 'f32')}, {ttype((), 'f32')}) -> {ttype((3, 5), 'f32')}",
        f" reducer(%x: {ttype((), 'f32')}, %y: {ttype((), 'f32')}) {{",
        f"  %h = stablehlo.constant dense<0.5> : {ttype((), 'f32')}",
        f"  %m = stablehlo.multiply %y, %h : {ttype((), 'f32')}",
        f"  %s = stablehlo.add %x, %m : {ttype((), 'f32')}",
        f"  stablehlo.return %s : {ttype((), 'f32')}",
        " }",
        f"return %r : {ttype((3, 5), 'f32')}"],
        [((3, 4, 5), "f32")], [((3, 5), "f32")], [X], [1.0 + 0.5 * X.sum(axis=1)], 1e-5)
    Xu = np.array([[1, 0xFFFFFFFF, 5], [7, 3, 0x80000000]], np.uint32)
    add("reduce_max_ui32", [
        f"%z = stablehlo.constant dense<0> : {ttype((), 'ui32')}",
        f"%r = stablehlo.reduce(%a0 init: %z) applies stablehlo.maximum across dimensions = [1] : ({ttype((2, 3), 'ui32')}, {ttype((), 'ui32')}) -> {ttype((2,), 'ui32')}",
        f"return %r : {ttype((2,), 'ui32')}"],
        [((2, 3), "ui32")], [((2,), "ui32")], [Xu], [Xu.max(axis=1)])
    # ----------------------------------------------------------- dynamic shapes
    D = rng.standard_normal((3, 4)).astype(np.float32)
    E = rng.standard_normal((3, 4)).astype(np.float32)
    add("dyn_add_max", [
        "%s = stablehlo.add %a0, %a1 : tensor<?x4xf32>",
        "%m = stablehlo.maximum %s, %a1 : tensor<?x4xf32>",
        "return %m : tensor<?x4xf32>"],
        [((None, 4), "f32"), ((None, 4), "f32")], [((None, 4), "f32")], [D, E], [np.maximum(D + E, E)])
    add("dyn_broadcast_transpose", [
        "%b = stablehlo.broadcast_in_dim %a0, dims = [1] : (tensor<?xf32>) -> tensor<2x?xf32>",
        "%t = stablehlo.transpose %b, dims = [1, 0] : (tensor<2x?xf32>) -> tensor<?x2xf32>",
        "return %t : tensor<?x2xf32>"],
        [((None,), "f32")], [((None, 2), "f32")], [v3], [np.broadcast_to(v3, (2, 3)).T])
    add("dyn_concat_pad", [
        "%c = stablehlo.concatenate %a0, %a1, dim = 0 : (tensor<?x4xf32>, tensor<?x4xf32>) -> tensor<?x4xf32>",
        "%z = stablehlo.constant dense<7.0> : tensor<f32>",
        "%p = stablehlo.pad %c, %z, low = [1, 0], high = [0, 2], interior = [0, 0] : (tensor<?x4xf32>, tensor<f32>) -> tensor<?x6xf32>",
        "return %p : tensor<?x6xf32>"],
        [((None, 4), "f32"), ((None, 4), "f32")], [((None, 6), "f32")], [D, E[:2]],
        [np.pad(np.concatenate([D, E[:2]]), ((1, 0), (0, 2)), constant_values=7.0)])
    add("dyn_dot_reduce", [
        "%d = stablehlo.dot_general %a0, %a1, contracting_dims = [1] x [1] : (tensor<?x4xf32>, tensor<?x4xf32>) -> tensor<?x?xf32>",
        "%z = stablehlo.constant dense<0.0> : tensor<f32>",
        "%r = stablehlo.reduce(%d init: %z) applies stablehlo.add across dimensions = [1] : (tensor<?x?xf32>, tensor<f32>) -> tensor<?xf32>",
        "%n = stablehlo.get_dimension_size %a1, dim = 0 : (tensor<?x4xf32>) -> tensor<i32>",
        "return %d, %r, %n : tensor<?x?xf32>, tensor<?xf32>, tensor<i32>"],
        [((None, 4), "f32"), ((None, 4), "f32")], [((None, None), "f32"), ((None,), "f32"), ((), "i32")],
        [D, E[:2]], [D @ E[:2].T, (D @ E[:2].T).sum(axis=1), np.array(2, np.int32)], 1e-5)
    # Start 5 is clamped to 3 - 2 = 1 rows and 4 - 2 = 2 columns.
    dus_want = E.copy()
    dus_want[1:3, 2:4] = D[1:3, 2:4]
    add("dyn_dynamic_slice_update", [
        "%s = stablehlo.dynamic_slice %a0, %a2, %a2, sizes = [2, 2] : (tensor<?x4xf32>, tensor<i32>, tensor<i32>) -> tensor<2x2xf32>",
        "%u = stablehlo.dynamic_update_slice %a1, %s, %a2, %a2 : (tensor<?x4xf32>, tensor<2x2xf32>, tensor<i32>, tensor<i32>) -> tensor<?x4xf32>",
        "return %u : tensor<?x4xf32>"],
        [((None, 4), "f32"), ((None, 4), "f32"), ((), "i32")], [((None, 4), "f32")],
        [D, E, np.array(5, np.int32)], [dus_want])
    add("optimization_barrier", [
        f"%r:2 = stablehlo.optimization_barrier %a0, %a1 : {ttype((4,), 'f32')}, {ttype((4,), 'f32')}",
        f"return %r#1, %r#0 : {ttype((4,), 'f32')}, {ttype((4,), 'f32')}"],
        [((4,), "f32"), ((4,), "f32")], [((4,), "f32"), ((4,), "f32")], [st, sf], [sf, st])
