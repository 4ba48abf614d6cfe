#!/bin/sh
# Rebuilds corpus.pb (a FileDescriptorSet with imports and source info) from proto/
# with protoc. The golden tests read corpus.pb, so they do not need protoc.
set -eu
cd "$(dirname "$0")"
root=../../../..
files=$(cd proto && find . -name '*.proto' | sed 's|^\./||' | sort)
protoc --include_imports --include_source_info -o corpus.pb -I proto -I "$root/Sources/Proto/Bundled" -I /usr/include $files
for dir in invalid/*/; do
  [ -d "$dir" ] || continue
  (cd "$dir" && protoc --include_imports --include_source_info -o case.pb -I . -I "../../$root/Sources/Proto/Bundled" -I /usr/include $(find . -name '*.proto' | sed 's|^\./||' | sort))
done
