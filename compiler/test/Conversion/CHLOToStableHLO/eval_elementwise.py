#!/usr/bin/env python3
"""A small evaluator for elementwise stablehlo functions, to check the accuracy
of the chlo decompositions against the C library.

    byteir-opt in.mlir -chlo-legalize-to-stablehlo \
      | eval_elementwise.py --max-ulp erf=2 --max-ulp erfc=4 ...

Reads the module printed by byteir-opt (pretty or generic form), evaluates each
function named in a --max-ulp check on a grid of inputs and compares the
results with a float64 reference: libm through ctypes (erf, erfc, lgamma, sinh,
nextafterf, ...) or, where libm has no such function (digamma, zeta, polygamma,
erf_inv, bessel_i1e), a careful float64 implementation in this file. The error
is reported in ulps of the result type; the check fails (exit status 1) when it
exceeds the bound. The function name selects reference and grid (CHECKS below).

Every tensor is evaluated as a 1-D vector of grid points (splat constants
broadcast), so only elementwise programs are supported. Arithmetic is IEEE
float32 (numpy); transcendental primitives (exponential, log, sine, power, ...)
are evaluated in float64 and rounded, i.e. they are modelled as correctly
rounded, so the reported error is that of the decomposition itself.
"""
import argparse
import ctypes
import ctypes.util
import math
import re
import sys

import numpy as np

np.seterr(all="ignore")

# ---------------------------------------------------------------------------
# Element types. bf16 values are stored as float32 rounded to bf16.
# ---------------------------------------------------------------------------

NP_TYPES = {
    "f64": np.float64, "f32": np.float32, "f16": np.float16, "bf16": np.float32,
    "i1": np.bool_, "i8": np.int8, "i16": np.int16, "i32": np.int32, "i64": np.int64,
    "ui8": np.uint8, "ui16": np.uint16, "ui32": np.uint32, "ui64": np.uint64,
}
FLOATS = ("f64", "f32", "f16", "bf16")


def round_bf16(a):
    """Rounds float32 values to bf16 (nearest even), keeping NaN."""
    a = np.asarray(a, np.float32)
    bits = a.view(np.uint32).astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) & 0xFFFF0000
    out = rounded.astype(np.uint32).view(np.float32)
    return np.where(np.isnan(a), a, out)


def cast(a, et):
    """numpy array `a` as element type `et`."""
    with np.errstate(all="ignore"):
        if et == "bf16":
            return round_bf16(np.asarray(a, np.float64).astype(np.float32))
        if et in FLOATS:
            return np.asarray(a).astype(NP_TYPES[et])
        if et == "i1":
            return np.asarray(a).astype(np.bool_)
        a = np.asarray(a)
        if a.dtype.kind == "f":
            a = np.trunc(np.nan_to_num(a))
        return a.astype(NP_TYPES[et])


# ---------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------

TENSOR_RE = re.compile(r"tensor<((?:[0-9?]+x)*)([a-z0-9]+)>")
VALUE_RE = re.compile(r"%[A-Za-z0-9_.$-]+(?:#\d+)?")
DIRECTIONS = ("EQ", "NE", "GE", "GT", "LE", "LT")


class Op:
    def __init__(self, results, name, operands, attrs, result_types):
        self.results, self.name, self.operands = results, name, operands
        self.attrs, self.result_types = attrs, result_types


class Function:
    def __init__(self, name, args, arg_types):
        self.name, self.args, self.arg_types = name, args, arg_types
        self.ops = []


def element_types(type_text):
    return [m.group(2) for m in TENSOR_RE.finditer(type_text)]


def split_type_section(rest):
    """(operand/attribute text, type text) of an op line's remainder."""
    depth = 0
    for i, ch in enumerate(rest):
        if ch in "<([{":
            depth += 1
        elif ch in ">)]}":
            depth -= 1
        elif ch == ":" and depth == 0 and rest[i - 1] == " ":
            return rest[:i], rest[i + 1:]
    return rest, ""


def parse_dense(text):
    """The payload of dense<...>."""
    m = re.search(r"dense<(.*?)>\s*:", text)
    if not m:
        raise ValueError("no dense<> in: " + text)
    return m.group(1).strip()


