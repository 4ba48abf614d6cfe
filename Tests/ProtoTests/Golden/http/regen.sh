#!/usr/bin/env bash
# Regenerates api.pb (protoc's image of api.proto) for the HTTP model tests.
set -euo pipefail
cd "$(dirname "$0")"
root=../../../..
protoc --include_imports --include_source_info -I . -I "$root/Sources/Proto/Bundled" -I /usr/include -o api.pb api.proto
