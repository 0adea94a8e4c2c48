"""Import-time sequences and optionals, signal ops (windows, DFT, STFT, mel matrix) and
the preview.training Gradient beyond what the backend conformance cases reach (which
cover the window ops, DFT, STFT, MelWeightMatrix, optimizers, sequence models and
sequence / optional graph inputs): small models against numpy and PyTorch references,
and clear errors for what stays unsupported."""
import os
import pathlib
import subprocess
import sys

import numpy as np
import pytest

BUILD = pathlib.Path(os.environ.get("BYTEIR_BUILD_DIR", "build")).resolve()
sys.path.insert(0, str(BUILD / "python_packages"))
onnx = pytest.importorskip("onnx")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

import byteir  # noqa: E402

TOOL = BUILD / "bin" / "onnx-to-stablehlo"


def compile_and_run(model, tmp_path, feeds):
    path = tmp_path / "model.onnx"
    onnx.save(model, str(path))
    byteir.compile(str(path), str(tmp_path / "model.byre"))
    session = byteir.Session(str(tmp_path / "model.byre"))
    results = session.run(dict(zip(session.inputs, feeds)))
    return [results[n] for n in session.outputs]


def check(got, want, rtol=1e-4, atol=1e-5):
    assert got.dtype == want.dtype and got.shape == want.shape, (got.dtype, got.shape)
    if want.dtype.kind == "f":
        np.testing.assert_allclose(got, want, rtol=rtol, atol=atol)
    else:
        np.testing.assert_array_equal(got, want)


def make_model(nodes, inputs, outputs, initializers=(), opset=17, extra_opsets=()):
    graph = helper.make_graph(nodes, "g", inputs, outputs, initializer=list(initializers))
    opsets = [helper.make_opsetid("", opset)] + [helper.make_opsetid(d, v)
                                                   for d, v in extra_opsets]
    model = helper.make_model(graph, opset_imports=opsets)
    model.ir_version = 8
    return model


def vi(name, dtype, shape):
    return helper.make_tensor_value_info(name, dtype, shape)


def const(name, value):
    return numpy_helper.from_array(np.asarray(value), name)


def test_split_to_sequence_chunks_and_concat(tmp_path):
    # Scalar split: chunks of 2 (the last one 1) along axis 1; insert, erase, concat.
    nodes = [
        helper.make_node("SplitToSequence", ["x", "two"], ["s"], axis=1),
        helper.make_node("SequenceInsert", ["s", "y", "zero"], ["s2"]),
        helper.make_node("SequenceErase", ["s2"], ["s3"]),  # drops the last chunk
        helper.make_node("ConcatFromSequence", ["s3"], ["cat"], axis=1),
        helper.make_node("SequenceAt", ["s3", "minus1"], ["at"]),
        helper.make_node("SequenceLength", ["s3"], ["n"]),
    ]
    model = make_model(
        nodes, [vi("x", TensorProto.FLOAT, [3, 5]), vi("y", TensorProto.FLOAT, [3, 4])],
        [vi("cat", TensorProto.FLOAT, None), vi("at", TensorProto.FLOAT, None),
         vi("n", TensorProto.INT64, None)],
        [const("two", np.int64(2)), const("zero", np.int64(0)), const("minus1", np.int64(-1))])
    rng = np.random.default_rng(0)
    x = rng.standard_normal((3, 5)).astype(np.float32)
    y = rng.standard_normal((3, 4)).astype(np.float32)
    cat, at, n = compile_and_run(model, tmp_path, [x, y])
    check(cat, np.concatenate([y, x[:, :4]], axis=1))
    check(at, x[:, 2:4])
    check(n, np.array(3, np.int64))


def test_split_to_sequence_lengths_new_axis(tmp_path):
    nodes = [
        helper.make_node("SplitToSequence", ["x", "lens"], ["s"], axis=0),
        helper.make_node("SequenceAt", ["s", "one"], ["a"]),
        helper.make_node("SplitToSequence", ["x"], ["rows"], axis=-1, keepdims=0),
        helper.make_node("ConcatFromSequence", ["rows"], ["stacked"], axis=0, new_axis=1),
    ]
    model = make_model(
        nodes, [vi("x", TensorProto.DOUBLE, [4, 3])],
        [vi("a", TensorProto.DOUBLE, None), vi("stacked", TensorProto.DOUBLE, None)],
        [const("lens", np.array([1, 3], np.int64)), const("one", np.int64(1))])
    x = np.random.default_rng(1).standard_normal((4, 3))
    a, stacked = compile_and_run(model, tmp_path, [x])
    check(a, x[1:])
    check(stacked, np.stack([x[:, i] for i in range(3)], axis=0))


