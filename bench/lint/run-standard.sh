#!/bin/sh
# `sebuf lint` vs `buf lint` with STANDARD on the large synthetic workspace
# (bench/gen-workspace.py --shape layered: 50 packages x 10 files, ~109k lines; its buf.yaml
# and sebuf.yaml both say STANDARD), 1 warm-up + N runs.
# Usage: bench/lint/run-standard.sh [SEBUF_BINARY] [RUNS]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
sebuf=$(cd "$(dirname "${1:-$here/../../.build/release/sebuf}")" && pwd)/$(basename "${1:-sebuf}")
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/../gen-workspace.py" "$work/ws" --shape layered >/dev/null
cd "$work/ws"
bench() { # name, command...: median wall and CPU over $runs runs after one warm-up
  name=$1; shift
  "$@" > /dev/null 2>&1 || true
  : > "$work/times"
  i=0
  while [ $i -lt "$runs" ]; do
    rc=0
    /usr/bin/time -f "%e %U %S" -o "$work/t" "$@" > "$work/out" 2>&1 || rc=$?
    if [ $rc -ne 0 ] && [ $rc -ne 100 ]; then echo "$name failed ($rc):" >&2; head -3 "$work/out" >&2; exit 1; fi
    tail -n 1 "$work/t" >> "$work/times"
    i=$((i + 1))
  done
  wall=$(awk '{print $1}' "$work/times" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  cpu=$(awk '{print $2 + $3}' "$work/times" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  echo "$name: wall median ${wall}s, CPU median ${cpu}s, findings $(wc -l < "$work/out")"
}
echo "files: $(find proto -name '*.proto' | wc -l), lines: $(cat $(find proto -name '*.proto') | wc -l)"
bench "buf lint (STANDARD)" buf lint
bench "sebuf lint (STANDARD)" "$sebuf" lint .
printf "version: v1\\nmodules:\\n  - path: proto\\nlint:\\n  use: [STANDARD, HTTP]\\n" > "$work/http.yaml"
bench "sebuf lint (STANDARD + HTTP)" "$sebuf" lint --config "$work/http.yaml" .
