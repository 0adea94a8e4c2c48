#!/usr/bin/env python3
"""ONNX backend conformance for byteir's ONNX frontend.

Every case of the ONNX backend test data (model.onnx + test_data_set_*/input_*.pb,
output_*.pb) in the folders below is imported and compiled with `byteir.compile`,
run with `byteir.Session` on each data set and compared with the expected outputs
(floats: rtol 1e-3, atol 1e-7; integers and bools exactly; shapes and dtypes must
match).

A case whose import fails because a shape-like operand (Reshape's shape, Resize's
scales, TopK's K, ...) is computed from a graph input is retried with the values of
test_data_set_0 offered for the graph inputs (`byteir.compile(..., input_values=)`):
the importer specializes just the inputs it needs, the others stay runtime data.
Likewise an input with a symbolic dimension gets test_data_set_0's shape
(`input_shapes=`).

The one side table xfail.txt lists the cases expected to fail (`folder/case  reason`).
An unexpected failure and an unexpected pass both fail the run. `--update-xfail`
rewrites the table from the results (the reason is the failure's first error).

Cases run in long-lived worker processes (--jobs, default 2); a worker that crashes or
exceeds --timeout seconds on a case fails that case and is replaced.

    run_backend_tests.py --build-dir build [--jobs 2] [--filter REGEX] [--update-xfail]
"""
import argparse
import glob
import json
import os
import pathlib
import queue
import re
import subprocess
import sys
import tempfile
import threading
import time

DATA = pathlib.Path("/usr/share/libonnx-testdata/data")
FOLDERS = ["node", "pytorch-converted", "pytorch-operator", "simple"]
HERE = pathlib.Path(__file__).resolve().parent
XFAIL = HERE / "xfail.txt"
RTOL, ATOL = 1e-3, 1e-7


# --------------------------------------------------------------------------- worker

def run_case(case_dir, workdir):
    """Returns (status, message, specialized): status is pass / import / compile / run /
    mismatch; specialized tells whether the import needed offered input values."""
    import byteir

    case = pathlib.Path(case_dir)
    artifact = os.path.join(workdir, "model.byre")
    source = str(case / "model.onnx")
    via_cli = os.environ.get("BYTEIR_ONNX_VIA_CLI")
    # Offer what the import asks for: input values (specialization) and/or the shapes
    # of inputs with symbolic dimensions, both from test_data_set_0.
    options = {}
    try:
        while True:
            try:
                if via_cli:
                    # Import with the onnx-to-stablehlo tool, compile its StableHLO.
                    mlir = _import_via_cli(via_cli, source, workdir, options)
                    byteir.compile(mlir, artifact)
                else:
                    byteir.compile(source, artifact, **options)
                break
            except RuntimeError as e:
                asks = {"input_values": "--input-value", "input_shapes": "--input-shape"}
                wanted = {k for k, flag in asks.items() if flag in str(e)} - set(options)
                if not wanted:
                    raise
                values = _offered_values(case)
                for k in wanted:
                    options[k] = values if k == "input_values" else \
                        {n: list(v.shape) for n, v in values.items()}
    except Exception as e:  # noqa: BLE001
        msg = str(e)
        kind = "import" if "ONNX node" in msg or "ONNX model" in msg else "compile"
        return kind, _first_error(msg), "input_values" in options
    status, msg = _run_data_sets(case, artifact)
    return status, msg, "input_values" in options


def _import_via_cli(tool, source, workdir, options):
    """onnx-to-stablehlo with the offered values/shapes as --input-value (.npy files)
    / --input-shape; returns the StableHLO file, raises RuntimeError on failure."""
    import numpy as np

    args = [tool, source, "-o", os.path.join(workdir, "model.mlir")]
    for i, (name, value) in enumerate(options.get("input_values", {}).items()):
        path = os.path.join(workdir, f"value_{i}.npy")
        np.save(path, value)
        args += ["--input-value", f"{name}={path}"]
    for name, shape in options.get("input_shapes", {}).items():
        args += ["--input-shape", f"{name}={'x'.join(map(str, shape))}"]
    proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode:
        raise RuntimeError(proc.stderr)
    return args[3]


def _offered_values(case):
    """test_data_set_0's input values by argument name."""
    return dict(_data_set(case, case / "test_data_set_0", "input"))


