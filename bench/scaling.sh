#!/usr/bin/env bash
# How `sebuf build` and `protoc` scale with input size: compile time for one message of N
# fields, an import chain N files deep, and a workspace of N independent files, for N over
# two orders of magnitude. Prints the median wall time per point and, per series, the
# log-log slope (1.0 = linear, 2.0 = quadratic) fitted over the points.
#
#   bench/scaling.sh [RUNS]            # default 3 runs per point
#   SEBUF=/path/to/sebuf bench/scaling.sh   # skip the release build
#
# Both tools write the full image (imports, source info) to a temp file.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
work=$(mktemp -d /tmp/sebuf-bench-scaling.XXXXXX)
trap 'rm -rf "$work"' EXIT

if [[ -z "${SEBUF:-}" ]]; then
  swift build -c release --product sebuf >/dev/null
  SEBUF=$(swift build -c release --show-bin-path)/sebuf
fi

# gen KIND N DIR: writes the workspace for one point; prints the target file(s).
gen() {
  python3 - "$1" "$2" "$3" <<'PY'
import os, sys
kind, n, d = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(d, exist_ok=True)
def write(name, text):
    with open(os.path.join(d, name), "w") as f:
        f.write(text)
head = 'syntax = "proto3";\npackage p;\n'
if kind == "fields":
    # Field numbers 19000-19999 are reserved by protobuf.
    body = "".join(f"  int32 f{i} = {i if i < 19000 else i + 1000};\n" for i in range(1, n + 1))
    write("big.proto", head + "message M {\n" + body + "}\n")
    print("big.proto")
elif kind == "imports":
    for i in range(n):
        imp = f'import "f{i - 1}.proto";\n' if i else ""
        field = f"M{i - 1} prev = 1;" if i else ""
        write(f"f{i}.proto", head + imp + f"message M{i} {{ {field} }}\n")
    print(f"f{n - 1}.proto")
else:  # files
    for i in range(n):
        write(f"f{i}.proto", head + f"message M{i} {{ string a = 1; int64 b = 2; repeated M{i} c = 3; }}\n")
    print(" ".join(f"f{i}.proto" for i in range(n)))
PY
}

# wall CMD...: seconds of one run.
wall() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

results="$work/results.txt"
series() {  # kind, sizes...
  local kind=$1; shift
  for n in "$@"; do
    local dir="$work/$kind-$n"
    local targets
    targets=$(gen "$kind" "$n" "$dir")
    for _ in $(seq "$runs"); do
      echo "$kind $n sebuf $(wall "$SEBUF" build "$dir" -o "$work/out.binpb")" >> "$results"
      # shellcheck disable=SC2086
      echo "$kind $n protoc $(cd "$dir" && wall protoc -I . --include_imports --include_source_info -o "$work/out.pb" $targets)" >> "$results"
    done
    rm -rf "$dir"
  done
}

series fields 500 2000 8000 20000 50000
series imports 50 200 800 3000
series files 100 400 1600 6400

python3 - "$results" "$runs" <<'PY'
import math, statistics, sys
from collections import defaultdict
rows = [l.split() for l in open(sys.argv[1])]
t = defaultdict(list)
for kind, n, tool, s in rows:
    t[(kind, int(n), tool)].append(float(s))
print(f"runs per point: {sys.argv[2]} (median wall seconds)\n")
print("| series | N | sebuf | protoc |")
print("| --- | ---: | ---: | ---: |")
kinds = ["fields", "imports", "files"]
label = {"fields": "fields in one message", "imports": "import chain depth", "files": "independent files"}
for kind in kinds:
    ns = sorted({n for (k, n, _) in t if k == kind})
    for n in ns:
        print(f"| {label[kind]} | {n} | {statistics.median(t[(kind, n, 'sebuf')]):.3f} | {statistics.median(t[(kind, n, 'protoc')]):.3f} |")
print("\n| series | slope sebuf | slope protoc |")
print("| --- | ---: | ---: |")
def slope(kind, tool):
    # Least squares over the points above 0.05 s (below that, start-up dominates).
    pts = [(math.log(n), math.log(statistics.median(v))) for (k, n, tl), v in t.items()
           if k == kind and tl == tool and statistics.median(v) > 0.05]
    if len(pts) < 2:
        return "n/a"
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    return f"{sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts):.2f}"
for kind in kinds:
    print(f"| {label[kind]} | {slope(kind, 'sebuf')} | {slope(kind, 'protoc')} |")
PY
