"""Scan a partitioned dataset of privacy policies on a Dask cluster.

The dataset is a folder of Parquet files with the columns ``id`` and
``text``, one Dask partition per file. Each partition is analysed by one task
(``policylens.analyze_many``, the interpreter released); the findings and
the SDKs of every policy come back as two Parquet tables, one row per
finding and per SDK (``policylens.to_rows``) with the policy's ``id`` first.

    # a dataset from the repository's corpus, CAPP-130 and the five
    # policies repeated to 20 000 policies
    python dask_scan.py dataset /tmp/policies --policies 20000
    # the scan, on a local cluster of two worker processes
    python dask_scan.py scan /tmp/policies /tmp/scan --workers 2
    # or on a running cluster (dask scheduler / dask worker)
    python dask_scan.py scan /data/policies /data/scan --scheduler tcp://10.0.0.1:8786

docs/scale.md explains the choice of Dask, gives the throughput measured
with 1 and 2 workers and estimates the cost of 3 million policies.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

import dask
import dask.dataframe as dd
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from dask import delayed

import policylens

#: Columns and dtypes of the two output tables: the policy's id, then the
#: columns of policylens.COLUMNS for the kind.
def _dtypes(kind: str) -> Dict[str, str]:
    types = {"policy": "string"}
    for column in policylens.COLUMNS[kind]:
        types[column] = {"line": "Int64", "sensitive": "boolean"}.get(column, "string")
    return types


FINDINGS = _dtypes("finding")
SDKS = _dtypes("sdk")

#: Policies handed to analyze_many at once inside a partition: bounds the
#: reports (as Python objects, about 0.5 MB each) held at a time.
CHUNK = 64


def _frame(rows: List[dict], dtypes: Dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame.from_records(rows, columns=list(dtypes)).astype(dtypes)


def analyse_partition(policies: pd.DataFrame, threads: int = 1) -> Tuple[pd.DataFrame, pd.DataFrame]:
    """The findings and SDK rows of one partition of policies (columns ``id``
    and ``text``). ``threads`` is analyze_many's: 1 when each Dask worker
    process has one thread per core."""
    findings: List[dict] = []
    sdks: List[dict] = []
    ids = policies["id"].tolist()
    texts = policies["text"].tolist()
    for start in range(0, len(texts), CHUNK):
        reports = policylens.analyze_many(texts[start : start + CHUNK], threads=threads)
        for pid, report in zip(ids[start : start + CHUNK], reports):
            for row in policylens.to_rows(report, kinds=("finding", "sdk"), policy=pid):
                (findings if row["kind"] == "finding" else sdks).append(row)
    return _frame(findings, FINDINGS), _frame(sdks, SDKS)


def scan(dataset: Path, out: Path, threads: int = 1) -> Dict[str, float]:
    """Analyses every policy of ``dataset`` on the current Dask client and
    writes ``out/findings`` and ``out/sdks`` (Parquet, one file per input
    partition). Returns the counts and the time taken."""
    started = time.perf_counter()
    policies = dd.read_parquet(str(dataset), columns=["id", "text"])
    # One task per partition gives both tables: the two writes below share it.
    parts = [delayed(analyse_partition, nout=2)(p, threads) for p in policies.to_delayed()]
    findings = dd.from_delayed([p[0] for p in parts], meta=_frame([], FINDINGS), verify_meta=False)
    sdks = dd.from_delayed([p[1] for p in parts], meta=_frame([], SDKS), verify_meta=False)
    dask.compute(
        findings.to_parquet(str(out / "findings"), write_index=False, compute=False),
        sdks.to_parquet(str(out / "sdks"), write_index=False, compute=False),
    )
    seconds = time.perf_counter() - started
    n = pq.ParquetDataset(str(dataset)).read(columns=["id"]).num_rows
    return {"policies": n, "seconds": seconds, "policies_per_second": n / seconds}


def corpus_policies(root: Path) -> List[Tuple[str, str]]:
    """(name, text) of the repository's corpus: the CAPP-130 policies (one
    sentence a line, as ``policylens batch`` reads them) and the five
    policies of tests/corpus/policies."""
    out = []
    for path in sorted((root / "tests" / "corpus" / "capp130").glob("rw_*.jsonl")):
        with open(path, encoding="utf-8") as f:
            out.append((path.stem, "\n".join(json.loads(line)["text"] for line in f if line.strip())))
    for path in sorted((root / "tests" / "corpus" / "policies").glob("*.txt")):
        out.append((path.stem, path.read_text(encoding="utf-8")))
    return out


def build_dataset(root: Path, out: Path, policies: int = 20_000, per_partition: int = 250) -> int:
    """Writes ``policies`` policies (the corpus repeated, each with a unique
    id ``NNNNNN-name``) as Parquet files of ``per_partition`` rows under
    ``out``. Returns the number of files."""
    base = corpus_policies(root)
    out.mkdir(parents=True, exist_ok=True)
    schema = pa.schema([("id", pa.string()), ("source", pa.string()), ("text", pa.string())])
    files = 0
    for start in range(0, policies, per_partition):
        rows = [base[i % len(base)] for i in range(start, min(start + per_partition, policies))]
        table = pa.table(
            {
                "id": [f"{start + k:06d}-{name}" for k, (name, _) in enumerate(rows)],
                "source": [name for name, _ in rows],
                "text": [text for _, text in rows],
            },
            schema=schema,
        )
        pq.write_table(table, out / f"part-{files:05d}.parquet", compression="zstd")
        files += 1
    return files


def _client(workers: int, scheduler: Optional[str]):
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
    return Client(cluster), cluster


def main(argv: Optional[Iterable[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ds = sub.add_parser("dataset", help="build a dataset from the repository's corpus")
    ds.add_argument("out", type=Path)
    ds.add_argument("--policies", type=int, default=20_000)
    ds.add_argument("--per-partition", type=int, default=250)
    ds.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[3])
    sc = sub.add_parser("scan", help="analyse a dataset on a Dask cluster")
    sc.add_argument("dataset", type=Path)
    sc.add_argument("out", type=Path)
    sc.add_argument("--workers", type=int, default=2, help="worker processes of a local cluster")
    sc.add_argument("--scheduler", help="address of a running scheduler instead of a local cluster")
    sc.add_argument("--threads", type=int, default=1, help="analyze_many threads per task")
    args = parser.parse_args(argv)
    if args.command == "dataset":
        files = build_dataset(args.root, args.out, args.policies, args.per_partition)
        print(f"{args.policies} policies in {files} files under {args.out}")
        return
    client, cluster = _client(args.workers, args.scheduler)
    try:
        stats = scan(args.dataset, args.out, args.threads)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    print(
        f"{stats['policies']} policies in {stats['seconds']:.1f} s "
        f"({stats['policies_per_second']:.0f} policies/s) -> {args.out}/findings, {args.out}/sdks"
    )


if __name__ == "__main__":
    main()
