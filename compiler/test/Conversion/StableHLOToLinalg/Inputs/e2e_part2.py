#!/usr/bin/env python3
"""End-to-end numerical checks of stablehlo-legalize-to-linalg (part-2 ops).

For each case: the stablehlo module is lowered with
    byteir-opt --chlo-legalize-to-stablehlo --byteir-unfuse-batch-norm
               --stablehlo-legalize-to-linalg,
a `main` that calls the case's entry function on constant inputs and prints
every result (printMemrefF32/I32) is appended, then the module is lowered to
LLVM with byteir-opt (upstream passes plus byteir-linalg-ext-to-loops) and run
with mlir-runner. The printed results are compared
with the expected arrays: JAX's outputs for the cases taken from
shared/testdata/stablehlo_jax, numpy references for the others (convolution
layouts and groups, pooling, select_and_scatter, gather/scatter corner cases,
sort stability, control flow, batch norm, dynamic ops).

    run_e2e.py --byteir-opt build/bin/byteir-opt [--testdata DIR] [CASE...]

Prints "PASS name" or "FAIL name: reason" per case; exits 1 on any failure.
Float results: rtol 1e-4, atol 1e-5 (NaN equals NaN); integers exactly.
"""
import argparse
import itertools
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

LLVM_BIN = "/usr/lib/llvm-22/bin"
LLVM_LIB = "/usr/lib/llvm-22/lib"
LOWER_TO_LLVM = [
    "--one-shot-bufferize=bufferize-function-boundaries allow-return-allocs-from-loops",
    "--byteir-linalg-ext-to-loops",
    "--convert-linalg-to-loops", "--lower-affine", "--convert-scf-to-cf",
    "--expand-strided-metadata", "--lower-affine", "--finalize-memref-to-llvm",
    "--convert-math-to-llvm", "--convert-math-to-libm", "--convert-arith-to-llvm",
    "--convert-index-to-llvm", "--convert-cf-to-llvm", "--convert-func-to-llvm",
    "--reconcile-unrealized-casts",
]

# ---------------------------------------------------------------------------
# Types and literals
# ---------------------------------------------------------------------------

ELEM = {np.dtype(np.float32): "f32", np.dtype(np.float64): "f64",
        np.dtype(np.int32): "i32", np.dtype(np.int64): "i64",
        np.dtype(np.bool_): "i1", np.dtype(np.uint32): "ui32",
        np.dtype(np.uint64): "ui64"}
SIGNLESS = {np.dtype(np.uint32): np.int32, np.dtype(np.uint64): np.int64}


def signless(a):
    """Unsigned arrays viewed as the signless (two's complement) integers."""
    return a.view(SIGNLESS[a.dtype]) if a.dtype in SIGNLESS else a


def tensor_type(a, elem=None):
    et = elem or ELEM[a.dtype]
    return "tensor<" + "".join(f"{d}x" for d in a.shape) + et + ">"


def literal(a):
    def fmt(x):
        if a.dtype == np.bool_:
            return "true" if x else "false"
        if a.dtype.kind == "f":
            return repr(float(x)) if np.isfinite(x) else (
                "0xFF800000" if x < 0 else "0x7F800000")
        return str(int(x))
    if a.ndim == 0:
        return fmt(a.item())

    def rec(x):
        if x.ndim == 1:
            return "[" + ", ".join(fmt(v) for v in x) + "]"
        return "[" + ", ".join(rec(s) for s in x) + "]"
    return rec(a)


# ---------------------------------------------------------------------------
# Running one case
# ---------------------------------------------------------------------------

def wrapper(inputs, outputs, entry):
    """A `main` calling `entry` on constant `inputs` and printing the results."""
    lines = [
        "  func.func private @printMemrefF32(memref<*xf32>) attributes {llvm.emit_c_interface}",
        "  func.func private @printMemrefI32(memref<*xi32>) attributes {llvm.emit_c_interface}",
        "  func.func private @printMemrefI64(memref<*xi64>) attributes {llvm.emit_c_interface}",
        "  func.func @main() {",
    ]
    args = []
    for i, a in enumerate(inputs):
        a = signless(a)
        t = tensor_type(a)
        lines.append(f"    %in{i} = arith.constant dense<{literal(a)}> : {t}")
        args.append((f"%in{i}", t))
    outputs = [signless(o) for o in outputs]
    rtypes = [tensor_type(o) for o in outputs]
    res = ", ".join(rtypes)
    call = (f"call @{entry}({', '.join(n for n, _ in args)}) : "
            f"({', '.join(t for _, t in args)}) -> ({res})")
    names = [f"%r#{i}" for i in range(len(outputs))] if len(outputs) > 1 else ["%r"]
    lines.append(f"    %r{':' + str(len(outputs)) if len(outputs) > 1 else ''} = {call}")
    for i, (o, t) in enumerate(zip(outputs, rtypes)):
        mt = t.replace("tensor<", "memref<")
        et = ELEM[o.dtype]
        lines.append(f"    %m{i} = bufferization.to_buffer {names[i]} : {t} to {mt}")
        lines.append(f"    %u{i} = memref.cast %m{i} : {mt} to memref<*x{et}>")
        fn = {"f32": "printMemrefF32", "i32": "printMemrefI32", "i64": "printMemrefI64"}[et]
        lines.append(f"    call @{fn}(%u{i}) : (memref<*x{et}>) -> ()")
    lines += ["    return", "  }"]
    return "\n".join(lines) + "\n"


NUM = re.compile(r"-?nan|-?inf|[-+]?\d+(?:\.\d*)?(?:e[-+]?\d+)?", re.I)


def parse_prints(text):
    out = []
    for chunk in text.split("Unranked Memref")[1:]:
        sizes = re.search(r"sizes = \[([^\]]*)\]", chunk).group(1)
        shape = tuple(int(s) for s in sizes.split(",") if s.strip())
        data = chunk.split("data =", 1)[1]
        out.append((shape, NUM.findall(data)))
    return out


