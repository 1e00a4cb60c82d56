"""Illustrations: the e-text's placeholder for a picture of the printed book.

Project Gutenberg and similar transcriptions mark where a picture stood with a bracketed
block, ``[Illustration]`` or ``[Illustration: The Bastille in 1789]``, sometimes over
several lines. It is not part of the running text: it becomes ``<figure>`` with a
``<figDesc>`` that keeps the block's words ("Illustration: The Bastille in 1789"; only the
brackets go), where the text set it.
"""
from __future__ import annotations

import re

from converter.model import Block, Document, Node, Reporter

_ILLUSTRATION = re.compile(r"^\[(?P<desc>(?:Illustration|Frontispiece|Figure|Plate|Map)"
                           r"(?:[:.]\s*[^\[\]]*)?)\]$", re.I | re.S)


def illustrations(doc: Document) -> Document:
    """Turn bracketed illustration blocks into ``figure`` elements."""
    report = Reporter()
    out = []
    for blk in doc.body:
        m = _ILLUSTRATION.match(blk.text.strip()) if isinstance(blk, Block) and \
            blk.kind == "p" and not blk.spans else None
        if m is None:
            out.append(blk)
            continue
        desc = " ".join(m.group("desc").split())
        out.append(Node("figure", [Block("figDesc", desc, blk.line)], blk.line,
                        {"cert": "high"}))
        report.infer(blk.line, "illustration (figure)", "high", desc[:60])
    return report.into(doc, body=out)
