#!/usr/bin/env bash
# Generation cost per backend (openapi, ts-client, ts-server) on the synthetic workspace of
# bench/gen-workspace.py --shape http: median of 5 `sebuf generate --only <backend> --force` runs, as CPU time
# (user+sys; robust on a shared machine) and wall time. Each run includes compiling the
# workspace, planning and writing. Usage: bench/tsapi/run.sh [FILES]   (SEBUF=path/to/sebuf)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${SEBUF:-$here/../../.build/release/sebuf}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ws=$tmp/ws
python3 "$here/../gen-workspace.py" "$ws" --shape http --files "${1:-500}"
cd "$ws"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for b in openapi ts-client ts-server; do
  cpu=$(for _ in 1 2 3 4 5; do /usr/bin/time -f "%U %S" "$bin" generate --only "$b" --force 2>&1 >/dev/null | tail -1 | awk '{print $1+$2}'; done | median)
  wall=$(for _ in 1 2 3 4 5; do /usr/bin/time -f "%e" "$bin" generate --only "$b" --force 2>&1 >/dev/null | tail -1; done | median)
  echo "$b: cpu ${cpu}s wall ${wall}s ($(find "gen/$b" -type f | wc -l) files, $(du -sk "gen/$b" | cut -f1) KiB)"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