def parse_op(line):
    m = re.match(r"\s*(?:(%[\w.$-]+)(?::(\d+))?\s*=\s*)?\"?([a-z_]+(?:\.[a-z_0-9]+)?)\"?(.*)$", line)
    if not m:
        return None
    result, count, name, rest = m.groups()
    if "." not in name and name != "return":
        return None
    results = []
    if result:
        results = [result] if not count else ["%s#%d" % (result, i) for i in range(int(count))]
    body, types = split_type_section(rest)
    attrs = {}
    if "dense<" in body or "value = " in body:
        attrs["value"] = parse_dense(rest)
    d = re.search(r"\b(%s)\b" % "|".join(DIRECTIONS), body)
    if d:
        attrs["direction"] = d.group(1)
    ct = re.search(r"\b(FLOAT|TOTALORDER|SIGNED|UNSIGNED)\b", body)
    if ct:
        attrs["compare_type"] = ct.group(1)
    operands = VALUE_RE.findall(re.sub(r"dense<.*?>", "", body))
    # `(operands) -> results`, or one type list whose last entry is the result's.
    if "->" in types:
        result_types = element_types(types.split("->")[-1])
    else:
        result_types = element_types(types)[-1:]
    return Op(results, name.split(".", 1)[1] if name.startswith("stablehlo.") else name,
              operands, attrs, result_types)


def parse_module(text):
    functions = {}
    current = None
    for line in text.splitlines():
        header = re.match(r"\s*func\.func\s+(?:\w+\s+)?@(\w+)\((.*?)\)", line)
        generic = re.search(r'"func\.func"\(\).*sym_name = "(\w+)"', line)
        if header:
            args = re.findall(r"(%\w+):\s*([^,)]+(?:>)?)", header.group(2))
            current = Function(header.group(1), [a for a, _ in args],
                               [element_types(t)[0] for _, t in args])
            functions[current.name] = current
            continue
        if generic:
            current = Function(generic.group(1), [], [])
            functions[current.name] = current
            continue
        if current is None:
            continue
        block = re.match(r"\s*\^bb0\((.*)\):", line)
        if block and not current.args:
            args = re.findall(r"(%\w+):\s*(tensor<[^>]*>)", block.group(1))
            current.args = [a for a, _ in args]
            current.arg_types = [element_types(t)[0] for _, t in args]
            continue
        op = parse_op(line)
        if op is not None:
            current.ops.append(op)
    return functions


# ---------------------------------------------------------------------------
# Evaluation
# ---------------------------------------------------------------------------

def f64_then_round(fn):
    def apply(et, *xs):
        with np.errstate(all="ignore"):
            return cast(fn(*[np.asarray(x, np.float64) for x in xs]), et)
    return apply


def native(fn):
    def apply(et, *xs):
        with np.errstate(all="ignore"):
            if et == "bf16":
                return round_bf16(fn(*xs))
            return cast(fn(*xs), et)
    return apply


def logical(bool_fn, int_fn):
    def apply(et, *xs):
        return bool_fn(*xs) if et == "i1" else int_fn(*xs)
    return apply


def round_afz(x):
    return np.where(x >= 0, np.floor(x + 0.5), -np.floor(-x + 0.5))


ELEMENTWISE = {
    "add": native(np.add), "subtract": native(np.subtract),
    "multiply": native(np.multiply), "divide": native(np.divide),
    "maximum": native(np.maximum), "minimum": native(np.minimum),
    "negate": native(np.negative), "abs": native(np.abs),
    "floor": native(np.floor), "ceil": native(np.ceil), "sign": native(np.sign),
    "round_nearest_even": native(np.rint), "remainder": native(np.fmod),
    "round_nearest_afz": f64_then_round(round_afz),
    "sqrt": f64_then_round(np.sqrt), "rsqrt": f64_then_round(lambda x: 1 / np.sqrt(x)),
    "cbrt": f64_then_round(np.cbrt),
    "exponential": f64_then_round(np.exp), "exponential_minus_one": f64_then_round(np.expm1),
    "log": f64_then_round(np.log), "log_plus_one": f64_then_round(np.log1p),
    "sine": f64_then_round(np.sin), "cosine": f64_then_round(np.cos),
    "tan": f64_then_round(np.tan), "tanh": f64_then_round(np.tanh),
    "logistic": f64_then_round(lambda x: 1 / (1 + np.exp(-x))),
    "atan2": f64_then_round(np.arctan2), "power": f64_then_round(np.power),
    "and": logical(np.logical_and, np.bitwise_and),
    "or": logical(np.logical_or, np.bitwise_or),
    "xor": logical(np.logical_xor, np.bitwise_xor),
    "not": logical(np.logical_not, np.invert),
}


