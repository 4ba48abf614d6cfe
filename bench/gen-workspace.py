#!/usr/bin/env python3
"""Generates a synthetic sebuf workspace for benchmarks (build, lint, generate, breaking).

    bench/gen-workspace.py OUT [--files N] [--seed S] [--packages P]

OUT gets:
  proto/<domain>/v1/<name>.proto  N files in P packages; each declares messages (scalars,
                                  enums, maps, oneofs, repeated and nested messages,
                                  proto3 optional, WKTs), an enum, and every fourth file a
                                  service with sebuf HTTP annotations; files import earlier
                                  files of their own and of other packages.
  third_party/sebuf/http/*.proto  the sebuf annotation protos (so protoc and buf see them)
  sebuf.yaml, buf.yaml            the same workspace for sebuf and buf
  files.txt                       the proto/ files (import paths), for protoc's command line

Deterministic for a given (N, seed, packages). Only the standard library is used.
"""
import argparse
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
BUNDLED = os.path.join(HERE, "..", "Sources", "Proto", "Bundled", "sebuf", "http")

SCALARS = ["int32", "int64", "uint32", "uint64", "sint32", "sint64", "fixed32", "fixed64",
           "sfixed32", "sfixed64", "bool", "string", "bytes", "double", "float"]
WORDS = ["account", "order", "invoice", "item", "user", "session", "payment", "shipment",
         "catalog", "review", "ticket", "report", "device", "event", "message", "note"]


def camel(s):
    return "".join(p.capitalize() for p in s.split("_"))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--packages", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    os.makedirs(os.path.join(a.out, "third_party", "sebuf", "http"))
    for f in sorted(os.listdir(BUNDLED)):
        shutil.copy(os.path.join(BUNDLED, f), os.path.join(a.out, "third_party", "sebuf", "http", f))

    packages = ["%s%d" % (WORDS[i % len(WORDS)], i // len(WORDS)) for i in range(a.packages)]
    files = []  # (import path, package, [message names], enum name)
    for i in range(a.files):
        pkg = packages[i % a.packages]
        name = "%s_%04d" % (WORDS[rnd.randrange(len(WORDS))], i)
        path = "%s/v1/%s.proto" % (pkg, name)
        msgs = ["%s%s" % (camel(name.split("_")[0]), s) for s in ("Record", "Request", "Response", "Summary")]
        msgs = [m + str(i) for m in msgs]
        enum = camel(name.split("_")[0]) + "Kind" + str(i)
        # Imports: up to 3 earlier files, preferring other packages.
        deps = []
        if files:
            for _ in range(min(3, len(files))):
                d = files[rnd.randrange(len(files))]
                if d not in deps:
                    deps.append(d)
        has_service = i % 4 == 0
        lines = ['syntax = "proto3";', "", "package %s.v1;" % pkg, ""]
        imports = ["google/protobuf/timestamp.proto"]
        if has_service:
            imports += ["sebuf/http/annotations.proto", "sebuf/http/headers.proto"]
        imports += [d[0] for d in deps]
        for imp in imports:
            lines.append('import "%s";' % imp)
        lines += ["", 'option go_package = "example.com/gen/%s/v1;%sv1";' % (pkg, pkg), ""]
        lines.append("// %s is a generated enum." % enum)
        lines.append("enum %s {" % enum)
        prefix = "".join("_" + c if c.isupper() else c.upper() for c in enum).lstrip("_")
        for j, v in enumerate(["UNSPECIFIED", "ALPHA", "BETA", "GAMMA"]):
            lines.append("  %s_%s = %d;" % (prefix, v, j))
        lines += ["}", ""]
        for mi, m in enumerate(msgs):
            lines.append("// %s carries generated fields." % m)
            lines.append("message %s {" % m)
            n = 1
            for k in range(rnd.randrange(4, 12)):
                t = SCALARS[rnd.randrange(len(SCALARS))]
                label = "repeated " if rnd.random() < 0.15 else ("optional " if rnd.random() < 0.1 else "")
                lines.append("  %s%s field_%d = %d; // field %d" % (label, t, k, n, n))
                n += 1
            lines.append("  %s kind = %d;" % (enum, n)); n += 1
            lines.append("  google.protobuf.Timestamp created_at = %d;" % n); n += 1
            lines.append("  map<string, %s> labels = %d;" % (SCALARS[rnd.randrange(11)], n)); n += 1
            if mi > 0:
                lines.append("  %s record = %d;" % (msgs[0], n)); n += 1
            for d in deps:
                lines.append("  %s.v1.%s dep_%d = %d;" % (d[1], d[2][0], n, n)); n += 1
            lines.append("  oneof choice {")
            lines.append("    string choice_text = %d;" % n); n += 1
            lines.append("    %s choice_enum = %d;" % (enum, n)); n += 1
            lines.append("  }")
            lines.append("  message Nested {")
            lines.append("    repeated string values = 1;")
            lines.append("    %s kind = 2;" % enum)
            lines.append("  }")
            lines.append("  Nested nested = %d;" % n); n += 1
            lines.append("}")
            lines.append("")
        if has_service:
            svc = camel(name.split("_")[0]) + "Service" + str(i)
            lines.append("service %s {" % svc)
            lines.append('  option (sebuf.http.service_config) = { base_path: "/api/v1/%s" };' % pkg)
            lines.append('  option (sebuf.http.service_headers) = { required_headers: [{ name: "X-API-Key" type: "string" required: true }] };')
            for verb, (req, resp) in (("GET", (msgs[1], msgs[2])), ("POST", (msgs[1], msgs[0]))):
                lines.append("  // %s %s." % (verb, svc))
                lines.append("  rpc %s%s(%s) returns (%s) {" % (verb.capitalize(), i, req, resp))
                lines.append('    option (sebuf.http.config) = { path: "/%s/{field_1}" method: HTTP_METHOD_%s };' % (name, verb))
                lines.append("  }")
            lines.append("}")
        files.append((path, pkg, msgs, enum))
        full = os.path.join(a.out, "proto", path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write("\n".join(lines) + "\n")

    with open(os.path.join(a.out, "sebuf.yaml"), "w") as f:
        f.write("version: v1\nmodules:\n  - path: proto\nincludes: [third_party]\n")
    with open(os.path.join(a.out, "buf.yaml"), "w") as f:
        f.write("version: v2\nmodules:\n  - path: proto\n  - path: third_party\n")
    with open(os.path.join(a.out, "files.txt"), "w") as f:
        f.write("\n".join(p for p, _, _, _ in files) + "\n")
    print("wrote %d files in %d packages to %s" % (a.files, a.packages, a.out))


if __name__ == "__main__":
    main()
