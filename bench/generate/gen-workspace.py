#!/usr/bin/env python3
"""A deterministic 500-file workspace for the generate benchmark (used when
bench/gen-workspace.py is absent): 50 packages corp.pNNN.v1 in 5 layers, 10 files
each; per file one enum, 20 messages of 4-8 fields (some typed by messages of
imported files) and a service of 3 annotated RPCs (GET with a path parameter, POST,
and a server-sent-event stream).

    bench/generate/gen-workspace.py OUT_DIR
"""
import os
import random
import sys

out = sys.argv[1]
rng = random.Random(1)
SCALARS = ["string", "int32", "int64", "bool", "double", "bytes"]

for p in range(50):
    layer = p // 10
    lower = [q for q in range(layer * 10)]
    cross = rng.sample(lower, min(3, len(lower)))
    for f in range(10):
        pkg = f"corp.p{p:03d}.v1"
        path = f"proto/corp/p{p:03d}/v1/f{f:02d}.proto"
        os.makedirs(os.path.dirname(os.path.join(out, path)), exist_ok=True)
        imports = ['sebuf/http/annotations.proto']
        refs = []  # (import, type)
        if f > 0:
            imports.append(f"corp/p{p:03d}/v1/f{f-1:02d}.proto")
            refs.append(f"{pkg}.F{f-1}M0")
        if f == 0:
            for q in cross:
                imports.append(f"corp/p{q:03d}/v1/f09.proto")
                refs.append(f"corp.p{q:03d}.v1.F9M0")
        lines = ['syntax = "proto3";', "", f"package {pkg};", ""]
        lines += [f'import "{i}";' for i in imports]
        lines += ["", f"// Kinds of thing in file {f}.", f"enum F{f}Kind {{",
                  f"  F{f}_KIND_UNSPECIFIED = 0;", f"  F{f}_KIND_ONE = 1;", f"  F{f}_KIND_TWO = 2;", "}", ""]
        for m in range(20):
            lines.append(f"// Message {m} of file {f}.")
            lines.append(f"message F{f}M{m} {{")
            n = 4 + (m + f) % 5
            for k in range(n):
                if k == 0:
                    t = "string"
                elif k == 1 and refs and m == 0:
                    t = refs[(p + f) % len(refs)]
                elif k == 2:
                    t = f"F{f}Kind"
                else:
                    t = SCALARS[(m * 7 + k) % len(SCALARS)]
                lines.append(f"  {t} field_{k} = {k + 1};")
            lines.append("}")
            lines.append("")
        lines += [f"// Service of file {f}.", f"service F{f}Service {{",
                  f"  rpc Get(F{f}M0) returns (F{f}M1) {{",
                  f'    option (sebuf.http.config) = {{ path: "/p{p}/f{f}/{{field_0}}" method: HTTP_METHOD_GET }};',
                  "  }",
                  f"  rpc Create(F{f}M2) returns (F{f}M3) {{",
                  f'    option (sebuf.http.config) = {{ path: "/p{p}/f{f}" method: HTTP_METHOD_POST }};',
                  "  }",
                  f"  rpc Watch(F{f}M4) returns (F{f}M5) {{",
                  f'    option (sebuf.http.config) = {{ path: "/p{p}/f{f}/watch" method: HTTP_METHOD_POST stream: true }};',
                  "  }", "}", ""]
        with open(os.path.join(out, path), "w") as fh:
            fh.write("\n".join(lines))
print(f"wrote 500 files under {out}/proto", file=sys.stderr)