def parse_scalar(payload, et):
    if payload in ("true", "false"):
        return np.array(payload == "true")
    if payload.startswith("0x"):
        bits = int(payload, 16)
        if et == "f32":
            return np.array(bits, np.uint32).view(np.float32)
        if et == "f64":
            return np.array(bits, np.uint64).view(np.float64)
        if et == "f16":
            return np.array(bits, np.uint16).view(np.float16)
        if et == "bf16":
            return np.array(bits << 16, np.uint32).view(np.float32)
        return cast(np.array(bits), et)
    return cast(np.array(float(payload) if et in FLOATS else int(payload)), et)


def bitcast(x, src, dst):
    x = np.asarray(x)
    if src == "bf16":
        return (x.astype(np.float32).view(np.uint32) >> 16).astype(np.uint16).view(np.int16)
    if dst == "bf16":
        return (x.astype(np.int16).view(np.uint16).astype(np.uint32) << 16).view(np.float32)
    return x.astype(NP_TYPES[src]).view(NP_TYPES[dst])


def compare(op, a, b):
    fns = {"EQ": np.equal, "NE": np.not_equal, "LT": np.less, "LE": np.less_equal,
           "GT": np.greater, "GE": np.greater_equal}
    return fns[op.attrs["direction"]](a, b)


def evaluate_op(op, env, types):
    args = [env[v] for v in op.operands]
    arg_types = [types[v] for v in op.operands]
    et = op.result_types[0] if op.result_types else None
    with np.errstate(all="ignore"):
        if op.name in ELEMENTWISE:
            return ELEMENTWISE[op.name](et, *args)
        if op.name == "constant":
            payload = op.attrs["value"]
            if payload.startswith("["):
                raise NotImplementedError("non-splat constant")
            return parse_scalar(payload, et)
        if op.name == "compare":
            return compare(op, *args)
        if op.name == "select":
            return np.where(args[0], args[1], args[2])
        if op.name == "clamp":
            return native(lambda lo, x, hi: np.minimum(np.maximum(x, lo), hi))(et, *args)
        if op.name == "convert":
            return cast(args[0], et)
        if op.name == "bitcast_convert":
            return bitcast(args[0], arg_types[0], et)
        if op.name == "is_finite":
            return np.isfinite(np.asarray(args[0], np.float64))
        if op.name in ("broadcast_in_dim", "reshape", "dynamic_broadcast_in_dim"):
            return args[0]
    raise NotImplementedError("stablehlo.%s is not supported by the evaluator" % op.name)


def evaluate(function, inputs):
    env = dict(zip(function.args, inputs))
    types = dict(zip(function.args, function.arg_types))
    for op in function.ops:
        if op.name in ("return", "func.return"):
            return [env[v] for v in op.operands]
        value = evaluate_op(op, env, types)
        for r, t in zip(op.results, op.result_types):
            env[r], types[r] = value, t
    raise ValueError("function %s has no return" % function.name)


# ---------------------------------------------------------------------------
# References (float64)
# ---------------------------------------------------------------------------

LIBM = ctypes.CDLL(ctypes.util.find_library("m") or "libm.so.6")


def libm1(name):
    fn = getattr(LIBM, name)
    fn.restype, fn.argtypes = ctypes.c_double, [ctypes.c_double]
    return np.vectorize(lambda x: fn(float(x)), otypes=[np.float64])


def libm_nextafterf():
    fn = LIBM.nextafterf
    fn.restype, fn.argtypes = ctypes.c_float, [ctypes.c_float, ctypes.c_float]
    return np.vectorize(lambda x, y: fn(float(x), float(y)), otypes=[np.float32])


# digamma's positive root as a double-double, and the Taylor coefficients
# psi^(k)(x0)/k! (k = 1..11) around it.
X0_HI, X0_LO = 1.4616321449683622, 9.549995429965697e-17
PSI_AT_X0 = [0.9676722454476212, -0.4427631689835921, 0.258499760955651,
             -0.16394270544240652, 0.10782405069126237, -0.07219956125645471,
             0.04880428816414311, -0.03316112647484736, 0.022597648232218104,
             -0.01542476590494896, 0.010538791616612175]
