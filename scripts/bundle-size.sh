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

# Data beside the wasm, fetched as static files and cached offline: the
# clause model (at start, in parallel with the wasm), the legal texts and the
# rule fixes (when a reader opens one). Budget: 300 KB gzipped in all.
static=0
for f in "$dir"/clause_model.bin "$dir"/legal.json "$dir"/rule-texts.json; do
  [ -e "$f" ] || continue
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  static=$((static + gz))
  printf 'static: %-32s %8d bytes raw, %8d bytes gzipped\n' "$(basename "$f")" "$raw" "$gz"
done
echo "static: $static bytes gzipped in all (budget 300000)"
if [ "$static" -gt 300000 ]; then
  echo "static: the data files are over their 300000-byte budget" >&2
  exit 1
fi

# The budget (DEVELOPERS' guide): the wasm at most 400 KB gzipped.
budget=400000
for f in "$dir"/*.wasm; do
  [ -e "$f" ] || continue
  gz=$(gzip -9 -c "$f" | wc -c)
  if [ "$gz" -gt "$budget" ]; then
    echo "bundle: $(basename "$f") is $gz bytes gzipped, over the $budget-byte budget" >&2
    exit 1
  fi
done
