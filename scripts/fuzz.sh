#!/usr/bin/env bash
# Runs the fuzz target for a bounded time: scripts/fuzz.sh [SECONDS] [JOBS]
# (default 60 s, one job; `make fuzz` runs one job per core).
# Uses cargo-fuzz (installed if missing) with the nightly toolchain where there
# is one, else stable with RUSTC_BOOTSTRAP=1. New interesting inputs are kept in
# fuzz/corpus/analyze; crashes land in fuzz/artifacts and fail the run.
#
# Built for executions per second: no sanitizer (the core forbids unsafe
# code, so AddressSanitizer has nothing to find and costs most of the time),
# release mode with debug assertions (overflow and the core's own asserts
# still panic), and a dictionary of heading markers, keys and policy words
# (fuzz/analyze.dict) so that mutations reach the segmenter's and the SDK
# readers' branches.
#
# libFuzzer's own bookkeeping was a third of each execution (perf on this
# 2-core machine), so the run also turns off what costs more than it finds
# here, measured over 25–40 s runs from the kept corpus, one job:
#   defaults, -max_len=4096                      396 exec/s, 9 241 edges
#   -max_len=1024                                822 exec/s, 9 863 edges
#   + -entropic=0                                981 exec/s, 10 223 edges
#   + -use_counters=0 -use_cmp=0                1 476 exec/s, 10 933 edges
# -use_counters=0 keeps edges, not hit-count buckets, as features (their
# per-run hashing was 22 % of the time); 1 KB inputs still hold a few headed
# sections, a table and an SDK list. Two jobs reach 10^7 runs in about an hour.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jobs=${2:-1}
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
flags=(--sanitizer none --debug-assertions --no-trace-compares)
"${run[@]}" build "${flags[@]}" analyze
parallel=()
if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi
"${run[@]}" run "${flags[@]}" analyze fuzz/corpus/analyze "${seeds[@]}" -- \
  -max_total_time="$seconds" -max_len=1024 -use_counters=0 -use_cmp=0 -entropic=0 -timeout=10 -rss_limit_mb=4096 -dict=fuzz/analyze.dict "${parallel[@]}" 2>&1 |
  tee target/fuzz-analyze.log | grep -E '^(#[0-9]+ +(INITED|DONE)|Done|==|SUMMARY|.*panicked)' || true
if [ "$jobs" -gt 1 ]; then
  # Each job logs to fuzz-N.log; every job must finish without a crash.
  ! grep -l 'panicked\|SUMMARY\|deadly signal' fuzz-*.log 2>/dev/null
  grep -h 'Done [0-9]* runs' fuzz-*.log | awk '{n += $2} END {print "fuzz: " n " runs in all jobs"}'
  mkdir -p target/fuzz-logs && mv fuzz-*.log target/fuzz-logs/
else
  grep -q 'Done [0-9]* runs' target/fuzz-analyze.log
fi
