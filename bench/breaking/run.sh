#!/usr/bin/env bash
# sebuf breaking vs buf breaking on the synthetic workspace against its previous commit.
# usage: bench/breaking/run.sh [RUNS]   (needs a release build: swift build -c release)
# The workspace comes from bench/gen-workspace.py when present (shared generator), else
# bench/breaking/gen.py. The second commit changes a handful of elements (a deleted field,
# a changed type, a renamed enum value, a deleted RPC) in 5 of the 500 files, so both tools
# compile two full versions and report the same few breaks.
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
if [ -f "$repo_root/bench/gen-workspace.py" ]; then
  python3 "$repo_root/bench/gen-workspace.py" "$ws" >/dev/null
  generator="bench/gen-workspace.py"
else
  python3 "$here/gen.py" "$ws"
  generator="bench/breaking/gen.py"
fi
cd "$ws"
[ -f buf.yaml ] || printf 'version: v2\nmodules:\n  - path: proto\n' > buf.yaml
git init -q -b main && git add -A && git -c user.name=b -c user.email=b@x commit -qm base
# Five edits, each in a different file.
python3 - <<'PY'
import glob, re
files = sorted(glob.glob("proto/**/*.proto", recursive=True))
for i, path in enumerate(files[::100][:5]):
    text = open(path).read()
    if i == 0: text = re.sub(r"\n  [a-zA-Z0-9_]+ field_1 = 2;", "", text, count=1)
    if i == 1: text = re.sub(r"  int32 (field_\d+) = (\d+);", r"  string \1 = \2;", text, count=1)
    if i == 2: text = re.sub(r"_KIND_ONE = 1;", r"_KIND_FIRST = 1;", text, count=1)
    if i == 3: text = re.sub(r"\n  rpc Call2\([^\n]*", "", text, count=1)
    if i == 4: text = text.replace("message ", "message X", 1)
    open(path, "w").write(text)
PY
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
