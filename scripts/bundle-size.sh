#!/usr/bin/env bash
# Prints the size of the wasm bundle in DIR, raw and gzipped.
set -euo pipefail
dir=${1:-dist}
for f in "$dir"/*.wasm "$dir"/*.js; do
  [ -e "$f" ] || continue
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  printf 'bundle: %-32s %8d bytes raw, %8d bytes gzipped\n' "$(basename "$f")" "$raw" "$gz"
done
