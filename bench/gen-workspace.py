#!/usr/bin/env python3
"""Generates the synthetic sebuf workspaces of every benchmark (build, lint, breaking,
generate, tsapi, compare). The only workspace generator under bench/.

    bench/gen-workspace.py OUT [--shape SHAPE] [--files N] [--packages P] [--seed S]
                               [--layers L] [--http] [--cycles K] [--edit]

Shapes (defaults in brackets):

  standard       [2000 files, 40 packages] proto3 files named after words; each declares
                 an enum and 4 messages (scalars, enums, maps, oneofs, repeated and nested
                 messages, proto3 optional, WKTs), every fourth file a service with sebuf
                 HTTP annotations; files import up to 3 earlier files of any package (the
                 packages import each other in cycles). Used by bench/build.sh and
                 bench/compare.sh (build).
  editions       [2000 files, 40 packages] the standard shape in edition 2023: proto3's
                 implicit presence as `option features.field_presence = IMPLICIT;`, its
                 `optional` as `[features.field_presence = EXPLICIT]`. Used by bench/build.sh
                 with SHAPE=editions (against protoc 36.2).
  layered        [500 files, 50 packages, 5 layers] the shape of reference buf.md section 5:
                 packages corp.pNNN.v1 in layers, files of 20 messages with 4-8 fields, one
                 enum and one service of 3 RPCs per file; each file imports the previous
                 file of its package and up to 3 files of lower-layer packages, and uses
                 every import. Clean under buf's STANDARD lint. --http gives the services
                 sebuf annotations (GET with a path and a query parameter, POST, and a
                 server-sent-event stream) and sebuf lint's HTTP rules pass too. --edit
                 writes the "current" side of the breaking benchmark: the same workspace
                 with five breaking edits in five files (a deleted field, a changed field
                 type, a renamed enum value, a deleted RPC, a renamed message). Used by bench/lint/run-standard.sh,
                 bench/breaking/run.sh, bench/generate/run.sh (--http), bench/compare.sh.
  dense-imports  [500 files, 50 packages] packages dense.pNNN.v1 where every file imports
                 up to 3 files of random lower-numbered packages (a near-complete package
                 DAG), plus a leaf.proto per package; --cycles K adds K back edges (through
                 leaf files, so only packages form cycles). Used by bench/lint/run-dense.sh.
  http           [500 files, 25 packages] one service of five annotated methods (GET with a
                 path variable, GET with query parameters, POST, DELETE, an SSE stream) and
                 six messages per file, importing up to two earlier files; sebuf.yaml has
                 one generate entry per TypeScript/OpenAPI backend. Used by bench/tsapi/run.sh.

OUT (removed first) gets:
  proto/...                       the .proto files (the module)
  third_party/sebuf/http/*.proto  the sebuf annotation protos, so protoc and buf see them
                                  (shapes standard and layered --http)
  sebuf.yaml, buf.yaml            the same workspace for sebuf and buf (layered and
                                  dense-imports name buf's defaults: lint STANDARD,
                                  breaking FILE, so both tools run the same rules)
  files.txt                       the proto/ files (import paths), for protoc's command line

Deterministic for given options. Only the standard library is used.
"""
import argparse
import os
import random
import re
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
BUNDLED = os.path.join(HERE, "..", "Sources", "Proto", "Bundled", "sebuf", "http")

# ---------------------------------------------------------------------------------------
# standard (bench/build.sh; the original bench/gen-workspace.py, unchanged output)

STD_SCALARS = ["int32", "int64", "uint32", "uint64", "sint32", "sint64", "fixed32", "fixed64",
               "sfixed32", "sfixed64", "bool", "string", "bytes", "double", "float"]
WORDS = ["account", "order", "invoice", "item", "user", "session", "payment", "shipment",
         "catalog", "review", "ticket", "report", "device", "event", "message", "note"]


def camel(s):
    return "".join(p.capitalize() for p in s.split("_"))


def shape_standard(a, rnd):
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
                t = STD_SCALARS[rnd.randrange(len(STD_SCALARS))]
                label = "repeated " if rnd.random() < 0.15 else ("optional " if rnd.random() < 0.1 else "")
                lines.append("  %s%s field_%d = %d; // field %d" % (label, t, k, n, n))
                n += 1
            lines.append("  %s kind = %d;" % (enum, n)); n += 1
            lines.append("  google.protobuf.Timestamp created_at = %d;" % n); n += 1
            lines.append("  map<string, %s> labels = %d;" % (STD_SCALARS[rnd.randrange(11)], n)); n += 1
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
        yield path, "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------
# layered (lint STANDARD, breaking, generate)

