"""ONNX models (shared/testdata/onnx_models) through byteir.compile + byteir.Session,
against onnxruntime's outputs stored in each model's test_data_set_0."""
import pathlib

import numpy as np
import pytest

import byteir

onnx = pytest.importorskip("onnx")
from onnx import numpy_helper  # noqa: E402

MODELS = pathlib.Path(__file__).resolve().parents[2] / ".." / "shared" / "testdata" / "onnx_models"
NAMES = ["mlp_opset17", "mlp_dynamo", "small_cnn_opset17", "bert_tiny_opset17"]


def load(paths):
    return [numpy_helper.to_array(onnx.load_tensor(str(p)))
            for p in sorted(paths, key=lambda p: int(p.stem.split("_")[1]))]


@pytest.mark.parametrize("name", NAMES)
def test_matches_onnxruntime(name, tmp_path):
    model = MODELS / name
    artifact = tmp_path / f"{name}.byre"
    byteir.compile(str(model / "model.onnx"), str(artifact))
    session = byteir.Session(str(artifact))
    data = model / "test_data_set_0"
    inputs, wants = load(data.glob("input_*.pb")), load(data.glob("output_*.pb"))
    assert len(session.inputs) == len(inputs) and len(session.outputs) == len(wants)
    results = session.run(dict(zip(session.inputs, inputs)))
    for name_, want in zip(session.outputs, wants):
        got = results[name_]
        assert got.dtype == want.dtype and got.shape == want.shape
        np.testing.assert_allclose(got, want, rtol=1e-3, atol=1e-4)


def test_onnx_import_errors_raise(tmp_path):
    data = (MODELS / "mlp_opset17" / "model.onnx").read_bytes()
    bad = tmp_path / "bad.onnx"
    bad.write_bytes(data[: len(data) // 3])
    with pytest.raises(RuntimeError, match="not a valid ONNX ModelProto"):
        byteir.compile(str(bad), str(tmp_path / "bad.byre"))


def test_input_shapes_specialize_symbolic_dims(tmp_path):
    from onnx import TensorProto, helper
    graph = helper.make_graph(
        [helper.make_node("Relu", ["x"], ["y"])], "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["n", 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["n", 4])])
    path = tmp_path / "relu.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(path))
    with pytest.raises(RuntimeError, match="dynamic dimension 0 \\('n'\\)"):
        byteir.compile(str(path), str(tmp_path / "a.byre"))
    byteir.compile(str(path), str(tmp_path / "b.byre"), input_shapes={"x": [3, 4]})
    x = np.linspace(-1, 1, 12, dtype=np.float32).reshape(3, 4)
    out = byteir.Session(str(tmp_path / "b.byre")).run({"input_0": x})["output_0"]
    np.testing.assert_array_equal(out, np.maximum(x, 0))
