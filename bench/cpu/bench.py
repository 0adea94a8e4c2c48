#!/usr/bin/env python3
"""CPU benchmark: byteir (compiled, run through brt) vs PyTorch eager vs numpy.

Runs MLP, attention, conv and layernorm cases on this machine in one run, checks that
the three agree, and prints median latencies and ratios (>1 means byteir is faster).

usage: env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE PYTHONPATH=build/python_packages \
           /usr/bin/python3 bench/cpu/bench.py [--iters N] [--repeat R]
(the peers need an optimized BLAS: scripts/install-deps.sh installs OpenBLAS; results
and their history are in bench/NOTES.md)
"""
import argparse
import os
import pathlib
import statistics
import tempfile
import time

import numpy as np
import torch

import byteir


def mlp_case():
    b, d, h, o = 64, 512, 1024, 256
    src = f"""
func.func @main(%x: tensor<{b}x{d}xf32>, %w1: tensor<{d}x{h}xf32>, %b1: tensor<{h}xf32>,
                %w2: tensor<{h}x{o}xf32>, %b2: tensor<{o}xf32>) -> tensor<{b}x{o}xf32> {{
  %0 = stablehlo.dot_general %x, %w1, contracting_dims = [1] x [0] : (tensor<{b}x{d}xf32>, tensor<{d}x{h}xf32>) -> tensor<{b}x{h}xf32>
  %1 = stablehlo.broadcast_in_dim %b1, dims = [1] : (tensor<{h}xf32>) -> tensor<{b}x{h}xf32>
  %2 = stablehlo.add %0, %1 : tensor<{b}x{h}xf32>
  %z = stablehlo.constant dense<0.0> : tensor<{b}x{h}xf32>
  %3 = stablehlo.maximum %2, %z : tensor<{b}x{h}xf32>
  %4 = stablehlo.dot_general %3, %w2, contracting_dims = [1] x [0] : (tensor<{b}x{h}xf32>, tensor<{h}x{o}xf32>) -> tensor<{b}x{o}xf32>
  %5 = stablehlo.broadcast_in_dim %b2, dims = [1] : (tensor<{o}xf32>) -> tensor<{b}x{o}xf32>
  %6 = stablehlo.add %4, %5 : tensor<{b}x{o}xf32>
  return %6 : tensor<{b}x{o}xf32>
}}"""
    shapes = [(b, d), (d, h), (h,), (h, o), (o,)]

    def ref_np(x, w1, b1, w2, b2):
        return np.maximum(x @ w1 + b1, 0) @ w2 + b2

    def ref_torch(x, w1, b1, w2, b2):
        return torch.relu(x @ w1 + b1) @ w2 + b2
    return "mlp", src, shapes, ref_np, ref_torch


def attention_case():
    b, h, s, d = 2, 8, 128, 64
    t = f"{b}x{h}x{s}x{d}xf32"
    sc = f"{b}x{h}x{s}x{s}xf32"
    src = f"""
func.func @main(%q: tensor<{t}>, %k: tensor<{t}>, %v: tensor<{t}>) -> tensor<{t}> {{
  %0 = stablehlo.dot_general %q, %k, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [3] : (tensor<{t}>, tensor<{t}>) -> tensor<{sc}>
  %c = stablehlo.constant dense<0.125> : tensor<{sc}>
  %1 = stablehlo.multiply %0, %c : tensor<{sc}>
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %2 = stablehlo.reduce(%1 init: %ninf) applies stablehlo.maximum across dimensions = [3] : (tensor<{sc}>, tensor<f32>) -> tensor<{b}x{h}x{s}xf32>
  %3 = stablehlo.broadcast_in_dim %2, dims = [0, 1, 2] : (tensor<{b}x{h}x{s}xf32>) -> tensor<{sc}>
  %4 = stablehlo.subtract %1, %3 : tensor<{sc}>
  %5 = stablehlo.exponential %4 : tensor<{sc}>
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %6 = stablehlo.reduce(%5 init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<{sc}>, tensor<f32>) -> tensor<{b}x{h}x{s}xf32>
  %7 = stablehlo.broadcast_in_dim %6, dims = [0, 1, 2] : (tensor<{b}x{h}x{s}xf32>) -> tensor<{sc}>
  %8 = stablehlo.divide %5, %7 : tensor<{sc}>
  %9 = stablehlo.dot_general %8, %v, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [2] : (tensor<{sc}>, tensor<{t}>) -> tensor<{t}>
  return %9 : tensor<{t}>
}}"""
    shapes = [(b, h, s, d)] * 3

    def ref_np(q, k, v):
        x = q @ np.swapaxes(k, -1, -2) * 0.125
        x = np.exp(x - x.max(-1, keepdims=True))
        return (x / x.sum(-1, keepdims=True)) @ v

    def ref_torch(q, k, v):
        return torch.softmax(q @ k.transpose(-1, -2) * 0.125, -1) @ v
    return "attention", src, shapes, ref_np, ref_torch


