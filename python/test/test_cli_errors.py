"""byteir-compile and brt-run on bad input: a clear message and exit code 1, never a
crash or a hang."""
import os
import pathlib
import subprocess

import numpy as np
import pytest

BIN = pathlib.Path(os.environ.get("BYTEIR_BUILD_DIR", "build")) / "bin"
SOFTMAX = (pathlib.Path(__file__).resolve().parents[2] / ".." / "shared" / "testdata"
           / "stablehlo_jax" / "softmax" / "softmax.mlir")


def run(*args):
    proc = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, 1), f"crashed with {proc.returncode}: {proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def artifact(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "softmax.byre"
    proc = run(BIN / "byteir-compile", SOFTMAX, "-o", path)
    assert proc.returncode == 0, proc.stderr
    return path


def expect_error(proc, *fragments):
    assert proc.returncode == 1
    for fragment in fragments:
        assert fragment in proc.stderr, proc.stderr


def test_truncated_artifact(artifact, tmp_path):
    data = artifact.read_bytes()
    for cut in (3, 16, len(data) // 2, len(data) - 1):
        bad = tmp_path / f"cut{cut}.byre"
        bad.write_bytes(data[:cut])
        expect_error(run(BIN / "brt-run", bad), str(bad))


def test_corrupted_artifact_never_crashes(artifact, tmp_path):
    data = bytearray(artifact.read_bytes())
    rng = np.random.default_rng()
    for i in range(40):
        bad = bytearray(data)
        for pos in rng.integers(0, len(bad), size=8):
            bad[pos] = rng.integers(0, 256)
        path = tmp_path / f"flip{i}.byre"
        path.write_bytes(bytes(bad))
        run(BIN / "brt-run", path)  # any outcome but a crash


def test_foreign_file(tmp_path):
    foreign = tmp_path / "image.byre"
    foreign.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    expect_error(run(BIN / "brt-run", foreign), "image.byre")


def test_missing_artifact(tmp_path):
    expect_error(run(BIN / "brt-run", tmp_path / "nope.byre"), "nope.byre")


def test_missing_input_file(artifact, tmp_path):
    expect_error(run(BIN / "brt-run", artifact, "--input", f"input_0={tmp_path}/x.npy"),
                 "x.npy")


def test_wrong_input_shape(artifact, tmp_path):
    path = tmp_path / "x.npy"
    np.save(path, np.ones((2, 2), np.float32))
    expect_error(run(BIN / "brt-run", artifact, "--input", f"input_0={path}"),
                 "input 'input_0' expects f32[16, 100], got f32[2, 2]")


def test_wrong_input_dtype(artifact, tmp_path):
    path = tmp_path / "x.npy"
    np.save(path, np.ones((16, 100), np.int32))
    expect_error(run(BIN / "brt-run", artifact, "--input", f"input_0={path}"), "got i32")


def test_unknown_input_name(artifact, tmp_path):
    path = tmp_path / "x.npy"
    np.save(path, np.ones((16, 100), np.float32))
    expect_error(run(BIN / "brt-run", artifact, "--input", f"bogus={path}"), "no input 'bogus'")


def test_random_inputs_and_outputs_written(artifact, tmp_path):
    proc = run(BIN / "brt-run", artifact, "--output-dir", tmp_path, "--bench", "5")
    assert proc.returncode == 0, proc.stderr
    out = np.load(tmp_path / "output_0.npy")
    np.testing.assert_allclose(out.sum(axis=1), np.ones(16), rtol=1e-5)  # softmax rows
    assert "median" in proc.stdout and "p90" in proc.stdout


def test_unsupported_op_is_named_with_location(tmp_path):
    source = tmp_path / "fft.mlir"
    source.write_text(
        "func.func @main(%x: tensor<8xcomplex<f32>>) -> tensor<8xcomplex<f32>> {\n"
        "  %0 = stablehlo.fft %x, type = FFT, length = [8] : (tensor<8xcomplex<f32>>) -> tensor<8xcomplex<f32>>\n"
        "  return %0 : tensor<8xcomplex<f32>>\n}\n")
    expect_error(run(BIN / "byteir-compile", source, "-o", tmp_path / "fft.byre"),
                 "fft.mlir:2:", "stablehlo.fft")


def test_dynamic_shape_is_rejected_early(tmp_path):
    source = tmp_path / "dyn.mlir"
    source.write_text("func.func @main(%x: tensor<?xf32>) -> tensor<?xf32> {\n"
                      "  return %x : tensor<?xf32>\n}\n")
    expect_error(run(BIN / "byteir-compile", source, "-o", tmp_path / "dyn.byre"),
                 "dyn.mlir:1:", "'input_0' has type 'tensor<?xf32>'")


def test_syntax_error_points_at_input(tmp_path):
    source = tmp_path / "bad.mlir"
    source.write_text("func.func @main() {\n  %0 = stablehlo.bogus\n}\n")
    expect_error(run(BIN / "byteir-compile", source, "-o", tmp_path / "bad.byre"), "bad.mlir:2:")


def test_missing_source(tmp_path):
    expect_error(run(BIN / "byteir-compile", tmp_path / "none.mlir", "-o", tmp_path / "x.byre"),
                 "none.mlir")


def test_bytecode_and_generic_inputs_compile_alike(tmp_path):
    bytecode = tmp_path / "softmax.mlirbc"
    proc = run(BIN / "byteir-opt", SOFTMAX, "--emit-bytecode", "-o", bytecode)
    assert proc.returncode == 0, proc.stderr
    generic = SOFTMAX.with_name("softmax.generic.mlir")
    x = np.random.default_rng().standard_normal((16, 100)).astype(np.float32)
    np.save(tmp_path / "x.npy", x)
    results = []
    for source in (SOFTMAX, generic, bytecode):
        artifact = tmp_path / (source.name + ".byre")
        out = tmp_path / f"out_{source.name}"
        out.mkdir()
        assert run(BIN / "byteir-compile", source, "-o", artifact).returncode == 0
        proc = run(BIN / "brt-run", artifact, "--input", f"input_0={tmp_path / 'x.npy'}",
                   "--output-dir", out)
        assert proc.returncode == 0, proc.stderr
        results.append(np.load(out / "output_0.npy"))
    want = np.exp(x - x.max(1, keepdims=True))
    want /= want.sum(1, keepdims=True)
    for got in results:
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)
