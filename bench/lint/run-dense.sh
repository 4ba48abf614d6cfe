#!/bin/sh
# PACKAGE_NO_IMPORT_CYCLE on densely connected package graphs: buf lint vs sebuf lint,
# both compiling the workspace themselves and running only this rule.
# Usage: bench/lint/run-dense.sh [SEBUF_BINARY] [PACKAGE_COUNTS...]
#   env LINT_BENCH_TIMEOUT (default 300 s) kills buf on large graphs; CYCLES=K adds K back edges.
# Prints per size: packages, files, distinct package edges, then wall/CPU seconds.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
sebuf=$(cd "$(dirname "${1:-$here/../../.build/release/sebuf}")" && pwd)/$(basename "${1:-sebuf}")
[ $# -gt 0 ] && shift
sizes=${*:-10 20 26 30 34 50}
timeout_s=${LINT_BENCH_TIMEOUT:-300}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
measure() { # "wall cpu" of a command (output in $work/out), or "timeout"
  rc=0
  /usr/bin/time -f "%e %U %S" -o "$work/t" timeout -k 5 "$timeout_s" "$@" > "$work/out" 2>&1 || rc=$?
  if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then echo "killed>${timeout_s}s"; return; fi
  if [ $rc -ne 0 ] && [ $rc -ne 100 ]; then echo "failed($rc)"; sed 's/^/  # /' "$work/out" | head -3 >&2; return; fi
  tail -n 1 "$work/t" | awk '{printf "%.2f/%.2f", $1, $2 + $3}'
}
printf "%-9s %-6s %-6s %-18s %-14s %s\n" packages files edges "buf wall/cpu" "sebuf wall/cpu" "findings buf/sebuf"
for n in $sizes; do
  dir=$work/d$n
  python3 "$here/../gen-workspace.py" "$dir" --shape dense-imports --packages "$n" --files $((n * 10)) ${CYCLES:+--cycles $CYCLES} >/dev/null
  printf 'version: v1\nmodules:\n  - path: proto\nlint:\n  use: [PACKAGE_NO_IMPORT_CYCLE]\n' > "$dir/cycle.yaml"
  count=$(cd "$dir" && find proto -name '*.proto' | wc -l)
  edges=$(cd "$dir" && grep -h '^package\|^import' -r proto | awk '/^package/{p=$2} /^import/{split($2,a,"/"); print p, a[2]}' | sort -u | wc -l)
  buf=$(cd "$dir" && measure buf lint --config '{"version":"v2","modules":[{"path":"proto"}],"lint":{"use":["PACKAGE_NO_IMPORT_CYCLE"]}}')
  bufn=$(grep -c "import cycle" "$work/out" || true)
  sb=$(cd "$dir" && measure "$sebuf" lint --config cycle.yaml .)
  sbn=$(grep -c "import cycle" "$work/out" || true)
  printf "%-9s %-6s %-6s %-18s %-14s %s\n" "$n" "$count" "$edges" "$buf" "$sb" "$bufn/$sbn"
done
