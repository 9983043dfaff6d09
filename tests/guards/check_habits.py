#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The code habits the build enforces (run by CTest, one rule per test):

  file-size      A source file under src/ over 600 lines says at its top why it is long: a comment line
                 starting with "// Long file:" within its first 20 lines.
  function-size  A function under src/ over 80 lines says why at its top: a comment starting with
                 "// Long function:" on one of the 4 lines above its signature or as the first line of
                 its body. Functions are found as clang-format writes them: the body's braces alone on a
                 line at column 0.
  clang-format   Every C++ file of src/, tests/ and bench/ is formatted as .clang-format says
                 (clang-format --dry-run -Werror).

A violation prints file:line and what to do, and fails the test.
usage: check_habits.py <repository> <rule>
"""
import os
import shutil
import subprocess
import sys

MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 80


def sources(root, dirs, exts=(".cpp", ".h")):
    for d in dirs:
        for base, _, names in os.walk(os.path.join(root, d)):
            for n in sorted(names):
                if n.endswith(exts):
                    yield os.path.relpath(os.path.join(base, n), root)


def file_size(root):
    bad = []
    for f in sources(root, ["src"]):
        lines = open(os.path.join(root, f), encoding="utf-8").read().split("\n")
        if len(lines) > MAX_FILE_LINES and not any(l.startswith("// Long file:") for l in lines[:20]):
            bad.append(f"{f}:1: {len(lines)} lines; split it, or say why at its top (// Long file: …)")
    return bad


def functions(lines):
    """(first body line, last body line, signature start) of each function body at column 0."""
    start = None
    for i, line in enumerate(lines):
        if line == "{" and i > 0:
            prev = lines[i - 1]
            if prev.startswith(("namespace", "class ", "struct ", "enum ", "union ")) or prev.endswith(";"):
                continue
            start = i
        elif line.startswith("}") and start is not None:
            sig = start - 1
            # The signature may span lines (parameters, constructor initialisers): walk up to its start.
            while sig > 0 and (lines[sig].startswith((" ", "\t", ",", ":")) or lines[sig - 1].endswith((",", "("))):
                sig -= 1
            yield start, i, sig
            start = None


def function_size(root):
    bad = []
    for f in sources(root, ["src"], (".cpp",)):
        lines = open(os.path.join(root, f), encoding="utf-8").read().split("\n")
        for start, end, sig in functions(lines):
            length = end - start + 1
            if length <= MAX_FUNCTION_LINES:
                continue
            around = lines[max(0, sig - 4):sig] + lines[start + 1:start + 2]
            if any(l.strip().startswith("// Long function:") for l in around):
                continue
            bad.append(f"{f}:{sig + 1}: a function of {length} lines; split it, or say why at its top "
                       f"(// Long function: …)")
    return bad


def clang_format(root):
    exe = shutil.which("clang-format")
    if not exe:
        return ["clang-format is not installed (scripts/setup installs it)"]
    bad = []
    for f in sources(root, ["src", "tests", "bench"]):
        r = subprocess.run([exe, "--dry-run", "-Werror", f], cwd=root, capture_output=True, text=True)
        if r.returncode != 0:
            first = r.stderr.strip().split("\n")[0] if r.stderr.strip() else f
            bad.append(f"{first}  (clang-format -i {f})")
    return bad


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in ("file-size", "function-size", "clang-format"):
        print(__doc__)
        return 2
    root, rule = sys.argv[1], sys.argv[2]
    bad = {"file-size": file_size, "function-size": function_size, "clang-format": clang_format}[rule](root)
    for b in bad:
        print(b)
    print(f"{rule}: {len(bad)} violation(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
