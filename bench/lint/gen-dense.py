#!/usr/bin/env python3
"""Generates a densely connected workspace for the PACKAGE_NO_IMPORT_CYCLE benchmark.

N packages `dense.pNNN.v1`, F files each; every file imports up to 3 files of random
lower-numbered packages (a near-complete package DAG, like buf.md §5 `--dense`) and uses
each import, so the corpus is clean under STANDARD. `--cycles K` adds K back edges from
low to high packages, which closes import cycles.

Each package also has a `leaf.proto` without imports; back edges import it, so files
never import each other in a cycle (protoc and buf reject that), only packages do.

Usage: gen-dense.py OUT_DIR [--packages 50] [--files 10] [--cycles 0] [--seed 1]
"""
import argparse
import os
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--packages", type=int, default=50)
    ap.add_argument("--files", type=int, default=10)
    ap.add_argument("--cycles", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    P, F = a.packages, a.files
    back = set()
    while len(back) < min(a.cycles, P * (P - 1) // 2):
        lo, hi = sorted(rnd.sample(range(P), 2))
        back.add((lo, hi))
    for p in range(P):
        pkg = f"dense.p{p:03d}.v1"
        d = os.path.join(a.out, "dense", f"p{p:03d}", "v1")
        os.makedirs(d, exist_ok=True)
        for f in range(F):
            deps = []
            if p > 0:
                for q in rnd.sample(range(p), min(3, p)):
                    deps.append((q, rnd.randrange(F)))
            back_imports = [hi for (lo, hi) in sorted(back) if lo == p and f == 0]
            lines = ['syntax = "proto3";', "", f"package {pkg};", ""]
            for (q, g) in sorted(set(deps)):
                lines.append(f'import "dense/p{q:03d}/v1/f{g:02d}.proto";')
            for q in back_imports:
                lines.append(f'import "dense/p{q:03d}/v1/leaf.proto";')
            if deps or back_imports:
                lines.append("")
            lines.append(f'option go_package = "example.com/dense/p{p:03d}/v1;p{p:03d}v1";')
            lines.append("")
            lines.append(f"message F{f:02d}Thing {{")
            n = 1
            for (q, g) in sorted(set(deps)):
                lines.append(f"  dense.p{q:03d}.v1.F{g:02d}Thing ref_{n} = {n};")
                n += 1
            for q in back_imports:
                lines.append(f"  dense.p{q:03d}.v1.Leaf back_{n} = {n};")
                n += 1
            lines.append(f"  string name = {n};")
            lines.append("}")
            with open(os.path.join(d, f"f{f:02d}.proto"), "w") as fh:
                fh.write("\n".join(lines) + "\n")
        leaf = ['syntax = "proto3";', "", f"package {pkg};", "",
                f'option go_package = "example.com/dense/p{p:03d}/v1;p{p:03d}v1";', "", "message Leaf {}"]
        with open(os.path.join(d, "leaf.proto"), "w") as fh:
            fh.write("\n".join(leaf) + "\n")
    with open(os.path.join(a.out, "buf.yaml"), "w") as fh:
        fh.write("version: v2\nlint:\n  use: [STANDARD]\n")


if __name__ == "__main__":
    main()