def run_case(name, module, inputs, expected, tools, entry="main", workdir="."):
    if entry == "main":
        module = re.sub(r"@main\b", "@case_entry", module)
        entry = "case_entry"
    src = os.path.join(workdir, name + ".mlir")
    with open(src, "w") as f:
        f.write(module)
    p = subprocess.run([tools.byteir_opt, src, "--chlo-legalize-to-stablehlo",
                        "--byteir-unfuse-batch-norm", "--stablehlo-legalize-to-linalg"],
                       capture_output=True, text=True)
    if p.returncode:
        return f"byteir-opt failed:\n{p.stderr[-3000:]}"
    lowered = p.stdout.rstrip()
    assert lowered.endswith("}")
    lowered = lowered[:-1] + wrapper(inputs, expected, entry) + "}\n"
    low = os.path.join(workdir, name + ".linalg.mlir")
    with open(low, "w") as f:
        f.write(lowered)
    # byteir-opt, not mlir-opt: the lowering emits linalg_ext ops (sort, ...).
    p = subprocess.run([tools.byteir_opt, low] + LOWER_TO_LLVM,
                       capture_output=True, text=True)
    if p.returncode:
        return f"mlir-opt failed:\n{p.stderr[-3000:]}"
    llvm = os.path.join(workdir, name + ".llvm.mlir")
    with open(llvm, "w") as f:
        f.write(p.stdout)
    libs = ",".join(os.path.join(LLVM_LIB, l) for l in
                    ("libmlir_runner_utils.so", "libmlir_c_runner_utils.so"))
    p = subprocess.run([os.path.join(LLVM_BIN, "mlir-runner"), llvm, "-e", "main",
                        "-entry-point-result=void", "--shared-libs=" + libs],
                       capture_output=True, text=True)
    if p.returncode:
        return f"mlir-runner failed:\n{p.stderr[-3000:]}"
    got = parse_prints(p.stdout)
    if len(got) != len(expected):
        return f"expected {len(expected)} results, printed {len(got)}"
    for i, ((shape, tokens), e) in enumerate(zip(got, expected)):
        e = signless(e)
        if shape != e.shape:
            return f"result {i}: shape {shape} != {e.shape}"
        if e.dtype.kind == "f":
            g = np.array([float(t) for t in tokens], np.float64).reshape(shape)
            ok = np.isclose(g, e.astype(np.float64), rtol=1e-4, atol=1e-5, equal_nan=True)
        else:
            g = np.array([int(t) for t in tokens], np.int64).reshape(shape)
            ok = g == e.astype(np.int64)
        if not ok.all():
            bad = np.argwhere(~ok)[:5]
            return (f"result {i}: {int((~ok).sum())} mismatches, e.g. at "
                    + ", ".join(f"{tuple(b)}: got {g[tuple(b)]} want {e[tuple(b)]}"
                                for b in bad))
    return None


# ---------------------------------------------------------------------------
# numpy references
# ---------------------------------------------------------------------------

def ref_conv(lhs, rhs, dn, strides, pad, lhs_dil, rhs_dil, rev, fgc=1, bgc=1):
    """stablehlo.convolution per the spec. dn = (ib, if, isp, kif, kof, ksp, ob, of, osp)."""
    ib, if_, isp, kif, kof, ksp, ob, of, osp = dn
    nsp = len(isp)
    L = np.transpose(lhs, [ib, if_] + isp).astype(np.float64)
    K = np.transpose(rhs, [kof, kif] + ksp).astype(np.float64)
    for i in range(nsp):
        if rev[i]:
            K = np.flip(K, axis=2 + i)
    n, c = L.shape[:2]
    dshape = [(s - 1) * d + 1 if s else 0 for s, d in zip(L.shape[2:], lhs_dil)]
    D = np.zeros((n, c) + tuple(dshape))
    D[(slice(None), slice(None)) + tuple(slice(None, None, d) for d in lhs_dil)] = L
    for i, (lo, hi) in enumerate(pad):
        ax = 2 + i
        if lo >= 0:
            shp = list(D.shape); shp[ax] = lo
            D = np.concatenate([np.zeros(shp), D], ax)
        else:
            D = np.take(D, range(-lo, D.shape[ax]), axis=ax)
        if hi >= 0:
            shp = list(D.shape); shp[ax] = hi
            D = np.concatenate([D, np.zeros(shp)], ax)
        else:
            D = np.take(D, range(0, D.shape[ax] + hi), axis=ax)
    o, cg = K.shape[:2]
    ks = K.shape[2:]
    osz = [(D.shape[2 + i] - ((ks[i] - 1) * rhs_dil[i] + 1)) // strides[i] + 1
           for i in range(nsp)]
    nout = n // bgc
    out = np.zeros((nout, o) + tuple(osz))
    g_all = fgc * bgc
    og = o // g_all
    for g in range(g_all):
        Kg = K[g * og:(g + 1) * og]
        if fgc > 1:
            Lg = D[:, g * cg:(g + 1) * cg]
        elif bgc > 1:
            Lg = D[g * nout:(g + 1) * nout]
        else:
            Lg = D
        for pos in itertools.product(*[range(s) for s in osz]):
            acc = np.zeros((nout, og))
            for kp in itertools.product(*[range(s) for s in ks]):
                idx = tuple(pos[i] * strides[i] + kp[i] * rhs_dil[i] for i in range(nsp))
                patch = Lg[(slice(None), slice(None)) + idx]
                acc += patch @ Kg[(slice(None), slice(None)) + kp].T
            out[(slice(None), slice(g * og, (g + 1) * og)) + pos] = acc
    canon = {ob: 0, of: 1}
    for i, d in enumerate(osp):
        canon[d] = 2 + i
    return np.transpose(out, [canon[d] for d in range(2 + nsp)]).astype(np.float32)


def ref_reduce_window(x, init, fn, window, strides, pad, base_dil, win_dil):
    """Single-input reduce_window per the spec, with a python reduction fn."""
    x = np.asarray(x, np.float64)
    r = x.ndim
    dshape = [(s - 1) * d + 1 for s, d in zip(x.shape, base_dil)]
    D = np.full(dshape, init)
    D[tuple(slice(None, None, d) for d in base_dil)] = x
    D = np.pad(D, [(lo, hi) for lo, hi in pad], constant_values=init)
    osz = [(D.shape[i] - ((window[i] - 1) * win_dil[i] + 1)) // strides[i] + 1
           for i in range(r)]
    out = np.full(osz, init)
    for pos in itertools.product(*[range(s) for s in osz]):
        acc = init
        for w in itertools.product(*[range(s) for s in window]):
            acc = fn(acc, D[tuple(pos[i] * strides[i] + w[i] * win_dil[i] for i in range(r))])
        out[pos] = acc
    return out.astype(np.float32)


def ref_select_and_scatter(operand, source, init, window, strides, pad):
    r = operand.ndim
    out = np.full(operand.shape, init, np.float64)
    for s in itertools.product(*[range(d) for d in source.shape]):
        sel = None
        for w in itertools.product(*[range(d) for d in window]):
            idx = tuple(s[i] * strides[i] + w[i] - pad[i][0] for i in range(r))
            if all(0 <= idx[i] < operand.shape[i] for i in range(r)):
                if sel is None or not operand[sel] >= operand[idx]:
                    sel = idx
        if sel is not None:
            out[sel] += source[s]
    return out.astype(np.float32)


