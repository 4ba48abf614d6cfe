#!/usr/bin/env python3
"""Generates a large lint-clean (STANDARD) workspace for the `sebuf lint` vs `buf lint`
benchmark, shaped like reference/buf.md §5: packages `corp.pNNN.v1` in layers, files of
20 messages with 4-8 fields, one enum per file, services of 3 RPCs, and imports of up to
3 lower-layer packages (all used). Deterministic for a given seed.

Usage: gen-standard.py OUT_DIR [--packages 50] [--files 10] [--layers 5] [--seed 1]
"""
import argparse
import os
import random

SCALARS = ["string", "int32", "int64", "bool", "double", "bytes", "uint32", "float"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--packages", type=int, default=50)
    ap.add_argument("--files", type=int, default=10)
    ap.add_argument("--layers", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    per_layer = max(1, a.packages // a.layers)
    layer = lambda p: p // per_layer
    for p in range(a.packages):
        pkg = f"corp.p{p:03d}.v1"
        d = os.path.join(a.out, "corp", f"p{p:03d}", "v1")
        os.makedirs(d, exist_ok=True)
        lower = [q for q in range(a.packages) if layer(q) < layer(p)]
        for f in range(a.files):
            deps = []
            if lower:
                for q in rnd.sample(lower, min(3, len(lower))):
                    deps.append((q, rnd.randrange(a.files)))
            if f > 0:
                deps.append((p, f - 1))
            deps = sorted(set(deps))
            out = ['syntax = "proto3";', "", f"package {pkg};", ""]
            for (q, g) in deps:
                out.append(f'import "corp/p{q:03d}/v1/file{g:02d}.proto";')
            if deps:
                out.append("")
            out.append(f'option go_package = "example.com/corp/p{p:03d}/v1;p{p:03d}v1";')
            out.append("")
            enum = f"File{f:02d}Kind"
            snake = f"FILE{f:02d}_KIND"
            out += [f"enum {enum} {{", f"  {snake}_UNSPECIFIED = 0;", f"  {snake}_ALPHA = 1;", f"  {snake}_BETA = 2;", "}", ""]
            for m in range(20):
                out.append(f"message File{f:02d}Item{m:02d} {{")
                n = 1
                for (q, g) in deps if m == 0 else []:
                    out.append(f"  corp.p{q:03d}.v1.File{g:02d}Item05 dep_{n} = {n};")
                    n += 1
                if m == 1:
                    out.append(f"  {enum} kind = {n};")
                    n += 1
                for _ in range(rnd.randint(4, 8)):
                    t = rnd.choice(SCALARS)
                    label = "repeated " if rnd.random() < 0.15 else ""
                    out.append(f"  {label}{t} field_{n} = {n};")
                    n += 1
                out.append("}")
                out.append("")
            if f < 1:
                for s in range(a.files):
                    svc = f"Group{s:02d}Service"
                    out.append(f"service {svc} {{")
                    for r in range(3):
                        out.append(f"  rpc Call{r}({svc}Call{r}Request) returns ({svc}Call{r}Response);")
                    out.append("}")
                    out.append("")
                    for r in range(3):
                        out.append(f"message {svc}Call{r}Request {{ string id = 1; }}")
                        out.append(f"message {svc}Call{r}Response {{ File{f:02d}Item00 item = 1; }}")
                    out.append("")
            with open(os.path.join(d, f"file{f:02d}.proto"), "w") as fh:
                fh.write("\n".join(out).rstrip("\n") + "\n")
    with open(os.path.join(a.out, "buf.yaml"), "w") as fh:
        fh.write("version: v2\nlint:\n  use: [STANDARD]\n")


if __name__ == "__main__":
    main()
