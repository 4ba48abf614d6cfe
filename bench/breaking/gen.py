#!/usr/bin/env python3
"""Fallback synthetic workspace for the breaking benchmark, used when bench/gen-workspace.py
(the shared generator) is not present: 50 packages x 10 files x 20 messages, shaped like
the corpus of reference/buf.md section 5. usage: gen.py DIR"""
import os
import random
import sys

def main():
    root = sys.argv[1]
    rng = random.Random(1)
    for p in range(50):
        pkg = f"corp.p{p:03d}.v1"
        d = os.path.join(root, "proto", "corp", f"p{p:03d}", "v1")
        os.makedirs(d, exist_ok=True)
        for f in range(10):
            lines = ['syntax = "proto3";', "", f"package {pkg};", ""]
            if f > 0:
                lines.append(f'import "corp/p{p:03d}/v1/f{f - 1:02d}.proto";')
            if p > 0 and f == 0:
                for q in sorted(rng.sample(range(p), min(3, p))):
                    lines.append(f'import "corp/p{q:03d}/v1/f09.proto";')
            lines += ["", f'option go_package = "example.com/corp/p{p:03d}/v1;p{p:03d}v1";', ""]
            lines += [f"enum F{f:02d}Kind {{", f"  F{f:02d}_KIND_UNSPECIFIED = 0;", f"  F{f:02d}_KIND_ONE = 1;", "}", ""]
            for m in range(20):
                lines.append(f"message F{f:02d}M{m:02d} {{")
                for k in range(rng.randint(4, 8)):
                    t = rng.choice(["string", "int32", "int64", "bool", "double", "bytes", f"F{f:02d}Kind"])
                    lines.append(f"  {t} field_{k} = {k + 1};")
                lines += ["}", ""]
            if f < 10:
                lines += [f"message F{f:02d}Request {{", "  string id = 1;", "}", "",
                          f"message F{f:02d}Response {{", "  string id = 1;", "}", "",
                          f"service F{f:02d}Service {{"]
                for r in range(3):
                    lines.append(f"  rpc Call{r}(F{f:02d}Request) returns (F{f:02d}Response);")
                lines += ["}", ""]
            with open(os.path.join(d, f"f{f:02d}.proto"), "w") as out:
                out.write("\n".join(lines))
    with open(os.path.join(root, "buf.yaml"), "w") as out:
        out.write("version: v2\nmodules:\n  - path: proto\nbreaking:\n  use:\n    - FILE\n")

if __name__ == "__main__":
    main()
