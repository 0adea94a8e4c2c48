"""If / Loop / Scan (subgraphs that read outer-scope values) and Einsum ellipsis and
diagonals, compiled with byteir.compile and run against numpy references."""
import os
import pathlib
import sys

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper

BUILD = pathlib.Path(os.environ.get("BYTEIR_BUILD_DIR", "build")).resolve()
sys.path.insert(0, str(BUILD / "python_packages"))
byteir = pytest.importorskip("byteir")
F = TensorProto.FLOAT
RNG = np.random.default_rng(7)


def nonzero(*shape):
    return (RNG.uniform(0.5, 2.0, shape) * RNG.choice([-1, 1], shape)).astype(np.float32)


def compile_and_run(tmp_path, graph, feeds, opset=17):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    path = tmp_path / "model.onnx"
    onnx.save(model, str(path))
    byteir.compile(str(path), str(tmp_path / "model.byre"))
    session = byteir.Session(str(tmp_path / "model.byre"))
    results = session.run(dict(zip(session.inputs, feeds)))
    return [results[n] for n in session.outputs]


@pytest.mark.parametrize("flag", [True, False])
def test_if_reads_outer_values(tmp_path, flag):
    # then: x * w, else: x - w; w and x come from the enclosing graph.
    then_g = helper.make_graph([helper.make_node("Mul", ["x", "w"], ["t"])], "then", [],
                               [helper.make_tensor_value_info("t", F, [2, 3])])
    else_g = helper.make_graph([helper.make_node("Sub", ["x", "w"], ["e"])], "else", [],
                               [helper.make_tensor_value_info("e", F, [2, 3])])
    graph = helper.make_graph(
        [helper.make_node("Exp", ["x0"], ["x"]),
         helper.make_node("If", ["c"], ["y"], then_branch=then_g, else_branch=else_g)],
        "g",
        [helper.make_tensor_value_info("c", TensorProto.BOOL, []),
         helper.make_tensor_value_info("x0", F, [2, 3]),
         helper.make_tensor_value_info("w", F, [2, 3])],
        [helper.make_tensor_value_info("y", F, [2, 3])])
    x0, w = nonzero(2, 3), nonzero(2, 3)
    (y,) = compile_and_run(tmp_path, graph, [np.array(flag), x0, w])
    want = np.exp(x0) * w if flag else np.exp(x0) - w
    np.testing.assert_allclose(y, want, rtol=1e-5, atol=1e-6)


