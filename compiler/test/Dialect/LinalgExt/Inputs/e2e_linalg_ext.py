#!/usr/bin/env python3
"""Numerical checks of linalg_ext ops lowered through byteir-linalg-ext-to-loops.

Each case is a function of linalg_ext ops on tensors with random non-zero inputs
and a numpy reference. It runs twice: as written, and tiled first with
--byteir-linalg-ext-tile (odd tile sizes, so that tiles are partial). Lowering and
running reuse the stablehlo-legalize-to-linalg part-2 harness (one-shot
bufferization, byteir-linalg-ext-to-loops, LLVM, mlir-runner; rtol 1e-4,
atol 1e-5; integers exact).

    e2e_linalg_ext.py --byteir-opt build/bin/byteir-opt [CASE...]
"""
import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("e2e_part2", os.path.join(
    HERE, "..", "..", "..", "Conversion", "StableHLOToLinalg", "Inputs", "e2e_part2.py"))
harness = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(harness)

RNG = np.random.default_rng(20261125)
TILE = "--byteir-linalg-ext-tile=tile-sizes=3,5,3"


def ttype(shape, elem):
    return "tensor<" + "x".join(str(s) for s in shape) + "x" + elem + ">"


def nonzero(shape, lo=-4.0, hi=4.0):
    """Random f32 values away from zero (magnitude >= 0.05)."""
    x = RNG.uniform(lo, hi, shape).astype(np.float32)
    return np.where(np.abs(x) < 0.05, np.float32(0.5), x).astype(np.float32)


def module(body, arg_types, result_names, result_types):
    sig = ", ".join(f"%a{i}: {t}" for i, t in enumerate(arg_types))
    return (f"func.func @main({sig}) -> ({', '.join(result_types)}) {{\n{body}"
            f"  return {', '.join(result_names)} : {', '.join(result_types)}\n}}\n")


def softmax_case(shape, dim):
    x = nonzero(shape)
    t = ttype(shape, "f32")
    body = (f"  %e = tensor.empty() : {t}\n"
            f"  %r = linalg_ext.softmax dimension({dim}) ins(%a0 : {t}) outs(%e : {t}) -> {t}\n")
    e = np.exp(x - x.max(axis=dim, keepdims=True))
    return module(body, [t], ["%r"], [t]), [x], [(e / e.sum(axis=dim, keepdims=True)).astype(np.float32)]


def layer_norm_case(shape, naxes, params):
    x = nonzero(shape)
    t = ttype(shape, "f32")
    pshape = shape[len(shape) - naxes:]
    pt = ttype(pshape, "f32")
    ps = [nonzero(pshape) for _ in range(params)]
    axes = ", ".join(str(d) for d in range(len(shape) - naxes, len(shape)))
    ins = ", ".join(f"%a{i}" for i in range(1 + params))
    types = ", ".join([t] + [pt] * params)
    body = (f"  %e = tensor.empty() : {t}\n"
            f"  %r = linalg_ext.layer_norm axes([{axes}]) epsilon(1.0e-5) ins({ins} : {types}) "
            f"outs(%e : {t}) -> {t}\n")
    red = tuple(range(len(shape) - naxes, len(shape)))
    x64 = x.astype(np.float64)
    mean = x64.mean(axis=red, keepdims=True)
    var = ((x64 - mean) ** 2).mean(axis=red, keepdims=True)
    y = (x64 - mean) / np.sqrt(var + 1e-5)
    for p in ps:
        y = y * p if p is ps[0] else y + p
    return module(body, [t] + [pt] * params, ["%r"], [t]), [x] + ps, [y.astype(np.float32)]


def topk_ref(x, k, dim, largest):
    # Stable: ties keep the lower index first.
    order = np.argsort(-x if largest else x, axis=dim, kind="stable")
    idx = np.take(order, np.arange(k), axis=dim)
    return np.take_along_axis(x, idx, axis=dim), idx.astype(np.int32)


