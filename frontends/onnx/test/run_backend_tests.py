#!/usr/bin/env python3
"""ONNX backend conformance for byteir's ONNX frontend.

Every case of the ONNX backend test data (model.onnx + test_data_set_*/input_*.pb,
output_*.pb) in the folders below is imported and compiled with `byteir.compile`,
run with `byteir.Session` on each data set and compared with the expected outputs
(floats: rtol 1e-3, atol 1e-7; integers and bools exactly; shapes and dtypes must
match).

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
    """Returns (status, message): status is pass / import / compile / run / mismatch."""
    import numpy as np
    import onnx
    from onnx import numpy_helper
    import byteir

    case = pathlib.Path(case_dir)
    artifact = os.path.join(workdir, "model.byre")
    source = str(case / "model.onnx")
    via_cli = os.environ.get("BYTEIR_ONNX_VIA_CLI")
    if via_cli:
        # Import with the onnx-to-stablehlo tool, compile the printed StableHLO.
        mlir = os.path.join(workdir, "model.mlir")
        proc = subprocess.run([via_cli, source, "-o", mlir], capture_output=True, text=True)
        if proc.returncode:
            return "import", _first_error(proc.stderr)
        source = mlir
    try:
        byteir.compile(source, artifact)
    except Exception as e:  # noqa: BLE001
        msg = str(e)
        kind = "import" if "ONNX node" in msg or "ONNX model" in msg else "compile"
        return kind, _first_error(msg)
    try:
        session = byteir.Session(artifact)
        for data_set in sorted(case.glob("test_data_set_*")):
            inputs = [numpy_helper.to_array(onnx.load_tensor(str(p)))
                      for p in sorted(data_set.glob("input_*.pb"), key=_index)]
            wants = [numpy_helper.to_array(onnx.load_tensor(str(p)))
                     for p in sorted(data_set.glob("output_*.pb"), key=_index)]
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
            status, msg = run_case(case, workdir)
            print(json.dumps({"case": case, "status": status, "message": msg}), flush=True)


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
                if args.verbose:
                    print(f"{case_name(case)}: {res['status']} {res['message']}", flush=True)
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
    summary = {f: [0, 0, 0] for f in FOLDERS}
    for name, (status, msg) in sorted(results.items()):
        folder = name.split("/")[0]
        summary[folder][2] += 1
        if status == "pass":
            summary[folder][0] += 1
            if name in xfail:
                unexpected_pass.append(name)
        elif name in xfail:
            summary[folder][1] += 1
        else:
            unexpected_fail.append(f"{name}: [{status}] {msg}")

    print(f"ONNX backend conformance ({time.time() - start:.0f} s, {args.jobs} jobs)")
    print(f"{'folder':<20} {'pass':>6} {'xfail':>6} {'total':>6}")
    for folder in FOLDERS:
        p, x, t = summary[folder]
        if t:
            print(f"{folder:<20} {p:>6} {x:>6} {t:>6}")
    tp = sum(s[0] for s in summary.values())
    tx = sum(s[1] for s in summary.values())
    tt = sum(s[2] for s in summary.values())
    print(f"{'all':<20} {tp:>6} {tx:>6} {tt:>6}")
    for line in unexpected_fail:
        print("UNEXPECTED FAIL", line)
    for name in unexpected_pass:
        print("UNEXPECTED PASS", name, "(remove it from xfail.txt)")
    return 1 if unexpected_fail or unexpected_pass else 0


if __name__ == "__main__":
    sys.exit(main())
