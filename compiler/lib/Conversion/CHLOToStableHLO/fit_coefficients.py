#!/usr/bin/env python3
"""Regenerates the polynomial coefficient tables of the chlo decompositions
(ErfDecomposition.cpp, GammaDecomposition.cpp, ElementaryDecomposition.cpp).

    /usr/bin/python3 fit_coefficients.py f32   # the f32 tables (numpy fits)
    /usr/bin/python3 fit_coefficients.py f64   # the f64 tables (mpmath fits)

Each table (equivalent to, not necessarily bit-identical with, the one in the
sources) is a relative-error near-minimax polynomial (Lawson's iteratively
reweighted least squares on Chebyshev nodes), printed highest degree first as
the C++ `horner` helper expects. Needs numpy and mpmath (references only).
Not run by the build or the tests.
"""
import math
import sys

import mpmath
import numpy as np
from mpmath import mp, mpf

mp.dps = 45


def fmt(name, cs, comment):
    vals = ["%.17g" % float(c) for c in cs]
    body = ",\n    ".join(", ".join(vals[i:i + 3]) for i in range(0, len(vals), 3))
    return "// %s\nconstexpr double %s[] = {\n    %s};\n" % (comment, name, body)


# ---------------------------------------------------------------------------
# float64 fitter (tables for f32 results)
# ---------------------------------------------------------------------------
def fit(f, a, b, deg, tmap=lambda x: x, rel=True, n=2000, iters=30, basis=None):
    """Fit polynomial in t = tmap(x) minimizing max relative (or absolute) error.
    Returns coefficients highest-first in t (float64)."""
    k = np.arange(n)
    x = (a + b) / 2 + (b - a) / 2 * np.cos(np.pi * (k + 0.5) / n)
    t = tmap(x)
    y = f(x)
    w = np.ones(n)
    tmin, tmax = t.min(), t.max()
    # chebyshev basis on [tmin, tmax] for conditioning
    s = (2 * t - (tmin + tmax)) / (tmax - tmin)
    V = np.polynomial.chebyshev.chebvander(s, deg)
    scale = np.abs(y) if rel else np.ones(n)
    for it in range(iters):
        W = w / scale
        c, *_ = np.linalg.lstsq(V * W[:, None], y * W, rcond=None)
        err = np.abs(V @ c - y) / scale
        w = w * err ** 0.7 + 1e-300  # Lawson-like update
        w /= w.sum()
    # convert chebyshev in s to monomial in t
    cs = np.polynomial.chebyshev.cheb2poly(c)  # in s, low-first
    # s = alpha t + beta
    alpha = 2 / (tmax - tmin); beta = -(tmin + tmax) / (tmax - tmin)
    P = np.polynomial.Polynomial(cs)
    Q = P(np.polynomial.Polynomial([beta, alpha]))
    coeffs = Q.coef[::-1]
    return coeffs, err.max()


