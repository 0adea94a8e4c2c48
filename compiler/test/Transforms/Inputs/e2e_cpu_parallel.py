#!/usr/bin/env python3
"""End-to-end checks of parallel CPU kernels (byteir-cpu-tile-parallel and
byteir-cpu-outline-parallel): StableHLO programs large enough to be tiled are
compiled with byteir-compile and run with brt-run on random non-zero inputs, with 1
and with 3 pool threads, against numpy (rtol 1e-4, atol 1e-5). Each case also checks
that its kernel object has parallel loops (the `__brt_parallel_for` global).

    e2e_cpu_parallel.py --byteir-opt build/bin/byteir-opt [CASE...]
(byteir-compile and brt-run are taken from the same directory.)
"""
import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np

RNG = np.random.default_rng(20261125)


def nonzero(shape):
    x = RNG.uniform(-4.0, 4.0, shape).astype(np.float32)
    return np.where(np.abs(x) < 0.05, np.float32(0.5), x).astype(np.float32)


def t(shape):
    return "tensor<" + "x".join(map(str, shape)) + "xf32>"


def elementwise():
    a, b = nonzero((256, 512)), nonzero((256, 512))
    src = f"""func.func @main(%a: {t(a.shape)}, %b: {t(b.shape)}) -> {t(a.shape)} {{
  %e = stablehlo.exponential %a : {t(a.shape)}
  %m = stablehlo.multiply %e, %b : {t(a.shape)}
  return %m : {t(a.shape)}
}}"""
    return src, [a, b], np.exp(a) * b


def row_reduction():
    a = nonzero((384, 256))
    src = f"""func.func @main(%a: {t(a.shape)}) -> {t(a.shape)} {{
  %z = stablehlo.constant dense<0.0> : tensor<f32>
  %s = stablehlo.reduce(%a init: %z) applies stablehlo.add across dimensions = [1] : ({t(a.shape)}, tensor<f32>) -> tensor<384xf32>
  %b = stablehlo.broadcast_in_dim %s, dims = [0] : (tensor<384xf32>) -> {t(a.shape)}
  %d = stablehlo.subtract %a, %b : {t(a.shape)}
  return %d : {t(a.shape)}
}}"""
    return src, [a], a - a.sum(axis=1, keepdims=True)


def column_reduction():
    a = nonzero((384, 256))
    src = f"""func.func @main(%a: {t(a.shape)}) -> {t(a.shape)} {{
  %z = stablehlo.constant dense<0.0> : tensor<f32>
  %s = stablehlo.reduce(%a init: %z) applies stablehlo.add across dimensions = [0] : ({t(a.shape)}, tensor<f32>) -> tensor<256xf32>
  %b = stablehlo.broadcast_in_dim %s, dims = [1] : (tensor<256xf32>) -> {t(a.shape)}
  %d = stablehlo.multiply %a, %b : {t(a.shape)}
  return %d : {t(a.shape)}
}}"""
    return src, [a], a * a.sum(axis=0, keepdims=True)


def transpose_3d():
    a = nonzero((6, 96, 80))
    out = (6, 80, 96)
    src = f"""func.func @main(%a: {t(a.shape)}) -> {t(out)} {{
  %p = stablehlo.transpose %a, dims = [0, 2, 1] : ({t(a.shape)}) -> {t(out)}
  %s = stablehlo.sine %p : {t(out)}
  return %s : {t(out)}
}}"""
    return src, [a], np.sin(np.transpose(a, (0, 2, 1)))


def layer_norm():
    x, g, b = nonzero((96, 768)), nonzero((768,)), nonzero((768,))
    src = f"""func.func @main(%x: {t(x.shape)}, %g: tensor<768xf32>, %b: tensor<768xf32>) -> {t(x.shape)} {{
  %y = stablehlo.custom_call @byteir.layer_norm(%x, %g, %b) {{byteir_attrs = {{axis = [1], epsilon = 1.0e-05 : f64}}}} : ({t(x.shape)}, tensor<768xf32>, tensor<768xf32>) -> {t(x.shape)}
  return %y : {t(x.shape)}
}}"""
    m = x.mean(axis=1, keepdims=True)
    v = ((x - m) ** 2).mean(axis=1, keepdims=True)
    return src, [x, g, b], (x - m) / np.sqrt(v + 1e-5) * g + b


def sort_columns():
    # The consumer is tiled along rows, which the sort runs along: the sort cannot be
    # fused into row tiles and must run as a whole.
    a = nonzero((512, 96))
    src = f"""func.func @main(%a: {t(a.shape)}) -> {t(a.shape)} {{
  %s = "stablehlo.sort"(%a) ({{
  ^bb0(%x: tensor<f32>, %y: tensor<f32>):
    %lt = stablehlo.compare LT, %x, %y, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  }}) {{dimension = 0 : i64, is_stable = true}} : ({t(a.shape)}) -> {t(a.shape)}
  %e = stablehlo.exponential %s : {t(a.shape)}
  return %e : {t(a.shape)}
}}"""
    return src, [a], np.exp(np.sort(a, axis=0))


CASES = {f.__name__: f for f in (elementwise, row_reduction, column_reduction, transpose_3d,
                                 layer_norm, sort_columns)}


def run(cmd, env=None):
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}\n{proc.stdout}{proc.stderr}")
    return proc.stdout


def check(name, bindir, tmp):
    src, inputs, want = CASES[name]()
    source = os.path.join(tmp, name + ".mlir")
    with open(source, "w") as f:
        f.write(src)
    llvm = run([os.path.join(bindir, "byteir-opt"), source, "--byteir-frontend",
                "--byteir-cpu-partition", "--byteir-cpu-codegen"])
    if "@__brt_parallel_for" not in llvm:
        print(f"FAIL {name}: no parallel loop in the kernels")
        return
    artifact = os.path.join(tmp, name + ".byre")
    run([os.path.join(bindir, "byteir-compile"), source, "-o", artifact])
    args = []
    for i, x in enumerate(inputs):
        path = os.path.join(tmp, f"{name}_in{i}.npy")
        np.save(path, x)
        args += ["--input", f"input_{i}={path}"]
    for threads in (1, 3):
        out = os.path.join(tmp, f"{name}_{threads}")
        os.makedirs(out)
        env = dict(os.environ, BRT_NUM_THREADS=str(threads))
        run([os.path.join(bindir, "brt-run"), artifact, *args, "--output-dir", out], env)
        got = np.load(os.path.join(out, "output_0.npy"))
        if got.shape != want.shape or not np.allclose(got, want, rtol=1e-4, atol=1e-5):
            err = np.max(np.abs(got - want)) if got.shape == want.shape else got.shape
            print(f"FAIL {name} threads={threads}: max error {err}")
        else:
            print(f"PASS {name} threads={threads}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--byteir-opt", required=True)
    parser.add_argument("cases", nargs="*", default=list(CASES))
    args = parser.parse_args()
    bindir = os.path.dirname(os.path.abspath(args.byteir_opt))
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.cases:
            try:
                check(name, bindir, tmp)
            except RuntimeError as e:
                print(f"FAIL {name}: {e}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