# Bernoulli numbers B_2k / (2k), k = 1..10, for the asymptotic series.
B2K_OVER_2K = [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12,
               -3617 / 8160, 43867 / 14364, -174611 / 6600]
# B_2j / (2j)!, j = 1..10, for Euler-Maclaurin.
B2J_OVER_FACT = [1 / 12, -1 / 720, 1 / 30240, -1 / 1209600, 1 / 47900160,
                 -691 / 1307674368000, 1 / 74724249600, -3617 / 10670622842880000,
                 43867 / 5109094217170944000, -174611 / 802857662698291200000]


def digamma_ref_scalar(x):
    if math.isinf(x):
        return math.inf if x > 0 else math.nan
    if x <= 0 and x == math.floor(x):
        return math.nan
    if x < 0:
        r = x - round(x)
        return digamma_ref_scalar(1 - x) - math.pi / math.tan(math.pi * r)
    d = (x - X0_HI) - X0_LO
    if abs(d) < 0.05:
        return sum(c * d ** (k + 1) for k, c in enumerate(PSI_AT_X0))
    acc = 0.0
    while x < 12:
        acc -= 1 / x
        x += 1
    w2 = 1 / (x * x)
    series = sum(c * w2 ** (k + 1) for k, c in enumerate(B2K_OVER_2K[:8]))
    return acc + math.log(x) - 0.5 / x - series


def zeta_ref_scalar(s, q):
    if s == 1:
        return math.inf
    if s < 1 or math.isnan(s) or math.isnan(q):
        return math.nan
    if q <= 0:
        return math.inf if q == math.floor(q) else math.nan
    n = 16
    acc = math.fsum((q + k) ** -s for k in range(n))
    a = q + n
    acc += a ** (1 - s) / (s - 1) + 0.5 * a ** -s
    rising, power = s, a ** (-s - 1)
    for j, c in enumerate(B2J_OVER_FACT):
        acc += c * rising * power
        rising *= (s + 2 * j + 1) * (s + 2 * j + 2)
        power /= a * a
    return acc


def polygamma_ref_scalar(n, x):
    if n < 0 or n != math.floor(n) or math.isnan(x):
        return math.nan
    if n == 0:
        return digamma_ref_scalar(x)
    sign = 1.0 if int(n) % 2 == 1 else -1.0
    return sign * math.gamma(n + 1) * zeta_ref_scalar(n + 1, x)


def erfinv_ref_scalar(x):
    if math.isnan(x) or abs(x) > 1:
        return math.nan
    if abs(x) == 1:
        return math.copysign(math.inf, x)
    a = abs(x)
    # Start from a crude inverse, then Newton on erf (or on erfc near 1,
    # where 1 - a is exact for a float32 a).
    w = -math.log((1 - a) * (1 + a))
    y = math.sqrt(max(w - math.log(max(w, 1e-300)) * 0.5, 0.0)) if w > 1 else a * 0.886
    for _ in range(60):
        if a < 0.5:
            f = math.erf(y) - a
        else:
            f = (1 - a) - math.erfc(y)
        step = f / (2 / math.sqrt(math.pi) * math.exp(-y * y))
        y -= step
        if abs(step) <= 1e-17 * max(abs(y), 1e-300):
            break
    return math.copysign(y, x)


def i1e_ref_scalar(x):
    if math.isnan(x):
        return math.nan
    a = abs(x)
    if math.isinf(a) or a == 0:
        return math.copysign(0.0, x)
    if a < 5:
        # exp(-a) sum (a/2)^(2k+1) / (k! (k+1)!), all terms positive.
        term = a / 2
        acc, k = term, 0
        while term > 1e-18 * acc:
            k += 1
            term *= (a / 2) ** 2 / (k * (k + 1))
            acc += term
        return math.copysign(acc * math.exp(-a), x)
    if a > 500:
        # Asymptotic series of sqrt(2 pi a) exp(-a) I1(a).
        term, acc = 1.0, 1.0
        for k in range(1, 12):
            term *= -(4 - (2 * k - 1) ** 2) / (k * 8 * a)
            acc += term
        return math.copysign(acc / math.sqrt(2 * math.pi * a), x)
    # (1/pi) int_0^pi exp(a (cos t - 1)) cos t dt by the trapezoidal rule,
    # exponentially convergent for this periodic analytic integrand.
    n = 2048
    t = np.linspace(0.0, math.pi, n + 1)
    f = np.exp(a * (np.cos(t) - 1)) * np.cos(t)
    value = (f.sum() - 0.5 * (f[0] + f[-1])) / n
    return math.copysign(value, x)


