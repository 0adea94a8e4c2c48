"""softmax / layer norm / gelu: recognized as byteir.* custom calls and lowered by the
compiler, checked against numpy on fresh random inputs for several shapes and axes."""
import math
import pathlib
import shutil
import subprocess

import numpy as np
import pytest

import byteir

BIN = pathlib.Path(byteir.__file__).resolve().parents[2] / "bin"
_erf = np.vectorize(math.erf)


def mlir_type(shape, dtype="f32"):
    return "tensor<" + "x".join(map(str, shape)) + ("x" if shape else "") + dtype + ">"


def softmax_src(shape, axis, dtype="f32"):
    t = mlir_type(shape, dtype)
    red_shape = [d for i, d in enumerate(shape) if i != axis]
    r = mlir_type(red_shape, dtype)
    keep = [i for i in range(len(shape)) if i != axis]
    ninf = "0xFF800000" if dtype == "f32" else "0xFC00"
    return f"""
func.func @main(%x: {t}) -> {t} {{
  %ninf = stablehlo.constant dense<{ninf}> : tensor<{dtype}>
  %zero = stablehlo.constant dense<0.0> : tensor<{dtype}>
  %m = stablehlo.reduce(%x init: %ninf) applies stablehlo.maximum across dimensions = [{axis}] : ({t}, tensor<{dtype}>) -> {r}
  %mb = stablehlo.broadcast_in_dim %m, dims = {keep} : ({r}) -> {t}
  %d = stablehlo.subtract %x, %mb : {t}
  %e = stablehlo.exponential %d : {t}
  %s = stablehlo.reduce(%e init: %zero) applies stablehlo.add across dimensions = [{axis}] : ({t}, tensor<{dtype}>) -> {r}
  %sb = stablehlo.broadcast_in_dim %s, dims = {keep} : ({r}) -> {t}
  %y = stablehlo.divide %e, %sb : {t}
  return %y : {t}
}}"""


def layernorm_src(shape, naxes, affine, eps, form="centered"):
    rank = len(shape)
    axes = list(range(rank - naxes, rank))
    lead = shape[: rank - naxes]
    norm = shape[rank - naxes:]
    n = float(np.prod(norm))
    t, r, p = mlir_type(shape), mlir_type(lead), mlir_type(norm)
    lead_dims = list(range(rank - naxes))
    args = f"%x: {t}" + (f", %g: {p}, %b: {p}" if affine else "")
    if form == "centered":
        var = f"""
  %sq = stablehlo.multiply %xc, %xc : {t}
  %vs = stablehlo.reduce(%sq init: %zero) applies stablehlo.add across dimensions = {axes} : ({t}, tensor<f32>) -> {r}
  %var = stablehlo.divide %vs, %n : {r}"""
    else:  # E[x^2] - E[x]^2
        var = f"""
  %xx = stablehlo.multiply %x, %x : {t}
  %s2 = stablehlo.reduce(%xx init: %zero) applies stablehlo.add across dimensions = {axes} : ({t}, tensor<f32>) -> {r}
  %m2 = stablehlo.divide %s2, %n : {r}
  %mm = stablehlo.multiply %mean, %mean : {r}
  %var = stablehlo.subtract %m2, %mm : {r}"""
    tail = f"  return %y : {t}"
    if affine:
        tail = f"""  %gb = stablehlo.broadcast_in_dim %g, dims = {axes} : ({p}) -> {t}
  %y2 = stablehlo.multiply %y, %gb : {t}
  %bb = stablehlo.broadcast_in_dim %b, dims = {axes} : ({p}) -> {t}
  %y3 = stablehlo.add %y2, %bb : {t}
  return %y3 : {t}"""
    return f"""
func.func @main({args}) -> {t} {{
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %n = stablehlo.constant dense<{n}> : {r}
  %eps = stablehlo.constant dense<{eps:.8e}> : {r}
  %s = stablehlo.reduce(%x init: %zero) applies stablehlo.add across dimensions = {axes} : ({t}, tensor<f32>) -> {r}
  %mean = stablehlo.divide %s, %n : {r}
  %mb = stablehlo.broadcast_in_dim %mean, dims = {lead_dims} : ({r}) -> {t}
  %xc = stablehlo.subtract %x, %mb : {t}{var}
  %ve = stablehlo.add %var, %eps : {r}
  %rs = stablehlo.rsqrt %ve : {r}
  %rb = stablehlo.broadcast_in_dim %rs, dims = {lead_dims} : ({r}) -> {t}
  %y = stablehlo.multiply %xc, %rb : {t}
{tail}
}}"""


