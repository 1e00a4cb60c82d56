"""Page numbers: the printed page's number, standing alone between paragraphs.

OCR output and transcriptions of printed pages keep each page's number as a line of its
own ("12", "- 12 -", "[Page 12]", "[Pg xiv]"), often in the middle of a sentence that
runs on to the next page. Such a block leaves the running text and becomes a ``pb``
milestone with the number in ``@n`` at the start of the block after it (the number is
kept, in the attribute the TEI gives it); the page-break pass then joins the two halves of
a sentence around it. A number that ends the text, or that stands between two headings,
is left alone: that is more likely a count than a page.
"""
from __future__ import annotations

import re

from converter.model import Block, Document, Reporter, Span, attrs_of

# Figures alone, or a roman numeral only after "Page"/"Pg" (a lone "IV" heads a section).
_PAGE = re.compile(r"^[\[({<]?\s*(?:(?:(?:page|pg\.?|p\.)\s*(?P<r>[ivxlc]{1,7}\b)?)?\s*[-–—]?\s*"
                   r"(?P<n>[0-9]{1,4})?)\s*[-–—]?\s*[\])}>]?$", re.I)
_MIN_PAGES = 2  # one lone number is a count or a list's remnant; pages come in series


def _number(blk) -> str | None:
    if not isinstance(blk, Block) or blk.kind != "p" or "\n" in blk.text:
        return None
    m = _PAGE.match(blk.text.strip())
    return (m.group("n") or m.group("r")) if m else None


def page_numbers(doc: Document) -> Document:
    """Move lone page-number blocks into ``pb n`` milestones on the block after them."""
    body = list(doc.body)
    found = [i for i, blk in enumerate(body) if _number(blk) is not None
             and 0 < i < len(body) - 1 and isinstance(body[i + 1], Block)
             and body[i + 1].kind == "p" and isinstance(body[i - 1], Block)
             and body[i - 1].kind == "p"]
    if len(found) < _MIN_PAGES:
        return doc
    report = Reporter()
    drop = set(found)
    out = []
    for i, blk in enumerate(body):
        if i in drop:
            continue
        if i - 1 in drop:
            n = _number(body[i - 1])
            pb = Span(0, 0, "pb", attrs_of(n=n, cert="medium"), 10)
            blk = blk.with_(spans=[pb, *blk.spans])
            report.infer(body[i - 1].line, "page number (pb)", "medium", n)
        out.append(blk)
    return report.into(doc, body=out)
