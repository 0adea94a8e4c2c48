#!/usr/bin/env python3
"""Round-trips producer-printed StableHLO through byteir-opt.

For every NAME/NAME.mlir (pretty) and NAME/NAME.generic.mlir under a directory:
  * pretty -> byteir-opt must print the same text as the producer, modulo SSA value
    names and whitespace runs;
  * printing is a fixpoint: parse(print(x)) prints the same text again;
  * the generic form parses, verifies and prints exactly what the pretty form prints;
  * byteir-opt's generic output equals the producer's generic file modulo names.
Prints one line per case and a summary; exits 1 if any case fails.
"""
import argparse
import pathlib
import re
import subprocess
import sys

NAME = re.compile(r"%[A-Za-z0-9_$.\-]+")
# MLIR drops function argument/result attribute lists that are all empty.
EMPTY_ATTR_LISTS = re.compile(r"(arg|res)_attrs = \[\{\}(, \{\})*\], ")


def normalize(text):
    """Renames SSA values in order of appearance and squeezes whitespace."""
    names = {}

    def rename(match):
        return names.setdefault(match.group(0), f"%v{len(names)}")

    text = EMPTY_ATTR_LISTS.sub("", text)
    lines = [re.sub(r"\s+", " ", NAME.sub(rename, line)).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def opt(tool, text, *flags):
    proc = subprocess.run([tool, *flags], input=text, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip())
    return proc.stdout


def first_difference(expected, actual):
    for i, (e, a) in enumerate(zip(expected.splitlines(), actual.splitlines())):
        if e != a:
            return f"line {i + 1}:\n  expected: {e}\n  actual:   {a}"
    return "different number of lines"


def check_case(tool, directory):
    name = directory.name
    pretty = (directory / f"{name}.mlir").read_text()
    generic = (directory / f"{name}.generic.mlir").read_text()
    printed = opt(tool, pretty)
    checks = [
        ("pretty text reprints unchanged", normalize(pretty), normalize(printed)),
        ("printing is a fixpoint", printed, opt(tool, printed)),
        ("generic form prints like the pretty form", printed, opt(tool, generic)),
        ("generic output matches the producer's",
         normalize(generic), normalize(opt(tool, pretty, "--mlir-print-op-generic"))),
    ]
    for what, expected, actual in checks:
        if expected != actual:
            return f"{what}: {first_difference(expected, actual)}"
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--opt", required=True, help="byteir-opt binary")
    parser.add_argument("testdata", type=pathlib.Path)
    args = parser.parse_args()
    cases = sorted(d for d in args.testdata.iterdir() if (d / f"{d.name}.mlir").exists())
    failed = 0
    for case in cases:
        try:
            problem = check_case(args.opt, case)
        except RuntimeError as error:
            problem = str(error)
        print(f"{'FAIL' if problem else 'PASS'}: {case.name}" + (f": {problem}" if problem else ""))
        failed += bool(problem)
    print(f"{len(cases) - failed} passed, {failed} failed")
    return 1 if failed or not cases else 0


if __name__ == "__main__":
    sys.exit(main())
