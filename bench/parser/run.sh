#!/bin/sh
# Parser benchmark: 2,000 generated .proto files (copies of the WKT descriptor.proto and
# of the parser corpus under distinct packages), parsed by sebuf's parser (one thread's
# CPU time, best of 5) and compiled by protoc 3.21 (process CPU time, for scale: protoc
# also links and serialises). Results go to BENCHMARKS.md by hand.
set -eu
cd "$(dirname "$0")/../.."
work=bench/work/parser
rm -rf "$work"
mkdir -p "$work"
corpus=Tests/ProtoTests/Corpus/parser
set -- /usr/include/google/protobuf/descriptor.proto $corpus/comments.proto \
  $corpus/proto2_groups.proto $corpus/extensions.proto $corpus/formatting.proto
n=0
while [ $n -lt 2000 ]; do
  for src in "$@"; do
    [ $n -lt 2000 ] || break
    sed -e "s/\([.(]\)corpus\./\1b$n.corpus./g" -e "s/package \([a-z]\)/package b$n.\1/" "$src" > "$work/f$n.proto"
    n=$((n + 1))
  done
done
echo "corpus: $(ls "$work" | wc -l) files, $(cat "$work"/*.proto | wc -c) bytes"
export SWIFT_DETERMINISTIC_HASHING=1
swift build -c release --build-tests -Xswiftc -enable-testing >/dev/null
SEBUF_BENCH=1 SEBUF_BENCH_DIR="$work" .build/release/sebufPackageTests.xctest \
  --testing-library swift-testing --filter ParserBenchmark 2>&1 | grep 'parser:'
out=$(mktemp)
/usr/bin/time -f "protoc: %U s user + %S s system CPU, %e s wall" \
  protoc -I "$work" -I /usr/include -I $corpus --include_source_info -o "$out" \
  $(cd "$work" && ls *.proto)
rm -f "$out"
