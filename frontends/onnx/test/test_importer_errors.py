"""onnx-to-stablehlo on good and bad files: clear errors naming what is wrong."""
import os
import pathlib
import subprocess

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper

BUILD = pathlib.Path(os.environ.get("BYTEIR_BUILD_DIR", "build")).resolve()
TOOL = BUILD / "bin" / "onnx-to-stablehlo"
MODELS = pathlib.Path(__file__).resolve().parents[3] / ".." / "shared" / "testdata" / "onnx_models"


def run(*args):
    return subprocess.run([str(TOOL), *map(str, args)], capture_output=True, text=True)


def save(tmp_path, graph, opset=17, name="model.onnx", **kw):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], **kw)
    model.ir_version = 8
    path = tmp_path / name
    onnx.save(model, str(path))
    return path


def relu_graph(node=None, dims=(2, 3), initializers=()):
    node = node or helper.make_node("Relu", ["x"], ["y"], name="relu0")
    return helper.make_graph(
        [node], "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, list(dims))],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
        initializer=list(initializers))


def test_good_model_with_locations(tmp_path):
    path = save(tmp_path, relu_graph())
    r = run(path, "--mlir-print-debuginfo")
    assert r.returncode == 0, r.stderr
    assert "func.func @main(%arg0: tensor<2x3xf32>" in r.stdout
    assert "stablehlo.maximum" in r.stdout
    assert '"relu0"' in r.stdout and "model.onnx" in r.stdout


def test_truncated_protobuf(tmp_path):
    data = (MODELS / "mlp_opset17" / "model.onnx").read_bytes()
    path = tmp_path / "truncated.onnx"
    path.write_bytes(data[: len(data) // 2])
    r = run(path)
    assert r.returncode != 0
    assert "not a valid ONNX ModelProto (truncated or corrupt protobuf)" in r.stderr


def test_missing_file(tmp_path):
    r = run(tmp_path / "nope.onnx")
    assert r.returncode != 0 and "cannot read" in r.stderr


def test_missing_initializer(tmp_path):
    node = helper.make_node("Add", ["x", "w"], ["y"], name="add0")
    r = run(save(tmp_path, relu_graph(node)))
    assert r.returncode != 0
    assert "ONNX node 'add0' (op Add, domain ai.onnx, opset 17)" in r.stderr
    assert "input 'w' is not produced by any node, initializer or graph input" in r.stderr


def test_unknown_domain(tmp_path):
    node = helper.make_node("Relu", ["x"], ["y"], name="custom0", domain="com.example")
    path = save(tmp_path, relu_graph(node))
    model = onnx.load(str(path))
    model.opset_import.append(helper.make_opsetid("com.example", 1))
    onnx.save(model, str(path))
    r = run(path)
    assert r.returncode != 0
    assert "ONNX node 'custom0' (op Relu, domain com.example" in r.stderr
    assert "unknown operator domain 'com.example'" in r.stderr


def test_unsupported_op(tmp_path):
    node = helper.make_node("Unique", ["x"], ["y"], name="u0")
    r = run(save(tmp_path, relu_graph(node)))
    assert r.returncode != 0
    assert "ONNX node 'u0' (op Unique, domain ai.onnx, opset 17): unsupported: no converter for op type 'Unique'" in r.stderr


def test_unsupported_attribute(tmp_path):
    node = helper.make_node("Relu", ["x"], ["y"], name="r0", bogus=3)
    r = run(save(tmp_path, relu_graph(node)))
    assert r.returncode != 0
    assert "ONNX node 'r0' (op Relu" in r.stderr and "unsupported: attribute 'bogus'" in r.stderr


def test_unsupported_opset(tmp_path):
    r = run(save(tmp_path, relu_graph(), opset=99))
    assert r.returncode != 0 and "opset 99" in r.stderr


def test_dynamic_input_needs_shape(tmp_path):
    path = save(tmp_path, relu_graph(dims=("batch", 3)))
    r = run(path)
    assert r.returncode != 0
    assert "graph input 'x' has a dynamic dimension 0 ('batch')" in r.stderr
    assert "--input-shape x=" in r.stderr
    r = run(path, "--input-shape", "x=5x3")
    assert r.returncode == 0, r.stderr
    assert "tensor<5x3xf32>" in r.stdout
    r = run(path, "--input-shape", "x=5x4")
    assert r.returncode != 0 and "the model fixes it to 3" in r.stderr
    r = run(path, "--input-shape", "nope=5x3")
    assert r.returncode != 0 and "'nope', which is not a graph input" in r.stderr
    r = run(path, "--input-shape", "x=5xq")
    assert r.returncode != 0 and "is not a dimension" in r.stderr


def test_initializers_and_external_data(tmp_path):
    w = np.arange(6, dtype=np.float32).reshape(2, 3)
    node = helper.make_node("Add", ["x", "w"], ["y"], name="add0")
    graph = relu_graph(node, initializers=[numpy_helper.from_array(w, "w")])
    path = tmp_path / "ext.onnx"
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    onnx.save(model, str(path), save_as_external_data=True, all_tensors_to_one_file=True,
              location="ext.data", size_threshold=0)
    r = run(path)
    assert r.returncode == 0, r.stderr
    assert "stablehlo.constant dense<[[0.000000e+00, 1.000000e+00" in r.stdout
    (tmp_path / "ext.data").unlink()
    r = run(path)
    assert r.returncode != 0 and "cannot read external data file" in r.stderr


def test_non_constant_shape_operand(tmp_path):
    node = helper.make_node("Reshape", ["x", "s"], ["y"], name="reshape0")
    graph = helper.make_graph(
        [node], "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 3]),
                      helper.make_tensor_value_info("s", TensorProto.INT64, [2])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)])
    r = run(save(tmp_path, graph))
    assert r.returncode != 0
    assert "ONNX node 'reshape0' (op Reshape" in r.stderr
    assert "input 'shape' is not an import-time constant" in r.stderr


