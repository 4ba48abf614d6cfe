#!/usr/bin/env bash
# Times `sebuf build` against protoc 36.2 and `buf build` on a synthetic workspace
# (bench/gen-workspace.py), alternating the tools run by run, and prints each tool's
# median wall time and CPU time (user+sys), the ratios to sebuf and the peak memory
# (/usr/bin/time -v).
#
#   bench/build.sh [FILES] [RUNS]      # defaults: 2000 files, 5 runs each
#   SHAPE=editions bench/build.sh      # the editions shape
#   PROTOC=path bench/build.sh         # another protoc (default /opt/protoc-36.2/bin/protoc)
#
# Every tool writes the same image (imports and source info included) to a temp file;
# sebuf's and protoc's are compared byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-2000}
protoc=${PROTOC:-/opt/protoc-36.2/bin/protoc}
runs=${2:-5}
ws=$(mktemp -d /tmp/sebuf-bench-build.XXXXXX)
out=$(mktemp -d /tmp/sebuf-bench-out.XXXXXX)
trap 'rm -rf "$ws" "$out"' EXIT

export SWIFT_DETERMINISTIC_HASHING=1
swift build -c release --product sebuf >/dev/null
sebuf=$(swift build -c release --show-bin-path)/sebuf
shape=${SHAPE:-standard}
python3 bench/gen-workspace.py "$ws" --shape "$shape" --files "$files" >/dev/null
protoc_files=$(LC_ALL=C sort "$ws/files.txt")

run() {  # tool name, command...
  local name=$1; shift
  /usr/bin/time -v -o "$out/time.txt" "$@" >/dev/null 2>"$out/stderr.txt" || { cat "$out/stderr.txt" >&2; exit 1; }
  local wall rss cpu
  wall=$(grep 'Elapsed (wall clock)' "$out/time.txt" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep 'Maximum resident set size' "$out/time.txt" | awk '{print $NF}')
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$out/time.txt")
  echo "$name $wall $rss $cpu" >> "$out/results.txt"
}

for i in $(seq "$runs"); do
  run sebuf "$sebuf" build "$ws" -o "$out/sebuf.binpb"
  (cd "$ws" && run protoc "$protoc" -I proto -I third_party --include_imports --include_source_info -o "$out/protoc.binpb" $protoc_files)
  if command -v buf >/dev/null; then (cd "$ws" && run buf buf build -o "$out/buf.binpb"); fi
done
cmp -s "$out/sebuf.binpb" "$out/protoc.binpb" && same="byte-identical" || same="DIFFERENT"

python3 - "$out/results.txt" "$files" "$runs" "$same" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
tools = []
for r in rows:
    if r[0] not in tools: tools.append(r[0])
med = {t: statistics.median(float(r[1]) for r in rows if r[0] == t) for t in tools}
cpu = {t: statistics.median(float(r[3]) for r in rows if r[0] == t) for t in tools}
rss = {t: max(int(r[2]) for r in rows if r[0] == t) for t in tools}
print(f"{sys.argv[2]} files, {sys.argv[3]} alternating runs each; sebuf vs protoc images: {sys.argv[4]}")
print(f"{'tool':8} {'wall s':>7} {'vs sebuf':>9} {'cpu s':>7} {'vs sebuf':>9} {'peak MB':>8}")
for t in tools:
    print(f"{t:8} {med[t]:7.2f} {med[t]/med['sebuf']:8.2f}x {cpu[t]:7.2f} {cpu[t]/cpu['sebuf']:8.2f}x {rss[t]/1024:8.0f}")
PY