LAYERED_SCALARS = ["string", "int32", "int64", "bool", "double", "bytes", "uint32", "float"]


def shape_layered(a, rnd):
    per_pkg = max(1, a.files // a.packages)
    per_layer = max(1, a.packages // a.layers)
    layer = lambda p: p // per_layer
    for p in range(a.packages):
        pkg = f"corp.p{p:03d}.v1"
        lower = [q for q in range(a.packages) if layer(q) < layer(p)]
        for f in range(per_pkg):
            deps = []
            if lower:
                for q in rnd.sample(lower, min(3, len(lower))):
                    deps.append((q, rnd.randrange(per_pkg)))
            if f > 0:
                deps.append((p, f - 1))
            deps = sorted(set(deps))
            out = ['syntax = "proto3";', "", f"package {pkg};", ""]
            if a.http:
                out.append('import "sebuf/http/annotations.proto";')
            for (q, g) in deps:
                out.append(f'import "corp/p{q:03d}/v1/file{g:02d}.proto";')
            if deps or a.http:
                out.append("")
            out.append(f'option go_package = "example.com/corp/p{p:03d}/v1;p{p:03d}v1";')
            out.append("")
            enum = f"File{f:02d}Kind"
            snake = f"FILE{f:02d}_KIND"
            out += [f"enum {enum} {{", f"  {snake}_UNSPECIFIED = 0;",
                    f"  {snake}_ONE = 1;", f"  {snake}_TWO = 2;", "}", ""]
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
                    t = rnd.choice(LAYERED_SCALARS)
                    label = "repeated " if rnd.random() < 0.15 else ""
                    out.append(f"  {label}{t} field_{n} = {n};")
                    n += 1
                out.append("}")
                out.append("")
            svc = f"P{p:03d}File{f:02d}Service"  # unique across packages (OpenAPI file names)
            http = [("GET", f"/p{p:03d}/file{f:02d}/{{id}}", ""),
                    ("POST", f"/p{p:03d}/file{f:02d}", ""),
                    ("GET", f"/p{p:03d}/file{f:02d}/{{id}}/watch", " stream: true")]
            out.append(f"service {svc} {{")
            if a.http:
                out.append(f'  option (sebuf.http.service_config) = {{ base_path: "/api/v1/p{p:03d}" }};')
            for r in range(3):
                sig = f"  rpc Call{r}({svc}Call{r}Request) returns ({svc}Call{r}Response)"
                if a.http:
                    verb, route, extra = http[r]
                    out += [sig + " {",
                            f'    option (sebuf.http.config) = {{ path: "{route}" method: HTTP_METHOD_{verb}{extra} }};',
                            "  }"]
                else:
                    out.append(sig + ";")
            out.append("}")
            out.append("")
            for r in range(3):
                out.append(f"message {svc}Call{r}Request {{")
                out.append("  string id = 1;")
                if a.http and r == 0:
                    out.append('  int32 page = 2 [(sebuf.http.query) = { name: "page" }];')
                out.append("}")
                out.append(f"message {svc}Call{r}Response {{ File{f:02d}Item00 item = 1; }}")
            index = p * per_pkg + f
            text = "\n".join(out).rstrip("\n") + "\n"
            if a.edit and index % 100 == 0 and index // 100 < 5:
                text = breaking_edit(index // 100, text)
            yield f"corp/p{p:03d}/v1/file{f:02d}.proto", text


def breaking_edit(kind, text):
    """One of the five breaking edits of --edit; each makes exactly one FILE finding."""
    if kind == 0:  # FIELD_NO_DELETE: the first field of Item10 (a scalar, referenced by nothing)
        new = re.sub(r"(message File\d\dItem10 \{\n)  [^\n]*\n", r"\1", text, count=1)
    elif kind == 1:  # FIELD_SAME_TYPE: the first field of Item11 gets another scalar type
        def swap(m):
            return m.group(1) + ("int64" if m.group(2) == "string" else "string") + m.group(3)
        new = re.sub(r"(message File\d\dItem11 \{\n  (?:repeated )?)(\w+)( field_1 = 1;)", swap, text, count=1)
    elif kind == 2:  # ENUM_VALUE_SAME_NAME
        new = re.sub(r"_KIND_ONE = 1;", "_KIND_FIRST = 1;", text, count=1)
    elif kind == 3:  # RPC_NO_DELETE: Call2 (with its annotation block, if any)
        new = re.sub(r"\n  rpc Call2\((?:[^\n]*;|[^\n]*\{\n[^\n]*\n  \})", "", text, count=1)
    else:  # MESSAGE_NO_DELETE: Item19 (referenced by nothing) renamed
        new = re.sub(r"message (File\d\dItem19) \{", r"message \1Renamed {", text, count=1)
    assert new != text, "breaking edit %d did not apply" % kind
    return new


# ---------------------------------------------------------------------------------------
# dense-imports (bench/lint/run-dense.sh; formerly bench/lint/gen-dense.py, same files)

def shape_dense(a, rnd):
    P, F = a.packages, max(1, a.files // a.packages)
    back = set()
    while len(back) < min(a.cycles, P * (P - 1) // 2):
        lo, hi = sorted(rnd.sample(range(P), 2))
        back.add((lo, hi))
    for p in range(P):
        pkg = f"dense.p{p:03d}.v1"
        d = f"dense/p{p:03d}/v1"
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
            yield f"{d}/f{f:02d}.proto", "\n".join(lines) + "\n"
        leaf = ['syntax = "proto3";', "", f"package {pkg};", "",
                f'option go_package = "example.com/dense/p{p:03d}/v1;p{p:03d}v1";', "", "message Leaf {}"]
        yield f"{d}/leaf.proto", "\n".join(leaf) + "\n"


# ---------------------------------------------------------------------------------------
# http (bench/tsapi/run.sh; formerly bench/tsapi/gen-workspace.py, same files)

def shape_http(a, rnd):
    files = []
    for i in range(a.files):
        pkg = "pkg%02d" % (i % a.packages)
        path = "%s/v1/entity_%04d.proto" % (pkg, i)
        deps = [files[j] for j in (i - 1, i - 7) if j >= 0]
        e = "Entity%d" % i
        lines = ['syntax = "proto3";', "", "package %s.v1;" % pkg, "",
                 'import "google/protobuf/timestamp.proto";', 'import "sebuf/http/annotations.proto";']
        lines += ['import "%s";' % d[0] for d in deps]
        lines += ["", "// %sService manages %s records." % (e, e), "service %sService {" % e,
                  '  option (sebuf.http.service_config) = {base_path: "/api/v1/%s"};' % pkg,
                  "  // Get one.",
                  "  rpc Get%s(Get%sRequest) returns (%s) {" % (e, e, e),
                  '    option (sebuf.http.config) = {path: "/e%d/{id}", method: HTTP_METHOD_GET};' % i, "  }",
                  "  rpc List%s(List%sRequest) returns (List%sResponse) {" % (e, e, e),
                  '    option (sebuf.http.config) = {path: "/e%d", method: HTTP_METHOD_GET};' % i, "  }",
                  "  rpc Create%s(%s) returns (%s) {" % (e, e, e),
                  '    option (sebuf.http.config) = {path: "/e%d", method: HTTP_METHOD_POST};' % i, "  }",
                  "  rpc Delete%s(Get%sRequest) returns (%s) {" % (e, e, e),
                  '    option (sebuf.http.config) = {path: "/e%d/{id}", method: HTTP_METHOD_DELETE};' % i, "  }",
                  "  // Watch streams changes.",
                  "  rpc Watch%s(Get%sRequest) returns (%sEvent) {" % (e, e, e),
                  '    option (sebuf.http.config) = {path: "/e%d/{id}/watch", method: HTTP_METHOD_GET, stream: true};' % i, "  }",
                  "}", "",
                  "enum %sState { %s_STATE_UNSPECIFIED = 0; %s_STATE_ACTIVE = 1; %s_STATE_GONE = 2; }" % (e, e.upper(), e.upper(), e.upper()), "",
                  "message Get%sRequest { string id = 1; }" % e, "",
                  "message List%sRequest {" % e,
                  '  int32 page_size = 1 [(sebuf.http.query) = {name: "page_size"}];',
                  '  string filter = 2 [(sebuf.http.query) = {name: "filter"}];',
                  '  repeated string tag = 3 [(sebuf.http.query) = {name: "tag"}];',
                  '  %sState state = 4 [(sebuf.http.query) = {name: "state"}];' % e, "}", "",
                  "message List%sResponse { repeated %s items = 1; string next = 2; }" % (e, e), "",
                  "// %s is one record." % e, "message %s {" % e,
                  "  // Identifier.", "  string id = 1;", "  string name = 2;", "  int64 version = 3;",
                  "  %sState state = 4;" % e, "  map<string, string> labels = 5;", "  repeated %sPart parts = 6;" % e,
                  "  optional string note = 7;", "  google.protobuf.Timestamp created = 8;",
                  "  oneof owner { string user_id = 9; string team_id = 10; }",
                  "  double score = 11;", "  bytes blob = 12;"]
        n = 13
        for d in deps:
            lines.append("  %s.v1.%sPart dep_%d = %d;" % (d[1], d[2], n, n))
            n += 1
        lines += ["  message Detail { string text = 1; }",
                  "  Detail detail = %d;" % n, "}", "",
                  "message %sPart { string key = 1; uint32 size = 2; bool primary = 3; }" % e, "",
                  "message %sEvent { string id = 1; %s entity = 2; int64 seq = 3; }" % (e, e)]
        files.append((path, pkg, e))
        yield path, "\n".join(lines) + "\n"


def shape_editions(a, rnd):
    """The standard shape written in edition 2023 with proto3's behaviour spelled as features:
    `option features.field_presence = IMPLICIT;` per file, and `[features.field_presence =
    EXPLICIT]` where proto3 wrote `optional`. Same files, imports and types as standard."""
    optional = re.compile(r"^(\s*)optional (\S+) (\S+) = (\d+);(.*)$")
    for path, text in shape_standard(a, rnd):
        out = []
        for line in text.split("\n"):
            if line == 'syntax = "proto3";':
                out.append('edition = "2023";')
                continue
            if line.startswith("option go_package"):
                out.append(line)
                out.append("option features.field_presence = IMPLICIT;")
                continue
            m = optional.match(line)
            if m:
                line = "%s%s %s = %s [features.field_presence = EXPLICIT];%s" % m.groups()
            out.append(line)
        yield path, "\n".join(out)


# ---------------------------------------------------------------------------------------

SHAPES = {  # name: (emitter, default files, default packages)
    "standard": (shape_standard, 2000, 40),
    "editions": (shape_editions, 2000, 40),
    "layered": (shape_layered, 500, 50),
    "dense-imports": (shape_dense, 500, 50),
    "http": (shape_http, 500, 25),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--shape", choices=sorted(SHAPES), default="standard")
    ap.add_argument("--files", type=int, help="number of files (layered, dense-imports: "
                    "rounded down to a multiple of --packages; dense-imports adds a leaf.proto per package)")
    ap.add_argument("--packages", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--layers", type=int, default=5, help="layered: package layers")
    ap.add_argument("--http", action="store_true", help="layered: sebuf HTTP annotations on the services")
    ap.add_argument("--edit", action="store_true", help="layered: the breaking benchmark's current side (edits files 0, 100, ..., 400, "
                    "so all five need more than 400 files)")
    ap.add_argument("--cycles", type=int, default=0, help="dense-imports: back edges that close package cycles")
    a = ap.parse_args()
    emit, files, packages = SHAPES[a.shape]
    a.files = files if a.files is None else a.files
    a.packages = packages if a.packages is None else a.packages
    if (a.http or a.edit) and a.shape != "layered":
        ap.error("--http and --edit are options of --shape layered")
    if a.cycles and a.shape != "dense-imports":
        ap.error("--cycles is an option of --shape dense-imports")

    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    os.makedirs(a.out)
    third_party = a.shape in ("standard", "editions") or (a.shape == "layered" and a.http)
    if third_party:
        os.makedirs(os.path.join(a.out, "third_party", "sebuf", "http"))
        for f in sorted(os.listdir(BUNDLED)):
            shutil.copy(os.path.join(BUNDLED, f), os.path.join(a.out, "third_party", "sebuf", "http", f))

    paths = []
    for path, text in emit(a, random.Random(a.seed)):
        full = os.path.join(a.out, "proto", path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)
        paths.append(path)

    sebuf_yaml = "version: v1\nmodules:\n  - path: proto\n"
    buf_yaml = "version: v2\nmodules:\n  - path: proto\n"
    if third_party:
        sebuf_yaml += "includes: [third_party]\n"
        buf_yaml += "  - path: third_party\n"
    if a.shape in ("layered", "dense-imports"):  # buf's defaults, named, so both tools agree
        checks = "lint:\n  use: [STANDARD]\nbreaking:\n  use: [FILE]\n"
        sebuf_yaml += checks
        buf_yaml += checks
    if a.shape == "http":
        sebuf_yaml += ("generate:\n"
                       "  - backend: openapi\n    out: gen/openapi\n"
                       "  - backend: ts-client\n    out: gen/ts-client\n"
                       "  - backend: ts-server\n    out: gen/ts-server\n")
    with open(os.path.join(a.out, "sebuf.yaml"), "w") as f:
        f.write(sebuf_yaml)
    with open(os.path.join(a.out, "buf.yaml"), "w") as f:
        f.write(buf_yaml)
    with open(os.path.join(a.out, "files.txt"), "w") as f:
        f.write("\n".join(paths) + "\n")
    print("wrote %d files (%s) to %s" % (len(paths), a.shape, a.out))


if __name__ == "__main__":
    main()