def lgamma_ref_scalar(x):
    if math.isinf(x):
        return math.inf
    if x <= 0 and x == math.floor(x):
        return math.inf
    return LGAMMA(x)


LGAMMA = libm1("lgamma")
vec = lambda f: np.vectorize(f, otypes=[np.float64])


try:  # float64 results are checked against mpmath when it is installed.
    import mpmath
    mpmath.mp.dps = 40
except ImportError:  # pragma: no cover
    mpmath = None


def mp_ref(fn, domain=lambda *x: True):
    """A float64 reference from an mpmath function (NaN outside `domain`)."""
    def scalar(*xs):
        if any(math.isnan(x) for x in xs) or not domain(*xs):
            return math.nan
        try:
            return float(fn(*[mpmath.mpf(x) for x in xs]))
        except (ValueError, ZeroDivisionError):
            return math.nan
    return np.vectorize(scalar, otypes=[np.float64])


def mp_erf(x):
    return mpmath.sign(x) if abs(x) > 10 else mpmath.erf(x)


def mp_erfc(x):
    if x > 30:
        return mpmath.mpf(0)
    return mpmath.mpf(2) if x < -10 else mpmath.erfc(x)


def mp_sinh(x):
    return mpmath.sign(x) * mpmath.inf if abs(x) > 1000 else mpmath.sinh(x)


def mp_lgamma(x):
    if x <= 0 and x == mpmath.floor(x):
        return mpmath.inf
    return mpmath.re(mpmath.loggamma(x)) if x > 0 else mpmath.log(abs(mpmath.gamma(x)))


def mp_digamma(x):
    if x <= 0 and x == mpmath.floor(x):
        return mpmath.nan
    return mpmath.digamma(x)


def zeta_em_mp(s, q, n=30):
    """Hurwitz zeta by Euler-Maclaurin at mpmath precision (mpmath.zeta itself
    loses accuracy for some large s, q)."""
    s, q = mpmath.mpf(s), mpmath.mpf(q)
    acc = mpmath.fsum((q + k) ** -s for k in range(n))
    a = q + n
    acc += a ** (1 - s) / (s - 1) + a ** -s / 2
    rising, power = s, a ** (-s - 1)
    for j in range(1, 16):
        acc += mpmath.bernoulli(2 * j) / mpmath.factorial(2 * j) * rising * power
        rising *= (s + 2 * j - 1) * (s + 2 * j)
        power /= a * a
    return acc


def zeta_mp(s, q):
    if math.isnan(s) or math.isnan(q):
        return math.nan
    if s == 1:
        return math.inf
    if s < 1 or (q <= 0 and q != math.floor(q)):
        return math.nan
    if q <= 0:
        return math.inf
    return float(zeta_em_mp(s, q))


def polygamma_mp(n, x):
    if math.isnan(n) or math.isnan(x) or n < 0 or n != math.floor(n):
        return math.nan
    if n == 0:
        return float(mp_digamma(mpmath.mpf(x)))
    if x <= 0:
        return math.inf if x == math.floor(x) else math.nan
    sign = 1 if int(n) % 2 == 1 else -1
    return float(sign * mpmath.factorial(int(n)) * zeta_em_mp(n + 1, x))


def mp_erfinv(x):
    if abs(x) == 1:
        return mpmath.inf * x
    return mpmath.erfinv(x) if abs(x) < 1 else mpmath.nan


def mp_i1e(x):
    a = abs(x)
    if a > 1e6:  # asymptotic series, ample at this size
        return mpmath.sign(x) * (1 - 3 / (8 * a) - 15 / (128 * a * a)) / mpmath.sqrt(2 * mpmath.pi * a)
    return mpmath.besseli(1, x) * mpmath.exp(-a)


