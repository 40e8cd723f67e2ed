"""Throughput of the Python package, the figures of docs/scale.md.

    python throughput.py many [--repeat 4] [--runs 5]
        analyze_many over CAPP-130 repeated, threads=1 against threads=2
        (and a plain loop of analyze), alternated; best and median of the runs
    python throughput.py dask [--policies 4000] [--runs 3]
        the Dask scan of dask_scan.py on local clusters of 1 and 2 worker
        processes (one thread each), alternated

The machine may be shared: the best of several runs is the figure least
disturbed by others, and the median says how much they disturbed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import policylens

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE))
import dask_scan  # noqa: E402


def report(label: str, n: int, times: list) -> float:
    best = min(times)
    print(f"{label}: best {best:.2f} s ({n / best:.0f} policies/s), median {statistics.median(times):.2f} s")
    return best


def many(repeat: int, runs: int) -> None:
    texts = [text for name, text in dask_scan.corpus_policies(ROOT) if name.startswith("rw_")] * repeat
    n = len(texts)
    print(f"{n} policies (CAPP-130 x {repeat}), {runs} runs each")
    times = {"loop": [], 1: [], 2: []}
    for _ in range(runs):
        for key in times:
            start = time.perf_counter()
            if key == "loop":
                [policylens.analyze(t) for t in texts]
            else:
                policylens.analyze_many(texts, threads=key)
            times[key].append(time.perf_counter() - start)
    report("[analyze(t) for t in texts]", n, times["loop"])
    one = report("analyze_many(threads=1)", n, times[1])
    two = report("analyze_many(threads=2)", n, times[2])
    print(f"speed-up, 2 threads against 1 (best times): {one / two:.2f}x")


def _peak_rss() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _sizes(dataset: Path, out: Path, policies: int) -> None:
    import pyarrow.parquet as pq

    def size(folder: Path) -> int:
        return sum(p.stat().st_size for p in folder.rglob("*.parquet"))

    text = sum(len(t.encode()) for t in pq.ParquetDataset(str(dataset)).read(columns=["text"]).column("text").to_pylist())
    findings = pq.ParquetDataset(str(out / "findings")).read(columns=["policy"]).num_rows
    sdks = pq.ParquetDataset(str(out / "sdks")).read(columns=["policy"]).num_rows
    print(
        f"per policy: {text / policies / 1e3:.1f} kB of text, {size(dataset) / policies / 1e3:.1f} kB of Parquet in, "
        f"{findings / policies:.1f} finding rows and {sdks / policies:.2f} SDK rows, "
        f"{(size(out / 'findings') + size(out / 'sdks')) / policies / 1e3:.2f} kB of Parquet out"
    )


def dask(policies: int, runs: int) -> None:
    from dask.distributed import Client, LocalCluster

    scratch = Path(tempfile.mkdtemp())
    try:
        dataset = scratch / "policies"
        dask_scan.build_dataset(ROOT, dataset, policies=policies, per_partition=250)
        print(f"{policies} policies in {policies // 250} partitions, {runs} runs each")
        times = {1: [], 2: []}
        peak = {}
        for _ in range(runs):
            for workers in times:
                with LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
                ) as cluster, Client(cluster) as client:
                    client.upload_file(str(HERE / "dask_scan.py"))
                    out = scratch / f"scan-{workers}"
                    shutil.rmtree(out, ignore_errors=True)
                    stats = dask_scan.scan(dataset, out)
                    peak[workers] = max(client.run(_peak_rss).values())
                times[workers].append(stats["seconds"])
        one = report("1 worker ", policies, times[1])
        two = report("2 workers", policies, times[2])
        print(f"speed-up, 2 workers against 1 (best times): {one / two:.2f}x")
        print(f"peak memory of a worker process: {max(peak.values()) / 2**20:.0f} MiB")
        _sizes(dataset, scratch / "scan-2", policies)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    m = sub.add_parser("many")
    m.add_argument("--repeat", type=int, default=4)
    m.add_argument("--runs", type=int, default=5)
    d = sub.add_parser("dask")
    d.add_argument("--policies", type=int, default=4000)
    d.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.command == "many":
        many(args.repeat, args.runs)
    else:
        dask(args.policies, args.runs)
