"""Page numbers: the printed page's number, standing alone between paragraphs.

OCR output and transcriptions of printed pages keep each page's number as a line of its
own ("12", "- 12 -", "[Page 12]", "[Pg xiv]"), often in the middle of a sentence that
runs on to the next page. Such a block leaves the running text and becomes a ``pb``
milestone with the number in ``@n`` at the start of the block after it (the number is
kept, in the attribute the TEI gives it); the page-break pass then joins the two halves of
a sentence around it. A number that ends the text, or that stands between two headings,
is left alone: that is more likely a count than a page.

Running heads come with the page: a short line that recurs at page breaks, by itself next
to a page number or with the number on its own line ("12      THE SOCIAL CONTRACT",
"OF SLAVERY  47"). Three of the same, each with a number or beside one, make it a running
head: it becomes an ``fw`` (``type="header"``) at the start of the block after it, with the
page's ``pb``; the reading editions leave it out, the TEI keeps every word of it. A numbered
heading ("CHAPTER 2") is no running head, nor is a line that only recurs (a signature).
"""
from __future__ import annotations

import re

from converter.model import Block, Document, Reporter, Span, attrs_of
from converter.passes.cues.headings import heading_of
from converter.passes.cues.text import few_words, words

# Figures alone, or a roman numeral only after "Page"/"Pg" (a lone "IV" heads a section).
_PAGE = re.compile(r"^[\[({<]?\s*(?:(?:(?:page|pg\.?|p\.)\s*(?P<r>[ivxlc]{1,7}\b)?)?\s*[-–—]?\s*"
                   r"(?P<n>[0-9]{1,4})?)\s*[-–—]?\s*[\])}>]?$", re.I)
_MIN_PAGES = 2  # one lone number is a count or a list's remnant; pages come in series
# A running head with its page's number before or after it, set off by white space.
# (Pages up to 999: "SATURDAY, MARCH 4, 1809" ends on a year, not a page.)
_NUMBERED_HEAD = re.compile(r"^(?P<n>[0-9]{1,3})\s+(?P<t>[^\W\d].*?)$|^(?P<t2>.*?[^\W\d][.]?)\s+(?P<n2>[0-9]{1,3})$")
_MIN_RUNNING = 3  # a line seen this often at page breaks runs over the pages
_HEAD_WORDS = 10


def _number(blk) -> str | None:
    if not isinstance(blk, Block) or blk.kind != "p" or "\n" in blk.text:
        return None
    m = _PAGE.match(blk.text.strip())
    return (m.group("n") or m.group("r")) if m else None


def _head_parts(blk) -> tuple[str, list[tuple[str, str]], bool] | None:
    """(the running head's words, its milestones in the order of the line, whether the
    line carries a page number) for a short one-line block: "12 THE SOCIAL CONTRACT" is
    the page, then the head; "OF SLAVERY 13" the head, then the page."""
    if not isinstance(blk, Block) or blk.kind != "p" or "\n" in blk.text or \
            not few_words(blk.text, _HEAD_WORDS) or not words(blk.text):
        return None
    text = blk.text.strip()
    m = _NUMBERED_HEAD.match(text)
    if not m:
        return text, [("fw", text)], False
    if m.group("n"):
        head = m.group("t").strip()
        return head, [("pb", m.group("n")), ("fw", head)], True
    head = m.group("t2").strip()
    return head, [("fw", head), ("pb", m.group("n2"))], True


def _running_heads(body: list, numbers: set[int]) -> dict[int, list[tuple[str, str]]]:
    """Index -> the milestones (``pb``, ``fw``) of each block that is a running head."""
    parts = {i: p for i, blk in enumerate(body[1:-1], 1) if i not in numbers and
             (p := _head_parts(blk)) is not None}
    seen: dict[str, list[int]] = {}
    for i, (text, _marks, _paged) in parts.items():
        seen.setdefault(" ".join(text.upper().split()), []).append(i)
    heads = {}
    for at in seen.values():
        paged = [i for i in at if parts[i][2] or i - 1 in numbers or i + 1 in numbers]
        if len(paged) < _MIN_RUNNING or len(paged) * 2 < len(at):
            continue  # most of its showings must be at a page
        found = heading_of(body[paged[0]], body[paged[0] + 1])
        if found and found["style"] in ("keyword", "numbered"):
            continue  # "CHAPTER 2", "IV. Of Trade": headings that carry a number
        heads.update((i, parts[i][1]) for i in paged)
    return heads


def _attach(blk: Block, marks: list[tuple[str, str]]) -> Block:
    """``blk`` with the page's milestones and running heads before its first word."""
    prefix, spans = "", []
    for kind, value in marks:
        if kind == "pb":
            spans.append(Span(len(prefix), len(prefix), "pb", attrs_of(n=value, cert="medium"), 10))
        else:  # the head and the space after it: the reading text skips both
            spans.append(Span(len(prefix), len(prefix) + len(value) + 1, "fw",
                              attrs_of(type="header", cert="medium"), 20))
            prefix += value + " "
    return blk.with_(text=prefix + blk.text, spans=[*spans, *(s.shift(len(prefix))
                                                              for s in blk.spans)])


def page_numbers(doc: Document) -> Document:
    """Move lone page-number blocks into ``pb n`` milestones, and running heads into
    ``fw``, on the block after them."""
    body = list(doc.body)
    found = [i for i, blk in enumerate(body) if _number(blk) is not None
             and 0 < i < len(body) - 1 and isinstance(body[i + 1], Block)
             and body[i + 1].kind == "p" and isinstance(body[i - 1], Block)
             and body[i - 1].kind == "p"]
    numbers = set(found) if len(found) >= _MIN_PAGES else set()
    heads = _running_heads(body, numbers)
    if not numbers and not heads:
        return doc
    report = Reporter()
    out, marks = [], []
    for i, blk in enumerate(body):
        if i in numbers:
            marks.append(("pb", _number(blk)))
            report.infer(blk.line, "page number (pb)", "medium", _number(blk))
            continue
        if i in heads:
            marks += heads[i]
            report.infer(blk.line, "running head (fw)", "medium", blk.text.strip()[:60])
            continue
        if marks and isinstance(blk, Block):
            blk, marks = _attach(blk, marks), []
        out.append(blk)
    if marks:  # nothing but containers after the last page's head: it stands alone
        out.append(_attach(Block("p", "", body[-1].line), marks))
    return report.into(doc, body=out)