def gelu_src(shape, form):
    t = mlir_type(shape)
    if form == "erfc":  # jax.nn.gelu(approximate=False)
        body = f"""
  %half = stablehlo.constant dense<0.5> : {t}
  %c = stablehlo.constant dense<0.707106769> : {t}
  %0 = stablehlo.multiply %half, %x : {t}
  %1 = stablehlo.negate %x : {t}
  %2 = stablehlo.multiply %1, %c : {t}
  %3 = chlo.erfc %2 : {t} -> {t}
  %y = stablehlo.multiply %0, %3 : {t}"""
    elif form == "erf":  # PyTorch: x * 0.5 * (1 + erf(x / sqrt 2))
        body = f"""
  %half = stablehlo.constant dense<0.5> : {t}
  %one = stablehlo.constant dense<1.0> : {t}
  %s2 = stablehlo.constant dense<1.41421354> : {t}
  %0 = stablehlo.multiply %x, %half : {t}
  %1 = stablehlo.divide %x, %s2 : {t}
  %2 = chlo.erf %1 : {t} -> {t}
  %3 = stablehlo.add %2, %one : {t}
  %y = stablehlo.multiply %0, %3 : {t}"""
    else:  # tanh approximation
        body = f"""
  %c0 = stablehlo.constant dense<0.044715> : {t}
  %k = stablehlo.constant dense<0.797884583> : {t}
  %one = stablehlo.constant dense<1.0> : {t}
  %half = stablehlo.constant dense<0.5> : {t}
  %x2 = stablehlo.multiply %x, %x : {t}
  %x3 = stablehlo.multiply %x2, %x : {t}
  %a = stablehlo.multiply %c0, %x3 : {t}
  %b = stablehlo.add %x, %a : {t}
  %c = stablehlo.multiply %k, %b : {t}
  %th = stablehlo.tanh %c : {t}
  %d = stablehlo.add %one, %th : {t}
  %e = stablehlo.multiply %half, %d : {t}
  %y = stablehlo.multiply %x, %e : {t}"""
    return f"func.func @main(%x: {t}) -> {t} {{{body}\n  return %y : {t}\n}}"


def compile_and_run(tmp_path, src, inputs, target):
    source = tmp_path / "model.mlir"
    source.write_text(src)
    opt = BIN / "byteir-opt"
    if opt.exists():
        frontend = subprocess.run([str(opt), str(source), "--byteir-frontend"],
                                  capture_output=True, text=True, check=True).stdout
        assert f"@{target}" in frontend, frontend
    artifact = tmp_path / "model.byre"
    byteir.compile(str(source), str(artifact), target="cpu")
    session = byteir.Session(str(artifact))
    return session.run({f"input_{i}": x for i, x in enumerate(inputs)})["output_0"]


def np_softmax(x, axis):
    x = x.astype(np.float64)
    e = np.exp(x - x.max(axis, keepdims=True))
    return e / e.sum(axis, keepdims=True)


@pytest.mark.parametrize("shape,axis", [((16, 100), 1), ((7, 33), 0), ((2, 3, 5, 17), 3),
                                        ((4, 9, 6), 1), ((1, 1000), 1)])
def test_softmax(tmp_path, shape, axis):
    rng = np.random.default_rng()
    x = (rng.standard_normal(shape) * 4).astype(np.float32)
    got = compile_and_run(tmp_path, softmax_src(shape, axis), [x], "byteir.softmax")
    np.testing.assert_allclose(got, np_softmax(x, axis), rtol=1e-5, atol=1e-6)


