#!/usr/bin/env bash
# Benchmarks `sebuf generate` on a large synthetic workspace (BENCHMARKS.md, "generate"):
# a full generate (wall time and peak RSS), a no-op generate, and a one-file edit.
#
#   bench/generate/run.sh [WORKSPACE]
#
# WORKSPACE: a directory with a `proto/` module (default: bench/work/generate, made with
# bench/gen-workspace.py --shape layered --http). The script writes WORKSPACE/sebuf.yaml with every native
# backend plus protoc-gen-go (BACKENDS and PLUGINS override the lists).
# Needs a release build (`swift build -c release --product sebuf`) and hyperfine.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
sebuf="$repo/.build/release/sebuf"
ws="${1:-$repo/bench/work/generate}"
runs="${RUNS:-7}"
backends="${BACKENDS:-go-http go-client ts-client ts-server openapi}"
plugins="${PLUGINS:-go}"

[ -x "$sebuf" ] || { echo "build first: swift build -c release --product sebuf" >&2; exit 1; }
if [ ! -d "$ws/proto" ]; then
  python3 bench/gen-workspace.py "$ws" --shape layered --http >&2
fi

{
  echo "version: v1"
  echo "modules:"
  echo "  - path: proto"
  echo "generate:"
  for b in $backends; do
    case "$b" in
      go-*) printf '  - backend: %s\n    out: gen/%s\n    opt: [paths=source_relative]\n' "$b" "$b" ;;
      *) printf '  - backend: %s\n    out: gen/%s\n' "$b" "$b" ;;
    esac
  done
  for p in $plugins; do
    printf '  - plugin: %s\n    out: gen/plugin-%s\n    opt: [paths=source_relative]\n    include_imports: true\n' "$p" "$p"
  done
  echo "managed:"
  echo "  go_package_prefix: example.com/bench/gen"
} > "$ws/sebuf.yaml"

cd "$ws"
files=$(find proto -name '*.proto' | wc -l)
echo "workspace: $ws ($files .proto files); backends: $backends; plugins: $plugins"

echo "== full generate (gen/ and .sebuf/ removed before each run)"
hyperfine --style basic --warmup 1 --runs "$runs" --prepare 'rm -rf gen .sebuf' "$sebuf generate 2>/dev/null"
rm -rf gen .sebuf
/usr/bin/time -f "full generate: %e s wall, %M KB peak RSS" "$sebuf" generate 2>&1 >/dev/null | grep -v '^proto/' | tail -2
echo "outputs: $(find gen -type f | wc -l) files, $(du -sk gen | cut -f1) KB"

echo "== no-op generate"
hyperfine --style basic --warmup 2 --runs "$runs" "$sebuf generate 2>/dev/null"
/usr/bin/time -f "no-op generate: %e s wall, %M KB peak RSS" "$sebuf" generate 2>&1 | tail -2
SEBUF_TIMINGS=1 "$sebuf" generate 2>&1 | tail -4

echo "== one file edited (a message added to one file, or removed again: it alternates)"
victim=$(find proto -name '*.proto' | sort | tail -1)  # top layer: nothing imports it
cp "$victim" /tmp/sebuf-bench-victim.proto
toggle="if grep -q BenchEdit $victim; then cp /tmp/sebuf-bench-victim.proto $victim; else echo 'message BenchEdit { string x = 1; }' >> $victim; fi"
"$sebuf" generate >/dev/null 2>&1
hyperfine --style basic --runs "$runs" --prepare "$toggle" "$sebuf generate 2>/dev/null"
eval "$toggle"
SEBUF_TIMINGS=1 "$sebuf" generate 2>&1 | grep -v '^proto/' | tail -12
cp /tmp/sebuf-bench-victim.proto "$victim"