def _data_set(case, data_set, kind):
    """The `kind` ("input" / "output") files of a data set as (name, array) pairs, in
    graph order: a tensor is one pair, a sequence one per element named NAME[i] (the
    importer flattens sequence inputs and outputs so), an optional its contents.
    Graph inputs that are initializers have no file; maps are left out."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(case / "model.onnx"), load_external_data=False)
    inits = {t.name for t in model.graph.initializer}
    infos = [i for i in model.graph.input if i.name not in inits] \
        if kind == "input" else list(model.graph.output)
    files = sorted(data_set.glob(f"{kind}_*.pb"), key=_index)
    def flatten(name, value):
        if isinstance(value, onnx.SequenceProto):
            return [(f"{name}[{i}]", numpy_helper.to_array(t))
                    for i, t in enumerate(value.tensor_values)]
        if isinstance(value, onnx.OptionalProto):  # empty: no argument
            return flatten(name, value.tensor_value) if value.HasField("tensor_value") \
                else flatten(name, value.sequence_value) \
                if value.HasField("sequence_value") else []
        return [(name, numpy_helper.to_array(value))]

    pairs = []
    for info, path in zip(infos, files):
        kind_of = info.type.WhichOneof("value")
        proto = {"sequence_type": onnx.SequenceProto, "optional_type": onnx.OptionalProto,
                 "tensor_type": onnx.TensorProto}.get(kind_of)
        if proto is None:
            continue
        value = proto()
        value.ParseFromString(path.read_bytes())
        pairs += flatten(info.name, value)
    return pairs


def _run_data_sets(case, artifact):
    """Runs the artifact on every data set of the case; returns (status, message)."""
    import numpy as np
    import byteir

    try:
        session = byteir.Session(artifact)
        for data_set in sorted(case.glob("test_data_set_*")):
            inputs = [a for _, a in _data_set(case, data_set, "input")]
            wants = [a for _, a in _data_set(case, data_set, "output")]
            names = session.inputs
            if len(names) != len(inputs):
                return "run", f"artifact takes {len(names)} inputs, data set has {len(inputs)}"
            results = session.run(dict(zip(names, inputs)))
            outs = session.outputs
            if len(outs) != len(wants):
                return "mismatch", f"{len(outs)} outputs, expected {len(wants)}"
            for i, (name, want) in enumerate(zip(outs, wants)):
                got = results[name]
                if got.dtype != want.dtype or got.shape != want.shape:
                    return "mismatch", (f"output {i}: got {got.dtype}{list(got.shape)}, "
                                        f"expected {want.dtype}{list(want.shape)}")
                if want.dtype.kind in "fc":
                    ok = np.allclose(got, want, rtol=RTOL, atol=ATOL, equal_nan=True)
                else:
                    ok = np.array_equal(got, want)
                if not ok:
                    return "mismatch", f"output {i}: values differ ({data_set.name})"
    except Exception as e:  # noqa: BLE001
        return "run", _first_error(str(e))
    return "pass", ""


def _index(path):
    return int(re.search(r"_(\d+)\.pb$", str(path)).group(1))


def _first_error(msg):
    for line in msg.splitlines():
        if "error:" in line:
            return _clean(line.split("error:", 1)[1])
    lines = [l for l in msg.splitlines() if l.strip()]
    return _clean(lines[-1] if lines else msg)


def _clean(msg):
    msg = re.sub(r"ONNX model '[^']*'", "ONNX model", msg)
    msg = re.sub(r"/tmp/onnx-backend-[^/]+/", "", msg)
    return msg.strip()[:200]


def worker_main():
    with tempfile.TemporaryDirectory(prefix="onnx-backend-") as workdir:
        for line in sys.stdin:
            case = line.strip()
            if not case:
                continue
            status, msg, specialized = run_case(case, workdir)
            print(json.dumps({"case": case, "status": status, "message": msg,
                              "specialized": specialized}), flush=True)


# --------------------------------------------------------------------------- driver

class Worker:
    def __init__(self, args):
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            [str(pathlib.Path(args.build_dir).resolve() / "python_packages"),
             env.get("PYTHONPATH", "")])
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--worker"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)

    def run(self, case, timeout):
        self.proc.stdin.write(case + "\n")
        self.proc.stdin.flush()
        timer = threading.Timer(timeout, self.proc.kill)
        timer.start()
        line = self.proc.stdout.readline()
        timer.cancel()
        if not line:
            self.proc.wait()
            code = self.proc.returncode
            why = "timeout" if code == -9 else f"worker died (exit {code})"
            return None, {"case": case, "status": "crash", "message": why}
        return self, json.loads(line)

    def close(self):
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except Exception:  # noqa: BLE001
            self.proc.kill()


def load_xfail():
    table = {}
    if XFAIL.exists():
        for line in XFAIL.read_text().splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, _, reason = line.partition(" ")
            table[name] = reason.strip()
    return table


def write_xfail(results, old):
    lines = ["# ONNX backend cases expected to fail: folder/case  reason",
             "# Generated by run_backend_tests.py --update-xfail from the failures it saw.", ""]
    for name in sorted(results):
        status, msg = results[name]
        if status != "pass":
            reason = old.get(name, "") if status == "xfail" else f"[{status}] {msg}"
            lines.append(f"{name} {reason}")
    XFAIL.write_text("\n".join(lines) + "\n")


def case_name(path):
    p = pathlib.Path(path)
    return f"{p.parent.name}/{p.name}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--build-dir", default=os.environ.get("BYTEIR_BUILD_DIR", "build"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--filter", default="", help="regex on folder/case")
    ap.add_argument("--update-xfail", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--via-cli", action="store_true",
                    help="import with bin/onnx-to-stablehlo, then compile the StableHLO")
    args = ap.parse_args()
    if args.via_cli:
        os.environ["BYTEIR_ONNX_VIA_CLI"] = str(
            pathlib.Path(args.build_dir).resolve() / "bin" / "onnx-to-stablehlo")
    if args.worker:
        worker_main()
        return 0

    cases = []
    for folder in FOLDERS:
        for d in sorted((DATA / folder).iterdir()):
            if (d / "model.onnx").exists() and re.search(args.filter, case_name(d)):
                cases.append(str(d))
    todo = queue.Queue()
    for c in cases:
        todo.put(c)
    results = {}
    specialized = set()
    lock = threading.Lock()
    start = time.time()

    def drive():
        worker = Worker(args)
        while True:
            try:
                case = todo.get_nowait()
            except queue.Empty:
                break
            alive, res = worker.run(case, args.timeout)
            if alive is None:
                worker = Worker(args)
            with lock:
                results[case_name(case)] = (res["status"], res["message"])
                if res.get("specialized"):
                    specialized.add(case_name(case))
                if args.verbose:
                    spec = " (specialized inputs)" if res.get("specialized") else ""
                    print(f"{case_name(case)}: {res['status']}{spec} {res['message']}",
                          flush=True)
        worker.close()

    threads = [threading.Thread(target=drive) for _ in range(max(1, args.jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    xfail = load_xfail()
    if args.update_xfail:
        if args.filter:
            merged = {k: v for k, v in xfail.items()}
            for name, (status, msg) in results.items():
                merged.pop(name, None)
            # Keep the entries of cases this run did not cover.
            full = {name: ("xfail", reason) for name, reason in merged.items()}
            full.update(results)
            write_xfail(full, xfail)
        else:
            write_xfail(results, xfail)
        xfail = load_xfail()

    unexpected_fail, unexpected_pass = [], []
    summary = {f: [0, 0, 0, 0] for f in FOLDERS}  # pass, xfail, total, specialized
    for name, (status, msg) in sorted(results.items()):
        folder = name.split("/")[0]
        summary[folder][2] += 1
        if status == "pass":
            summary[folder][0] += 1
            summary[folder][3] += name in specialized
            if name in xfail:
                unexpected_pass.append(name)
        elif name in xfail:
            summary[folder][1] += 1
        else:
            unexpected_fail.append(f"{name}: [{status}] {msg}")

    print(f"ONNX backend conformance ({time.time() - start:.0f} s, {args.jobs} jobs)")
    print(f"{'folder':<20} {'pass':>6} {'(specialized)':>14} {'xfail':>6} {'total':>6}")
    rows = [(f, summary[f]) for f in FOLDERS if summary[f][2]]
    rows.append(("all", [sum(s[i] for s in summary.values()) for i in range(4)]))
    for folder, (p, x, t, sp) in rows:
        print(f"{folder:<20} {p:>6} {f'({sp})':>14} {x:>6} {t:>6}")
    for line in unexpected_fail:
        print("UNEXPECTED FAIL", line)
    for name in unexpected_pass:
        print("UNEXPECTED PASS", name, "(remove it from xfail.txt)")
    return 1 if unexpected_fail or unexpected_pass else 0


if __name__ == "__main__":
    sys.exit(main())
