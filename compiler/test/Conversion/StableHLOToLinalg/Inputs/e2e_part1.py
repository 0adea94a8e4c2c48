#!/usr/bin/env python3
"""Runs stablehlo functions through stablehlo-legalize-to-linalg and upstream
MLIR's CPU lowering (mlir-opt, mlir-runner) and compares results with numpy.

  e2e_part1.py jax CASE_DIR...        JAX-exported cases: CASE_DIR/CASE.mlir with
                                    inputs/*.npy and expected outputs/*.npy
  e2e_part1.py ops SPEC.py            op-level cases described by a Python file that
                                    defines CASES = [(name, mlir_func_text, inputs,
                                    expected_outputs, tolerance), ...]

Prints "PASS <name>" or "FAIL <name>: <reason>" per case; exits 1 on any FAIL.
Tools: --byteir-opt (default: on PATH), --llvm-bin (default: /usr/lib/llvm-22/bin).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

PIPELINE = [
    "--convert-elementwise-to-linalg",
    "--one-shot-bufferize=bufferize-function-boundaries allow-return-allocs-from-loops function-boundary-type-conversion=identity-layout-map",
    "--convert-linalg-to-loops",
    "--convert-complex-to-standard",
    "--lower-affine",
    "--convert-scf-to-cf",
    "--expand-strided-metadata",
    "--lower-affine",
    "--math-expand-ops=ops=rsqrt",
    # math-to-libm rejects math ops it has no libm name for (absi, ctpop, ...),
    # so math-to-llvm goes first; it lowers expm1/log1p as exp(x)-1 / log(1+x).
    "--convert-math-to-llvm",
    "--convert-math-to-libm",
    "--finalize-memref-to-llvm",
    "--convert-arith-to-llvm",
    "--convert-index-to-llvm",
    "--convert-cf-to-llvm",
    "--convert-func-to-llvm",
    "--convert-complex-to-llvm",
    "--reconcile-unrealized-casts",
]

MLIR_TYPES = {
    np.dtype("float32"): "f32", np.dtype("float64"): "f64", np.dtype("float16"): "f16",
    np.dtype("int8"): "i8", np.dtype("int16"): "i16", np.dtype("int32"): "i32",
    np.dtype("int64"): "i64", np.dtype("uint8"): "i8", np.dtype("uint16"): "i16",
    np.dtype("uint32"): "i32", np.dtype("uint64"): "i64", np.dtype("bool"): "i1",
}


def tensor_type(shape, elem):
    return "tensor<" + "".join(f"{d}x" for d in shape) + elem + ">"


def dense_literal(arr):
    elem = MLIR_TYPES[arr.dtype]
    if arr.dtype == np.bool_:
        body = "[" + ", ".join("true" if v else "false" for v in arr.reshape(-1)) + "]"
        if arr.ndim == 0:
            body = "true" if arr.item() else "false"
        else:
            body = np.array2string(arr, separator=", ", threshold=sys.maxsize)
            body = body.replace("True", "true").replace("False", "false")
        return f"dense<{body}> : {tensor_type(arr.shape, elem)}"
    raw = np.ascontiguousarray(arr).tobytes().hex().upper()
    return f'dense<"0x{raw}"> : {tensor_type(arr.shape, elem)}'


def print_plan(dtype):
    """Conversions (arith op, target elem) applied to a result before printing it
    with an integer printer; floats are printed as their bits so the comparison
    sees exact values. Returns (conversions, print function, printed elem)."""
    if dtype == np.float32:
        return [("bitcast", "i32")], "printMemrefI32", "i32"
    if dtype == np.float64:
        return [("bitcast", "i64")], "printMemrefI64", "i64"
    if dtype == np.float16:
        return [("bitcast", "i16"), ("extui", "i32")], "printMemrefI32", "i32"
    if dtype in (np.int32, np.uint32):
        return [], "printMemrefI32", "i32"
    if dtype in (np.int64, np.uint64):
        return [], "printMemrefI64", "i64"
    if dtype in (np.int8, np.int16):
        return [("extsi", "i32")], "printMemrefI32", "i32"
    if dtype in (np.uint8, np.uint16, np.bool_):
        return [("extui", "i32")], "printMemrefI32", "i32"
    raise ValueError(f"cannot print {dtype}")


def from_printed(vals, dtype):
    """Integers as printed -> numpy array of `dtype` (floats from their bits)."""
    ints = np.array([int(v) for v in vals], dtype=np.int64)
    if dtype == np.float32:
        return ints.astype(np.int32).view(np.float32)
    if dtype == np.float64:
        return ints.view(np.float64)
    if dtype == np.float16:
        return ints.astype(np.uint16).view(np.float16)
    return ints.astype(dtype)


def split_types(text):
    """Splits a comma-separated list of types at top level."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch == "<":
            depth += 1
        elif ch == ">":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur.strip())
    return parts