def f64_checks():
    if mpmath is None:
        return {}
    wide = np.concatenate([np.linspace(-30.0, 30.0, 12001), SPECIALS,
                           np.geomspace(1e-300, 1e300, 1001), -np.geomspace(1e-300, 1e300, 1001)])
    pos = np.concatenate([np.linspace(0.0, 30.0, 12001), np.geomspace(1e-300, 1e300, 2001),
                          np.linspace(1.4, 1.5, 2001), np.linspace(0.99, 2.01, 2001), SPECIALS])
    return {
        "erf_f64": Check(mp_ref(mp_erf), [wide], "f64"),
        "erfc_f64": Check(mp_ref(mp_erfc), [wide], "f64"),
        "erf_inv_f64": Check(mp_ref(mp_erfinv), [unit(20001)], "f64"),
        "lgamma_f64": Check(mp_ref(mp_lgamma), [pos], "f64"),
        "digamma_f64": Check(mp_ref(mp_digamma), [pos], "f64"),
        "bessel_i1e_f64": Check(mp_ref(mp_i1e), [wide], "f64"),
        "sinh_f64": Check(mp_ref(mp_sinh), [wide], "f64"),
        "asinh_f64": Check(mp_ref(mpmath.asinh), [wide], "f64"),
        "zeta_f64": Check(np.vectorize(zeta_mp, otypes=[np.float64]),
                          [x[::4] for x in zeta_inputs()], "f64"),
        "polygamma_f64": Check(np.vectorize(polygamma_mp, otypes=[np.float64]),
                               [x[::4] for x in polygamma_inputs()], "f64"),
    }


# ---------------------------------------------------------------------------
# Grids and checks
# ---------------------------------------------------------------------------

SPECIALS = np.array([0.0, -0.0, np.inf, -np.inf, np.nan], np.float64)


