"""Emphasis marks of e-texts: ``_italics_`` and ``*emphasis*`` become ``hi``.

Plain-text editions mark italics (titles of books, foreign words, emphasis) with
underscores, and sometimes with asterisks. The marks leave the text and become
``<hi rend="italic" rendition="#r-underscore">`` (or ``#r-asterisk``): the ``rendition``
points at a declaration in the header that says how the source marked it, so the marks can
be restored and no word changes. This pass runs first, while blocks carry no spans yet.
A mark must open before a word and close after one, inside one block (``snake_case`` and a
lone ``*`` stay as they are); ``*`` after a word with a space before it is a note marker.
"""
from __future__ import annotations

import re

from converter.model import Block, Document, Reporter, Span, attrs_of
from converter.vocabulary import RENDITION_OF_MARK

_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]{1,400}?)(?<=[^\s_])_(?![\w_])")
_ASTERISK = re.compile(r"(?<![\w*])\*(?=\w)([^*\n]{1,200}?)(?<=\w)\*(?![\w*])")


def _marked(blk: Block) -> Block:
    """``blk`` with its marks taken out and a ``hi`` span over each marked run."""
    if "_" not in blk.text and "*" not in blk.text:
        return blk
    found = sorted([(m.start(), m.end(), "_") for m in _UNDERSCORE.finditer(blk.text)] +
                   [(m.start(), m.end(), "*") for m in _ASTERISK.finditer(blk.text)])
    if not found:
        return blk
    out, spans, pos, last_end = [], [], 0, -1
    for start, end, mark in found:
        if start < last_end:
            continue  # overlapping marks: the first wins
        out.append(blk.text[pos:start])
        here = sum(map(len, out))
        inner = blk.text[start + 1:end - 1]
        out.append(inner)
        spans.append(Span(here, here + len(inner), "hi",
                          attrs_of(rend="italic", rendition="#" + RENDITION_OF_MARK[mark]), 45))
        pos = last_end = end
    out.append(blk.text[pos:])
    return blk.with_(text="".join(out), spans=list(blk.spans) + spans)


def emphasis(doc: Document) -> Document:
    """Turn underscore and asterisk emphasis in every paragraph into ``hi`` spans."""
    body = [_marked(b) if isinstance(b, Block) and not b.spans else b for b in doc.body]
    marked = sum(1 for b in body if isinstance(b, Block) for s in b.spans if s.kind == "hi")
    report = Reporter()
    if marked:
        report.infer(1, "emphasis marks (hi)", "high",
                     f"{marked} runs marked with _ or * in the source")
    return report.into(doc, body=body)
