"""The Python package against the corpus: the report contract, encodings,
bad input, analyze_many, rules and to_rows. Values are the core's (the golden
tests of crates/core pin the same ones)."""

import json
import threading
from pathlib import Path

import pytest

import policylens

ROOT = Path(__file__).resolve().parents[3]
POLICIES = ROOT / "tests" / "corpus" / "policies"
CAPP = ROOT / "tests" / "corpus" / "capp130"


def policy(name: str) -> str:
    return (POLICIES / name).read_text(encoding="utf-8")


def capp(name: str) -> str:
    """A CAPP-130 policy as `policylens batch` reads it: one sentence a line."""
    with open(CAPP / name, encoding="utf-8") as f:
        return "\n".join(json.loads(line)["text"] for line in f if line.strip())


@pytest.fixture(scope="module")
def mijian():
    return policylens.analyze(policy("mijian.txt"))


def test_the_report_follows_the_schema(mijian):
    assert mijian["schema_version"] == 1
    assert mijian["input"] == {"bytes": 46795, "lines": 1051, "encoding": "utf-8", "kind": "policy", "format": "text"}
    for key in ["outline", "checklist", "findings", "sdks", "recipients", "toc_mismatches"]:
        assert isinstance(mijian[key], list), key
    assert mijian["outline"][1]["kind"] == "document"
    assert mijian["outline"][1]["heading"] == "第二部分隐私权政策"
    assert len(mijian["rules_version"]) == 8
    # JSON arrays are lists, as json.load gives them.
    assert isinstance(mijian["outline"][0]["span"], list)


def test_the_report_is_the_cores_json(mijian):
    text = policy("mijian.txt")
    raw = policylens.analyze_json(text)
    assert raw.startswith('{"schema_version":1,')
    assert json.loads(raw) == mijian


def test_mijian_sdks(mijian):
    first = mijian["sdks"][0]
    assert first["name"] == "微信SDK"
    assert first["canonical"] == "微信OpenSDK"
    assert first["provider"] == "深圳市腾讯计算机系统有限公司"
    assert [d["text"] for d in first["data"]] == ["微信ID", "头像", "昵称"]
    assert len(mijian["sdks"]) == 12
    assert mijian["summary"]["sdks"] == 12


def test_findings_fail_where_the_corpus_says(mijian):
    fails = {f["rule"] for f in mijian["findings"] if f["status"] == "fail"}
    assert fails == {"SHR-01", "RGT-08"}
    weidandan = policylens.analyze(policy("weidandan.txt"))
    failing_must = [f["rule"] for f in weidandan["findings"] if f["status"] == "fail" and f["severity"] == "must"]
    assert "CTL-01" in failing_must
    assert weidandan["summary"]["must_fail"] == len(failing_must) == 7


def test_text_that_is_no_policy_gets_no_findings():
    report = policylens.analyze("The quick brown fox jumps over the lazy dog.")
    assert report["input"]["kind"] == "not_a_policy"
    assert report["findings"] == [] and report["checklist"] == []
    assert policylens.analyze("")["input"]["kind"] == "empty"


def test_bytes_are_decoded_like_the_cli():
    text = policy("xiaoyun.txt")
    utf8 = policylens.analyze_bytes(text.encode("utf-8"))
    assert utf8["input"]["encoding"] == "utf-8"
    gbk = policylens.analyze_bytes(text.encode("gb18030"))
    assert gbk["input"]["encoding"] == "gb18030"
    utf16 = policylens.analyze_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    assert utf16["input"]["encoding"] == "utf-16le"
    # The same text gives the same findings whatever its encoding.
    assert gbk["findings"] == utf8["findings"] == utf16["findings"]
    assert policylens.analyze_bytes(bytearray(b"abc"))["input"]["bytes"] == 3
    assert policylens.analyze_bytes(memoryview(b"abc"))["input"]["bytes"] == 3


def test_bytes_that_are_no_text_raise_value_error():
    with pytest.raises(ValueError, match=r"^not UTF-8, UTF-16 or GB18030 text: undecodable byte at offset 3$"):
        policylens.analyze_bytes(b"abc\xff\xfe\xfd\x80")


def test_wrong_types_raise_type_error():
    with pytest.raises(TypeError, match="use analyze_bytes"):
        policylens.analyze(b"bytes")
    with pytest.raises(TypeError, match="must be str, not int"):
        policylens.analyze(42)
    with pytest.raises(TypeError, match="use analyze\\(\\) for text"):
        policylens.analyze_bytes("text")
    with pytest.raises(TypeError, match="not one str"):
        policylens.analyze_many("one text")
    with pytest.raises(TypeError, match=r"texts\[1\] must be str or bytes, not NoneType"):
        policylens.analyze_many(["a", None])
    with pytest.raises(TypeError):
        policylens.analyze_many(42)
    with pytest.raises(TypeError):
        policylens.to_rows("not a report")


def test_text_that_is_no_unicode_raises_value_error():
    # A lone surrogate (what surrogateescape leaves of a broken byte).
    with pytest.raises(ValueError):
        policylens.analyze("隐私政策\udcff")