def test_byteir_compile_reports_import_errors(tmp_path):
    compiler = BUILD / "bin" / "byteir-compile"
    node = helper.make_node("Unique", ["x"], ["y"], name="u0")
    r = subprocess.run([str(compiler), str(save(tmp_path, relu_graph(node))), "-o",
                        str(tmp_path / "m.byre")], capture_output=True, text=True)
    assert r.returncode != 0 and "no converter for op type 'Unique'" in r.stderr


def test_declared_type_mismatch_warns(tmp_path):
    graph = relu_graph()
    graph.output[0].CopyFrom(helper.make_tensor_value_info("y", TensorProto.FLOAT, [3, 2]))
    r = run(save(tmp_path, graph))
    assert r.returncode == 0, r.stderr
    assert "warning: ONNX node 'relu0' (op Relu" in r.stderr
    assert "declared 'tensor<3x2xf32>' but inferred as 'tensor<2x3xf32>'" in r.stderr


def test_byteir_compile_onnx_with_external_data(tmp_path):
    compiler = BUILD / "bin" / "byteir-compile"
    out = tmp_path / "mlp_dynamo.byre"
    r = subprocess.run([str(compiler), str(MODELS / "mlp_dynamo" / "model.onnx"), "-o", str(out)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert out.stat().st_size > 0


def test_cyclic_graph_is_named(tmp_path):
    add = helper.make_node("Add", ["x", "c"], ["b"], name="first")
    relu = helper.make_node("Relu", ["b"], ["c"], name="second")
    graph = helper.make_graph([add, relu], "cyc",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2])],
                              [helper.make_tensor_value_info("c", TensorProto.FLOAT, [2])])
    r = run(save(tmp_path, graph))
    assert r.returncode == 1
    assert "the graph has a cycle through nodes" in r.stderr
    assert "'first'" in r.stderr and "'second'" in r.stderr


def test_nodes_out_of_order_are_sorted(tmp_path):
    relu = helper.make_node("Relu", ["b"], ["y"], name="second")
    neg = helper.make_node("Neg", ["x"], ["b"], name="first")
    graph = helper.make_graph([relu, neg], "unsorted",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 3])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)])
    r = run(save(tmp_path, graph))
    assert r.returncode == 0, r.stderr
    assert "stablehlo.negate" in r.stdout
