"""Compile-time specialization of graph inputs that feed shape-like operands:
`--input-value NAME=FILE` (onnx-to-stablehlo, byteir-compile) and
`byteir.compile(..., input_values={name: array})`."""
import os
import pathlib
import subprocess
import sys

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper

BUILD = pathlib.Path(os.environ.get("BYTEIR_BUILD_DIR", "build")).resolve()
TOOL = BUILD / "bin" / "onnx-to-stablehlo"
sys.path.insert(0, str(BUILD / "python_packages"))


def run(*args):
    return subprocess.run([str(TOOL), *map(str, args)], capture_output=True, text=True)


def reshape_model(tmp_path):
    """y = Reshape(x, shape); w = z + z (z is integer runtime data)."""
    graph = helper.make_graph(
        [helper.make_node("Reshape", ["x", "shape"], ["y"], name="reshape0"),
         helper.make_node("Add", ["z", "z"], ["w"], name="add0")],
        "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 3]),
         helper.make_tensor_value_info("shape", TensorProto.INT64, [2]),
         helper.make_tensor_value_info("z", TensorProto.INT64, [3])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None),
         helper.make_tensor_value_info("w", TensorProto.INT64, None)])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    path = tmp_path / "model.onnx"
    onnx.save(model, str(path))
    return path


def test_missing_value_names_the_input(tmp_path):
    r = run(reshape_model(tmp_path))
    assert r.returncode != 0
    assert "ONNX node 'reshape0'" in r.stderr
    assert "computed from graph input 'shape'" in r.stderr
    assert "--input-value shape=FILE.npy" in r.stderr


def test_npy_value_specializes_only_the_needed_input(tmp_path):
    np.save(tmp_path / "shape.npy", np.array([3, 2], dtype=np.int64))
    np.save(tmp_path / "z.npy", np.array([1, 2, 3], dtype=np.int64))
    r = run(reshape_model(tmp_path), "--input-value", f"shape={tmp_path / 'shape.npy'}",
            "--input-value", f"z={tmp_path / 'z.npy'}")
    assert r.returncode == 0, r.stderr
    head = r.stdout.split("{", 1)[1]  # the @main signature
    assert 'byteir.specialized_value = dense<[3, 2]> : tensor<2xi64>, onnx.name = "shape"' \
        in r.stdout
    assert head.count("byteir.specialized_value") == 1  # z stays runtime data
    assert "tensor<3x2xf32>" in r.stdout
    assert "stablehlo.add" in r.stdout


def test_tensor_proto_value(tmp_path):
    t = numpy_helper.from_array(np.array([6, 1], dtype=np.int64), "shape")
    (tmp_path / "shape.pb").write_bytes(t.SerializeToString())
    r = run(reshape_model(tmp_path), "--input-value", f"shape={tmp_path / 'shape.pb'}")
    assert r.returncode == 0, r.stderr
    assert "dense<[6, 1]> : tensor<2xi64>" in r.stdout and "tensor<6x1xf32>" in r.stdout


@pytest.mark.parametrize("value,why", [
    (np.array([3, 2, 1], dtype=np.int64), "tensor<3xi64>"),
    (np.array([3, 2], dtype=np.int32), "tensor<2xi32>"),
])
def test_mismatched_value(tmp_path, value, why):
    np.save(tmp_path / "shape.npy", value)
    r = run(reshape_model(tmp_path), "--input-value", f"shape={tmp_path / 'shape.npy'}")
    assert r.returncode != 0
    assert f"the value offered for graph input 'shape' is {why}" in r.stderr
    assert "the input is tensor<2xi64>" in r.stderr


def test_bad_options(tmp_path):
    model = reshape_model(tmp_path)
    np.save(tmp_path / "v.npy", np.array([3, 2], dtype=np.int64))
    r = run(model, "--input-value", f"nope={tmp_path / 'v.npy'}")
    assert r.returncode != 0 and "--input-value names 'nope', which is not a graph input" \
        in r.stderr
    r = run(model, "--input-value", "shape")
    assert r.returncode != 0 and "expects NAME=FILE" in r.stderr
    r = run(model, "--input-value", f"shape={tmp_path / 'missing.npy'}")
    assert r.returncode != 0 and "cannot read" in r.stderr
    (tmp_path / "junk.pb").write_bytes(b"\xff\xff\xff")
    r = run(model, "--input-value", f"shape={tmp_path / 'junk.pb'}")
    assert r.returncode != 0 and "not a serialized ONNX TensorProto" in r.stderr


def test_python_compile_and_run(tmp_path):
    byteir = pytest.importorskip("byteir")
    model = reshape_model(tmp_path)
    out = str(tmp_path / "model.byre")
    with pytest.raises(RuntimeError, match="--input-value shape="):
        byteir.compile(str(model), out)
    with pytest.raises(ValueError, match="unsupported dtype"):
        byteir.compile(str(model), out, input_values={"shape": np.array([3j, 2j])})
    shape = np.array([3, 2], dtype=np.int64)
    byteir.compile(str(model), out, input_values={"shape": shape})
    session = byteir.Session(out)
    rng = np.random.default_rng(0)
    x = rng.uniform(-2, 2, (2, 3)).astype(np.float32)
    z = rng.integers(1, 100, 3).astype(np.int64)
    results = session.run(dict(zip(session.inputs, [x, shape, z])))
    y, w = (results[n] for n in session.outputs)
    np.testing.assert_array_equal(y, x.reshape(3, 2))
    np.testing.assert_array_equal(w, z + z)


def test_byteir_compile_cli(tmp_path):
    model = reshape_model(tmp_path)
    compiler = BUILD / "bin" / "byteir-compile"
    out = tmp_path / "model.byre"
    r = subprocess.run([str(compiler), str(model), "-o", str(out)], capture_output=True,
                       text=True)
    assert r.returncode != 0 and "--input-value shape=FILE.npy" in r.stderr
    np.save(tmp_path / "shape.npy", np.array([1, 6], dtype=np.int64))
    r = subprocess.run([str(compiler), str(model), "-o", str(out), "--input-value",
                        f"shape={tmp_path / 'shape.npy'}"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert out.stat().st_size > 0


def test_retried_import_reports_warnings_once(tmp_path):
    # r is declared [7] but is [2, 3]; its warning comes before Reshape asks for the
    # shape value: the retried attempt's copy is dropped, the final one's printed.
    graph = helper.make_graph(
        [helper.make_node("Relu", ["x"], ["r"], name="relu0"),
         helper.make_node("Reshape", ["r", "shape"], ["y"], name="reshape0")],
        "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 3]),
         helper.make_tensor_value_info("shape", TensorProto.INT64, [2])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
        value_info=[helper.make_tensor_value_info("r", TensorProto.FLOAT, [7])])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    path = tmp_path / "declared.onnx"
    onnx.save(model, str(path))
    np.save(tmp_path / "shape.npy", np.array([3, 2], dtype=np.int64))
    r = run(path, "--input-value", f"shape={tmp_path / 'shape.npy'}")
    assert r.returncode == 0, r.stderr
    assert r.stderr.count("is declared 'tensor<7xf32>' but inferred as 'tensor<2x3xf32>'") == 1