def test_large_text_is_analysed_like_the_cli_does():
    # No size limit (as the CLI): 8 MiB, the web page's limit, and beyond.
    text = policy("taobao.txt") * 160
    assert len(text.encode()) > 8 << 20
    report = policylens.analyze(text)
    assert report["input"]["bytes"] == len(text.encode())
    assert report["input"]["kind"] == "policy"


def test_analyze_many_equals_analyze_one_by_one():
    texts = [policy(n) for n in ["mijian.txt", "taobao.txt", "xiaoyun.txt"]] + [capp("rw_1.jsonl"), "", "不是政策"]
    one_by_one = [policylens.analyze(t) for t in texts]
    for threads in [None, 1, 2, 3, 16]:
        assert policylens.analyze_many(texts, threads=threads) == one_by_one, threads
    # Any iterable; bytes are decoded.
    assert policylens.analyze_many(iter(texts[:2]), threads=2) == one_by_one[:2]
    assert policylens.analyze_many([texts[0].encode("gb18030")])[0]["findings"] == one_by_one[0]["findings"]
    assert policylens.analyze_many([]) == []


def test_analyze_many_reports_or_raises_on_bad_bytes():
    texts = ["隐私政策", b"abc\xff\xfe\xfd\x80", policy("xiaoyun.txt")]
    with pytest.raises(ValueError, match=r"^texts\[1\]: not UTF-8"):
        policylens.analyze_many(texts, threads=2)
    reports = policylens.analyze_many(texts, threads=2, errors="report")
    assert reports[1] == {"error": "not UTF-8, UTF-16 or GB18030 text: undecodable byte at offset 3"}
    assert reports[2]["input"]["bytes"] == 27525
    with pytest.raises(ValueError, match="threads must be at least 1"):
        policylens.analyze_many(texts, threads=0)
    with pytest.raises(ValueError, match="errors must be"):
        policylens.analyze_many(texts, errors="ignore")


def test_analyze_many_releases_the_interpreter():
    # Another Python thread keeps running while analyze_many works.
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(1)
            done.wait(0.001)

    t = threading.Thread(target=tick)
    t.start()
    try:
        policylens.analyze_many([policy("taobao.txt")] * 40, threads=2)
    finally:
        done.set()
        t.join()
    assert len(ticks) > 10


def test_rules():
    rules = policylens.rules()
    ids = [r["id"] for r in rules]
    assert ids[0] == "PUB-01" and len(ids) == len(set(ids)) == 45
    shr01 = next(r for r in rules if r["id"] == "SHR-01")
    assert shr01["severity"] in {"must", "should", "info"}
    assert shr01["sources"] and shr01["fix"] and shr01["title_en"]
    # Every finding of a report is of a listed rule.
    assert {f["rule"] for f in policylens.analyze(policy("taobao.txt"))["findings"]} <= set(ids)


def test_version():
    assert policylens.__version__ == "0.1.0"


def test_to_rows_counts_and_columns(mijian):
    rows = list(policylens.to_rows(mijian))
    by_kind = {k: [r for r in rows if r["kind"] == k] for k in policylens.KINDS}
    assert len(by_kind["finding"]) == len(mijian["findings"]) == 45
    assert len(by_kind["sdk"]) == len(mijian["sdks"]) == 12
    assert len(by_kind["checklist"]) == len(mijian["checklist"]) == 14
    assert len(rows) == 45 + 12 + 14
    for r in rows:
        assert tuple(r) == policylens.COLUMNS[r["kind"]]
        assert all(v is None or isinstance(v, (str, int, bool)) for v in r.values()), r
    sdk = by_kind["sdk"][0]
    assert sdk["name"] == "微信SDK" and sdk["data"] == "微信ID; 头像; 昵称" and sdk["line"] == 448
    shr01 = next(r for r in by_kind["finding"] if r["rule"] == "SHR-01")
    assert shr01["status"] == "fail" and shr01["message"]
    assert shr01["basis"] == "missing"


def test_to_rows_kinds_and_extra_columns(mijian):
    rows = list(policylens.to_rows(mijian, kinds=["sdk"], policy="mijian", year=2023))
    assert len(rows) == 12
    assert list(rows[0])[:3] == ["policy", "year", "kind"]
    assert rows[0]["policy"] == "mijian"
    with pytest.raises(ValueError, match="unknown kinds"):
        list(policylens.to_rows(mijian, kinds=["sdks"]))
    error_rows = list(policylens.to_rows({"error": "bad bytes"}, policy="x"))
    assert error_rows == [{"policy": "x", "kind": "error", "error": "bad bytes"}]


def test_to_rows_makes_a_dataframe(mijian):
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(policylens.to_rows(mijian))
    assert frame["kind"].value_counts().to_dict() == {"finding": 45, "checklist": 14, "sdk": 12}
    assert frame.loc[frame["kind"] == "sdk", "name"].iloc[0] == "微信SDK"