# ---------------------------------------------------------------------------
# mpmath fitter (tables for f64 results)
# ---------------------------------------------------------------------------
def mpfit(f, a, b, deg, tmap=lambda x: x, iters=12, npts=None, rel=True):
    """Lawson IRLS minimax-ish fit of f(x) by a polynomial in t = tmap(x), at mp precision.
    Returns (coeffs highest-first as mpf, max rel err)."""
    a, b = mpf(a), mpf(b)
    n = npts or 4 * (deg + 1)
    xs = [(a + b) / 2 + (b - a) / 2 * mpmath.cos(mp.pi * (k + mpf(1) / 2) / n) for k in range(n)]
    ts = [tmap(x) for x in xs]
    ys = [f(x) for x in xs]
    tmin, tmax = min(ts), max(ts)
    ss = [(2 * t - (tmin + tmax)) / (tmax - tmin) for t in ts]
    V = [[mpmath.chebyt(j, s) for j in range(deg + 1)] for s in ss]
    w = [mpf(1)] * n
    scale = [abs(y) if rel else mpf(1) for y in ys]
    for it in range(iters):
        W = [w[i] / scale[i] for i in range(n)]
        A = mpmath.matrix([[V[i][j] * W[i] for j in range(deg + 1)] for i in range(n)])
        bb = mpmath.matrix([ys[i] * W[i] for i in range(n)])
        c, res = mpmath.qr_solve(A, bb)
        err = [abs(sum(V[i][j] * c[j] for j in range(deg + 1)) - ys[i]) / scale[i] for i in range(n)]
        w = [w[i] * err[i] ** mpf('0.7') + mpf(10) ** -60 for i in range(n)]
        s = sum(w); w = [x / s for x in w]
    # to monomials in t: s = alpha t + beta
    alpha = 2 / (tmax - tmin); beta = -(tmin + tmax) / (tmax - tmin)
    # chebyshev -> power series in s
    poly = [mpf(0)] * (deg + 1)   # low-first in s
    T0, T1 = [mpf(1)], [mpf(0), mpf(1)]
    Ts = [T0, T1]
    for j in range(2, deg + 1):
        prev, prev2 = Ts[-1], Ts[-2]
        nxt = [mpf(0)] + [2 * v for v in prev]
        for i, v in enumerate(prev2): nxt[i] -= v
        Ts.append(nxt)
    for j in range(deg + 1):
        for i, v in enumerate(Ts[j]): poly[i] += c[j] * v
    # substitute s = alpha t + beta
    out = [mpf(0)] * (deg + 1)
    powb = [[mpf(1)]]
    cur = [mpf(1)]
    for i in range(1, deg + 1):
        nxt = [mpf(0)] * (len(cur) + 1)
        for k, v in enumerate(cur):
            nxt[k] += v * beta; nxt[k + 1] += v * alpha
        cur = nxt; powb.append(cur)
    for i in range(deg + 1):
        for k, v in enumerate(powb[i]): out[k] += poly[i] * v
    # verify on a dense grid in monomial form
    def ev(x):
        t = tmap(x); r = mpf(0)
        for cc in reversed(out): r = r * t + cc
        return r
    grid = [a + (b - a) * k / 997 for k in range(998)]
    e = max(abs(ev(x) - f(x)) / (abs(f(x)) if rel else 1) for x in grid)
    return [cc for cc in reversed(out)], e


def mp_vec(fn):
    return lambda xs: np.array([float(fn(mpf(float(v)))) for v in xs])


X0 = None


def digamma_root():
    global X0
    if X0 is None:
        X0 = mpmath.findroot(mpmath.digamma, mpf("1.46"))
    return X0


def lgamma_ratio(x):
    if abs(x - 1) < mpf(10) ** -35 or abs(x - 2) < mpf(10) ** -35:
        x = x + mpf(10) ** -30
    return mpmath.loggamma(x) / ((x - 1) * (x - 2))


def digamma_ratio(x):
    x0 = digamma_root()
    if abs(x - x0) < mpf(10) ** -35:
        x = x + mpf(10) ** -30
    return mpmath.digamma(x) / (x - x0)


def erf_ratio(y):
    if y == 0:
        return 2 / mpmath.sqrt(mp.pi)
    x = mpmath.sqrt(y)
    return mpmath.erf(x) / x


def erfc_scaled(x):
    return mpmath.erfc(x) * mpmath.exp(x * x) * (1 + 2 * x)


def erfinv_ratio(w):
    if w == 0:
        return mpmath.sqrt(mp.pi) / 2
    x = mpmath.sqrt(-mpmath.expm1(-w))
    return mpmath.erfinv(x) / x


def i1e_scaled(w):
    if w == 0:
        return 1 / mpmath.sqrt(2 * mp.pi)
    x = 1 / w
    return mpmath.besseli(1, x) * mpmath.exp(-x) * mpmath.sqrt(x)


