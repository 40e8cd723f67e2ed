"""The Dask example end to end: 20 000 policies (the corpus repeated) as a
partitioned Parquet dataset, scanned on a local cluster of two worker
processes, and the two tables it writes checked against a serial run."""

import collections
import importlib.util
import os
import signal
import sys
import time
from pathlib import Path

import pytest

import policylens

pytest.importorskip("dask.distributed")
import pyarrow.parquet as pq  # noqa: E402
from dask.distributed import Client, LocalCluster, get_task_stream  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "crates" / "python" / "examples" / "dask_scan.py"
POLICIES = 20_000


def load_example():
    spec = importlib.util.spec_from_file_location("dask_scan", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    sys.modules["dask_scan"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def dask_scan():
    return load_example()


@pytest.fixture(scope="module")
def dataset(dask_scan, tmp_path_factory):
    out = tmp_path_factory.mktemp("policies")
    files = dask_scan.build_dataset(ROOT, out, policies=POLICIES, per_partition=250)
    assert files == POLICIES // 250
    return out


@pytest.fixture(scope="module")
def scanned(dask_scan, dataset, tmp_path_factory):
    out = tmp_path_factory.mktemp("scan")
    # A task that cannot run leaves the scan waiting: fail instead.
    def too_long(*_):
        raise TimeoutError("the Dask scan took more than 15 minutes")

    previous = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(900)
    try:
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
            with Client(cluster) as client:
                assert len(client.scheduler_info()["workers"]) == 2
                pids = set(client.run(os.getpid).values())
                assert len(pids) == 2 and os.getpid() not in pids, "two worker processes"
                # The workers import the example as the tasks name it.
                client.upload_file(str(EXAMPLE))
                with get_task_stream(client) as tasks:
                    stats = dask_scan.scan(dataset, out)
                stats["analyse_tasks"] = sum("analyse_partition" in str(t["key"]) for t in tasks.data)
                stats["workers_used"] = len({t["worker"] for t in tasks.data})
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    print(f"\ndask: {stats['policies']} policies in {stats['seconds']:.1f} s ({stats['policies_per_second']:.0f}/s)")
    return out, stats


def serial_rows(dask_scan):
    """Rows per corpus policy, from a serial run: (findings, sdks) by name."""
    counts = {}
    for name, text in dask_scan.corpus_policies(ROOT):
        report = policylens.analyze(text)
        counts[name] = (len(report["findings"]), len(report["sdks"]))
    return counts


def test_the_dataset_is_partitioned(dataset):
    files = sorted(dataset.glob("*.parquet"))
    assert len(files) == 80
    table = pq.ParquetDataset(str(dataset)).read(columns=["id", "source"])
    assert table.num_rows == POLICIES
    assert len(set(table.column("id").to_pylist())) == POLICIES
    assert len(set(table.column("source").to_pylist())) == 135


def test_the_tables_match_a_serial_run(dask_scan, dataset, scanned):
    out, stats = scanned
    assert stats["policies"] == POLICIES
    # One analysis per partition (both tables come from it), on both workers.
    assert stats["analyse_tasks"] == POLICIES // 250
    assert stats["workers_used"] == 2
    findings = pq.ParquetDataset(str(out / "findings")).read().to_pandas()
    sdks = pq.ParquetDataset(str(out / "sdks")).read().to_pandas()
    assert list(findings.columns) == list(dask_scan.FINDINGS)
    assert list(sdks.columns) == list(dask_scan.SDKS)

    # Every policy's row counts equal a serial run's: the totals over all
    # 20 000, and each policy of a sample.
    per_name = serial_rows(dask_scan)
    sources = pq.ParquetDataset(str(dataset)).read(columns=["id", "source"]).to_pydict()
    source_of = dict(zip(sources["id"], sources["source"]))
    assert len(findings) == sum(per_name[s][0] for s in source_of.values())
    assert len(sdks) == sum(per_name[s][1] for s in source_of.values())
    finding_counts = collections.Counter(findings["policy"])
    sdk_counts = collections.Counter(sdks["policy"])
    for pid in sorted(source_of)[::97]:
        assert (finding_counts[pid], sdk_counts.get(pid, 0)) == per_name[source_of[pid]], pid


def test_known_values_survive_the_round_trip(dataset, scanned):
    out, _ = scanned
    sdks = pq.ParquetDataset(str(out / "sdks")).read().to_pandas()
    mijian = sdks[sdks["policy"].str.endswith("-mijian")]
    first = mijian[mijian["policy"] == mijian["policy"].min()]
    assert first["name"].tolist()[0] == "微信SDK"
    assert first["provider"].tolist()[0] == "深圳市腾讯计算机系统有限公司"
    assert first["line"].tolist()[0] == 448
    sources = pq.ParquetDataset(str(dataset)).read(columns=["source"]).column("source").to_pylist()
    assert mijian["policy"].nunique() == sources.count("mijian") == 148
    findings = pq.ParquetDataset(str(out / "findings")).read().to_pandas()
    mijian_fails = findings[(findings["policy"] == mijian["policy"].min()) & (findings["status"] == "fail")]
    assert sorted(mijian_fails["rule"]) == ["RGT-08", "SHR-01"]


def test_a_partition_gives_what_analyze_gives(dask_scan, dataset):
    part = pq.read_table(sorted(dataset.glob("*.parquet"))[3]).to_pandas()
    start = time.perf_counter()
    findings, sdks = dask_scan.analyse_partition(part.head(40), threads=2)
    assert time.perf_counter() - start < 60
    reports = [policylens.analyze(t) for t in part["text"].head(40)]
    assert len(findings) == sum(len(r["findings"]) for r in reports)
    assert len(sdks) == sum(len(r["sdks"]) for r in reports)
