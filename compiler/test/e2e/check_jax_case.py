#!/usr/bin/env python3
"""Compiles one JAX test case for CPU and checks brt-run's outputs against JAX's.

usage: check_jax_case.py --bin BUILD/bin CASE_DIR {pretty,generic}
Tolerances follow shared/testdata/README.md: float32 rtol 1e-4 / atol 1e-5 (1e-2 when
the program computes in float16), integers exactly.
"""
import argparse
import pathlib
import subprocess
import sys
import tempfile

import numpy as np


def run(cmd):
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"FAIL: {' '.join(map(str, cmd))}\n{proc.stdout}{proc.stderr}")
    return proc.stdout


def tolerance(source_text):
    return (1e-2, 1e-2) if "f16" in source_text else (1e-4, 1e-5)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", type=pathlib.Path, required=True)
    parser.add_argument("case", type=pathlib.Path)
    parser.add_argument("form", choices=["pretty", "generic"])
    args = parser.parse_args()
    name = args.case.name
    source = args.case / (f"{name}.mlir" if args.form == "pretty" else f"{name}.generic.mlir")
    rtol, atol = tolerance(source.read_text())
    with tempfile.TemporaryDirectory() as tmp:
        artifact = pathlib.Path(tmp) / f"{name}.byre"
        run([args.bin / "byteir-compile", source, "-o", artifact])
        inputs = sorted((args.case / "inputs").glob("*.npy"), key=lambda p: int(p.stem))
        cmd = [args.bin / "brt-run", artifact, "--output-dir", tmp]
        for i, path in enumerate(inputs):
            cmd += ["--input", f"input_{i}={path}"]
        run(cmd)
        expected = sorted((args.case / "outputs").glob("*.npy"), key=lambda p: int(p.stem))
        for i, path in enumerate(expected):
            want = np.load(path)
            got = np.load(pathlib.Path(tmp) / f"output_{i}.npy")
            if got.shape != want.shape or got.dtype != want.dtype:
                sys.exit(f"FAIL: output {i}: got {got.dtype}{list(got.shape)}, "
                         f"expected {want.dtype}{list(want.shape)}")
            if np.issubdtype(want.dtype, np.floating):
                ok = np.allclose(got, want, rtol=rtol, atol=atol, equal_nan=True)
                err = float(np.max(np.abs(got.astype(np.float64) - want))) if want.size else 0.0
            else:
                ok = np.array_equal(got, want)
                err = int(np.sum(got != want))
            if not ok:
                sys.exit(f"FAIL: output {i} differs from JAX (max error / mismatches: {err})")
            print(f"output {i}: {want.dtype}{list(want.shape)} matches (max error {err})")
    print(f"PASS: {name} ({args.form})")


if __name__ == "__main__":
    main()
