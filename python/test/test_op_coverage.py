"""StableHLO op coverage of the full CPU path (byteir.compile -> artifact -> runtime).

Every op-level case of the stablehlo-legalize-to-linalg e2e harnesses (which run the
lowering through upstream mlir-runner) is compiled here with `byteir.compile`, run
with `byteir.Session` and compared with the case's numpy reference:

  part1/  compiler/test/Conversion/StableHLOToLinalg/Inputs/e2e_part1_cases.py (CASES)
  part2/  .../Inputs/e2e_part2.py (custom_cases())
  jax/    .../Inputs/e2e_part2.py (JAX_CASES: shared/testdata/stablehlo_jax models)
  extra/  op_cases_extra.py (ops those harnesses lack, and bug reproductions)

The case files are imported, not copied. Their random inputs are drawn fresh on each
run: part1's `np.random.default_rng(seed)` and part2's `rng(seed)` are redirected to
generators spawned from one run seed, which every failure message names (set
BYTEIR_OP_COVERAGE_SEED to repeat a run).

The last test checks that the cases that passed exercise at least 80 spec ops and
every op that docs/dialects/stablehlo.md lists with a lowering.
"""
import dataclasses
import importlib.util
import os
import pathlib
import re
import secrets
import types

import numpy as np
import pytest

import byteir
import op_cases_extra

ROOT = pathlib.Path(__file__).resolve().parents[2]
HARNESS = ROOT / "compiler" / "test" / "Conversion" / "StableHLOToLinalg" / "Inputs"
TESTDATA = ROOT.parent / "shared" / "testdata"
STATUS_TABLE = ROOT / "docs" / "dialects" / "stablehlo.md"
OPS_TD = ROOT / "compiler" / "include" / "byteir" / "Dialect" / "StableHLO" / "IR" / "StableHLOOps.td"
MIN_SPEC_OPS = 80

SEED = int(os.environ.get("BYTEIR_OP_COVERAGE_SEED") or secrets.randbits(32))
_SEEDS = np.random.SeedSequence(SEED)


def fresh_rng(_seed=None):
    """A generator for a case file asking for `default_rng(seed)`: a fresh stream
    of this run (reproducible from SEED), whatever seed the file passes."""
    return np.random.default_rng(_SEEDS.spawn(1)[0])


# ---------------------------------------------------------------------------
# Loading the case files
# ---------------------------------------------------------------------------