def test_optional_ops(tmp_path):
    nodes = [
        helper.make_node("Optional", ["x"], ["o"]),
        helper.make_node("OptionalHasElement", ["o"], ["has"]),
        helper.make_node("OptionalGetElement", ["o"], ["v"]),
        helper.make_node("Optional", [], ["none"],
                         type=helper.make_tensor_type_proto(TensorProto.FLOAT, [2])),
        helper.make_node("OptionalHasElement", ["none"], ["has_none"]),
        helper.make_node("Relu", ["v"], ["y"]),
    ]
    model = make_model(
        nodes, [vi("x", TensorProto.FLOAT, [2])],
        [vi("has", TensorProto.BOOL, None), vi("has_none", TensorProto.BOOL, None),
         vi("y", TensorProto.FLOAT, None)], opset=18)
    x = np.array([-1.5, 2.5], np.float32)
    has, has_none, y = compile_and_run(model, tmp_path, [x])
    check(has, np.array(True))
    check(has_none, np.array(False))
    check(y, np.maximum(x, 0))


@pytest.mark.parametrize("onesided,length", [(1, 16), (0, 8), (1, 7)])
def test_dft_real(onesided, length, tmp_path):
    nodes = [helper.make_node("DFT", ["x", "len"], ["y"], axis=1, onesided=onesided)]
    model = make_model(nodes, [vi("x", TensorProto.FLOAT, [2, 12, 1])],
                       [vi("y", TensorProto.FLOAT, None)], [const("len", np.int64(length))])
    x = np.random.default_rng(2).standard_normal((2, 12, 1)).astype(np.float32)
    (y,) = compile_and_run(model, tmp_path, [x])
    ref = (np.fft.rfft if onesided else np.fft.fft)(x[..., 0], n=length, axis=1)
    check(y, np.stack([ref.real, ref.imag], -1).astype(np.float32))


def test_dft_inverse_complex_axis2(tmp_path):
    nodes = [helper.make_node("DFT", ["x"], ["y"], axis=2, inverse=1)]
    model = make_model(nodes, [vi("x", TensorProto.FLOAT, [2, 3, 6, 2])],
                       [vi("y", TensorProto.FLOAT, None)])
    x = np.random.default_rng(3).standard_normal((2, 3, 6, 2)).astype(np.float32)
    (y,) = compile_and_run(model, tmp_path, [x])
    ref = np.fft.ifft(x[..., 0] + 1j * x[..., 1], axis=2)
    check(y, np.stack([ref.real, ref.imag], -1).astype(np.float32))


def test_dft_opset20_axis_input(tmp_path):
    # Opset 20 moved axis to an input (default -2); here the signal axis is 1 of 3.
    nodes = [helper.make_node("DFT", ["x", "", "axis"], ["y"], onesided=1)]
    model = make_model(nodes, [vi("x", TensorProto.FLOAT, [2, 9, 1])],
                       [vi("y", TensorProto.FLOAT, None)], [const("axis", np.int64(1))],
                       opset=20)
    x = np.random.default_rng(5).standard_normal((2, 9, 1)).astype(np.float32)
    (y,) = compile_and_run(model, tmp_path, [x])
    ref = np.fft.rfft(x[..., 0], axis=1)
    check(y, np.stack([ref.real, ref.imag], -1).astype(np.float32))


@pytest.mark.parametrize("step,length,onesided", [(3, 10, 1), (4, 8, 0), (5, 5, 1)])
def test_stft_hops(step, length, onesided, tmp_path):
    # Hops that do and do not divide the frame length (frames cut from hop blocks).
    nodes = [helper.make_node("STFT", ["x", "step", "w"], ["y"], onesided=onesided)]
    model = make_model(nodes, [vi("x", TensorProto.FLOAT, [2, 37, 1])],
                       [vi("y", TensorProto.FLOAT, None)],
                       [const("step", np.int64(step)),
                        const("w", np.hanning(length).astype(np.float32))])
    x = np.random.default_rng(8).standard_normal((2, 37, 1)).astype(np.float32)
    (y,) = compile_and_run(model, tmp_path, [x])
    frames = np.lib.stride_tricks.sliding_window_view(x[..., 0], length, axis=1)[:, ::step]
    ref = (np.fft.rfft if onesided else np.fft.fft)(frames * np.hanning(length), axis=-1)
    check(y, np.stack([ref.real, ref.imag], -1).astype(np.float32))