def topk_case(shape, k, dim, largest, dtype):
    if dtype == np.int32:
        x = RNG.integers(-6, 7, shape).astype(np.int32)  # many ties
        elem = "i32"
    else:
        x = nonzero(shape)
        elem = "f32"
    oshape = list(shape)
    oshape[dim] = k
    t, vt, it = ttype(shape, elem), ttype(oshape, elem), ttype(oshape, "i32")
    body = (f"  %v = tensor.empty() : {vt}\n  %i = tensor.empty() : {it}\n"
            f"  %r:2 = linalg_ext.topk dimension({dim}) largest({str(largest).lower()}) "
            f"ins(%a0 : {t}) outs(%v, %i : {vt}, {it}) -> {vt}, {it}\n")
    v, i = topk_ref(x, k, dim, largest)
    return module(body, [t], ["%r#0", "%r#1"], [vt, it]), [x], [v, i]


SCAN_NP = {"add": np.add, "mul": np.multiply, "max": np.maximum, "min": np.minimum}
SCAN_ID = {"add": 0, "mul": 1, "max": -np.inf, "min": np.inf}


def scan_ref(x, dim, kind, exclusive, reverse):
    y = np.flip(x, dim) if reverse else x
    acc = SCAN_NP[kind].accumulate(y, axis=dim)
    if exclusive:
        ident = SCAN_ID[kind]
        if x.dtype.kind == "i":
            info = np.iinfo(x.dtype)
            ident = {np.inf: info.max, -np.inf: info.min}.get(ident, ident)
        first = np.full_like(np.take(acc, [0], axis=dim), ident)
        acc = np.concatenate([first, np.take(acc, np.arange(acc.shape[dim] - 1), axis=dim)], axis=dim)
    return (np.flip(acc, dim) if reverse else acc).astype(x.dtype)


def scan_case(shape, dim, kind, exclusive, reverse, dtype):
    if dtype == np.int32:
        x = RNG.integers(-3, 4, shape).astype(np.int32)
        x[x == 0] = 2
        elem = "i32"
    else:
        x = RNG.uniform(0.5, 1.5, shape).astype(np.float32) if kind == "mul" else nonzero(shape)
        elem = "f32"
    t = ttype(shape, elem)
    flags = ", ".join(f for f, on in (("exclusive", exclusive), ("reverse", reverse)) if on)
    attrs = f" {{{flags}}}" if flags else ""
    body = (f"  %e = tensor.empty() : {t}\n"
            f"  %r = linalg_ext.scan dimension({dim}) kind({kind}){attrs} ins(%a0 : {t}) "
            f"outs(%e : {t}) -> {t}\n")
    return module(body, [t], ["%r"], [t]), [x], [scan_ref(x, dim, kind, exclusive, reverse)]


def sort_case(shape, dim):
    """Keys with many ties sorted descending with an i32 payload: checks stability."""
    k = RNG.integers(-4, 5, shape).astype(np.float32) + np.float32(0.5)
    v = RNG.integers(-1000, 1000, shape).astype(np.int32)
    t, vt = ttype(shape, "f32"), ttype(shape, "i32")
    body = (f"  %r:2 = linalg_ext.sort dimension({dim}) outs(%a0, %a1 : {t}, {vt}) {{\n"
            f"  ^bb0(%x: f32, %y: f32, %p: i32, %q: i32):\n"
            f"    %gt = arith.cmpf ogt, %x, %y : f32\n"
            f"    linalg_ext.yield %gt : i1\n"
            f"  }} -> {t}, {vt}\n")
    order = np.argsort(-k, axis=dim, kind="stable")
    return (module(body, [t, vt], ["%r#0", "%r#1"], [t, vt]), [k, v],
            [np.take_along_axis(k, order, dim), np.take_along_axis(v, order, dim)])


def gather_attrs(offset, collapsed, obatch, ibatch, index_map, ivd, sizes):
    arr = lambda v: "array<i64" + (": " + ", ".join(map(str, v)) if v else "") + ">"
    return (f"{{collapsed_slice_dims = {arr(collapsed)}, index_vector_dim = {ivd} : i64, "
            f"offset_dims = {arr(offset)}, operand_batching_dims = {arr(obatch)}, "
            f"slice_sizes = {arr(sizes)}, start_index_map = {arr(index_map)}, "
            f"start_indices_batching_dims = {arr(ibatch)}}}")


