"""The editor's review report: every inference tied to its source line and to the
``xml:id`` of the TEI element it made, lowest certainty first.

The TEI builder tells us the source line of each element it makes from a block or a
container; an inference recorded at that line is matched to the element there that
carries the same ``@cert`` (else the first with any ``@cert``, else the first one made).
An element without an id of its own (a ``head``, a name) is cited by its nearest
ancestor's id. Elements that carry ``@cert`` and an id but no recorded inference are
listed too, so the report covers every such element.
"""
from __future__ import annotations

import json
from bisect import bisect_right
from collections import Counter

from lxml import etree

from converter import tei
from converter.model import Document

CERTS = ("low", "medium", "high")
_RANK = {c: i for i, c in enumerate(CERTS)}
EXCERPT = 160
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _excerpt(el) -> str:
    """The element's text on one line, cut at a word near ``EXCERPT`` characters."""
    text = " ".join("".join(el.itertext()).split())
    if len(text) <= EXCERPT:
        return text
    return text[:EXCERPT].rsplit(" ", 1)[0] + " …"


def _cited_id(el) -> str | None:
    """The element's id, else that of the first element inside it (a headnote's ``p``),
    else that of its nearest ancestor with one."""
    for node in (*el.iter(), *el.iterancestors()):
        if isinstance(node.tag, str) and node.get(XML_ID):
            return node.get(XML_ID)
    return None


def _pick(made: list, cert: str, claimed: set):
    """The element an inference of certainty ``cert`` made among those made at its line."""
    for ok in (lambda e: e.get("cert") == cert and e not in claimed,
               lambda e: e.get("cert") is not None, lambda e: True):
        for e in made:
            if ok(e):
                return e
    return None


def _entry(line, el, cert, reason, detail, element=None) -> dict:
    return {"line": line, "column": None, "xml_id": _cited_id(el),
            "element": element or etree.QName(el).localname, "cert": cert,
            "reason": reason, "detail": " ".join(detail.split()), "excerpt": _excerpt(el)}


def entries(doc: Document) -> list[dict]:
    """One dict per inference (line, column, xml_id, element, cert, reason, detail,
    excerpt), lowest certainty first, then by line."""
    lines: dict = {}
    tei.build(doc, lines)  # the same ids as the written TEI: the build is deterministic
    at_line: dict[int, list] = {}
    for el, line in lines.items():
        at_line.setdefault(line, []).append(el)
    starts = sorted(at_line)
    claimed, out = set(), []
    for inf in doc.report:
        made = at_line.get(inf.line)
        if made is None:  # inside a block (a join across a page break): the one it is in
            k = bisect_right(starts, inf.line) - 1
            made = at_line[starts[k]][-1:] if k >= 0 else []
        pick = _pick(made, inf.cert, claimed)
        if pick is None:  # nothing made at that line (replaced characters): cite the text
            out.append({"line": inf.line, "column": None, "xml_id": None, "element": None,
                        "cert": inf.cert, "reason": inf.what,
                        "detail": " ".join(inf.detail.split()), "excerpt": ""})
            continue
        claimed.add(pick)
        # Entities are spans inside the block: the inference names the element it made.
        element = inf.what if inf.what.isidentifier() else None
        out.append(_entry(inf.line, pick, inf.cert, inf.what, inf.detail, element))
    for el, line in lines.items():
        if el.get("cert") and el.get(XML_ID) and el not in claimed:
            name = etree.QName(el).localname
            out.append(_entry(line, el, el.get("cert"), f"{name} (inferred)", ""))
    return sorted(out, key=lambda e: (_RANK.get(e["cert"], 0), e["line"]))


def select(items: list[dict], min_cert: str | None, max_cert: str | None) -> list[dict]:
    """The entries whose certainty lies between ``min_cert`` and ``max_cert``."""
    lo = _RANK[min_cert] if min_cert else 0
    hi = _RANK[max_cert] if max_cert else len(CERTS) - 1
    return [e for e in items if lo <= _RANK.get(e["cert"], 0) <= hi]


def to_json(items: list[dict], source: str) -> bytes:
    """The report as one JSON document."""
    return (json.dumps({"source": source, "entries": items}, ensure_ascii=False, indent=1)
            + "\n").encode("utf-8")


def to_lines(items: list[dict], source: str) -> list[str]:
    """One line per entry (``file:line: [cert] reason: detail (xml_id)``), then a count
    per kind of inference."""
    out = []
    for e in items:
        detail = e["detail"] or e["excerpt"]
        where = f" ({e['xml_id']})" if e["xml_id"] else ""
        out.append(f"{source}:{e['line']}: [{e['cert']}] {e['reason']}"
                   + (f": {detail}" if detail else "") + where)
    counts = Counter((e["reason"], e["cert"]) for e in items)
    out.append(f"{source}: {len(items)} inferences" + ("" if items else "."))
    for (reason, cert), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f"  {n:6d}  [{cert}] {reason}")
    return out