def _roi_align(tmp_path, x, rois, batch, scale):
    node = helper.make_node("RoiAlign", ["x", "rois", "b"], ["y"], output_height=3,
                            output_width=4, sampling_ratio=2, spatial_scale=scale)
    model = make_model([node], [vi("x", TensorProto.FLOAT, list(x.shape)),
                                vi("rois", TensorProto.FLOAT, list(rois.shape)),
                                vi("b", TensorProto.INT64, list(batch.shape))],
                       [vi("y", TensorProto.FLOAT, None)], opset=16)
    (y,) = compile_and_run(model, tmp_path, [x, rois, batch])
    return y


def test_roi_align_batches_and_scale(tmp_path):
    # The backend cases cover one image at scale 1; boxes on image 1 must equal the
    # same boxes on that image alone, and spatial_scale must equal pre-scaled boxes.
    rng = np.random.default_rng(6)
    x = rng.standard_normal((2, 3, 8, 10)).astype(np.float32)
    rois = np.array([[0, 0, 18, 14], [3, 2, 11, 9], [-3, -2, 25, 20]], np.float32)
    both = _roi_align(tmp_path, x, rois, np.array([1, 0, 1], np.int64), 0.5)
    first = _roi_align(tmp_path, x[1:], rois * 0.5, np.zeros(3, np.int64), 1.0)
    second = _roi_align(tmp_path, x[:1], rois * 0.5, np.zeros(3, np.int64), 1.0)
    check(both[[0, 2]], first[[0, 2]])
    check(both[1], second[1])


def test_windows_against_numpy(tmp_path):
    nodes = [helper.make_node("HannWindow", ["n"], ["hann"], periodic=0),
             helper.make_node("HammingWindow", ["n"], ["hamming"], periodic=0,
                              output_datatype=TensorProto.DOUBLE),
             helper.make_node("BlackmanWindow", ["n"], ["blackman"], periodic=0)]
    model = make_model(nodes, [], [vi("hann", TensorProto.FLOAT, None),
                                   vi("hamming", TensorProto.DOUBLE, None),
                                   vi("blackman", TensorProto.FLOAT, None)],
                       [const("n", np.int64(11))])
    hann, hamming, blackman = compile_and_run(model, tmp_path, [])
    check(hann, np.hanning(11).astype(np.float32))
    # ONNX's Hamming uses alpha = 25/46 (numpy: 0.54).
    n = np.arange(11)
    check(hamming, 25 / 46 - 21 / 46 * np.cos(2 * np.pi * n / 10))
    check(blackman, np.blackman(11).astype(np.float32), atol=1e-6)


@pytest.mark.parametrize("p", [1, 2, 3])
def test_global_lp_pool_and_lp_normalization(p, tmp_path):
    import torch
    nodes = [helper.make_node("GlobalLpPool", ["x"], ["pool"], p=p)]
    outputs = [vi("pool", TensorProto.FLOAT, None)]
    if p <= 2:
        nodes.append(helper.make_node("LpNormalization", ["x"], ["norm"], axis=1, p=p))
        outputs.append(vi("norm", TensorProto.FLOAT, None))
    model = make_model(nodes, [vi("x", TensorProto.FLOAT, [2, 3, 4, 5])], outputs)
    x = np.random.default_rng(7).standard_normal((2, 3, 4, 5)).astype(np.float32)
    got = compile_and_run(model, tmp_path, [x])
    t = torch.from_numpy(x)
    check(got[0], torch.linalg.vector_norm(t, ord=p, dim=(2, 3), keepdim=True).numpy())
    if p <= 2:
        check(got[1], torch.nn.functional.normalize(t, p=p, dim=1).numpy())