def f32_tables():
    out = []
    c, e = fit(mp_vec(erf_ratio), 1e-12, 1.0, 6)
    out.append(fmt("kErfSmall", c, "erf(x)/x in x^2, |x| < 1 (%.1e)" % e))
    c, e = fit(mp_vec(erfc_scaled), 0.5, 10.1, 10, tmap=lambda x: (x - 2) / (x + 2), n=600,
               iters=20)
    out.append(fmt("kErfcScaled", c, "erfc(x) exp(x^2) (1 + 2x) in (x - 2)/(x + 2) (%.1e)" % e))
    c, e = fit(mp_vec(erfinv_ratio), 0, 5, 9, tmap=lambda w: w - 2.5, n=300, iters=15)
    out.append(fmt("kErfInvCentral", c, "erfinv(x)/x in w - 2.5, w < 5 (%.1e)" % e))
    c, e = fit(mp_vec(lambda s: erfinv_ratio(s * s)), math.sqrt(5), 4.05, 9,
               tmap=lambda s: s - 3, n=300, iters=15)
    out.append(fmt("kErfInvTail", c, "erfinv(x)/x in sqrt(w) - 3 (%.1e)" % e))
    c, e = fit(mp_vec(lgamma_ratio), 1, 3, 13, tmap=lambda x: x - 2, n=400, iters=15)
    out.append(fmt("kLgammaCore", c, "lgamma(x) / ((x - 1)(x - 2)) in x - 2 (%.1e)" % e))
    c, e = fit(mp_vec(digamma_ratio), 1, 3, 14, tmap=lambda x: x - 2, n=400, iters=15)
    out.append(fmt("kDigammaCore", c, "digamma(x) / (x - x0) in x - 2 (%.1e)" % e))
    hi = np.float32(float(digamma_root()))
    out.append("kDigammaRootHi = %.17g, kDigammaRootLo = %.17g\n"
               % (float(hi), float(digamma_root() - mpf(float(hi)))))
    taylor = [1 / (2 * 4 ** k * math.factorial(k) * math.factorial(k + 1)) for k in range(16)]
    out.append(fmt("kI1Taylor", taylor[::-1], "I1(x)/x Taylor coefficients in x^2"))
    c, e = fit(mp_vec(i1e_scaled), 0, 1 / 8, 8, n=300, iters=15)
    out.append(fmt("kI1eAsymptotic", c, "sqrt(x) exp(-x) I1(x) in 1/x, x >= 8 (%.1e)" % e))
    return out


def f64_tables():
    out = []
    c, e = mpfit(erf_ratio, 0, 1, 12)
    out.append(fmt("kErfSmall64", c, "erf(x)/x in x^2 (%s)" % mpmath.nstr(e, 2)))
    c, e = mpfit(erfc_scaled, 0.5, 27.3, 24, tmap=lambda x: (x - 3) / (x + 3))
    out.append(fmt("kErfcScaled64", c, "erfc scaled in (x - 3)/(x + 3) (%s)" % mpmath.nstr(e, 2)))
    c, e = mpfit(erfinv_ratio, 0, 6.25, 24, tmap=lambda w: w - mpf(3.125))
    out.append(fmt("kErfInvCentral64", c, "w < 6.25 (%s)" % mpmath.nstr(e, 2)))
    c, e = mpfit(lambda s: erfinv_ratio(s * s), 2.5, 4, 20, tmap=lambda s: s - mpf(3.25))
    out.append(fmt("kErfInvMiddle64", c, "6.25 <= w < 16 (%s)" % mpmath.nstr(e, 2)))
    c, e = mpfit(lambda s: erfinv_ratio(s * s), 4, 6.1, 20, tmap=lambda s: s - mpf(5.05))
    out.append(fmt("kErfInvTail64", c, "16 <= w (%s)" % mpmath.nstr(e, 2)))
    c, e = mpfit(lgamma_ratio, 1, 3, 28, tmap=lambda x: x - 2)
    out.append(fmt("kLgammaCore64", c, "lgamma ratio (%s)" % mpmath.nstr(e, 2)))
    c, e = mpfit(digamma_ratio, 1, 3, 30, tmap=lambda x: x - 2)
    out.append(fmt("kDigammaCore64", c, "digamma ratio (%s)" % mpmath.nstr(e, 2)))
    hi = float(digamma_root())
    out.append("kDigammaRootHi64 = %.17g, kDigammaRootLo64 = %.17g\n"
               % (hi, float(digamma_root() - mpf(hi))))
    c, e = mpfit(i1e_scaled, 0, mpf(1) / 8, 22)
    out.append(fmt("kI1eAsymptotic64", c, "i1e scaled (%s)" % mpmath.nstr(e, 2)))
    taylor = [mpf(1) / (2 * 4 ** k * mpmath.factorial(k) * mpmath.factorial(k + 1))
              for k in range(26)]
    out.append(fmt("kI1Taylor64", taylor[::-1], "I1(x)/x Taylor coefficients in x^2"))
    return out


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else "f32"
    print("\n".join(f32_tables() if which == "f32" else f64_tables()))
