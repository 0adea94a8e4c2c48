"""Weights stored in the artifact (byteir-hoist-weights) and inputs specialized at
compile time (`byteir.specialized_value`), through byteir.compile, Session and brt-run."""
import os
import pathlib
import subprocess

import numpy as np
import pytest

import byteir

BIN = pathlib.Path(os.environ.get("BYTEIR_BUILD_DIR", "build")) / "bin"


def dense(array):
    """A StableHLO constant of `array` in MLIR's hex form (little-endian bytes)."""
    element = {np.float32: "f32", np.int64: "i64"}[array.dtype.type]
    dims = "x".join(str(d) for d in array.shape)
    return f'dense<"0x{array.tobytes().hex().upper()}"> : tensor<{dims}x{element}>'


def mlp_source(w1, b1, w2, b2, batch):
    """y = relu(x @ w1 + b1) @ w2 + b2 with the parameters as constants."""
    d_in, d_hidden = w1.shape
    d_out = w2.shape[1]
    x, h, y = (f"tensor<{batch}x{d}xf32>" for d in (d_in, d_hidden, d_out))
    return f"""
func.func @main(%x: {x}) -> {y} {{
  %w1 = stablehlo.constant {dense(w1)}
  %b1 = stablehlo.constant {dense(b1)}
  %w2 = stablehlo.constant {dense(w2)}
  %b2 = stablehlo.constant {dense(b2)}
  %zero = stablehlo.constant dense<0.0> : {h}
  %0 = stablehlo.dot_general %x, %w1, contracting_dims = [1] x [0] : ({x}, tensor<{d_in}x{d_hidden}xf32>) -> {h}
  %1 = stablehlo.broadcast_in_dim %b1, dims = [1] : (tensor<{d_hidden}xf32>) -> {h}
  %2 = stablehlo.add %0, %1 : {h}
  %3 = stablehlo.maximum %2, %zero : {h}
  %4 = stablehlo.dot_general %3, %w2, contracting_dims = [1] x [0] : ({h}, tensor<{d_hidden}x{d_out}xf32>) -> {y}
  %5 = stablehlo.broadcast_in_dim %b2, dims = [1] : (tensor<{d_out}xf32>) -> {y}
  %6 = stablehlo.add %4, %5 : {y}
  return %6 : {y}
}}
"""


@pytest.fixture(scope="module")
def mlp(tmp_path_factory):
    rng = np.random.default_rng(7)
    params = [rng.uniform(-0.1, 0.1, shape).astype(np.float32)
              for shape in [(512, 512), (512,), (512, 512), (512,)]]
    directory = tmp_path_factory.mktemp("mlp")
    source = directory / "mlp.mlir"
    source.write_text(mlp_source(*params, batch=8))
    artifact = directory / "mlp.byre"
    byteir.compile(str(source), str(artifact))
    return artifact, params


def test_mlp_with_large_weights_matches_numpy(mlp):
    artifact, (w1, b1, w2, b2) = mlp
    session = byteir.Session(str(artifact))
    assert session.inputs == ["input_0"] and session.outputs == ["output_0"]
    x = np.random.default_rng(1).uniform(-1, 1, (8, 512)).astype(np.float32)
    got = session.run({"input_0": x})["output_0"]
    x64 = x.astype(np.float64)
    want = np.maximum(x64 @ w1 + b1, 0) @ w2 + b2
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5)


def test_weights_are_stored_once_not_compiled_into_code(mlp):
    artifact, params = mlp
    weight_bytes = sum(p.nbytes for p in params)
    # Each weight once, plus the kernel object and metadata: a constant compiled into
    # kernel code (or stored twice) would add at least another megabyte.
    assert weight_bytes < artifact.stat().st_size < weight_bytes + 256 * 1024


def specialized_source():
    """@main(x, shape) where `shape` was specialized for [2, 3]: only x is read."""
    return """
func.func @main(%x: tensor<2x3xf32>,
                %shape: tensor<2xi64> {byteir.specialized_value = dense<[2, 3]> : tensor<2xi64>})
    -> tensor<2x3xf32> {
  %0 = stablehlo.add %x, %x : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
"""


@pytest.fixture(scope="module")
def specialized(tmp_path_factory):
    directory = tmp_path_factory.mktemp("specialized")
    source = directory / "specialized.mlir"
    source.write_text(specialized_source())
    artifact = directory / "specialized.byre"
    byteir.compile(str(source), str(artifact))
    return artifact