def philox4x32_10(ctr, key):
    """Philox-4x32-10 of the 4-word counter and 2-word key (python ints)."""
    c = list(ctr)
    k0, k1 = key
    m = 0xFFFFFFFF
    for r in range(10):
        p0, p1 = 0xD2511F53 * c[0], 0xCD9E8D57 * c[2]
        c = [((p1 >> 32) ^ c[1] ^ k0) & m, p1 & m, ((p0 >> 32) ^ c[3] ^ k1) & m, p0 & m]
        k0, k1 = (k0 + 0x9E3779B9) & m, (k1 + 0xBB67AE85) & m
    return c


# Known-answer tests of the Random123 distribution.
assert philox4x32_10([0] * 4, [0, 0]) == [0x6627E8D5, 0xE169C58D, 0xBC57AC4C, 0x9B00DBD8]
assert philox4x32_10([0xFFFFFFFF] * 4, [0xFFFFFFFF] * 2) == [
    0x408F276D, 0x41C83B0E, 0xA20BC7C6, 0x6D5451FD]


def ref_rng_bits(state, shape, width):
    """byteir's rng_bit_generator: (new state, bits as uint32/uint64 array)."""
    key, lo = int(state[0]), int(state[1])
    hi = int(state[2]) if len(state) > 2 else 0
    per_elem = 2 if width == 64 else 1
    per_block = 4 // per_elem
    n = int(np.prod(shape))
    blocks = (n + per_block - 1) // per_block
    words = []
    for b in range(blocks):
        ctr = (lo + b) & (2**64 - 1)
        words += philox4x32_10([ctr & 0xFFFFFFFF, ctr >> 32, hi & 0xFFFFFFFF, hi >> 32],
                               [key & 0xFFFFFFFF, key >> 32])
    if per_elem == 2:
        vals = [words[2 * i] | (words[2 * i + 1] << 32) for i in range(n)]
        bits = np.array(vals, np.uint64).reshape(shape)
    else:
        bits = np.array(words[:n], np.uint64).astype(np.uint32).reshape(shape)
    new = np.array(state, np.uint64).copy()
    new[1] = np.uint64((lo + blocks) & (2**64 - 1))
    return new, bits


def rng(seed):
    return np.random.default_rng(seed)


def f32(a):
    return np.asarray(a, np.float32)


# ---------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------

JAX_CASES = ["conv2d_relu", "cumsum", "embedding_gather", "scatter_add", "sort",
             "fori_loop", "cond", "topk", "dynamic_slice"]


def jax_case(testdata, name):
    d = os.path.join(testdata, "stablehlo_jax", name)
    with open(os.path.join(d, name + ".mlir")) as f:
        module = f.read()
    def load(sub):
        files = sorted(os.listdir(os.path.join(d, sub)), key=lambda s: int(s.split(".")[0]))
        return [np.load(os.path.join(d, sub, fn)) for fn in files]
    return module, load("inputs"), load("outputs")


def conv_module(lhs, rhs, out, dims, window, fgc=1, bgc=1):
    return f"""
func.func @main(%a: {tensor_type(lhs)}, %b: {tensor_type(rhs)}) -> {tensor_type(out)} {{
  %0 = stablehlo.convolution(%a, %b) dim_numbers = {dims}, window = {{{window}}} {{batch_group_count = {bgc} : i64, feature_group_count = {fgc} : i64}} : ({tensor_type(lhs)}, {tensor_type(rhs)}) -> {tensor_type(out)}
  return %0 : {tensor_type(out)}
}}"""


