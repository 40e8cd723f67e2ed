#!/usr/bin/env bash
# Runs the fuzz target for a bounded time: scripts/fuzz.sh [SECONDS] (default 60).
# Uses cargo-fuzz (installed if missing) with the nightly toolchain where there
# is one, else stable with RUSTC_BOOTSTRAP=1. New interesting inputs are kept in
# fuzz/corpus/analyze; crashes land in fuzz/artifacts and fail the run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
command -v cargo-fuzz >/dev/null || cargo +stable install -q cargo-fuzz
if rustup toolchain list | grep -q '^nightly'; then
  run=(cargo +nightly fuzz)
else
  run=(env RUSTC_BOOTSTRAP=1 cargo +stable fuzz)
fi
# The repository's own policies seed the run (read only); what the fuzzer
# finds interesting is written to fuzz/corpus/analyze, which is kept in git.
seeds=(tests/corpus/policies)
mkdir -p fuzz/corpus/analyze target
"${run[@]}" build analyze
"${run[@]}" run analyze fuzz/corpus/analyze "${seeds[@]}" -- -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 2>&1 |
  tee target/fuzz-analyze.log | grep -E '^(#[0-9]+ +(INITED|DONE)|Done|==|SUMMARY|.*panicked)' || true
grep -q 'Done [0-9]* runs' target/fuzz-analyze.log
