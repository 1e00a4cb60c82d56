"""Headings: numbered ("1: Political Carelessness", "IV. Of Trade") and unnumbered
("Concluding Speech") heading lines, each with a rank that decides nesting later.

Rank 1 is an unnumbered heading, rank 2 a numbered one: numbered sections nest inside
the nearest unnumbered heading (a speech's "1:", "2:" restart under "Concluding Speech").
A headnote right after a heading becomes that division's ``argument``.
"""
from __future__ import annotations

import re

from converter.model import Block, Document
from converter.passes.frontmatter import is_headnote
from converter.passes.textutil import ends_sentence, is_shouting, words

_NUMBERED = re.compile(r"^(?P<n>\d{1,3}|[IVXLC]{1,7})\s*[:.]\s+(?P<title>\S.*)$")
_HEAD_MAX_WORDS = 12
_SMALL = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with",
          "from", "de", "la", "le", "von", "van", "its", "their", "our", "his", "her"}


def _titlecased(text: str) -> bool:
    w = words(text)
    big = [x for x in w if x.lower() not in _SMALL]
    return bool(big) and all(x[:1].isupper() or x[:1].isdigit() for x in big)


def heading_of(block: Block, nxt) -> dict | None:
    """Heading attributes (n, rank, style, cert) if ``block`` is a heading line, else None."""
    text = block.text.strip()
    if block.kind != "p" or "\n" in text or nxt is None:
        return None
    if ends_sentence(text) or text.endswith((",", "-", "–")):
        return None
    m = _NUMBERED.match(text)
    if m:
        title = m.group("title")
        if len(words(title)) <= _HEAD_MAX_WORDS and title[:1].isupper():
            return {"n": m.group("n"), "rank": 2, "style": "numbered", "cert": "high"}
        return None
    n = len(words(text))
    if 0 < n <= _HEAD_MAX_WORDS and text[:1].isupper() and (_titlecased(text) or is_shouting(text)):
        return {"rank": 1, "style": "plain", "cert": "medium"}
    return None


def mark_headings(doc: Document) -> Document:
    """Turn heading lines into ``head`` blocks; a following headnote becomes ``argument``."""
    body = list(doc.body)
    out = []
    for i, blk in enumerate(body):
        nxt = body[i + 1] if i + 1 < len(body) else None
        if not isinstance(blk, Block):
            out.append(blk)
            continue
        if out and isinstance(out[-1], Block) and out[-1].kind == "head" and is_headnote(blk):
            out.append(blk.with_(kind="argument", attrs={"cert": "medium"}))
            doc.infer(blk.line, "headnote (argument)", "medium", blk.text[:60])
            continue
        attrs = heading_of(blk, nxt)
        if attrs:
            out.append(blk.with_(kind="head", attrs=attrs))
            doc.infer(blk.line, f"heading ({attrs['style']})", attrs["cert"], blk.text[:60])
        else:
            out.append(blk)
    return doc.with_(body=out)