def test_softmax_f16(tmp_path):
    rng = np.random.default_rng()
    x = rng.standard_normal((8, 64)).astype(np.float16)
    got = compile_and_run(tmp_path, softmax_src((8, 64), 1, "f16"), [x], "byteir.softmax")
    assert got.dtype == np.float16
    np.testing.assert_allclose(got.astype(np.float32), np_softmax(x, 1), rtol=2e-3, atol=1e-4)


@pytest.mark.parametrize("shape,naxes,affine,form", [
    ((32, 256), 1, True, "centered"),
    ((5, 7, 48), 1, True, "centered"),
    ((3, 4, 6, 10), 2, False, "centered"),
    ((64, 96), 1, True, "moments"),
    ((9, 130), 1, False, "moments"),
])
def test_layer_norm(tmp_path, shape, naxes, affine, form):
    rng = np.random.default_rng()
    x = (rng.standard_normal(shape) * 3 + 1.5).astype(np.float32)
    norm = shape[len(shape) - naxes:]
    params = [rng.standard_normal(norm).astype(np.float32) for _ in range(2)] if affine else []
    eps = 1e-5
    got = compile_and_run(tmp_path, layernorm_src(shape, naxes, affine, eps, form),
                          [x] + params, "byteir.layer_norm")
    axes = tuple(range(len(shape) - naxes, len(shape)))
    x64 = x.astype(np.float64)
    m = x64.mean(axes, keepdims=True)
    v = ((x64 - m) ** 2).mean(axes, keepdims=True)
    want = (x64 - m) / np.sqrt(v + eps)
    if affine:
        want = want * params[0] + params[1]
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("form", ["erfc", "erf", "tanh"])
@pytest.mark.parametrize("shape", [(64,), (3, 257), (2, 4, 8)])
def test_gelu(tmp_path, form, shape):
    rng = np.random.default_rng()
    x = (rng.standard_normal(shape) * 3).astype(np.float32)
    x.flat[:4] = [0.0, -9.0, 9.0, 1e-3]  # saturation and the small-|x| region
    got = compile_and_run(tmp_path, gelu_src(shape, form), [x], "byteir.gelu")
    x64 = x.astype(np.float64)
    if form == "tanh":
        want = 0.5 * x64 * (1 + np.tanh(math.sqrt(2 / math.pi) * (x64 + 0.044715 * x64 ** 3)))
    else:
        want = 0.5 * x64 * (1 + _erf(x64 / math.sqrt(2)))
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


def test_softmax_masked_and_wide_range(tmp_path):
    # -inf entries (attention masks) must give exact zeros; a wide range of values
    # exercises the exp approximation near underflow.
    rng = np.random.default_rng()
    x = (rng.standard_normal((8, 40)) * 30).astype(np.float32)
    x[np.triu_indices(8, 1)] = -np.inf
    got = compile_and_run(tmp_path, softmax_src((8, 40), 1), [x], "byteir.softmax")
    want = np_softmax(x, 1)
    assert np.all(got[np.isneginf(x)] == 0)
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


def test_softmax_nan_propagates(tmp_path):
    x = np.random.default_rng().standard_normal((4, 16)).astype(np.float32)
    x[1, 3] = np.nan
    got = compile_and_run(tmp_path, softmax_src((4, 16), 1), [x], "byteir.softmax")
    assert np.all(np.isnan(got[1]))
    np.testing.assert_allclose(np.delete(got, 1, 0), np_softmax(np.delete(x, 1, 0), 1),
                               rtol=1e-5, atol=1e-6)


def test_recognition_never_revisits_erased_reduce_bodies(tmp_path):
    # A matched layer norm erases its reduces, whose bodies hold adds the pass had
    # collected as candidates; visiting them again read freed memory and crashed
    # within a few compiles in one process.
    source = (pathlib.Path(__file__).resolve().parents[3] / "shared" / "testdata" /
              "stablehlo_jax" / "layernorm" / "layernorm.mlir")
    for _ in range(40):
        byteir.compile(str(source), str(tmp_path / "ln.byre"))