@pytest.mark.parametrize("p", [1, 2, 3])
def test_lp_pool_against_torch(p, tmp_path):
    import torch
    nodes = [helper.make_node("LpPool", ["x"], ["y"], p=p, kernel_shape=[3, 2],
                              strides=[2, 1]),
             helper.make_node("LpPool", ["x"], ["padded"], p=p, kernel_shape=[3, 2],
                              strides=[2, 1], pads=[1, 0, 2, 1])]
    model = make_model(nodes, [vi("x", TensorProto.FLOAT, [2, 3, 9, 6])],
                       [vi("y", TensorProto.FLOAT, None), vi("padded", TensorProto.FLOAT, None)])
    # Positive inputs: PyTorch's lp_pool2d takes x^p, ONNX |x|^p; pads add zeros.
    x = (np.random.default_rng(9).random((2, 3, 9, 6)) + 0.1).astype(np.float32)
    y, padded = compile_and_run(model, tmp_path, [x])
    pool = lambda a: torch.nn.functional.lp_pool2d(torch.from_numpy(a), p, (3, 2),
                                                   stride=(2, 1)).numpy()
    check(y, pool(x))
    check(padded, pool(np.pad(x, [(0, 0), (0, 0), (1, 2), (0, 1)])))


def _gradient_model(nodes, y):
    grad = helper.make_node("Gradient", ["a", "b"], ["da", "db"], xs=["a", "b"], y=y,
                            domain="ai.onnx.preview.training")
    return make_model(nodes + [grad],
                      [vi("a", TensorProto.FLOAT, [2, 3]), vi("b", TensorProto.FLOAT, [3])],
                      [vi(y, TensorProto.FLOAT, None), vi("da", TensorProto.FLOAT, None),
                       vi("db", TensorProto.FLOAT, None)],
                      opset=12, extra_opsets=[("ai.onnx.preview.training", 1)])


def test_gradient_sub_div_broadcast(tmp_path):
    # y = (a - b) / b with b broadcast over a's rows.
    nodes = [helper.make_node("Sub", ["a", "b"], ["d"]),
             helper.make_node("Div", ["d", "b"], ["y"])]
    rng = np.random.default_rng(4)
    a = rng.standard_normal((2, 3)).astype(np.float32)
    b = (rng.random(3) + 1).astype(np.float32)
    y, da, db = compile_and_run(_gradient_model(nodes, "y"), tmp_path, [a, b])
    check(y, (a - b) / b)
    check(da, np.broadcast_to(1 / b, (2, 3)).astype(np.float32))
    # d/db ((a - b) / b) = -a / b^2, summed over the broadcast rows.
    check(db, (-a / b**2).sum(0).astype(np.float32))


def run_tool(model, tmp_path):
    path = tmp_path / "model.onnx"
    onnx.save(model, str(path))
    return subprocess.run([str(TOOL), str(path)], capture_output=True, text=True)


def test_error_sequence_input_without_shapes(tmp_path):
    seq = helper.make_tensor_sequence_value_info("s", TensorProto.FLOAT, None)
    nodes = [helper.make_node("SequenceLength", ["s"], ["n"])]
    r = run_tool(make_model(nodes, [seq], [vi("n", TensorProto.INT64, [])]), tmp_path)
    assert r.returncode != 0
    assert "graph input 's' is a sequence: give the shape of each tensor element with " \
           "--input-shape s[0]=" in r.stderr


def test_error_position_not_constant(tmp_path):
    nodes = [helper.make_node("SequenceConstruct", ["x", "x"], ["s"]),
             helper.make_node("SequenceAt", ["s", "p"], ["y"], name="at0")]
    model = make_model(nodes, [vi("x", TensorProto.FLOAT, [2]), vi("p", TensorProto.INT64, [])],
                       [vi("y", TensorProto.FLOAT, None)])
    r = run_tool(model, tmp_path)
    assert r.returncode != 0
    assert "ONNX node 'at0' (op SequenceAt" in r.stderr
    assert "input 'position'" in r.stderr and "import-time constant" in r.stderr


def test_error_sequence_into_tensor_op(tmp_path):
    nodes = [helper.make_node("SequenceConstruct", ["x"], ["s"]),
             helper.make_node("Relu", ["s"], ["y"], name="relu0")]
    model = make_model(nodes, [vi("x", TensorProto.FLOAT, [2])],
                       [vi("y", TensorProto.FLOAT, None)])
    r = run_tool(model, tmp_path)
    assert r.returncode != 0
    assert "input 's' is a sequence or optional" in r.stderr


def test_error_gradient_of_unsupported_op(tmp_path):
    nodes = [helper.make_node("Exp", ["a"], ["e"]), helper.make_node("Add", ["e", "b"], ["y"])]
    r = run_tool(_gradient_model(nodes, "y"), tmp_path)
    assert r.returncode != 0
    assert "differentiating op Exp" in r.stderr