def grid(lo, hi, n=100001, log_lo=1e-30, log_hi=None, negative=True):
    parts = [np.linspace(lo, hi, n), SPECIALS]
    log_hi = log_hi if log_hi is not None else max(abs(lo), abs(hi))
    parts.append(np.geomspace(log_lo, log_hi, n // 5))
    if negative:
        parts.append(-np.geomspace(log_lo, log_hi, n // 5))
    return np.concatenate(parts)


def all_values(et):
    """Every value of a 16-bit float type."""
    bits = np.arange(1 << 16, dtype=np.uint32)
    if et == "f16":
        return bits.astype(np.uint16).view(np.float16).astype(np.float64)
    return (bits << 16).view(np.float32).astype(np.float64)


class Check:
    def __init__(self, ref, inputs, et="f32", scale=None):
        self.ref, self.inputs, self.et, self.scale = ref, inputs, et, scale


def lgamma_scale(x):
    """The largest term of lgamma(x) = log(pi / |x sin(pi x)|) - lgamma(-x)."""
    log_term = np.log(np.pi / np.abs(x * np.sin(np.pi * (x - 2 * np.round(x / 2)))))
    terms = [vec(lgamma_ref_scalar)(x), vec(lgamma_ref_scalar)(-x), log_term]
    return np.max(np.abs(terms), axis=0)


def digamma_scale(x):
    """The largest term of digamma(x) = digamma(1 - x) - pi cot(pi x)."""
    terms = [vec(digamma_ref_scalar)(x), vec(digamma_ref_scalar)(1 - x),
             np.pi / np.tan(np.pi * (x - np.round(x)))]
    return np.max(np.abs(terms), axis=0)


def zeta_inputs():
    rng = np.random.default_rng(7)
    s = np.concatenate([rng.uniform(1.0, 3.0, 6000), rng.uniform(1.0, 40.0, 6000),
                        [1.0, 0.5, 2.0, 2.0, 3.0, np.nan]])
    q = np.concatenate([rng.uniform(0.0, 4.0, 6000), rng.uniform(0.0, 60.0, 6000),
                        [1.0, 1.0, 0.0, -2.0, -1.5, 1.0]])
    return [s, q]


def polygamma_inputs():
    rng = np.random.default_rng(11)
    n = np.concatenate([rng.integers(0, 8, 12000).astype(np.float64), [0.5, -1.0, 1.0]])
    x = np.concatenate([rng.uniform(0.05, 30.0, 12000), [1.0, 1.0, 0.0]])
    return [n, x]


def next_after_inputs():
    rng = np.random.default_rng(5)
    x = np.concatenate([rng.standard_normal(5000) * 10.0 ** rng.integers(-40, 38, 5000),
                        [0.0, -0.0, 0.0, np.inf, -np.inf, 1.0, np.nan, 1.0,
                         3.4028234663852886e38, 1e-45, -1e-45]])
    y = np.concatenate([rng.standard_normal(5000) * 10.0 ** rng.integers(-40, 38, 5000),
                        [1.0, -1.0, -0.0, 0.0, 0.0, 1.0, 1.0, np.nan, np.inf, 0.0, 0.0]])
    return [x, y]


def unit(n=200001):
    return np.concatenate([np.linspace(-1.0, 1.0, n), 1 - np.geomspace(6e-8, 1, n // 10),
                           np.geomspace(1e-38, 1, n // 10), -np.geomspace(1e-38, 1, n // 10),
                           [1.5, -1.5], SPECIALS])


def checks():
    erf, erfc = libm1("erf"), libm1("erfc")
    return {
        "erf": Check(erf, [grid(-12.0, 12.0)]),
        "erfc": Check(erfc, [grid(-12.0, 12.0)]),
        "erf_f16": Check(erf, [all_values("f16")], "f16"),
        "erf_bf16": Check(erf, [all_values("bf16")], "bf16"),
        "erfc_f16": Check(erfc, [all_values("f16")], "f16"),
        "erf_inv": Check(vec(erfinv_ref_scalar), [unit()]),
        "lgamma": Check(vec(lgamma_ref_scalar),
                        [np.concatenate([grid(0.0, 20.0, negative=False, log_hi=1e38),
                                         np.linspace(0.999, 1.001, 4001),
                                         np.linspace(1.999, 2.001, 4001)])]),
        "lgamma_negative": Check(vec(lgamma_ref_scalar), [np.linspace(-40.0, 0.0, 100001)],
                                 scale=lgamma_scale),
        "lgamma_bf16": Check(vec(lgamma_ref_scalar), [all_values("bf16")], "bf16"),
        "digamma": Check(vec(digamma_ref_scalar),
                         [np.concatenate([grid(0.0, 20.0, negative=False, log_hi=1e38),
                                          np.linspace(1.45, 1.47, 20001)])]),
        "digamma_negative": Check(vec(digamma_ref_scalar), [np.linspace(-40.0, 0.0, 100001)],
                                  scale=digamma_scale),
        "zeta": Check(np.vectorize(zeta_ref_scalar, otypes=[np.float64]), zeta_inputs()),
        "polygamma": Check(np.vectorize(polygamma_ref_scalar, otypes=[np.float64]),
                           polygamma_inputs()),
        "bessel_i1e": Check(vec(i1e_ref_scalar), [grid(-50.0, 50.0, n=20001, log_hi=1e38)]),
        "sinh": Check(libm1("sinh"), [grid(-100.0, 100.0, log_hi=1e38)]),
        "cosh": Check(libm1("cosh"), [grid(-100.0, 100.0, log_hi=1e38)]),
        "asin": Check(libm1("asin"), [unit()]),
        "acos": Check(libm1("acos"), [unit()]),
        "atan": Check(libm1("atan"), [grid(-100.0, 100.0, log_hi=1e38)]),
        "asinh": Check(libm1("asinh"), [grid(-100.0, 100.0, log_hi=1e38)]),
        "acosh": Check(libm1("acosh"), [np.concatenate([grid(0.0, 100.0, log_hi=1e38),
                                                        1 + np.geomspace(1e-7, 1, 20001)])]),
        "atanh": Check(libm1("atanh"), [unit()]),
        "tan": Check(libm1("tan"), [grid(-100.0, 100.0, log_hi=1e38)]),
        "next_after": Check(libm_nextafterf(), next_after_inputs()),
        "is_inf": Check(lambda x: np.isinf(x), [grid(-10.0, 10.0, n=1001, log_hi=1e38)], "i1"),
        "is_pos_inf": Check(lambda x: x == np.inf, [grid(-10.0, 10.0, n=1001)], "i1"),
        "is_neg_inf": Check(lambda x: x == -np.inf, [grid(-10.0, 10.0, n=1001)], "i1"),
        "square": Check(lambda x: np.float32(x) * np.float32(x), [grid(-1e20, 1e20)]),
        **f64_checks(),
    }


# ---------------------------------------------------------------------------
# Error measurement
# ---------------------------------------------------------------------------

def ordered_int(a, et):
    """Monotone integer image of floats (so distances count representable values)."""
    if et == "f64":
        i = np.asarray(a, np.float64).view(np.int64)
        return np.where(i < 0, -(i & 0x7FFFFFFFFFFFFFFF), i)
    if et == "f16":
        i = np.asarray(a, np.float16).view(np.int16).astype(np.int64)
        return np.where(i < 0, -(i & 0x7FFF), i)
    i = np.asarray(a, np.float32).view(np.int32).astype(np.int64)
    if et == "bf16":
        i = i >> 16
        return np.where(i < 0, -(i & 0x7FFF), i)
    return np.where(i < 0, -(i & 0x7FFFFFFF), i)


def ulp_error(got, want, et):
    """Distance in ulps of `et` between results and the rounded reference."""
    got = np.asarray(got)
    if et == "i1":
        return np.where(got.astype(bool) == np.asarray(want, bool), 0, 1 << 30)
    want_r = cast(want, et)
    ig, iw = ordered_int(got, et), ordered_int(want_r, et)
    same_sign = (ig >= 0) == (iw >= 0)
    # Same-sign differences fit in int64; others are large anyway.
    d = np.where(same_sign, np.abs(np.where(same_sign, ig - iw, 0)).astype(np.float64),
                 np.abs(ig.astype(np.float64) - iw.astype(np.float64)))
    gn, wn = np.isnan(np.asarray(got, np.float64)), np.isnan(np.asarray(want_r, np.float64))
    d = np.where(gn & wn, 0, d)
    return np.where(gn ^ wn, np.inf, d)


def scaled_error(got, want, scale, et):
    """|got - want| in ulps of `et` at magnitude `scale` (cancellation-aware)."""
    exp = np.frexp(np.maximum(np.abs(scale), np.finfo(np.float32).tiny))[1]
    ulp = np.ldexp(1.0, exp - 24)
    err = np.abs(np.asarray(got, np.float64) - want) / ulp
    both_inf = np.isinf(want) & (np.asarray(got, np.float64) == want)
    return np.where(both_inf | (np.isnan(want) & np.isnan(got)), 0.0, err)


def run_check(function, check, bound):
    inputs = [cast(x, check.et if check.et != "i1" else "f32") for x in check.inputs]
    for arg_type in function.arg_types:
        if arg_type not in FLOATS:
            raise ValueError("%s: unsupported argument type %s" % (function.name, arg_type))
    inputs = [cast(x, t) for x, t in zip(inputs, function.arg_types)]
    (got,) = evaluate(function, inputs)
    got = np.broadcast_to(got, inputs[0].shape)
    want = check.ref(*[np.asarray(x, np.float64) for x in inputs])
    result_et = check.et if check.et == "i1" else function.arg_types[0]
    if check.scale is not None:
        err = scaled_error(got, want, check.scale(np.asarray(inputs[0], np.float64)), result_et)
    else:
        err = ulp_error(got, want, result_et)
    worst = int(np.argmax(err))
    at = ", ".join("%.9g" % float(x[worst]) for x in inputs)
    status = "PASS" if err[worst] <= bound else "FAIL"
    unit_name = "scaled ulp" if check.scale is not None else "ulp"
    print("%s %s: max %g %s (bound %g) at (%s), %d points" % (
        status, function.name, err[worst], unit_name, bound, at, err.size))
    if status == "FAIL":
        print("  got %r want %r" % (float(got[worst]), float(want[worst])))
    return status == "PASS"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-ulp", action="append", default=[], metavar="FUNC=BOUND",
                        help="check function FUNC against its reference")
    parser.add_argument("input", nargs="?", default="-")
    args = parser.parse_args()
    text = sys.stdin.read() if args.input == "-" else open(args.input).read()
    functions = parse_module(text)
    table = checks()
    ok = True
    for spec in args.max_ulp:
        name, bound = spec.split("=")
        if name.endswith("_f64") and mpmath is None:
            print("SKIP %s: float64 references need mpmath" % name)
            continue
        if name not in functions:
            print("FAIL %s: no such function in the input" % name)
            ok = False
            continue
        ok &= run_check(functions[name], table[name], float(bound))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
