"""Type stubs of the native module policylens._policylens (re-exported by
policylens). A report is a dict with the shape of docs/report-schema.md."""

from typing import Any, Dict, Iterable, List, Literal, Optional, Union

Report = Dict[str, Any]
"""A report: ``schema_version``, ``input``, ``outline``, ``checklist``,
``findings``, ``sdks``, ``recipients``, ``facts``, ``toc_mismatches``,
``summary``, ``flows``, ``rules_version`` (docs/report-schema.md)."""

Rule = Dict[str, Any]
"""A rule: ``id``, ``severity``, ``category``, ``title_zh``, ``title_en``,
``sources``, ``why``, ``fix``, ``why_en``, ``fix_en``."""

__version__: str

def analyze(text: str) -> Report:
    """Analyses one policy and returns its report (``policylens analyze
    --format json``). Raises TypeError unless ``text`` is a str."""

def analyze_json(text: str) -> str:
    """The report as JSON text (compact), exactly what ``analyze`` parses;
    no Python objects are built."""

def analyze_bytes(data: Union[bytes, bytearray, memoryview]) -> Report:
    """Decodes UTF-8, UTF-16 with a byte-order mark or GB18030/GBK, and
    analyses. Raises ValueError for bytes that are none of these."""

def analyze_many(
    texts: Iterable[Union[str, bytes]],
    threads: Optional[int] = None,
    *,
    errors: Literal["raise", "report"] = "raise",
) -> List[Report]:
    """Analyses many policies in parallel (the interpreter released) and
    returns their reports in order; equal to ``[analyze(t) for t in texts]``.
    ``errors="report"`` puts ``{"error": message}`` in place of undecodable
    bytes instead of raising ValueError."""

def rules() -> List[Rule]:
    """The rules that judge a policy, in the order reports list findings."""