def test_loop_carried_and_scan_outputs(tmp_path):
    # 4 iterations of s = s * a + i (a from the outer scope); scan output: s each step.
    body = helper.make_graph(
        [helper.make_node("Identity", ["cond_in"], ["cond_out"]),
         helper.make_node("Cast", ["i"], ["fi"], to=F),
         helper.make_node("Mul", ["s_in", "a"], ["sa"]),
         helper.make_node("Add", ["sa", "fi"], ["s_out"]),
         helper.make_node("Identity", ["s_out"], ["scan"])],
        "body",
        [helper.make_tensor_value_info("i", TensorProto.INT64, []),
         helper.make_tensor_value_info("cond_in", TensorProto.BOOL, []),
         helper.make_tensor_value_info("s_in", F, [3])],
        [helper.make_tensor_value_info("cond_out", TensorProto.BOOL, []),
         helper.make_tensor_value_info("s_out", F, [3]),
         helper.make_tensor_value_info("scan", F, [3])])
    graph = helper.make_graph(
        [helper.make_node("Loop", ["m", "", "s0"], ["s", "steps"], body=body)],
        "g",
        [helper.make_tensor_value_info("s0", F, [3]),
         helper.make_tensor_value_info("a", F, [3])],
        [helper.make_tensor_value_info("s", F, [3]),
         helper.make_tensor_value_info("steps", F, [4, 3])],
        initializer=[helper.make_tensor("m", TensorProto.INT64, [], [4])])
    s0, a = nonzero(3), nonzero(3)
    s, steps = compile_and_run(tmp_path, graph, [s0, a])
    want, rows = s0.copy(), []
    for i in range(4):
        want = want * a + np.float32(i)
        rows.append(want)
    np.testing.assert_allclose(steps, np.stack(rows), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(s, want, rtol=1e-5, atol=1e-6)


def test_scan_reverse_along_axis1(tmp_path):
    # Running max over axis 1, walked from the end; outputs stacked along axis 0.
    body = helper.make_graph(
        [helper.make_node("Max", ["m_in", "row"], ["m_out"]),
         helper.make_node("Identity", ["m_out"], ["o"])],
        "body",
        [helper.make_tensor_value_info("m_in", F, [2]),
         helper.make_tensor_value_info("row", F, [2])],
        [helper.make_tensor_value_info("m_out", F, [2]),
         helper.make_tensor_value_info("o", F, [2])])
    graph = helper.make_graph(
        [helper.make_node("Scan", ["m0", "x"], ["m", "ys"], body=body, num_scan_inputs=1,
                          scan_input_axes=[1], scan_input_directions=[1])],
        "g",
        [helper.make_tensor_value_info("m0", F, [2]),
         helper.make_tensor_value_info("x", F, [2, 5])],
        [helper.make_tensor_value_info("m", F, [2]),
         helper.make_tensor_value_info("ys", F, [5, 2])])
    m0, x = np.full(2, -3, np.float32), nonzero(2, 5)
    m, ys = compile_and_run(tmp_path, graph, [m0, x])
    cur, rows = m0, []
    for t in reversed(range(5)):
        cur = np.maximum(cur, x[:, t])
        rows.append(cur)
    np.testing.assert_array_equal(ys, np.stack(rows))
    np.testing.assert_array_equal(m, cur)


@pytest.mark.parametrize("equation,shapes", [
    ("...ij,...jk->...ik", [(2, 3, 4, 5), (3, 5, 2)]),
    ("ii", [(4, 4)]),
    ("b...ii->b...i", [(2, 3, 4, 4)]),
    ("...ij", [(2, 3, 4)]),
])
def test_einsum_ellipsis_and_diagonals(tmp_path, equation, shapes):
    names = [f"x{i}" for i in range(len(shapes))]
    inputs = [nonzero(*s) for s in shapes]
    want = np.einsum(equation, *inputs)
    graph = helper.make_graph(
        [helper.make_node("Einsum", names, ["y"], equation=equation)], "g",
        [helper.make_tensor_value_info(n, F, list(s)) for n, s in zip(names, shapes)],
        [helper.make_tensor_value_info("y", F, list(want.shape))])
    (y,) = compile_and_run(tmp_path, graph, inputs)
    assert y.shape == want.shape
    np.testing.assert_allclose(y, want, rtol=1e-4, atol=1e-5)


def test_if_branches_of_different_shapes_need_specialized_cond(tmp_path):
    then_g = helper.make_graph([helper.make_node("Identity", ["x"], ["t"])], "then", [],
                               [helper.make_tensor_value_info("t", F, [2, 3])])
    else_g = helper.make_graph(
        [helper.make_node("ReduceSum", ["x"], ["e"], keepdims=0)], "else", [],
        [helper.make_tensor_value_info("e", F, [])])
    graph = helper.make_graph(
        [helper.make_node("If", ["c"], ["y"], then_branch=then_g, else_branch=else_g)], "g",
        [helper.make_tensor_value_info("c", TensorProto.BOOL, []),
         helper.make_tensor_value_info("x", F, [2, 3])],
        [helper.make_tensor_value_info("y", F, None)])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    path, out = str(tmp_path / "model.onnx"), str(tmp_path / "model.byre")
    onnx.save(model, path)
    with pytest.raises(RuntimeError, match="--input-value c=FILE.npy"):
        byteir.compile(path, out)
    x = nonzero(2, 3)
    for flag, want in [(True, x), (False, x.sum())]:
        byteir.compile(path, out, input_values={"c": np.array(flag)})
        session = byteir.Session(out)
        (y,) = session.run(dict(zip(session.inputs, [np.array(flag), x]))).values()
        np.testing.assert_allclose(y, want, rtol=1e-5, atol=1e-6)


def test_slice_at_runtime_start(tmp_path):
    # y = x[:, s:s+2] with s runtime data (negative s counts from the end).
    graph = helper.make_graph(
        [helper.make_node("Add", ["s", "two"], ["e"]),
         helper.make_node("Slice", ["x", "s", "e", "axes"], ["y"])],
        "g",
        [helper.make_tensor_value_info("x", F, [3, 6]),
         helper.make_tensor_value_info("s", TensorProto.INT64, [1])],
        [helper.make_tensor_value_info("y", F, [3, 2])],
        initializer=[helper.make_tensor("two", TensorProto.INT64, [1], [2]),
                     helper.make_tensor("axes", TensorProto.INT64, [1], [1])])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    path, out = str(tmp_path / "model.onnx"), str(tmp_path / "model.byre")
    onnx.save(model, path)
    byteir.compile(path, out)
    session = byteir.Session(out)
    x = nonzero(3, 6)
    for s in [0, 3, 4, -4]:
        (y,) = session.run(dict(zip(session.inputs, [x, np.array([s])]))).values()
        np.testing.assert_array_equal(y, x[:, s % 6:s % 6 + 2])
