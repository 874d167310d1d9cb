#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The soak's verdict: reads every OUT/PIECE-BACKEND.figures and prints a Markdown table of the
figures, piece by piece, each backend a column; then every must-be-none figure that is not 0.
Exit status 1 when there is one, or when a piece wrote no figures (it failed before its end).

  verdict.py OUT PIECE...
"""
import pathlib
import sys

out = pathlib.Path(sys.argv[1])
pieces = sys.argv[2:]
# the backends that ran (soak.sh --backends): those with a figures file for some piece
backends = [b for b in ["ffm", "jna"] if any((out / f"{p}-{b}.figures").exists() for p in pieces)] or ["ffm", "jna"]
problems = []
print("| piece | figure | must be 0 | " + " | ".join(backends) + " |")
print("|---|---|---|" + "---|" * len(backends))
for piece in pieces:
    table = {}
    order = []
    for backend in backends:
        path = out / f"{piece}-{backend}.figures"
        lines = path.read_text().split("\n") if path.exists() else []
        if not any(lines):
            problems.append(f"{piece} on {backend}: no figures (the piece failed; see its logs in {out})")
            continue
        for line in filter(None, lines):
            name, value, kind = line.split()
            if name not in table:
                order.append(name)
                table[name] = {"kind": kind}
            table[name][backend] = value
            if kind == "none" and value != "0":
                problems.append(f"{piece} on {backend}: {name} = {value}")
    for name in order:
        row = table[name]
        print(f"| {piece} | {name} | {'yes' if row['kind'] == 'none' else ''} | "
              + " | ".join(row.get(b, "") for b in backends) + " |")
print()
if problems:
    print("verdict: FAILED")
    for problem in problems:
        print(f"- {problem}")
    sys.exit(1)
print(f"verdict: passed (every must-be-0 figure is 0 on {' and '.join(backends)})")