def _import(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _FreshRandom(types.ModuleType):
    """numpy.random with default_rng replaced by fresh_rng."""

    def __getattr__(self, name):
        return getattr(np.random, name)

    default_rng = staticmethod(fresh_rng)


class _NumpyWithFreshRandom(types.ModuleType):
    """The `np` that e2e_part1_cases.py is executed with (its runner provides `np`)."""
    random = _FreshRandom("numpy.random")

    def __getattr__(self, name):
        return getattr(np, name)


part1_runner = _import("e2e_part1", HARNESS / "e2e_part1.py")  # for split_types
part2 = _import("e2e_part2", HARNESS / "e2e_part2.py")
part2.rng = fresh_rng


def _part1_cases():
    namespace = {"np": _NumpyWithFreshRandom("numpy")}
    path = HARNESS / "e2e_part1_cases.py"
    exec(compile(path.read_text(), str(path), "exec"), namespace)  # noqa: S102
    return namespace["CASES"]


# ---------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------

ELEM = {np.dtype(np.float16): "f16", np.dtype(np.float32): "f32", np.dtype(np.float64): "f64",
        np.dtype(np.bool_): "i1", np.dtype(np.int8): "i8", np.dtype(np.int16): "i16",
        np.dtype(np.int32): "i32", np.dtype(np.int64): "i64", np.dtype(np.uint8): "ui8",
        np.dtype(np.uint16): "ui16", np.dtype(np.uint32): "ui32", np.dtype(np.uint64): "ui64"}

# Float tolerance floors per result dtype (a case's own tolerance applies when larger;
# a case tolerance of 0 means bit-exact).
FLOAT_FLOOR = {np.dtype(np.float16): 1e-3, np.dtype(np.float32): 1e-6, np.dtype(np.float64): 1e-12}


@dataclasses.dataclass
class Case:
    id: str
    module: str                 # what byteir.compile gets (entry @main)
    text: str                   # the case's own program text (for op coverage)
    inputs: list
    expected: object            # list of arrays, or callable(results) raising AssertionError
    rtol: float
    atol: float
    signed_zeros: bool = False  # exact zeros must agree in sign (part1's convention)
    signless: bool = False      # integer references may be signless views (part2's convention)


def tensor_type(a):
    return "tensor<" + "".join(f"{d}x" for d in a.shape) + ELEM[np.dtype(a.dtype)] + ">"


def part1_module(text, inputs, outputs):
    """Part1 functions are `@f`. With static types it is renamed @main; with dynamic
    dims it is called from a statically typed @main (tensor.cast in and out), as
    e2e_part1.py's own wrapper does: the runtime binds only static shapes."""
    head = text.split("{", 1)[0]
    if "?" not in head:
        return text.replace("@f(", "@main(", 1)
    arg_text = head[head.index("(") + 1:head.index(") ->")]
    arg_types = [t.split(":", 1)[1].strip() for t in part1_runner.split_types(arg_text)]
    res_text = head.split("->", 1)[1].strip()
    if res_text.startswith("("):
        res_text = res_text[1:res_text.rindex(")")]
    res_types = part1_runner.split_types(res_text)
    in_types = [tensor_type(a) for a in inputs]
    out_types = [tensor_type(np.asarray(o)) for o in outputs]
    lines = [f"func.func @main({', '.join(f'%i{k}: {t}' for k, t in enumerate(in_types))})"
             f" -> ({', '.join(out_types)}) {{"]
    args = []
    for k, (have, want) in enumerate(zip(in_types, arg_types)):
        if have != want:
            lines.append(f"  %c{k} = tensor.cast %i{k} : {have} to {want}")
        args.append(f"%c{k}" if have != want else f"%i{k}")
    lines.append(f"  %r:{len(res_types)} = func.call @f({', '.join(args)}) : "
                 f"({', '.join(arg_types)}) -> ({', '.join(res_types)})")
    rets = []
    for k, (have, want) in enumerate(zip(res_types, out_types)):
        if have != want:
            lines.append(f"  %o{k} = tensor.cast %r#{k} : {have} to {want}")
        rets.append(f"%o{k}" if have != want else f"%r#{k}")
    lines.append(f"  return {', '.join(rets)} : {', '.join(out_types)}")
    lines.append("}")
    return text.replace("func.func @f(", "func.func private @f(", 1) + "\n" + "\n".join(lines) + "\n"


def load_cases():
    cases = []
    for name, text, inputs, outputs, tol in _part1_cases():
        cases.append(Case(f"part1/{name}", part1_module(text, inputs, outputs), text,
                          list(inputs), list(outputs), tol, tol, signed_zeros=True))
    # part2's numpy references: rtol 1e-4, atol 1e-5 (its harness's tolerances).
    for name, (module, inputs, outputs) in part2.custom_cases().items():
        cases.append(Case(f"part2/{name}", module, module, inputs, outputs, 1e-4, 1e-5,
                          signless=True))
    for name in part2.JAX_CASES:
        module, inputs, outputs = part2.jax_case(str(TESTDATA), name)
        cases.append(Case(f"jax/{name}", module, module, inputs, outputs, 1e-4, 1e-5))
    rng = fresh_rng()
    for name, module, inputs, expected, tol in (op_cases_extra.cases(rng, part2)
                                                + op_cases_extra.bug_cases(rng)):
        cases.append(Case(f"extra/{name}", module, module, inputs, expected, tol, tol))
    ids = [c.id for c in cases]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    return cases


CASES = load_cases()



def params():
    for case in CASES:
        yield pytest.param(case, id=case.id)


# ---------------------------------------------------------------------------
# Running and comparing
# ---------------------------------------------------------------------------

def compare(case, got, want, rtol, atol):
    """None if `got` matches `want`, else what differs."""
    want = np.asarray(want)
    if got.shape != want.shape:
        return f"shape {got.shape}, expected {want.shape}"
    if want.dtype.kind == "f":
        if got.dtype != want.dtype:
            return f"dtype {got.dtype}, expected {want.dtype}"
        if rtol == 0:
            ok = (got == want) | (np.isnan(got) & np.isnan(want))
            rtol_used = atol_used = 0.0
        else:
            floor = FLOAT_FLOOR.get(want.dtype, 1e-6)
            rtol_used, atol_used = max(rtol, floor), max(atol, floor)
            g64, w64 = got.astype(np.float64), want.astype(np.float64)
            ok = np.isclose(g64, w64, rtol=rtol_used, atol=atol_used, equal_nan=True)
            ok &= np.isnan(g64) == np.isnan(w64)
        if case.signed_zeros:
            zero = (want == 0) & (got == 0)
            ok &= ~zero | (np.signbit(got) == np.signbit(want))
        tol = f" (rtol {rtol_used:g}, atol {atol_used:g})"
    else:
        same_kind = got.dtype == want.dtype or (
            case.signless and got.dtype.kind in "iu" and want.dtype.kind in "iu")
        if not same_kind or got.dtype.itemsize != want.dtype.itemsize:
            return f"dtype {got.dtype}, expected {want.dtype}"
        # Integers exactly, compared as bit patterns (references may be signless views).
        bits = f"u{got.dtype.itemsize}" if got.dtype.kind in "iu" else got.dtype
        ok = got.view(bits) == want.view(bits)
        tol = " (exact)"
    if ok.all():
        return None
    bad = np.argwhere(~ok)[:5]
    detail = ", ".join(f"{tuple(int(i) for i in b)}: got {got[tuple(b)]!r} want {want[tuple(b)]!r}"
                       for b in bad)
    return f"{int((~ok).sum())} of {ok.size} elements differ{tol}: {detail}"


def run_case(case, workdir):
    """Compiles and runs `case`, raising AssertionError on a mismatch."""
    for k, a in enumerate(case.inputs):
        a = np.asarray(a)
        assert a.size <= 1 or np.any(a != 0), \
            f"input_{k} of {case.id} is all zeros"
    source = pathlib.Path(workdir) / "case.mlir"
    artifact = pathlib.Path(workdir) / "case.byre"
    source.write_text(case.module)
    byteir.compile(str(source), str(artifact), target="cpu")
    session = byteir.Session(str(artifact))
    inputs = [np.array(a, copy=True) for a in case.inputs]
    assert session.inputs == [f"input_{k}" for k in range(len(inputs))], session.inputs
    results = session.run({f"input_{k}": a for k, a in enumerate(inputs)})
    got = [results[name] for name in session.outputs]
    assert session.outputs == [f"output_{k}" for k in range(len(got))], session.outputs
    errors = []
    if callable(case.expected):
        case.expected(got)
    else:
        assert len(got) == len(case.expected), f"{len(got)} results, expected {len(case.expected)}"
        for k, (g, w) in enumerate(zip(got, case.expected)):
            err = compare(case, g, w, case.rtol, case.atol)
            if err:
                errors.append(f"output_{k}: {err}")
    for k, (before, after) in enumerate(zip(case.inputs, inputs)):
        before = np.asarray(before)
        if before.tobytes() != after.tobytes():
            changed = int((before.reshape(-1).view(np.uint8) != after.reshape(-1).view(np.uint8)).sum())
            errors.append(f"input_{k} was modified by the run ({changed} bytes changed)")
    assert not errors, f"{case.id} (seed {SEED}):\n  " + "\n  ".join(errors)


PASSED = set()   # ids of the cases that passed in this session
TRIED = set()    # ids of the cases that ran in this session


@pytest.mark.parametrize("case", params())
def test_case(case, tmp_path):
    TRIED.add(case.id)
    try:
        run_case(case, tmp_path)
    except (RuntimeError, ValueError) as e:  # compile or runtime errors: name the case
        raise AssertionError(f"{case.id} (seed {SEED}): {type(e).__name__}: {e}") from e
    PASSED.add(case.id)


# ---------------------------------------------------------------------------
# Coverage
# ---------------------------------------------------------------------------

OP_NAME = re.compile(r"(?<![#\w.])stablehlo\.([a-z][a-z0-9_]*(?:-[a-z0-9_]+)*)")


def ops_of(text):
    """stablehlo op names in a program (op names, not #stablehlo.* attributes)."""
    return set(OP_NAME.findall(text))


def status_table():
    """{op: lowering} from the op status table of docs/dialects/stablehlo.md."""
    rows = re.findall(r"^\| `stablehlo\.([\w-]+)` \|[^\n]*\| ([^|\n]+) \|$",
                      STATUS_TABLE.read_text(), re.M)
    assert len(rows) > 100, f"could not read the op status table of {STATUS_TABLE}"
    return {op: lowering.strip() for op, lowering in rows}


def deprecated_ops():
    """Ops whose ODS summary says they are deprecated (not part of the spec)."""
    text = OPS_TD.read_text()
    return set(re.findall(r'StableHLO_Op<"([\w-]+)"[^{]*\{\s*let summary = "[^"]*deprecated', text))


def test_op_coverage(tmp_path_factory):
    # Cases not run in this session (e.g. deselected with -k) are run now.
    for case in CASES:
        if case.id in TRIED:
            continue
        try:
            run_case(case, tmp_path_factory.mktemp("coverage"))
            PASSED.add(case.id)
        except Exception:  # noqa: BLE001 - a failing case covers nothing
            pass
    covered = set().union(*(ops_of(c.text) for c in CASES if c.id in PASSED))
    table = status_table()
    deprecated = deprecated_ops()
    assert deprecated, f"no deprecated ops found in {OPS_TD}"
    spec_ops = set(table) - deprecated - {"return"}
    lowered = {op for op, lowering in table.items() if lowering != "—"}
    spec_covered = spec_ops & covered
    missing_lowered = sorted(lowered - covered)
    print(f"\nseed {SEED}: {len(PASSED)} of {len(CASES)} cases passed; "
          f"{len(spec_covered)} of {len(spec_ops)} spec ops covered, "
          f"{len(lowered & covered)} of {len(lowered)} ops with a lowering")
    print("spec ops not covered:", ", ".join(sorted(spec_ops - covered)))
    assert len(spec_covered) >= MIN_SPEC_OPS and not missing_lowered, (
        f"{len(spec_covered)} spec ops covered by passing cases (need {MIN_SPEC_OPS}); "
        f"ops with a lowering but no passing case: {', '.join(missing_lowered) or 'none'}; "
        f"spec ops not covered: {', '.join(sorted(spec_ops - covered))}")

