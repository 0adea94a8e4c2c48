"""The runtime's C API (libbrt_c.so) through ctypes, on an artifact byteir compiled."""
import ctypes
import os
import pathlib

import numpy as np
import pytest

import byteir

BUILD = pathlib.Path(os.environ.get("BYTEIR_BUILD_DIR", "build"))
LAYERNORM = (pathlib.Path(__file__).resolve().parents[2] / ".." / "shared" / "testdata"
             / "stablehlo_jax" / "layernorm")
BRT_F32 = 3


@pytest.fixture(scope="module")
def lib():
    brt = ctypes.CDLL(str(BUILD / "lib" / "libbrt_c.so"))
    brt.brt_last_error.restype = ctypes.c_char_p
    brt.brt_session_num_inputs.restype = ctypes.c_size_t
    brt.brt_session_num_outputs.restype = ctypes.c_size_t
    return brt


@pytest.fixture(scope="module")
def artifact(tmp_path_factory):
    path = tmp_path_factory.mktemp("capi") / "layernorm.byre"
    byteir.compile(str(LAYERNORM / "layernorm.mlir"), str(path))
    return path


def load(lib, path):
    session = ctypes.c_void_p()
    status = lib.brt_session_load(str(path).encode(), ctypes.byref(session))
    return status, session


def info(lib, session, index, output=False):
    name, dtype, rank = ctypes.c_char_p(), ctypes.c_int(), ctypes.c_size_t()
    dims = ctypes.POINTER(ctypes.c_int64)()
    fn = lib.brt_session_output_info if output else lib.brt_session_input_info
    assert fn(session, ctypes.c_size_t(index), ctypes.byref(name), ctypes.byref(dtype),
              ctypes.byref(rank), ctypes.byref(dims)) == 0
    return name.value.decode(), dtype.value, [dims[i] for i in range(rank.value)]


def test_run_matches_jax(lib, artifact):
    status, session = load(lib, artifact)
    assert status == 0, lib.brt_last_error()
    n_in, n_out = lib.brt_session_num_inputs(session), lib.brt_session_num_outputs(session)
    inputs = [np.load(LAYERNORM / "inputs" / f"{i}.npy") for i in range(n_in)]
    expected = [np.load(LAYERNORM / "outputs" / f"{i}.npy") for i in range(n_out)]
    assert [info(lib, session, i)[2] for i in range(n_in)] == [list(x.shape) for x in inputs]
    assert info(lib, session, 0, output=True) == ("output_0", BRT_F32, list(expected[0].shape))
    request = ctypes.c_void_p()
    assert lib.brt_request_create(session, ctypes.byref(request)) == 0
    outputs = [np.empty_like(e) for e in expected]
    for i, x in enumerate(inputs):
        x = np.ascontiguousarray(x)
        assert lib.brt_request_bind_input(request, ctypes.c_size_t(i), x.ctypes.data_as(ctypes.c_void_p),
                                          ctypes.c_size_t(x.nbytes)) == 0
    for i, y in enumerate(outputs):
        assert lib.brt_request_bind_output(request, ctypes.c_size_t(i), y.ctypes.data_as(ctypes.c_void_p),
                                           ctypes.c_size_t(y.nbytes)) == 0
    assert lib.brt_request_run(request) == 0, lib.brt_last_error()
    for got, want in zip(outputs, expected):
        np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5)
    lib.brt_request_free(request)
    lib.brt_session_free(session)


def test_errors_are_codes_with_messages(lib, artifact, tmp_path):
    status, _ = load(lib, tmp_path / "missing.byre")
    assert status != 0 and b"missing.byre" in lib.brt_last_error()
    status, session = load(lib, artifact)
    request = ctypes.c_void_p()
    assert lib.brt_request_create(session, ctypes.byref(request)) == 0
    small = np.zeros(3, np.float32)
    assert lib.brt_request_bind_input(request, ctypes.c_size_t(0), small.ctypes.data_as(ctypes.c_void_p),
                                      ctypes.c_size_t(small.nbytes)) == 1  # BRT_INVALID_ARGUMENT
    assert b"got 12 bytes" in lib.brt_last_error()
    assert lib.brt_request_bind_input(request, ctypes.c_size_t(99), None, ctypes.c_size_t(0)) == 6
    assert lib.brt_request_run(request) != 0
    assert b"not bound" in lib.brt_last_error()
    lib.brt_request_free(request)
    lib.brt_session_free(session)
