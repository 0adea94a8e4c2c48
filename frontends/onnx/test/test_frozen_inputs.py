"""ONNX backend cases whose shape-like operands (Reshape's shape, Slice's starts,
Resize's scales, ...) are graph inputs: byteir needs them as import-time constants,
so here they are frozen into initializers from test_data_set_0 and the remaining
inputs run through byteir.compile + byteir.Session against the expected outputs.

Left out: reshape_allowzero_reordered and slice_start_out_of_bounds (zero-element
tensors: the CPU codegen fails on empty kernels) and the Loop-based range_*_expanded."""
import os
import pathlib
import re
import sys

import numpy as np
import pytest

BUILD = pathlib.Path(os.environ.get("BYTEIR_BUILD_DIR", "build")).resolve()
sys.path.insert(0, str(BUILD / "python_packages"))
onnx = pytest.importorskip("onnx")
from onnx import numpy_helper  # noqa: E402

import byteir  # noqa: E402

NODE = pathlib.Path("/usr/share/libonnx-testdata/data/node")
PATTERN = re.compile(
    r"^test_(resize_(?!tf_crop)|upsample|reshape_(?!allowzero)|trilu|slice(?!_start_out)|"
    r"range_.*(?<!_expanded)$|unsqueeze|cumsum|"
    r"expand_dim|split_variable|split_zero|onehot|tile|squeeze|constantofshape|"
    r"reduce_sum_(?!empty)|pad$|edge_pad|reflect_pad|top_k|lstm_with_peepholes|reversesequence)")
FROZEN_NAMES = {"scales", "roi", "sizes", "shape", "k", "starts", "ends", "axes", "steps",
                "axis", "depth", "repeats", "split", "pads", "start", "limit", "delta",
                "input", "sequence_lens"}
CASES = sorted(d.name for d in NODE.iterdir() if PATTERN.search(d.name)) if NODE.exists() else []


def _index(p):
    return int(p.stem.split("_")[1])


@pytest.mark.parametrize("case", CASES)
def test_frozen(case, tmp_path):
    d = NODE / case
    model = onnx.load(str(d / "model.onnx"))
    data = d / "test_data_set_0"
    tensors = [onnx.load_tensor(str(p)) for p in sorted(data.glob("input_*.pb"), key=_index)]
    wants = [numpy_helper.to_array(onnx.load_tensor(str(p)))
             for p in sorted(data.glob("output_*.pb"), key=_index)]
    feeds = []
    inputs = list(model.graph.input)
    for i, (info, t) in enumerate(zip(inputs, tensors)):
        is_int = t.data_type == onnx.TensorProto.INT64
        if i > 0 and (is_int or info.name in FROZEN_NAMES) or \
                (model.graph.node[0].op_type == "Range") or \
                (model.graph.node[0].op_type == "ConstantOfShape"):
            t.name = info.name
            model.graph.initializer.append(t)
        else:
            feeds.append(numpy_helper.to_array(t))
    path = tmp_path / "model.onnx"
    onnx.save(model, str(path))
    byteir.compile(str(path), str(tmp_path / "model.byre"))
    session = byteir.Session(str(tmp_path / "model.byre"))
    results = session.run(dict(zip(session.inputs, feeds)))
    for name, want in zip(session.outputs, wants):
        got = results[name]
        assert got.dtype == want.dtype and got.shape == want.shape
        if want.dtype.kind == "f":
            np.testing.assert_allclose(got, want, rtol=1e-3, atol=1e-5)
        else:
            np.testing.assert_array_equal(got, want)
