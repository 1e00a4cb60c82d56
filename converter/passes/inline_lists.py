"""Inline enumerations: "(1) … (2) … (3) …" inside one paragraph become an inline ``list``.

The markers must count on from the first value of their style — ``(1) (2) (3)``,
``(a) (b)``, ``(i) (ii) (iii)`` — and stand after a space, colon or the start of the
paragraph, so a lone "(B)" in "Communist Party (B)", a year "(1923)" or a page reference
"(p. 12)" never fires. Each item runs to the next marker; the last one to the end of the
paragraph. The markers stay in the text as ``label`` spans inside their items.
"""
from __future__ import annotations

import re

from converter.model import Block, Document, Reporter, Span, attrs_of, map_blocks
from converter.passes.cues.text import roman_value

# (the bracket first, then what stands before it: a pattern that opens with a literal lets
# the regex engine skip to the brackets; "(?<![^...]\()" also holds at the text's start)
_MARKER = re.compile(r"\((?<![^\s:;,.—–]\()(?P<v>\d{1,2}|[a-z]|[ivx]{1,5})\)(?=\s+\S)")


def _value(v: str, style: str) -> int | None:
    if style == "digit":
        return int(v) if v.isdigit() else None
    if style == "roman":
        return roman_value(v, most=12)
    return ord(v) - ord("a") + 1 if len(v) == 1 and v.isalpha() else None


def find_items(text: str) -> list[tuple[int, int, str]]:
    """[(marker start, marker end, value)] of the longest counting run of markers.

    One left-to-right sweep per style (linear: a megabyte of "(1) (1) (1)" stays fast):
    a marker that counts on extends the current run, a first value starts a new one."""
    found = [(m.start(), m.end(), m.group("v")) for m in _MARKER.finditer(text)]
    best: list = []
    for style in ("digit", "roman", "alpha"):
        cur: list = []
        for cand in found:
            value = _value(cand[2], style)
            if cur and value == len(cur) + 1:
                cur.append(cand)
            elif value == 1:
                best = cur if len(cur) > len(best) else best
                cur = [cand]
        best = cur if len(cur) > len(best) else best
    return best if len(best) >= 2 else []


def inline_list_spans(text: str) -> list[Span]:
    """``list``/``item``/``label`` spans for an inline enumeration in ``text`` (or [])."""
    run = find_items(text)
    if not run:
        return []
    end = len(text.rstrip())
    spans = [Span(run[0][0], end, "list", attrs_of(type="ordered", cert="medium"), 10)]
    for k, (start, mend, value) in enumerate(run):
        stop = run[k + 1][0] if k + 1 < len(run) else end
        stop = len(text[:stop].rstrip())
        spans.append(Span(start, stop, "item", attrs_of(n=value), 20))
        spans.append(Span(start, mend, "label", (), 30))
    return spans


def inline_lists(doc: Document) -> Document:
    """Mark inline enumerations in every paragraph of the body."""
    report = Reporter()

    def add(blk: Block) -> Block:
        spans = inline_list_spans(blk.text) if blk.kind in ("p", "item") else []
        if not spans:
            return blk
        report.infer(blk.line, "inline enumeration", "medium",
                     f"{sum(s.kind == 'item' for s in spans)} items")
        return blk.with_(spans=blk.spans + tuple(spans))

    return report.into(doc, body=map_blocks(doc.body, add))