def signature(func_text):
    """(argument types, result types) of `func.func @f(...) -> (...)`, with
    signed/unsigned integers made signless as the lowering does."""
    head = func_text.split("{", 1)[0]
    args = re.findall(r"%\w+:\s*", head)
    arg_text = head[head.index("(") + 1:head.index(") ->")]
    arg_types = [t.split(":", 1)[1].strip() for t in split_types(arg_text)] if args else []
    res_text = head.split("->", 1)[1].strip()
    if res_text.startswith("("):
        res_text = res_text[1:res_text.rindex(")")]
    signless = lambda t: re.sub(r"(?<=[x<])[su]i(\d+)", r"i\1", t)
    return [signless(t) for t in arg_types], [signless(t) for t in split_types(res_text)]


def build_wrapper(calls):
    """`main` that calls each (entry, inputs, out_dtypes, out_shapes[, sig]) on
    constant inputs and prints every result, in order. `sig` gives the entry's
    declared (argument, result) types when they have dynamic dims: inputs are
    tensor.cast to them and results back to the static shapes."""
    lines = ["func.func @main() {"]
    printers = set()
    for c, call in enumerate(calls):
        entry, inputs, out_dtypes, out_shapes = call[:4]
        sig = call[4] if len(call) > 4 else None
        args, arg_types = [], []
        for i, a in enumerate(inputs):
            lines.append(f"  %in{c}_{i} = arith.constant {dense_literal(a)}")
            t = tensor_type(a.shape, MLIR_TYPES[a.dtype])
            v = f"%in{c}_{i}"
            if sig and sig[0][i] != t:
                lines.append(f"  %ic{c}_{i} = tensor.cast {v} : {t} to {sig[0][i]}")
                v, t = f"%ic{c}_{i}", sig[0][i]
            args.append(v)
            arg_types.append(t)
        res_types = [tensor_type(s, MLIR_TYPES[np.dtype(d)]) for s, d in zip(out_shapes, out_dtypes)]
        call_types = sig[1] if sig else res_types
        n = len(res_types)
        lhs = f"%r{c}" if n == 1 else f"%r{c}:{n}"
        lines.append(f"  {lhs} = call @{entry}({', '.join(args)}) : ({', '.join(arg_types)}) -> ({', '.join(call_types)})")
        for i, (d, s) in enumerate(zip(out_dtypes, out_shapes)):
            r = f"%r{c}" if n == 1 else f"%r{c}#{i}"
            if call_types[i] != res_types[i]:
                lines.append(f"  %rc{c}_{i} = tensor.cast {r} : {call_types[i]} to {res_types[i]}")
                r = f"%rc{c}_{i}"
            convs, fn, pe = print_plan(np.dtype(d))
            t = res_types[i]
            for k, (op, to) in enumerate(convs):
                t2 = tensor_type(s, to)
                lines.append(f"  %c{c}_{i}_{k} = arith.{op} {r} : {t} to {t2}")
                r, t = f"%c{c}_{i}_{k}", t2
            mt = t.replace("tensor<", "memref<")
            lines.append(f"  %m{c}_{i} = bufferization.to_buffer {r} : {t} to {mt}")
            lines.append(f"  %u{c}_{i} = memref.cast %m{c}_{i} : {mt} to memref<*x{pe}>")
            lines.append(f"  call @{fn}(%u{c}_{i}) : (memref<*x{pe}>) -> ()")
            printers.add((fn, pe))
    lines.append("  return")
    lines.append("}")
    for fn, pe in sorted(printers):
        lines.append(f"func.func private @{fn}(memref<*x{pe}>) attributes {{llvm.emit_c_interface}}")
    return "\n".join(lines) + "\n"


NUM = re.compile(r"[-+]?\d+")


def parse_outputs(text, count):
    chunks = text.split("Unranked Memref")[1:]
    if len(chunks) != count:
        raise RuntimeError(f"expected {count} printed results, got {len(chunks)}:\n{text[:2000]}")
    vals = []
    for c in chunks:
        data = c.split("data =", 1)[1]
        vals.append(NUM.findall(data))
    return vals


def run(cmd, inp=None):
    p = subprocess.run(cmd, input=inp, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:2])} failed:\n{p.stderr[-4000:]}")
    return p.stdout


