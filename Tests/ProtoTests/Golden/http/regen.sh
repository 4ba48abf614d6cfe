#!/usr/bin/env bash
# Regenerates api.pb (protoc 36.2's image of api.proto) for the HTTP model tests.
# PROTOC=path overrides /opt/protoc-36.2/bin/protoc (scripts/install-test-deps).
set -euo pipefail
cd "$(dirname "$0")"
root=../../../..
protoc=${PROTOC:-/opt/protoc-36.2/bin/protoc}
"$protoc" --version | grep -q "libprotoc 36.2" || { echo "need protoc 36.2 at $protoc" >&2; exit 1; }
"$protoc" --include_imports --include_source_info -I . -I "$root/Sources/Proto/Bundled" -o api.pb api.proto