def gather_case(x, idx, out_shape, attrs, expected):
    t, it, ot = ttype(x.shape, "f32"), ttype(idx.shape, "i32"), ttype(out_shape, "f32")
    body = (f"  %e = tensor.empty() : {ot}\n"
            f"  %r = linalg_ext.gather {attrs} ins(%a0, %a1 : {t}, {it}) outs(%e : {ot}) -> {ot}\n")
    return module(body, [t, it], ["%r"], [ot]), [x, idx], [expected.astype(np.float32)]


def gather_cases():
    # Embedding rows; out-of-range ids are clamped into the table.
    w = nonzero((50, 16))
    ids = RNG.integers(-5, 56, (9, 1)).astype(np.int32)
    emb = gather_case(w, ids, (9, 16), gather_attrs([1], [0], [], [], [0], 1, [1, 16]),
                      w[np.clip(ids[:, 0], 0, 49)])
    # Batching dims: each batch row gathers from its own operand slice.
    x = nonzero((6, 5, 3))
    bi = RNG.integers(0, 5, (6, 4, 1)).astype(np.int32)
    batched = np.stack([x[b, bi[b, :, 0], :] for b in range(6)])
    bat = gather_case(x, bi, (6, 4, 3), gather_attrs([2], [1], [0], [0], [1], 2, [1, 1, 3]),
                      batched)
    # 3x4 windows of a 10x8 operand; starts clamped so that windows fit.
    y = nonzero((10, 8))
    st = RNG.integers(-2, 10, (5, 2)).astype(np.int32)
    win = np.stack([y[np.clip(a, 0, 7):np.clip(a, 0, 7) + 3, np.clip(c, 0, 4):np.clip(c, 0, 4) + 4]
                    for a, c in st])
    wnd = gather_case(y, st, (5, 3, 4), gather_attrs([1, 2], [], [], [], [0, 1], 1, [3, 4]), win)
    return {"gather_embedding_clamped": emb, "gather_batching": bat, "gather_windows": wnd}


def scatter_attrs(window, inserted, ibatch, sbatch, to_operand, ivd):
    arr = lambda v: "array<i64" + (": " + ", ".join(map(str, v)) if v else "") + ">"
    return (f"{{index_vector_dim = {ivd} : i64, input_batching_dims = {arr(ibatch)}, "
            f"inserted_window_dims = {arr(inserted)}, scatter_dims_to_operand_dims = {arr(to_operand)}, "
            f"scatter_indices_batching_dims = {arr(sbatch)}, update_window_dims = {arr(window)}}}")


