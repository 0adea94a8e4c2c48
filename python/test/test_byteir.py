"""byteir's Python package against JAX's reference outputs and on bad input."""
import pathlib

import numpy as np
import pytest

import byteir

TESTDATA = pathlib.Path(__file__).resolve().parents[2] / ".." / "shared" / "testdata" / "stablehlo_jax"
CASES = ["mlp", "softmax", "layernorm", "batched_matmul", "mixed_dtypes"]


def load_case(name):
    case = TESTDATA / name
    inputs = [np.load(p) for p in sorted((case / "inputs").glob("*.npy"), key=lambda p: int(p.stem))]
    outputs = [np.load(p) for p in sorted((case / "outputs").glob("*.npy"), key=lambda p: int(p.stem))]
    return case / f"{name}.mlir", inputs, outputs


@pytest.fixture(scope="module")
def compiled(tmp_path_factory):
    out = {}
    for name in CASES:
        source, _, _ = load_case(name)
        artifact = tmp_path_factory.mktemp(name) / f"{name}.byre"
        byteir.compile(str(source), str(artifact), target="cpu")
        out[name] = artifact
    return out


@pytest.mark.parametrize("name", CASES)
def test_matches_jax(name, compiled):
    _, inputs, outputs = load_case(name)
    session = byteir.Session(str(compiled[name]))
    assert session.inputs == [f"input_{i}" for i in range(len(inputs))]
    results = session.run({f"input_{i}": x for i, x in enumerate(inputs)})
    for i, want in enumerate(outputs):
        got = results[f"output_{i}"]
        assert got.dtype == want.dtype and got.shape == want.shape
        np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5)


def test_fresh_random_inputs_match_numpy(compiled):
    # mlp: relu(x @ w1 + b1) @ w2 + b2, checked on inputs JAX never saw.
    rng = np.random.default_rng()
    x, w1, b1, w2, b2 = (rng.standard_normal(s).astype(np.float32)
                         for s in [(8, 64), (64, 128), (128,), (128, 10), (10,)])
    got = byteir.Session(str(compiled["mlp"])).run(
        {"input_0": x, "input_1": w1, "input_2": b1, "input_3": w2, "input_4": b2})["output_0"]
    want = np.maximum(x @ w1 + b1, 0) @ w2 + b2
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-4)


def test_one_session_serves_concurrent_requests(compiled):
    from concurrent.futures import ThreadPoolExecutor
    _, inputs, outputs = load_case("softmax")
    session = byteir.Session(str(compiled["softmax"]))
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: session.run({"input_0": inputs[0]}), range(16)))
    for r in results:
        np.testing.assert_allclose(r["output_0"], outputs[0], rtol=1e-4, atol=1e-5)


def test_wrong_shape_is_an_error(compiled):
    session = byteir.Session(str(compiled["softmax"]))
    with pytest.raises(ValueError, match="expects f32"):
        session.run({"input_0": np.zeros((3, 3), np.float32)})


def test_unknown_input_is_an_error(compiled):
    session = byteir.Session(str(compiled["softmax"]))
    with pytest.raises(ValueError, match="no input 'nope'"):
        session.run({"nope": np.zeros((3, 3), np.float32)})


def test_missing_input_is_an_error(compiled):
    session = byteir.Session(str(compiled["mlp"]))
    with pytest.raises(ValueError, match="not bound"):
        session.run({"input_0": np.ones((8, 64), np.float32)})


def test_foreign_file_is_an_error(tmp_path):
    bogus = tmp_path / "bogus.byre"
    bogus.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    with pytest.raises(RuntimeError):
        byteir.Session(str(bogus))


def test_compile_error_names_the_location(tmp_path):
    source = tmp_path / "bad.mlir"
    source.write_text("func.func @main(%a: tensor<2xf32>) -> tensor<3xf32> {\n"
                      "  %0 = stablehlo.add %a, %a : tensor<3xf32>\n"
                      "  return %0 : tensor<3xf32>\n}\n")
    with pytest.raises(RuntimeError, match=r"bad.mlir:2:\d+"):
        byteir.compile(str(source), str(tmp_path / "bad.byre"))


def to_bf16(x):
    """float32 -> bfloat16 (round to nearest even) -> float32, in numpy."""
    bits = x.astype(np.float32).view(np.uint32)
    rounded = bits + np.uint32(0x7FFF) + ((bits >> 16) & np.uint32(1))
    return (rounded & np.uint32(0xFFFF0000)).view(np.float32)


def test_bf16_arithmetic_in_kernels(tmp_path):
    source = tmp_path / "bf16.mlir"
    source.write_text("""
func.func @main(%x: tensor<64xf32>, %y: tensor<64xf32>) -> tensor<64xf32> {
  %a = stablehlo.convert %x : (tensor<64xf32>) -> tensor<64xbf16>
  %b = stablehlo.convert %y : (tensor<64xf32>) -> tensor<64xbf16>
  %c = stablehlo.multiply %a, %b : tensor<64xbf16>
  %d = stablehlo.convert %c : (tensor<64xbf16>) -> tensor<64xf32>
  return %d : tensor<64xf32>
}""")
    artifact = tmp_path / "bf16.byre"
    byteir.compile(str(source), str(artifact))
    rng = np.random.default_rng()
    x, y = (rng.standard_normal(64).astype(np.float32) for _ in range(2))
    got = byteir.Session(str(artifact)).run({"input_0": x, "input_1": y})["output_0"]
    np.testing.assert_array_equal(got, to_bf16(to_bf16(x) * to_bf16(y)))


def test_bf16_tensors_travel_as_uint16_bits(tmp_path):
    source = tmp_path / "bf16_io.mlir"
    source.write_text("""
func.func @main(%x: tensor<4x8xbf16>) -> tensor<4x8xbf16> {
  %y = stablehlo.add %x, %x : tensor<4x8xbf16>
  return %y : tensor<4x8xbf16>
}""")
    artifact = tmp_path / "bf16_io.byre"
    byteir.compile(str(source), str(artifact))
    session = byteir.Session(str(artifact))
    assert session.input_info[0]["dtype"] == np.uint16
    x = to_bf16(np.random.default_rng().standard_normal((4, 8)).astype(np.float32))
    bits = (x.view(np.uint32) >> 16).astype(np.uint16)
    got = session.run({"input_0": bits})["output_0"]
    assert got.dtype == np.uint16 and got.shape == (4, 8)
    # Doubling is exact in bf16.
    np.testing.assert_array_equal((got.astype(np.uint32) << 16).view(np.float32), 2 * x)
