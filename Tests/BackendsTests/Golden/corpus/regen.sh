#!/bin/sh
# Rebuilds the corpus images (*.pb) with protoc. Tests read only the committed .pb files, so
# protoc is needed only when a corpus proto changes. Run from anywhere.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bundled="$here/../../../../Sources/Proto/Bundled"
build() { # name dir files...
  name=$1; dir=$2; shift 2
  (cd "$here/$dir" && protoc --include_imports --include_source_info -o "$here/$name.pb" \
    -I . -I "$bundled" -I /usr/include "$@")
}
build sse protos sse/v1/sse.proto
build crud protos api/v1/crud.proto api/v1/orders.proto
build encoding protos encoding/v1/encoding.proto
build crosspkg protos crosspkg/common/v1/types.proto crosspkg/shop/v1/service.proto
build e2e protos e2e/v1/e2e.proto
build validation protos validation/v1/validation.proto
for f in "$here"/invalid/*.proto; do
  n=$(basename "$f" .proto)
  build "invalid_$n" invalid "$n.proto"
done
