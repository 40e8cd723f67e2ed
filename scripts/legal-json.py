#!/usr/bin/env python3
"""Builds www/legal.json from the article texts in data/legal/*.txt.

Each text file holds articles copied verbatim from the source named in
SOURCES; an article starts a line with its 第X条 heading, its paragraphs are
the following lines. Run after editing a text: python3 scripts/legal-json.py
"""
import json, re, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}

def cn_number(s):
    """二十一 → 21, 七 → 7, 六十九 → 69, 十七 → 17."""
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (DIGITS[tens] if tens else 1) * 10 + (DIGITS[ones] if ones else 0)
    return DIGITS[s]

SOURCES = {
    "PIPL": {
        "title": "中华人民共和国个人信息保护法",
        "file": "pipl.txt",
        "from": "github.com/RanKKI/LawRefBook, 法律法规/个人信息保护法.md (commit d803fa2b91584e4021deab2f81553948948d3c5c); "
                "the law as adopted on 2021-08-20 (主席令第九十一号), public text (Copyright Law art. 5)",
    },
    "NDSR": {
        "title": "网络数据安全管理条例",
        "file": "ndsr.txt",
        "from": "github.com/LawRefBook/Laws, 行政法规/网络数据安全管理条例(2024-09-24).md (commit cbdedcf42dd829d9bbfd95ba361bf21f6869b82c); "
                "国务院令第790号, public text (Copyright Law art. 5)",
    },
}

def documents():
    """data/legal/sources.txt: key | title | number | kind, one per line."""
    docs = {}
    for line in (ROOT / "data/legal/sources.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, title, number, kind = [f.strip() for f in line.split("|")]
            docs[key] = {"title": title, "number": number, "kind": kind}
    return docs

def main():
    docs = documents()
    for key, meta in SOURCES.items():
        docs[key]["from"] = meta["from"]
    out = {"_header": {
        "about": "Articles of Chinese laws and regulations cited by PolicyLens rules, copied verbatim. "
                 "Laws and administrative regulations are not protected by copyright (Copyright Law of the PRC, art. 5). "
                 "National standards (GB/T) are not included. Not yet included: the articles of "
                 "认定方法 (App违法违规收集使用个人信息行为认定方法) and 儿童规定 (儿童个人信息网络保护规定), "
                 "for want of a verified copy of their text; the app says their text is not included. "
                 "`sources` names every cited document (data/legal/sources.txt): its title, number and kind.",
        "sources": docs,
    }}
    for law, meta in SOURCES.items():
        articles = {}
        current = None
        for line in (ROOT / "data/legal" / meta["file"]).read_text(encoding="utf-8").splitlines():
            m = re.match(r"^第([零一二三四五六七八九十]+)条[　 ]", line)
            if m:
                current = str(cn_number(m.group(1)))
                articles[current] = line
            elif line.strip():
                articles[current] += "\n" + line
        out[law] = articles
    text = json.dumps(out, ensure_ascii=False, indent=0, sort_keys=False)
    (ROOT / "www/legal.json").write_text(text + "\n", encoding="utf-8")

if __name__ == "__main__":
    main()
