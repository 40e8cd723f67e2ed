#!/usr/bin/env bash
# How `policylens batch` scales with threads: CAPP-130 (tests/corpus/capp130)
# copied REPEAT times into a scratch folder, then the whole command (reading,
# analysis, writing the JSON lines) timed with RAYON_NUM_THREADS=1 and 2,
# alternated RUNS times; prints the best and the median wall time of each and
# the speed-up of the best times. The machine may be shared: the best of
# several runs is the figure least disturbed by others.
# Usage: scripts/batch-scaling.sh [BINARY] [REPEAT] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/target/release/policylens}
repeat=${2:-4}
runs=${3:-5}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for k in $(seq "$repeat"); do
  mkdir "$scratch/r$k"
  cp "$root"/tests/corpus/capp130/rw_*.jsonl "$scratch/r$k/"
done
n=$(find "$scratch" -name '*.jsonl' | wc -l)
declare -A times
for _ in $(seq "$runs"); do
  for t in 1 2; do
    s=$(date +%s%N)
    RAYON_NUM_THREADS=$t "$bin" batch "$scratch" --out "$scratch/out.jsonl" 2>/dev/null
    times[$t]+="$((($(date +%s%N) - s) / 1000000)) "
  done
done
python3 - "$n" "${times[1]}" "${times[2]}" <<'PY'
import statistics, sys
n = int(sys.argv[1])
one, two = ([int(x) / 1000 for x in a.split()] for a in sys.argv[2:4])
for t, xs in ((1, one), (2, two)):
    print(f"threads={t}: best {min(xs):.2f} s ({n / min(xs):.0f} policies/s), median {statistics.median(xs):.2f} s")
print(f"speed-up, 2 threads against 1 (best times): {min(one) / min(two):.2f}x")
PY
