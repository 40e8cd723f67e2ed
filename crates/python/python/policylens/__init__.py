"""PolicyLens: analyses Chinese privacy policies (隐私政策).

Every report is the Rust core's (the same as ``policylens analyze --format
json``, described in docs/report-schema.md); this package only carries text in
and reports out. ``to_rows`` flattens a report into rows for data work and
judges nothing itself.

>>> import policylens
>>> report = policylens.analyze(open("policy.txt", encoding="utf-8").read())  # doctest: +SKIP
>>> report["summary"]["must_fail"], [s["name"] for s in report["sdks"]]  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, Iterator, Mapping, Optional, Tuple

from ._policylens import __version__, analyze, analyze_bytes, analyze_json, analyze_many, rules

__all__ = [
    "__version__",
    "analyze",
    "analyze_bytes",
    "analyze_json",
    "analyze_many",
    "rules",
    "to_rows",
    "KINDS",
    "COLUMNS",
]

#: The kinds of row ``to_rows`` yields, in the order it yields them.
KINDS: Tuple[str, ...] = ("finding", "sdk", "checklist")

#: The columns of each kind of row (every row of a kind has all of them, None
#: where the report has no value), after the caller's own columns. Names are
#: those of the report; lists are joined with "; " so that every value is a
#: scalar (a string, a number, a bool or None).
COLUMNS: Dict[str, Tuple[str, ...]] = {
    "finding": ("kind", "rule", "severity", "status", "basis", "message", "sources", "line", "evidence"),
    "sdk": (
        "kind",
        "name",
        "canonical",
        "provider",
        "provider_from",
        "category",
        "purpose",
        "data",
        "sensitive",
        "permissions",
        "method",
        "line",
        "evidence",
    ),
    "checklist": ("kind", "category", "status", "reason", "rules", "line", "evidence"),
    "error": ("kind", "error"),
}

_SEP = "; "


def _join(values: Optional[Iterable[str]]) -> Optional[str]:
    values = list(values or ())
    return _SEP.join(values) if values else None


def _first_evidence(item: Mapping[str, Any]) -> Tuple[Optional[int], Optional[str]]:
    evidence = item.get("evidence") or []
    if not evidence:
        return None, None
    return evidence[0]["line"], evidence[0]["text"]


def _finding(f: Mapping[str, Any]) -> Dict[str, Any]:
    line, text = _first_evidence(f)
    return {
        "kind": "finding",
        "rule": f["rule"],
        "severity": f["severity"],
        "status": f["status"],
        # "stated" (the text says so) or "missing" (the words were not found).
        "basis": f.get("basis"),
        "message": f["message"],
        "sources": _join(f.get("sources")),
        "line": line,
        "evidence": text,
    }


def _sdk(s: Mapping[str, Any]) -> Dict[str, Any]:
    line, text = _first_evidence(s)
    data = s.get("data") or []
    return {
        "kind": "sdk",
        "name": s["name"],
        "canonical": s.get("canonical"),
        "provider": s.get("provider"),
        "provider_from": s.get("provider_from"),
        "category": s.get("category"),
        "purpose": s.get("purpose"),
        "data": _join(d["text"] for d in data),
        "sensitive": any(d.get("sensitive") for d in data),
        "permissions": _join(s.get("permissions")),
        "method": s.get("method"),
        "line": line,
        "evidence": text,
    }


def _checklist(c: Mapping[str, Any]) -> Dict[str, Any]:
    line, text = _first_evidence(c)
    return {
        "kind": "checklist",
        "category": c["category"],
        "status": c["status"],
        "reason": c.get("reason"),
        "rules": _join(c.get("rules")),
        "line": line,
        "evidence": text,
    }


_ROWS = {
    "finding": ("findings", _finding),
    "sdk": ("sdks", _sdk),
    "checklist": ("checklist", _checklist),
}


def to_rows(
    report: Mapping[str, Any], *, kinds: Optional[Iterable[str]] = None, **columns: Any
) -> Iterator[Dict[str, Any]]:
    """A report as flat rows (an iterator): one per finding, per SDK and per
    checklist item, in that order and in the report's order, each with a
    ``kind`` column ("finding", "sdk", "checklist") and the columns of
    ``COLUMNS[kind]``. ``pandas.DataFrame(to_rows(report))`` makes a table.

    ``kinds`` picks some kinds only (``kinds=["sdk"]``). Keyword arguments
    are columns put first in every row, to say which policy a row is from
    (``to_rows(report, policy="taobao")``).

    A report of ``analyze_many(..., errors="report")`` that is only
    ``{"error": message}`` yields one row of kind "error".
    """
    # Checked here, not at the first row: a wrong call fails where it is made.
    if not isinstance(report, Mapping):
        raise TypeError(f"report must be a dict returned by analyze(), not {type(report).__name__}")
    wanted = KINDS if kinds is None else tuple(kinds)
    unknown = [k for k in wanted if k not in KINDS]
    if unknown:
        raise ValueError(f"unknown kinds {unknown}: choose from {list(KINDS)}")
    if "error" in report and "schema_version" not in report:
        return iter([{**columns, "kind": "error", "error": report["error"]}])
    if "schema_version" not in report:
        raise ValueError("report has no schema_version: pass a report returned by analyze()")
    return _rows(report, wanted, columns)


def _rows(report: Mapping[str, Any], wanted: Tuple[str, ...], columns: Dict[str, Any]) -> Iterator[Dict[str, Any]]:
    for kind in KINDS:
        if kind in wanted:
            key, row = _ROWS[kind]
            for item in report.get(key) or []:
                yield {**columns, **row(item)}
