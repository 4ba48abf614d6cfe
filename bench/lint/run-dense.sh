#!/bin/sh
# PACKAGE_NO_IMPORT_CYCLE on densely connected package graphs: buf lint vs sebuf lint.
# Usage: bench/lint/run-dense.sh [SEBUF_BINARY] [PACKAGE_COUNTS...]
# Prints one line per size: packages, files, package edges, then wall/CPU seconds for
# buf lint (only this rule; killed after $BUF_TIMEOUT s, default 300), protoc (the image
# sebuf lints until sebuf's compiler lands) and sebuf lint --image.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
sebuf=${1:-$here/../../.build/release/sebuf}
shift 2>/dev/null || true
sizes=${*:-10 20 26 30 34 50}
timeout_s=${BUF_TIMEOUT:-300}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
measure() { # prints "wall cpu" of a command, or "timeout" — output to $work/out
  if /usr/bin/time -f "%e %U %S" -o "$work/t" timeout "$timeout_s" "$@" > "$work/out" 2>&1; then :; else
    rc=$?; [ $rc -eq 124 ] && { echo "timeout(>${timeout_s}s)"; return; }
  fi
  awk '{printf "%.2f %.2f", $1, $2 + $3}' "$work/t"
}
printf "%-8s %-6s %-6s %-20s %-14s %-14s %s\n" packages files edges buf_wall/cpu protoc_wall/cpu sebuf_wall/cpu findings(buf/sebuf)
for n in $sizes; do
  dir=$work/d$n
  python3 "$here/gen-dense.py" "$dir" --packages "$n" --files 10 ${CYCLES:+--cycles $CYCLES}
  files=$(cd "$dir" && find dense -name '*.proto' | sort)
  count=$(echo "$files" | wc -l)
  edges=$(cd "$dir" && cat $files | awk '/^package/{p=$2} /^import/{split($2,a,"/"); print p" "a[2]}' | sort -u | wc -l)
  buf=$(cd "$dir" && measure buf lint --config '{"version":"v2","lint":{"use":["PACKAGE_NO_IMPORT_CYCLE"]}}')
  bufn=$(grep -c "import cycle" "$work/out" || true)
  pc=$(cd "$dir" && measure protoc -I . --include_imports --include_source_info -o "$work/img.binpb" $files)
  sb=$(measure "$sebuf" lint --image "$work/img.binpb")
  sbn=$(grep -c "import cycle" "$work/out" || true)
  printf "%-8s %-6s %-6s %-20s %-14s %-14s %s\n" "$n" "$count" "$edges" "$buf" "$pc" "$sb" "$bufn/$sbn"
done