def conv_case():
    n, hw, c, f = 8, 32, 32, 64
    src = f"""
func.func @main(%x: tensor<{n}x{hw}x{hw}x{c}xf32>, %w: tensor<3x3x{c}x{f}xf32>) -> tensor<{n}x{hw}x{hw}x{f}xf32> {{
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {{stride = [1, 1], pad = [[1, 1], [1, 1]]}} {{batch_group_count = 1 : i64, feature_group_count = 1 : i64}} : (tensor<{n}x{hw}x{hw}x{c}xf32>, tensor<3x3x{c}x{f}xf32>) -> tensor<{n}x{hw}x{hw}x{f}xf32>
  %z = stablehlo.constant dense<0.0> : tensor<{n}x{hw}x{hw}x{f}xf32>
  %1 = stablehlo.maximum %0, %z : tensor<{n}x{hw}x{hw}x{f}xf32>
  return %1 : tensor<{n}x{hw}x{hw}x{f}xf32>
}}"""
    shapes = [(n, hw, hw, c), (3, 3, c, f)]

    def ref_np(x, w):
        xp = np.pad(x, ((0, 0), (1, 1), (1, 1), (0, 0)))
        out = np.zeros((n, hw, hw, f), np.float32)
        for i in range(3):
            for j in range(3):
                out += xp[:, i:i + hw, j:j + hw, :] @ w[i, j]
        return np.maximum(out, 0)

    def ref_torch(x, w):
        y = torch.nn.functional.conv2d(x.permute(0, 3, 1, 2), w.permute(3, 2, 0, 1), padding=1)
        return torch.relu(y).permute(0, 2, 3, 1)
    return "conv3x3", src, shapes, ref_np, ref_torch