def test_session_exposes_the_specialized_value(specialized):
    info = byteir.Session(str(specialized)).input_info
    assert [i["name"] for i in info] == ["input_0", "input_1"]
    assert info[0]["specialized_value"] is None
    assert info[1]["shape"] == (2,) and info[1]["dtype"] == np.int64
    np.testing.assert_array_equal(info[1]["specialized_value"], np.array([2, 3]))


def test_run_refuses_another_value_of_a_specialized_input(specialized):
    session = byteir.Session(str(specialized))
    x = np.arange(6, dtype=np.float32).reshape(2, 3) - 2.5
    ok = session.run({"input_0": x, "input_1": np.array([2, 3], dtype=np.int64)})
    np.testing.assert_array_equal(ok["output_0"], x + x)
    with pytest.raises(ValueError, match=r"input 'input_1' was specialized at compile time "
                                         r"for the value \[2, 3\], got \[2, 4\]"):
        session.run({"input_0": x, "input_1": np.array([2, 4], dtype=np.int64)})


def test_brt_run_draws_the_specialized_value(specialized, tmp_path):
    proc = subprocess.run([str(BIN / "brt-run"), str(specialized), "--output-dir", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert np.load(tmp_path / "output_0.npy").shape == (2, 3)


def test_bool_weight_and_weight_returned_as_output(tmp_path):
    """A bool weight (one byte per element at run time, packed bits in MLIR) and weights
    returned unchanged (copied from the artifact into the output)."""
    w = np.random.default_rng(3).uniform(-1, 1, 100).astype(np.float32)
    mask = np.arange(300) % 3 == 0
    source = tmp_path / "returned.mlir"
    source.write_text(f"""
func.func @main(%x: tensor<100xf32>) -> (tensor<100xf32>, tensor<300xi1>, tensor<100xf32>) {{
  %w = stablehlo.constant {dense(w)}
  %mask = stablehlo.constant dense<[{", ".join("true" if v else "false" for v in mask)}]> : tensor<300xi1>
  %0 = stablehlo.add %x, %w : tensor<100xf32>
  return %w, %mask, %0 : tensor<100xf32>, tensor<300xi1>, tensor<100xf32>
}}
""")
    artifact = tmp_path / "returned.byre"
    byteir.compile(str(source), str(artifact))
    session = byteir.Session(str(artifact))
    assert session.inputs == ["input_0"]
    x = np.random.default_rng(4).uniform(-1, 1, 100).astype(np.float32)
    out = session.run({"input_0": x})
    np.testing.assert_array_equal(out["output_0"], w)
    np.testing.assert_array_equal(out["output_1"], mask)
    np.testing.assert_allclose(out["output_2"], x + w, rtol=1e-6)


def test_onnx_input_specialized_by_the_importer(tmp_path):
    """Reshape's shape comes from a graph input: the importer specializes the model for
    the value given at compile time, and the runtime holds calls to it."""
    onnx = pytest.importorskip("onnx")
    from onnx import TensorProto, helper
    graph = helper.make_graph(
        [helper.make_node("Reshape", ["x", "s"], ["y"], name="reshape0")], "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 3]),
         helper.make_tensor_value_info("s", TensorProto.INT64, [2])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)])
    model = tmp_path / "reshape.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(model))
    artifact = tmp_path / "reshape.byre"
    shape = np.array([3, 2], dtype=np.int64)
    byteir.compile(str(model), str(artifact), input_values={"s": shape})
    session = byteir.Session(str(artifact))
    np.testing.assert_array_equal(session.input_info[1]["specialized_value"], shape)
    x = np.random.default_rng(5).uniform(-1, 1, (2, 3)).astype(np.float32)
    got = session.run({"input_0": x, "input_1": shape})["output_0"]
    np.testing.assert_array_equal(got, x.reshape(3, 2))
    with pytest.raises(ValueError, match="specialized at compile time for the value"):
        session.run({"input_0": x, "input_1": np.array([6, 1], dtype=np.int64)})


def test_specialized_value_of_another_type_is_refused(tmp_path):
    source = tmp_path / "bad.mlir"
    source.write_text(specialized_source().replace("dense<[2, 3]> : tensor<2xi64>",
                                                   "dense<[2, 3, 4]> : tensor<3xi64>"))
    with pytest.raises(RuntimeError, match=r"argument 1: 'byteir.specialized_value' must be a "
                                           r"dense value of type 'tensor<2xi64>'"):
        byteir.compile(str(source), str(tmp_path / "bad.byre"))