def custom_cases():
    cases = {}
    g = rng(0)

    # Grouped convolution with stride, padding, lhs/rhs dilation and reversal.
    lhs = f32(g.standard_normal((1, 6, 7, 4)))
    rhs = f32(g.standard_normal((3, 3, 2, 6)))
    out = ref_conv(lhs, rhs, (0, 3, [1, 2], 2, 3, [0, 1], 0, 3, [1, 2]), [2, 1],
                   [(1, 1), (0, 1)], [1, 2], [2, 1], [True, False], fgc=2)
    cases["conv_grouped_dilated"] = (conv_module(
        lhs, rhs, out, "[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]",
        "stride = [2, 1], pad = [[1, 1], [0, 1]], lhs_dilate = [1, 2], "
        "rhs_dilate = [2, 1], reverse = [true, false]", fgc=2), [lhs, rhs], [out])

    # Batch groups, NCHW.
    lhs = f32(g.standard_normal((4, 3, 5, 5)))
    rhs = f32(g.standard_normal((4, 3, 2, 2)))
    out = ref_conv(lhs, rhs, (0, 1, [2, 3], 1, 0, [2, 3], 0, 1, [2, 3]), [1, 1],
                   [(0, 0), (0, 0)], [1, 1], [1, 1], [False, False], bgc=2)
    cases["conv_batch_groups"] = (conv_module(
        lhs, rhs, out, "[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]",
        "stride = [1, 1], pad = [[0, 0], [0, 0]]", bgc=2), [lhs, rhs], [out])

    # NCHW (named conv_2d_nchw_fchw) with stride, padding and kernel dilation.
    lhs = f32(g.standard_normal((1, 2, 7, 7)))
    rhs = f32(g.standard_normal((3, 2, 2, 3)))
    out = ref_conv(lhs, rhs, (0, 1, [2, 3], 1, 0, [2, 3], 0, 1, [2, 3]), [2, 2],
                   [(0, 1), (1, 0)], [1, 1], [2, 1], [False, False])
    cases["conv_nchw"] = (conv_module(
        lhs, rhs, out, "[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]",
        "stride = [2, 2], pad = [[0, 1], [1, 0]], rhs_dilate = [2, 1]"),
        [lhs, rhs], [out])

    # Depthwise with channel multiplier 2 (named depthwise_conv_2d_nhwc_hwcm).
    lhs = f32(g.standard_normal((1, 5, 5, 3)))
    rhs = f32(g.standard_normal((3, 3, 1, 6)))
    out = ref_conv(lhs, rhs, (0, 3, [1, 2], 2, 3, [0, 1], 0, 3, [1, 2]), [1, 1],
                   [(1, 1), (1, 1)], [1, 1], [1, 1], [False, False], fgc=3)
    cases["conv_depthwise_mult"] = (conv_module(
        lhs, rhs, out, "[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]",
        "stride = [1, 1], pad = [[1, 1], [1, 1]]", fgc=3), [lhs, rhs], [out])

    # Depthwise, multiplier 1 (depthwise_conv_2d_nhwc_hwc), stride 2.
    lhs = f32(g.standard_normal((2, 6, 6, 4)))
    rhs = f32(g.standard_normal((3, 3, 1, 4)))
    out = ref_conv(lhs, rhs, (0, 3, [1, 2], 2, 3, [0, 1], 0, 3, [1, 2]), [2, 2],
                   [(1, 0), (1, 0)], [1, 1], [1, 1], [False, False], fgc=4)
    cases["conv_depthwise"] = (conv_module(
        lhs, rhs, out, "[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]",
        "stride = [2, 2], pad = [[1, 0], [1, 0]]", fgc=4), [lhs, rhs], [out])

    # 1-d, mixed layouts (generic), causal padding, negative high padding.
    lhs = f32(g.standard_normal((2, 3, 8)))
    rhs = f32(g.standard_normal((4, 3, 3)))
    out = ref_conv(lhs, rhs, (0, 1, [2], 1, 0, [2], 0, 2, [1]), [1], [(2, -1)],
                   [1], [1], [False])
    cases["conv1d_mixed_layout"] = (conv_module(
        lhs, rhs, out, "[b, f, 0]x[o, i, 0]->[b, 0, f]", "stride = [1], pad = [[2, -1]]"),
        [lhs, rhs], [out])

    # 3-d channels-last (conv_3d_ndhwc_dhwcf).
    lhs = f32(g.standard_normal((1, 4, 5, 4, 2)))
    rhs = f32(g.standard_normal((2, 3, 2, 2, 3)))
    out = ref_conv(lhs, rhs, (0, 4, [1, 2, 3], 3, 4, [0, 1, 2], 0, 4, [1, 2, 3]),
                   [1, 2, 1], [(0, 0), (1, 1), (0, 1)], [1, 1, 1], [1, 1, 2],
                   [False] * 3)
    cases["conv3d"] = (conv_module(
        lhs, rhs, out, "[b, 0, 1, 2, f]x[0, 1, 2, i, o]->[b, 0, 1, 2, f]",
        "stride = [1, 2, 1], pad = [[0, 0], [1, 1], [0, 1]], rhs_dilate = [1, 1, 2]"),
        [lhs, rhs], [out])

    # Unsigned 8-bit inputs accumulated in i32 (generic path, zero extension).
    lhs = g.integers(0, 256, (1, 5, 2)).astype(np.uint32)
    rhs = g.integers(0, 256, (3, 2, 2)).astype(np.uint32)
    out = ref_conv(lhs.astype(np.float64), rhs.astype(np.float64),
                   (0, 2, [1], 1, 2, [0], 0, 2, [1]), [1], [(0, 0)], [1], [1],
                   [False]).astype(np.int64).astype(np.int32)
    cases["conv_ui8"] = ("""
func.func @main(%a: tensor<1x5x2xi32>, %b: tensor<3x2x2xi32>) -> tensor<1x3x2xi32> {
  %a8 = stablehlo.convert %a : (tensor<1x5x2xi32>) -> tensor<1x5x2xui8>
  %b8 = stablehlo.convert %b : (tensor<3x2x2xi32>) -> tensor<3x2x2xui8>
  %0 = stablehlo.convolution(%a8, %b8) dim_numbers = [b, 0, f]x[0, i, o]->[b, 0, f], window = {stride = [1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x5x2xui8>, tensor<3x2x2xui8>) -> tensor<1x3x2xi32>
  return %0 : tensor<1x3x2xi32>
}""", [lhs.astype(np.int32), rhs.astype(np.int32)], [out])

    # Max pooling: reduce_window with strides and padding.
    x = f32(g.standard_normal((1, 6, 6, 2)))
    out = ref_reduce_window(x, -np.inf, max, [1, 3, 3, 1], [1, 2, 2, 1],
                            [(0, 0), (1, 1), (1, 1), (0, 0)], [1] * 4, [1] * 4)
    cases["maxpool"] = (f"""
func.func @main(%x: {tensor_type(x)}) -> {tensor_type(out)} {{
  %init = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %init) <{{padding = dense<[[0, 0], [1, 1], [1, 1], [0, 0]]> : tensor<4x2xi64>, window_dimensions = array<i64: 1, 3, 3, 1>, window_strides = array<i64: 1, 2, 2, 1>}}> ({{
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = stablehlo.maximum %a, %b : tensor<f32>
    stablehlo.return %m : tensor<f32>
  }}) : ({tensor_type(x)}, tensor<f32>) -> {tensor_type(out)}
  return %0 : {tensor_type(out)}
}}""", [x], [out])

    # Sum with base and window dilations.
    x = f32(g.standard_normal((5, 4)))
    out = ref_reduce_window(x, 0.0, lambda a, b: a + b, [2, 2], [1, 1],
                            [(1, 0), (0, 1)], [2, 1], [1, 2])
    cases["reduce_window_dilated"] = (f"""
func.func @main(%x: {tensor_type(x)}) -> {tensor_type(out)} {{
  %init = stablehlo.constant dense<0.0> : tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %init) <{{base_dilations = array<i64: 2, 1>, padding = dense<[[1, 0], [0, 1]]> : tensor<2x2xi64>, window_dilations = array<i64: 1, 2>, window_dimensions = array<i64: 2, 2>}}> ({{
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %m : tensor<f32>
  }}) : ({tensor_type(x)}, tensor<f32>) -> {tensor_type(out)}
  return %0 : {tensor_type(out)}
}}""", [x], [out])

    # Variadic reduce_window: windowed argmax (value, index).
    x = f32(g.standard_normal((2, 6)))
    idx = np.tile(np.arange(6, dtype=np.int32), (2, 1))
    vals = np.zeros((2, 2), np.float32)
    args = np.zeros((2, 2), np.int32)
    for r in range(2):
        for c in range(2):
            w = x[r, 3 * c:3 * c + 3]
            args[r, c] = 3 * c + int(np.argmax(w))
            vals[r, c] = w.max()
    cases["reduce_window_argmax"] = ("""
func.func @main(%x: tensor<2x6xf32>, %i: tensor<2x6xi32>) -> (tensor<2x2xf32>, tensor<2x2xi32>) {
  %vi = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %ii = stablehlo.constant dense<-1> : tensor<i32>
  %0:2 = "stablehlo.reduce_window"(%x, %i, %vi, %ii) <{window_dimensions = array<i64: 1, 3>, window_strides = array<i64: 1, 3>}> ({
  ^bb0(%a: tensor<f32>, %ai: tensor<i32>, %b: tensor<f32>, %bi: tensor<i32>):
    %gt = stablehlo.compare GT, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %eq = stablehlo.compare EQ, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %lt = stablehlo.compare LT, %ai, %bi, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t = stablehlo.and %eq, %lt : tensor<i1>
    %p = stablehlo.or %gt, %t : tensor<i1>
    %v = stablehlo.select %p, %a, %b : tensor<i1>, tensor<f32>
    %j = stablehlo.select %p, %ai, %bi : tensor<i1>, tensor<i32>
    stablehlo.return %v, %j : tensor<f32>, tensor<i32>
  }) : (tensor<2x6xf32>, tensor<2x6xi32>, tensor<f32>, tensor<i32>) -> (tensor<2x2xf32>, tensor<2x2xi32>)
  return %0#0, %0#1 : tensor<2x2xf32>, tensor<2x2xi32>
}""", [x, idx], [vals, args])

    # select_and_scatter (max-pool gradient), with and without padding.
    for name, shape, window, strides, pad in [
            ("select_and_scatter", (4, 6), (2, 2), (2, 2), [(0, 0), (0, 0)]),
            ("select_and_scatter_padded", (5, 5), (3, 3), (2, 2), [(1, 1), (1, 1)])]:
        op = f32(g.standard_normal(shape))
        op[0, 0] = op[0, 1]  # a tie: the first one wins
        ssz = [(shape[i] + pad[i][0] + pad[i][1] - window[i]) // strides[i] + 1
               for i in range(2)]
        src = f32(g.standard_normal(ssz))
        out = ref_select_and_scatter(op, src, 0.0, window, strides, pad)
        padattr = f"dense<[[{pad[0][0]}, {pad[0][1]}], [{pad[1][0]}, {pad[1][1]}]]> : tensor<2x2xi64>"
        cases[name] = (f"""
func.func @main(%x: {tensor_type(op)}, %s: {tensor_type(src)}) -> {tensor_type(op)} {{
  %init = stablehlo.constant dense<0.0> : tensor<f32>
  %0 = "stablehlo.select_and_scatter"(%x, %s, %init) <{{padding = {padattr}, window_dimensions = array<i64: {window[0]}, {window[1]}>, window_strides = array<i64: {strides[0]}, {strides[1]}>}}> ({{
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %p = stablehlo.compare GE, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %p : tensor<i1>
  }}, {{
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %t = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %t : tensor<f32>
  }}) : ({tensor_type(op)}, {tensor_type(src)}, tensor<f32>) -> {tensor_type(op)}
  return %0 : {tensor_type(op)}
}}""", [op, src], [out])

    # Gather with operand batching dims and clamped (out-of-range) indices.
    op = f32(g.standard_normal((2, 5, 3)))
    ind = np.array([[[1], [7], [-2], [4]], [[0], [3], [2], [9]]], np.int32)
    out = np.zeros((2, 4, 3), np.float32)
    for b in range(2):
        for i in range(4):
            out[b, i] = op[b, min(max(ind[b, i, 0], 0), 4)]
    cases["gather_batching"] = ("""
func.func @main(%x: tensor<2x5x3xf32>, %i: tensor<2x4x1xi32>) -> tensor<2x4x3xf32> {
  %0 = "stablehlo.gather"(%x, %i) <{dimension_numbers = #stablehlo.gather<offset_dims = [2], collapsed_slice_dims = [1], operand_batching_dims = [0], start_indices_batching_dims = [0], start_index_map = [1], index_vector_dim = 2>, slice_sizes = array<i64: 1, 1, 3>}> : (tensor<2x5x3xf32>, tensor<2x4x1xi32>) -> tensor<2x4x3xf32>
  return %0 : tensor<2x4x3xf32>
}""", [op, ind], [out])

    # Gather of 2-d windows, index_vector_dim 0, permuted start_index_map.
    op = f32(g.standard_normal((6, 7)))
    ind = np.array([[0, 5, 2], [3, 1, 9]], np.int32)
    out = np.zeros((3, 2, 3), np.float32)
    for b in range(3):
        r0 = min(max(ind[1, b], 0), 4)
        c0 = min(max(ind[0, b], 0), 4)
        out[b] = op[r0:r0 + 2, c0:c0 + 3]
    cases["gather_windows"] = ("""
func.func @main(%x: tensor<6x7xf32>, %i: tensor<2x3xi32>) -> tensor<3x2x3xf32> {
  %0 = "stablehlo.gather"(%x, %i) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2], start_index_map = [1, 0], index_vector_dim = 0>, slice_sizes = array<i64: 2, 3>}> : (tensor<6x7xf32>, tensor<2x3xi32>) -> tensor<3x2x3xf32>
  return %0 : tensor<3x2x3xf32>
}""", [op, ind], [out])

    # Variadic scatter with out-of-bounds indices (skipped) and a partly
    # out-of-bounds window (only its in-bounds elements applied, per the spec).
    a = f32(g.standard_normal((6, 2)))
    b = np.arange(12, dtype=np.int32).reshape(6, 2)
    ind = np.array([[1], [7], [-1], [1], [5]], np.int32)
    ua = f32(g.standard_normal((5, 2)))
    ub = np.arange(10, dtype=np.int32).reshape(5, 2) * 10
    ea, eb = a.astype(np.float64).copy(), b.copy()
    for k in range(5):
        if 0 <= ind[k, 0] < 6:
            ea[ind[k, 0]] += ua[k]
            eb[ind[k, 0]] += ub[k]
    cases["scatter_variadic_oob"] = ("""
func.func @main(%a: tensor<6x2xf32>, %b: tensor<6x2xi32>, %i: tensor<5x1xi32>, %ua: tensor<5x2xf32>, %ub: tensor<5x2xi32>) -> (tensor<6x2xf32>, tensor<6x2xi32>) {
  %0:2 = "stablehlo.scatter"(%a, %b, %i, %ua, %ub) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%x: tensor<f32>, %y: tensor<i32>, %ux: tensor<f32>, %uy: tensor<i32>):
    %s = stablehlo.add %x, %ux : tensor<f32>
    %t = stablehlo.add %y, %uy : tensor<i32>
    stablehlo.return %s, %t : tensor<f32>, tensor<i32>
  }) : (tensor<6x2xf32>, tensor<6x2xi32>, tensor<5x1xi32>, tensor<5x2xf32>, tensor<5x2xi32>) -> (tensor<6x2xf32>, tensor<6x2xi32>)
  return %0#0, %0#1 : tensor<6x2xf32>, tensor<6x2xi32>
}""", [a, b, ind, ua, ub], [ea.astype(np.float32), eb])

    x = f32(g.standard_normal((5,)))
    u = f32(g.standard_normal((3,)))
    e = x.copy()
    e[3:5] = u[0:2]
    cases["scatter_window_partly_oob"] = ("""
func.func @main(%x: tensor<5xf32>, %u: tensor<3xf32>) -> tensor<5xf32> {
  %i = stablehlo.constant dense<[3]> : tensor<1xi32>
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 0>}> ({
  ^bb0(%p: tensor<f32>, %q: tensor<f32>):
    stablehlo.return %q : tensor<f32>
  }) : (tensor<5xf32>, tensor<1xi32>, tensor<3xf32>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}""", [x, u], [e])

    # Sort of (keys, values) along dim 0, descending, stable on ties.
    keys = f32(g.integers(0, 3, (6, 4)))
    vals = np.arange(24, dtype=np.int32).reshape(6, 4)
    order = np.argsort(-keys, axis=0, kind="stable")
    cases["sort_pairs_dim0"] = ("""
func.func @main(%k: tensor<6x4xf32>, %v: tensor<6x4xi32>) -> (tensor<6x4xf32>, tensor<6x4xi32>) {
  %0:2 = "stablehlo.sort"(%k, %v) <{dimension = 0 : i64, is_stable = true}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>, %c: tensor<i32>, %d: tensor<i32>):
    %p = stablehlo.compare GT, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %p : tensor<i1>
  }) : (tensor<6x4xf32>, tensor<6x4xi32>) -> (tensor<6x4xf32>, tensor<6x4xi32>)
  return %0#0, %0#1 : tensor<6x4xf32>, tensor<6x4xi32>
}""", [keys, vals], [np.take_along_axis(keys, order, 0),
                     np.take_along_axis(vals, order, 0)])

    # Sort along a middle dimension of odd size, many ties (stability across
    # merge passes), ascending on keys.
    keys = f32(g.integers(0, 5, (2, 37, 3)))
    vals = np.arange(2 * 37 * 3, dtype=np.int32).reshape(2, 37, 3)
    order = np.argsort(keys, axis=1, kind="stable")
    cases["sort_3d_dim1"] = ("""
func.func @main(%k: tensor<2x37x3xf32>, %v: tensor<2x37x3xi32>) -> (tensor<2x37x3xf32>, tensor<2x37x3xi32>) {
  %0:2 = "stablehlo.sort"(%k, %v) <{dimension = 1 : i64, is_stable = true}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>, %c: tensor<i32>, %d: tensor<i32>):
    %p = stablehlo.compare LT, %a, %b, TOTALORDER : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %p : tensor<i1>
  }) : (tensor<2x37x3xf32>, tensor<2x37x3xi32>) -> (tensor<2x37x3xf32>, tensor<2x37x3xi32>)
  return %0#0, %0#1 : tensor<2x37x3xf32>, tensor<2x37x3xi32>
}""", [keys, vals], [np.take_along_axis(keys, order, 1),
                     np.take_along_axis(vals, order, 1)])

    # A longer row (1000), last dimension, default dimension attribute (-1).
    keys = f32(g.standard_normal((2, 1000)))
    cases["sort_long"] = ("""
func.func @main(%k: tensor<2x1000xf32>) -> tensor<2x1000xf32> {
  %0 = "stablehlo.sort"(%k) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %p = stablehlo.compare GT, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %p : tensor<i1>
  }) : (tensor<2x1000xf32>) -> tensor<2x1000xf32>
  return %0 : tensor<2x1000xf32>
}""", [keys], [-np.sort(-keys, axis=1)])

    # Unsigned sort (type conversion + UNSIGNED compare in the comparator).
    u = np.array([3, 4000000000, 1, 2147483648, 7], np.uint32)
    cases["sort_unsigned"] = ("""
func.func @main(%k: tensor<5xui32>) -> tensor<5xui32> {
  %0 = "stablehlo.sort"(%k) <{dimension = 0 : i64}> ({
  ^bb0(%a: tensor<ui32>, %b: tensor<ui32>):
    %p = stablehlo.compare LT, %a, %b, UNSIGNED : (tensor<ui32>, tensor<ui32>) -> tensor<i1>
    stablehlo.return %p : tensor<i1>
  }) : (tensor<5xui32>) -> tensor<5xui32>
  return %0 : tensor<5xui32>
}""", [u], [np.sort(u).view(np.int32)])

    # while with an unsigned counter (region signature conversion).
    x = f32(g.standard_normal((4,)))
    cases["while_unsigned"] = ("""
func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c0 = stablehlo.constant dense<0> : tensor<ui32>
  %0:2 = stablehlo.while(%i = %c0, %v = %x) : tensor<ui32>, tensor<4xf32>
  cond {
    %n = stablehlo.constant dense<3> : tensor<ui32>
    %p = stablehlo.compare LT, %i, %n, UNSIGNED : (tensor<ui32>, tensor<ui32>) -> tensor<i1>
    stablehlo.return %p : tensor<i1>
  } do {
    %one = stablehlo.constant dense<1> : tensor<ui32>
    %i2 = stablehlo.add %i, %one : tensor<ui32>
    %v2 = stablehlo.add %v, %v : tensor<4xf32>
    stablehlo.return %i2, %v2 : tensor<ui32>, tensor<4xf32>
  }
  return %0#1 : tensor<4xf32>
}""", [x], [x * 8])

    # Nested regions: an if inside a while body, a sort inside the if.
    x = f32(g.standard_normal((5,)))
    cases["nested_control_flow"] = ("""
func.func @main(%x: tensor<5xf32>) -> tensor<5xf32> {
  %c0 = stablehlo.constant dense<0> : tensor<i32>
  %0:2 = stablehlo.while(%i = %c0, %v = %x) : tensor<i32>, tensor<5xf32>
  cond {
    %n = stablehlo.constant dense<3> : tensor<i32>
    %p = stablehlo.compare LT, %i, %n, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %p : tensor<i1>
  } do {
    %two = stablehlo.constant dense<2> : tensor<i32>
    %zero = stablehlo.constant dense<0> : tensor<i32>
    %r = stablehlo.remainder %i, %two : tensor<i32>
    %even = stablehlo.compare EQ, %r, %zero, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %w = "stablehlo.if"(%even) ({
      %a = stablehlo.add %v, %v : tensor<5xf32>
      stablehlo.return %a : tensor<5xf32>
    }, {
      %s = "stablehlo.sort"(%v) <{dimension = 0 : i64}> ({
      ^bb0(%a: tensor<f32>, %b: tensor<f32>):
        %lt = stablehlo.compare LT, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        stablehlo.return %lt : tensor<i1>
      }) : (tensor<5xf32>) -> tensor<5xf32>
      stablehlo.return %s : tensor<5xf32>
    }) : (tensor<i1>) -> tensor<5xf32>
    %one = stablehlo.constant dense<1> : tensor<i32>
    %i2 = stablehlo.add %i, %one : tensor<i32>
    stablehlo.return %i2, %w : tensor<i32>, tensor<5xf32>
  }
  return %0#1 : tensor<5xf32>
}""", [x], [4 * np.sort(x)])

    # case: in range, out of range (high and negative) -> last branch.
    case_mod = """
func.func @main(%i: tensor<i32>, %x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = "stablehlo.case"(%i) ({
    %a = stablehlo.add %x, %x : tensor<3xf32>
    stablehlo.return %a : tensor<3xf32>
  }, {
    %a = stablehlo.multiply %x, %x : tensor<3xf32>
    stablehlo.return %a : tensor<3xf32>
  }, {
    %a = stablehlo.negate %x : tensor<3xf32>
    stablehlo.return %a : tensor<3xf32>
  }) : (tensor<i32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}"""
    x = f32(g.standard_normal((3,)))
    for i, want in [(0, x + x), (1, x * x), (2, -x), (5, -x), (-1, -x)]:
        cases[f"case_index_{i}"] = (case_mod, [np.array(i, np.int32), x], [want])

    # if with results.
    if_mod = """
func.func @main(%p: tensor<i1>, %x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = "stablehlo.if"(%p) ({
    %a = stablehlo.add %x, %x : tensor<3xf32>
    stablehlo.return %a : tensor<3xf32>
  }, {
    %a = stablehlo.negate %x : tensor<3xf32>
    stablehlo.return %a : tensor<3xf32>
  }) : (tensor<i1>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}"""
    cases["if_true"] = (if_mod, [np.array(True), x], [x + x])
    cases["if_false"] = (if_mod, [np.array(False), x], [-x])

    # map.
    a, b = f32(g.standard_normal((2, 3))), f32(g.standard_normal((2, 3)))
    cases["map"] = ("""
func.func @main(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "stablehlo.map"(%a, %b) <{dimensions = array<i64: 0, 1>}> ({
  ^bb0(%x: tensor<f32>, %y: tensor<f32>):
    %m = stablehlo.multiply %x, %y : tensor<f32>
    %s = stablehlo.add %m, %x : tensor<f32>
    stablehlo.return %s : tensor<f32>
  }) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}""", [a, b], [a * b + a])

    # Batch norm.
    x = f32(g.standard_normal((4, 3, 2)))
    sc, of = f32(g.standard_normal(3)), f32(g.standard_normal(3))
    mean = x.mean(axis=(0, 2))
    var = x.var(axis=(0, 2))
    bc = lambda v: v[None, :, None]
    y = (x - bc(mean)) / np.sqrt(bc(var) + 1e-3) * bc(sc) + bc(of)
    cases["batch_norm_training"] = ("""
func.func @main(%x: tensor<4x3x2xf32>, %s: tensor<3xf32>, %o: tensor<3xf32>) -> (tensor<4x3x2xf32>, tensor<3xf32>, tensor<3xf32>) {
  %0:3 = "stablehlo.batch_norm_training"(%x, %s, %o) <{epsilon = 1.0e-3 : f32, feature_index = 1 : i64}> : (tensor<4x3x2xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<4x3x2xf32>, tensor<3xf32>, tensor<3xf32>)
  return %0#0, %0#1, %0#2 : tensor<4x3x2xf32>, tensor<3xf32>, tensor<3xf32>
}""", [x, sc, of], [f32(y), f32(mean), f32(var)])
    m, v = f32(g.standard_normal(3)), f32(g.random(3) + 0.5)
    y = (x - bc(m)) / np.sqrt(bc(v) + 1e-3) * bc(sc) + bc(of)
    cases["batch_norm_inference"] = ("""
func.func @main(%x: tensor<4x3x2xf32>, %s: tensor<3xf32>, %o: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>) -> tensor<4x3x2xf32> {
  %0 = "stablehlo.batch_norm_inference"(%x, %s, %o, %m, %v) <{epsilon = 1.0e-3 : f32, feature_index = 1 : i64}> : (tensor<4x3x2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<4x3x2xf32>
  return %0 : tensor<4x3x2xf32>
}""", [x, sc, of, m, v], [f32(y)])

    gy = f32(g.standard_normal((4, 3, 2)))
    inv = 1 / np.sqrt(bc(v) + 1e-3)
    xhat = (x - bc(m)) * inv
    n = 8
    gofs = gy.sum(axis=(0, 2))
    gsc = (gy * xhat).sum(axis=(0, 2))
    gx = bc(sc) * inv * (gy - bc(gofs) / n - xhat * bc(gsc) / n)
    cases["batch_norm_grad"] = ("""
func.func @main(%x: tensor<4x3x2xf32>, %s: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>, %gy: tensor<4x3x2xf32>) -> (tensor<4x3x2xf32>, tensor<3xf32>, tensor<3xf32>) {
  %0:3 = "stablehlo.batch_norm_grad"(%x, %s, %m, %v, %gy) <{epsilon = 1.0e-3 : f32, feature_index = 1 : i64}> : (tensor<4x3x2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<4x3x2xf32>) -> (tensor<4x3x2xf32>, tensor<3xf32>, tensor<3xf32>)
  return %0#0, %0#1, %0#2 : tensor<4x3x2xf32>, tensor<3xf32>, tensor<3xf32>
}""", [x, sc, m, v, gy], [f32(gx), f32(gsc), f32(gofs)])

    # Dynamic ops with static result types.
    x = f32(g.standard_normal((3, 2)))
    e = np.full((6, 3), 9.0, np.float32)
    # dim 0: low 1, interior 1 -> rows 1, 3, 5; dim 1: low -1, high 2 -> col 0 is x[:, 1]
    for r in range(3):
        e[1 + 2 * r, 0] = x[r, 1]
    cases["dynamic_pad"] = ("""
func.func @main(%x: tensor<3x2xf32>) -> tensor<6x3xf32> {
  %p = stablehlo.constant dense<9.0> : tensor<f32>
  %lo = stablehlo.constant dense<[1, -1]> : tensor<2xi64>
  %hi = stablehlo.constant dense<[0, 2]> : tensor<2xi64>
  %in = stablehlo.constant dense<[1, 0]> : tensor<2xi64>
  %0 = stablehlo.dynamic_pad %x, %p, %lo, %hi, %in : (tensor<3x2xf32>, tensor<f32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<6x3xf32>
  return %0 : tensor<6x3xf32>
}""", [x], [e])
    x = f32(g.standard_normal((8, 6)))
    cases["real_dynamic_slice"] = ("""
func.func @main(%x: tensor<8x6xf32>, %s: tensor<2xi32>) -> tensor<3x2xf32> {
  %l = stablehlo.constant dense<[7, 6]> : tensor<2xi32>
  %st = stablehlo.constant dense<[2, 3]> : tensor<2xi32>
  %0 = stablehlo.real_dynamic_slice %x, %s, %l, %st : (tensor<8x6xf32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}""", [x, np.array([1, 0], np.int32)], [x[1:7:2, 0:6:3]])
    x = f32(g.standard_normal((2, 3)))
    cases["dynamic_shape_ops"] = ("""
func.func @main(%x: tensor<2x3xf32>) -> (tensor<3x2xf32>, tensor<2x2x3xf32>, tensor<2x3xi32>) {
  %s1 = stablehlo.constant dense<[3, 2]> : tensor<2xi32>
  %0 = stablehlo.dynamic_reshape %x, %s1 : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<3x2xf32>
  %s2 = stablehlo.constant dense<[2, 2, 3]> : tensor<3xi32>
  %1 = stablehlo.dynamic_broadcast_in_dim %x, %s2, dims = [1, 2] : (tensor<2x3xf32>, tensor<3xi32>) -> tensor<2x2x3xf32>
  %s3 = stablehlo.constant dense<[2, 3]> : tensor<2xi32>
  %2 = stablehlo.dynamic_iota %s3, dim = 1 : (tensor<2xi32>) -> tensor<2x3xi32>
  return %0, %1, %2 : tensor<3x2xf32>, tensor<2x2x3xf32>, tensor<2x3xi32>
}""", [x], [x.reshape(3, 2), np.broadcast_to(x, (2, 2, 3)).copy(),
            np.tile(np.arange(3, dtype=np.int32), (2, 1))])

    # rng_bit_generator: Philox-4x32-10 (checked against a python model that
    # passes Random123's known-answer tests), 32- and 64-bit outputs.
    st = np.array([0x0123456789ABCDEF, 0xFFFFFFFFFFFFFFFE], np.uint64)
    new, bits = ref_rng_bits(st, (3, 5), 32)
    cases["rng_bit_generator_u32"] = ("""
func.func @main(%s: tensor<2xui64>) -> (tensor<2xui64>, tensor<3x5xui32>) {
  %0:2 = stablehlo.rng_bit_generator %s, algorithm = THREE_FRY : (tensor<2xui64>) -> (tensor<2xui64>, tensor<3x5xui32>)
  return %0#0, %0#1 : tensor<2xui64>, tensor<3x5xui32>
}""", [st], [new, bits])
    st3 = np.array([42, 7, 0x100000001], np.uint64)
    new, bits = ref_rng_bits(st3, (5,), 64)
    fbits = ref_rng_bits(st3, (2, 3), 32)[1].view(np.float32)
    cases["rng_bit_generator_u64_f32"] = ("""
func.func @main(%s: tensor<3xui64>) -> (tensor<3xui64>, tensor<5xui64>, tensor<2x3xi32>) {
  %0:2 = stablehlo.rng_bit_generator %s, algorithm = PHILOX : (tensor<3xui64>) -> (tensor<3xui64>, tensor<5xui64>)
  %1:2 = stablehlo.rng_bit_generator %s, algorithm = DEFAULT : (tensor<3xui64>) -> (tensor<3xui64>, tensor<2x3xf32>)
  %2 = stablehlo.bitcast_convert %1#1 : (tensor<2x3xf32>) -> tensor<2x3xi32>
  return %0#0, %0#1, %2 : tensor<3xui64>, tensor<5xui64>, tensor<2x3xi32>
}""", [st3], [new, bits, fbits.view(np.int32)])

    x = f32(g.standard_normal((5, 3)))
    i = np.array([4, 0, 2, 2], np.int32)
    cases["torch_index_select"] = ("""
func.func @main(%x: tensor<5x3xf32>, %i: tensor<4xi32>) -> tensor<4x3xf32> {
  %0 = "stablehlo.torch_index_select"(%x, %i) <{batch_dims = 0 : i64, dim = 0 : i64}> : (tensor<5x3xf32>, tensor<4xi32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}""", [x, i], [x[i]])
    x = f32(g.standard_normal((2, 5, 3)))
    i = np.array([[4, 0, 1, 1], [2, 3, 0, 4]], np.int32)
    cases["torch_index_select_batch"] = ("""
func.func @main(%x: tensor<2x5x3xf32>, %i: tensor<2x4xi32>) -> tensor<2x4x3xf32> {
  %0 = "stablehlo.torch_index_select"(%x, %i) <{batch_dims = 1 : i64, dim = 1 : i64}> : (tensor<2x5x3xf32>, tensor<2x4xi32>) -> tensor<2x4x3xf32>
  return %0 : tensor<2x4x3xf32>
}""", [x, i], [np.stack([x[b][i[b]] for b in range(2)])])
    return cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--byteir-opt", required=True)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--testdata", default=os.path.normpath(
        os.path.join(here, "..", "..", "..", "..", "..", "..", "shared", "testdata")))
    ap.add_argument("--keep", help="directory to keep the intermediate files in")
    ap.add_argument("cases", nargs="*")
    args = ap.parse_args()

    all_cases = {}
    for name in JAX_CASES:
        all_cases["jax_" + name] = lambda n=name: jax_case(args.testdata, n)
    for name, c in custom_cases().items():
        all_cases[name] = lambda c=c: c
    names = args.cases or list(all_cases)
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or tmp
        os.makedirs(work, exist_ok=True)
        for name in names:
            module, inputs, expected = all_cases[name]()
            err = run_case(name, module, inputs, expected, args, workdir=work)
            if err:
                failed += 1
                print(f"FAIL {name}: {err}")
            else:
                print(f"PASS {name}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