def scatter_cases():
    # Row updates with duplicate and out-of-range rows: duplicates accumulate,
    # out-of-range updates are dropped.
    x = nonzero((10, 3))
    rows = RNG.integers(-2, 12, (12, 1)).astype(np.int32)
    u = nonzero((12, 3))
    ref = x.astype(np.float64).copy()
    for r, upd in zip(rows[:, 0], u):
        if 0 <= r < 10:
            ref[r] += upd
    t, it, ut = ttype(x.shape, "f32"), ttype(rows.shape, "i32"), ttype(u.shape, "f32")
    body = (f"  %r = linalg_ext.scatter {scatter_attrs([1], [0], [], [], [0], 1)} "
            f"ins(%a1, %a2 : {it}, {ut}) outs(%a0 : {t}) {{\n"
            f"  ^bb0(%c: f32, %n: f32):\n    %s = arith.addf %c, %n : f32\n"
            f"    linalg_ext.yield %s : f32\n  }} -> {t}\n")
    add = (module(body, [t, it, ut], ["%r"], [t]), [x, rows, u], [ref.astype(np.float32)])
    # Two outputs at once (max of floats, sum of integers), 2-d index vectors,
    # 2x3 windows partly out of bounds: only their in-bounds elements land.
    a = nonzero((6, 7))
    bcount = RNG.integers(-5, 5, (6, 7)).astype(np.int32)
    st = RNG.integers(-1, 6, (4, 2)).astype(np.int32)
    ua = nonzero((4, 2, 3))
    ub = RNG.integers(-5, 5, (4, 2, 3)).astype(np.int32)
    ra, rb = a.copy(), bcount.copy()
    for (i0, i1), wa, wb in zip(st, ua, ub):
        for p in range(2):
            for q in range(3):
                if 0 <= i0 + p < 6 and 0 <= i1 + q < 7:
                    ra[i0 + p, i1 + q] = max(ra[i0 + p, i1 + q], wa[p, q])
                    rb[i0 + p, i1 + q] += wb[p, q]
    at, bt, it = ttype(a.shape, "f32"), ttype(a.shape, "i32"), ttype(st.shape, "i32")
    uat, ubt = ttype(ua.shape, "f32"), ttype(ua.shape, "i32")
    body = (f"  %r:2 = linalg_ext.scatter {scatter_attrs([1, 2], [], [], [], [0, 1], 1)} "
            f"ins(%a2, %a3, %a4 : {it}, {uat}, {ubt}) outs(%a0, %a1 : {at}, {bt}) {{\n"
            f"  ^bb0(%c0: f32, %c1: i32, %n0: f32, %n1: i32):\n"
            f"    %m = arith.maximumf %c0, %n0 : f32\n    %s = arith.addi %c1, %n1 : i32\n"
            f"    linalg_ext.yield %m, %s : f32, i32\n  }} -> {at}, {bt}\n")
    pair = (module(body, [at, bt, it, uat, ubt], ["%r#0", "%r#1"], [at, bt]),
            [a, bcount, st, ua, ub], [ra, rb])
    return {"scatter_add_duplicates_oob": add, "scatter_pair_windows_partly_oob": pair}


def cases():
    return {
        "softmax_rows": softmax_case((7, 33), 1),
        "softmax_dim0": softmax_case((9, 4, 5), 0),
        "layer_norm_affine": layer_norm_case((7, 48), 1, 2),
        "layer_norm_2axes_scale": layer_norm_case((5, 3, 16), 2, 1),
        "layer_norm_plain": layer_norm_case((4, 4, 6), 1, 0),
        "topk_largest_f32": topk_case((7, 40), 5, 1, True, np.float32),
        "topk_smallest_dim0_i32": topk_case((30, 7), 4, 0, False, np.int32),
        "topk_k_equals_n": topk_case((5, 6), 6, 1, True, np.int32),
        "scan_add_f32": scan_case((7, 20), 1, "add", False, False, np.float32),
        "scan_add_exclusive_reverse_i32": scan_case((9, 11), 1, "add", True, True, np.int32),
        "scan_mul_dim0_f32": scan_case((12, 5), 0, "mul", False, True, np.float32),
        "scan_max_exclusive_i32": scan_case((4, 17), 1, "max", True, False, np.int32),
        "scan_min_f32": scan_case((6, 9, 4), 1, "min", False, False, np.float32),
        "sort_stable_rows": sort_case((7, 37), 1),
        "sort_stable_dim0": sort_case((33, 4), 0),
        **gather_cases(),
        **scatter_cases(),
    }


def tiled(byteir_opt, text, workdir, name):
    path = os.path.join(workdir, name + ".untiled.mlir")
    with open(path, "w") as f:
        f.write(text)
    p = subprocess.run([byteir_opt, path, TILE], capture_output=True, text=True)
    if p.returncode:
        raise RuntimeError(f"tiling failed:\n{p.stderr[-3000:]}")
    return p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--byteir-opt", required=True)
    ap.add_argument("cases", nargs="*")
    args = ap.parse_args()
    all_cases = cases()
    failed = 0
    with tempfile.TemporaryDirectory() as work:
        for name in args.cases or list(all_cases):
            text, inputs, expected = all_cases[name]
            for variant in ("loops", "tiled"):
                try:
                    src = tiled(args.byteir_opt, text, work, name) if variant == "tiled" else text
                    err = harness.run_case(f"{name}_{variant}", src, inputs, expected, args,
                                           workdir=work)
                except RuntimeError as e:
                    err = str(e)
                if err:
                    failed += 1
                    print(f"FAIL {name} {variant}: {err}")
                else:
                    print(f"PASS {name} {variant}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