def layernorm_case():
    r, d = 512, 768
    src = f"""
func.func @main(%x: tensor<{r}x{d}xf32>, %g: tensor<{d}xf32>, %b: tensor<{d}xf32>) -> tensor<{r}x{d}xf32> {{
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %n = stablehlo.constant dense<{float(d)}> : tensor<{r}xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<{r}xf32>
  %s = stablehlo.reduce(%x init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<{r}x{d}xf32>, tensor<f32>) -> tensor<{r}xf32>
  %mean = stablehlo.divide %s, %n : tensor<{r}xf32>
  %mb = stablehlo.broadcast_in_dim %mean, dims = [0] : (tensor<{r}xf32>) -> tensor<{r}x{d}xf32>
  %xc = stablehlo.subtract %x, %mb : tensor<{r}x{d}xf32>
  %sq = stablehlo.multiply %xc, %xc : tensor<{r}x{d}xf32>
  %vs = stablehlo.reduce(%sq init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<{r}x{d}xf32>, tensor<f32>) -> tensor<{r}xf32>
  %var = stablehlo.divide %vs, %n : tensor<{r}xf32>
  %ve = stablehlo.add %var, %eps : tensor<{r}xf32>
  %rs = stablehlo.rsqrt %ve : tensor<{r}xf32>
  %rb = stablehlo.broadcast_in_dim %rs, dims = [0] : (tensor<{r}xf32>) -> tensor<{r}x{d}xf32>
  %y = stablehlo.multiply %xc, %rb : tensor<{r}x{d}xf32>
  %gb = stablehlo.broadcast_in_dim %g, dims = [1] : (tensor<{d}xf32>) -> tensor<{r}x{d}xf32>
  %bb = stablehlo.broadcast_in_dim %b, dims = [1] : (tensor<{d}xf32>) -> tensor<{r}x{d}xf32>
  %y2 = stablehlo.multiply %y, %gb : tensor<{r}x{d}xf32>
  %y3 = stablehlo.add %y2, %bb : tensor<{r}x{d}xf32>
  return %y3 : tensor<{r}x{d}xf32>
}}"""
    shapes = [(r, d), (d,), (d,)]

    def ref_np(x, g, b):
        m = x.mean(-1, keepdims=True)
        v = ((x - m) ** 2).mean(-1, keepdims=True)
        return (x - m) / np.sqrt(v + 1e-5) * g + b

    def ref_torch(x, g, b):
        return torch.nn.functional.layer_norm(x, (d,), g, b, 1e-5)
    return "layernorm", src, shapes, ref_np, ref_torch


def median_ms(fn, iters, repeat=1):
    """The lowest of `repeat` medians of `iters` timed runs (after a warm-up): on a
    machine shared with other work, a burst of load then spoils one median, not all."""
    for _ in range(max(2, iters // 10)):
        fn()
    medians = []
    for _ in range(repeat):
        times = []
        for _ in range(iters):
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1e3)
        medians.append(statistics.median(times))
    return min(medians)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--iters", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=1,
                        help="report the lowest of this many medians per case and peer")
    args = parser.parse_args()
    # oneDNN (byteir's matmul/conv), byteir's generated kernels (brt's thread pool,
    # BRT_NUM_THREADS) and PyTorch all use every core.
    torch.set_num_threads(os.cpu_count())
    print(f"{os.cpu_count()} cores; torch {torch.__version__} with {torch.get_num_threads()} threads, "
          f"numpy {np.__version__}; lowest of {args.repeat} medians of {args.iters} runs "
          f"after warm-up")
    rng = np.random.default_rng(0)
    print(f"{'case':<11} {'byteir ms':>10} {'torch ms':>10} {'numpy ms':>10} "
          f"{'torch/byteir':>13} {'numpy/byteir':>13}")
    with tempfile.TemporaryDirectory() as tmp:
        for make in (mlp_case, attention_case, conv_case, layernorm_case):
            name, src, shapes, ref_np, ref_torch = make()
            source = pathlib.Path(tmp) / f"{name}.mlir"
            source.write_text(src)
            artifact = pathlib.Path(tmp) / f"{name}.byre"
            byteir.compile(str(source), str(artifact))
            session = byteir.Session(str(artifact))
            xs = [rng.standard_normal(s).astype(np.float32) for s in shapes]
            feeds = dict(zip(session.inputs, xs))
            txs = [torch.from_numpy(x) for x in xs]
            got = session.run(feeds)["output_0"]
            np.testing.assert_allclose(got, ref_np(*xs), rtol=2e-3, atol=2e-3)
            np.testing.assert_allclose(got, ref_torch(*txs).numpy(), rtol=2e-3, atol=2e-3)
            ours = median_ms(lambda: session.run(feeds), args.iters, args.repeat)
            with torch.no_grad():
                theirs = median_ms(lambda: ref_torch(*txs), args.iters, args.repeat)
            numpy_ms = median_ms(lambda: ref_np(*xs), args.iters, args.repeat)
            print(f"{name:<11} {ours:>10.3f} {theirs:>10.3f} {numpy_ms:>10.3f} "
                  f"{theirs / ours:>13.2f} {numpy_ms / ours:>13.2f}")


if __name__ == "__main__":
    main()