def execute(module_text, calls, tools, workdir, name):
    """Lowers `module_text` (stablehlo), runs every call of `calls` (see
    build_wrapper) and returns their results as lists of numpy arrays."""
    pre = ["--chlo-legalize-to-stablehlo"] if "chlo." in module_text else []
    lowered = run([tools.byteir_opt] + pre + ["--stablehlo-legalize-to-linalg", "-"], module_text)
    idx = lowered.rindex("}")
    full = lowered[:idx] + build_wrapper(calls) + "}\n"
    path = os.path.join(workdir, name + ".linalg.mlir")
    with open(path, "w") as f:
        f.write(full)
    llvm = run([os.path.join(tools.llvm_bin, "mlir-opt"), path] + PIPELINE)
    libdir = os.path.join(tools.llvm_bin, "..", "lib")
    libs = ",".join(os.path.join(libdir, l) for l in ("libmlir_runner_utils.so", "libmlir_c_runner_utils.so"))
    out = run([os.path.join(tools.llvm_bin, "mlir-runner"), "-e", "main", "-entry-point-result=void",
               f"--shared-libs={libs}"], llvm)
    got = parse_outputs(out, sum(len(c[2]) for c in calls))
    results = []
    for call in calls:
        out_dtypes, out_shapes = call[2], call[3]
        res = []
        for d, s in zip(out_dtypes, out_shapes):
            res.append(from_printed(got.pop(0), np.dtype(d)).reshape(s))
        results.append(res)
    return results


def compare(name, got, want, tol):
    for i, (g, w) in enumerate(zip(got, want)):
        w = np.asarray(w)
        if g.shape != w.shape:
            return f"result {i}: shape {g.shape} != {w.shape}"
        if w.dtype.kind == "f":
            g64, w64 = g.astype(np.float64), w.astype(np.float64)
            ok = np.isclose(g64, w64, rtol=tol, atol=tol, equal_nan=True)
            ok &= np.isnan(g64) == np.isnan(w64)
            # Exact zeros must agree in sign (e.g. maximum(-0, +0) = +0).
            zero = (w64 == 0) & (g64 == 0)
            ok &= ~zero | (np.signbit(g64) == np.signbit(w64))
        else:
            ok = g.astype(np.int64) == w.astype(np.int64)
        if not ok.all():
            bad = np.argwhere(~ok)[:5]
            detail = ", ".join(f"{tuple(b)}: got {g[tuple(b)]!r} want {w[tuple(b)]!r}" for b in bad)
            return f"result {i}: {int((~ok).sum())} mismatches ({detail})"
    return None


def jax_case(case_dir, tools, workdir):
    name = os.path.basename(os.path.normpath(case_dir))
    text = open(os.path.join(case_dir, name + ".mlir")).read()
    text = text.replace("@main(", "@jax_main(")

    def load(sub):
        d = os.path.join(case_dir, sub)
        files = sorted(os.listdir(d), key=lambda f: int(f.split(".")[0]))
        return [np.load(os.path.join(d, f)) for f in files]

    inputs, outputs = load("inputs"), load("outputs")
    call = ("jax_main", inputs, [o.dtype for o in outputs], [o.shape for o in outputs])
    (got,) = execute(text, [call], tools, workdir, name)
    return compare(name, got, outputs, 2e-4)


def case_module(cases):
    """All cases' functions in one module, the i-th renamed @case_i."""
    funcs = [text.replace("@f(", f"@case_{i}(", 1) for i, (_, text, _, _, _) in enumerate(cases)]
    return "module {\n" + "\n".join(funcs) + "\n}\n"


def op_cases(spec_path, tools, workdir):
    """Runs every case of the spec in one module; if that fails to build or
    run, runs them one by one to tell which fail."""
    ns = {"np": np}
    exec(open(spec_path).read(), ns)
    cases = ns["CASES"]

    def calls(cs, base):
        return [(f"case_{base + i}", inputs, [o.dtype for o in outputs], [o.shape for o in outputs],
                 signature(text))
                for i, (_, text, inputs, outputs, _) in enumerate(cs)]

    try:
        results = execute(case_module(cases), calls(cases, 0), tools, workdir, "all_cases")
        for (name, _, _, outputs, tol), got in zip(cases, results):
            yield name, compare(name, got, outputs, tol)
        return
    except Exception:  # noqa: BLE001
        pass
    for name, text, inputs, outputs, tol in cases:
        try:
            (got,) = execute(case_module([(name, text, inputs, outputs, tol)]),
                             calls([(name, text, inputs, outputs, tol)], 0), tools, workdir, name)
            yield name, compare(name, got, outputs, tol)
        except Exception as e:  # noqa: BLE001
            yield name, str(e)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["jax", "ops"])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--byteir-opt", default="byteir-opt")
    ap.add_argument("--llvm-bin", default="/usr/lib/llvm-22/bin")
    tools = ap.parse_args()
    failed = False
    with tempfile.TemporaryDirectory() as workdir:
        if tools.mode == "jax":
            results = []
            for p in tools.paths:
                name = os.path.basename(os.path.normpath(p))
                try:
                    results.append((name, jax_case(p, tools, workdir)))
                except Exception as e:  # noqa: BLE001
                    results.append((name, str(e)))
        else:
            results = [r for p in tools.paths for r in op_cases(p, tools, workdir)]
        for name, err in results:
            if err:
                failed = True
                print(f"FAIL {name}: {err}")
            else:
                print(f"PASS {name}")
        nfail = sum(1 for _, err in results if err)
        print(f"SUMMARY: {len(results) - nfail} passed, {nfail} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
