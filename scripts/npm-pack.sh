#!/usr/bin/env bash
# Packs the npm package `policylens` into target/npm/policylens-<version>.tgz:
# the JS entry and types of packages/npm with the release bundle's wasm, JS
# glue, clause model, stylesheet and legal texts from DIST (default dist/,
# built by `make dist`; nothing is compiled here). The version is the
# workspace's (Cargo.toml). Prints the tarball's path.
# Usage: scripts/npm-pack.sh [DIST]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dist=$(cd "${1:-$root/dist}" && pwd)
out=$root/target/npm
stage=$out/package

from_dist=(policylens-web.js policylens-web_bg.wasm clause_model.bin style.css legal.js legal.json rule-texts.json)
for f in "${from_dist[@]}"; do
  [ -e "$dist/$f" ] || { echo "npm-pack: $dist/$f is missing; run make dist first" >&2; exit 1; }
done

version=$(awk '/^\[workspace.package\]/ { in_ws = 1; next } /^\[/ { in_ws = 0 } in_ws && /^version *=/ { gsub(/[" ]/, "", $3); print $3; exit }' "$root/Cargo.toml")
[ -n "$version" ] || { echo "npm-pack: no [workspace.package] version in Cargo.toml" >&2; exit 1; }

rm -rf "$stage" "$out"/policylens-*.tgz
mkdir -p "$stage"
cp "$root"/packages/npm/{package.json,index.js,index.d.ts,report.d.ts,README.md} "$stage/"
for f in "${from_dist[@]}"; do cp "$dist/$f" "$stage/"; done
(cd "$stage" && npm pkg set "version=$version")
tgz=$(cd "$out" && npm pack --silent "$stage")
echo "$out/$tgz"
