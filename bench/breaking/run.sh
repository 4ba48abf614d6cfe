#!/usr/bin/env bash
# sebuf breaking vs buf breaking on the synthetic workspace against its previous commit.
# usage: bench/breaking/run.sh [RUNS]   (needs a release build: swift build -c release)
# The workspace is bench/gen-workspace.py --shape layered (500 files); the second commit is
# the same workspace with --edit: five breaking edits in five files (a deleted field, a
# changed type, a renamed enum value, a deleted RPC, a renamed message), so both tools
# compile two full versions and report the same five breaks.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"
runs="${1:-5}"
sebuf="${SEBUF:-$repo_root/.build/release/sebuf}"
[ -x "$sebuf" ] || { echo "build sebuf first: swift build -c release" >&2; exit 1; }
command -v buf >/dev/null || { echo "buf is not installed (pip install buf-bin)" >&2; exit 1; }
work="$repo_root/bench/work/breaking"
rm -rf "$work"; mkdir -p "$work"
ws="$work/ws"
generator="bench/gen-workspace.py --shape layered"
python3 "$repo_root/bench/gen-workspace.py" "$ws" --shape layered >/dev/null
python3 "$repo_root/bench/gen-workspace.py" "$work/edited" --shape layered --edit >/dev/null
cd "$ws"
git init -q -b main && git add -A && git -c user.name=b -c user.email=b@x commit -qm base
rm -rf proto && cp -r "$work/edited/proto" proto && rm -rf "$work/edited"
git add -A && git -c user.name=b -c user.email=b@x commit -qm change
files=$(find proto -name '*.proto' | wc -l)
echo "workspace: $files files ($generator), against .git#ref=HEAD~1, $runs runs each"

measure() { # label, command...
  local label="$1"; shift
  python3 - "$runs" "$label" "$@" <<'PY'
import os, resource, statistics, subprocess, sys, time
runs, label, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up
walls, cpus, codes = [], [], set()
for _ in range(runs):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    walls.append(time.perf_counter() - t)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    codes.add(r.returncode)
    lines = len(r.stdout.splitlines())
print(f"{label}: wall median {statistics.median(walls):.2f}s (min {min(walls):.2f}, max {max(walls):.2f}), "
      f"CPU median {statistics.median(cpus):.2f}s, exit {sorted(codes)}, {lines} findings")
PY
}
measure "sebuf breaking" "$sebuf" breaking --against '.git#ref=HEAD~1'
measure "buf breaking  " buf breaking --against '.git#ref=HEAD~1'
