#!/usr/bin/env python3
"""Synthetic workspace for the openapi / ts-client / ts-server generation benchmark.

    bench/tsapi/gen-workspace.py OUT [--files N] [--packages P]

N proto files in P packages; every file has a service of five annotated methods (GET with a
path variable, GET with query parameters, POST, DELETE, an SSE stream), six messages (scalars,
enums, maps, repeated and nested messages, optional, a oneof, a Timestamp) and imports up to
two earlier files (fields of their leaf Part messages, so a service reaches a bounded set of
types). sebuf.yaml has one generate entry per backend. Deterministic.
"""
import argparse, os, shutil

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("--files", type=int, default=500)
ap.add_argument("--packages", type=int, default=25)
a = ap.parse_args()
if os.path.exists(a.out):
    shutil.rmtree(a.out)
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
    full = os.path.join(a.out, "proto", path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write("\n".join(lines) + "\n")
    files.append((path, pkg, e))
with open(os.path.join(a.out, "sebuf.yaml"), "w") as f:
    f.write("version: v1\nmodules:\n  - path: proto\ngenerate:\n"
            "  - backend: openapi\n    out: gen/openapi\n"
            "  - backend: ts-client\n    out: gen/ts-client\n"
            "  - backend: ts-server\n    out: gen/ts-server\n")
print("wrote %d files in %d packages to %s" % (a.files, a.packages, a.out))
