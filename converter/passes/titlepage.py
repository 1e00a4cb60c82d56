"""Title pages: the opening lines of a printed book or pamphlet, down to its imprint.

Texts transcribed from early prints open with a title page: the title (often twice, short
and in full capitals), a byline ("BY CASSIUS."), an epigraph in quotation marks, and the
imprint ("BOSTON: Printed by EDES and GILL …", "PHILADELPHIA; Printed, and Sold, by R.
BELL"), sometimes followed by the year in roman numerals. When an imprint is found among
the first blocks, everything down to it is the title page: ``docTitle``, ``byline``,
``epigraph`` (a ``quote``), ``docImprint`` and ``docDate``; none of it is a heading.
"""
from __future__ import annotations

import re

from converter.model import Block, Document, Node, Reporter, Span, attrs_of
from converter.passes.cues.front import BYLINE, ENDS_WITH_BY, MADE_BY
from converter.passes.cues.lists import label_of
from converter.passes.cues.text import OPEN_QUOTES, ROMAN_YEAR
from converter.passes.cues.verse import verse_node

MAX_BLOCKS = 15
# "BOSTON: Printed by …", "PHILADELPHIA; Printed, and Sold, by …", "PRINTED at BOSTON …":
# the place in capitals, then the printer; never "ordered to be printed" inside a sentence.
IMPRINT = re.compile(r"^(?:[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}[:;,] ?){0,3}"
                     r"(?:(?:re-?)?printed|sold|published)\b", re.I)
_YEAR_LINE = re.compile("^" + ROMAN_YEAR + r"$|^1[4-9]\d\d\.?$")
# A publisher's line of a later imprint: "The Walter Scott Publishing Co., Ltd.",
# "VANGUARD PRESS", "Published by J. M. Dent & Sons" (each line of the block is tried).
_PUBLISHER = re.compile(r"^(?:published by\b|.{0,60}\b(?:publishing (?:co|company|house)\b|"
                        r"press$|(?:&|and) (?:sons|co)\.?(?:,? ltd\.?)?$))", re.I)
_IMPRINT_WORDS = 12  # a line of an imprint, not a sentence about publishers


# After an edition statement ("Third Edition."), a short line ending in a year is the
# imprint even without the word "printed" ("London Geo. B. Whittaker, Ave-Maria-Lane. 1825.").
_EDITION = re.compile(r"\bedition\b", re.I)
_YEAR_END = re.compile(r"\b1[5-9]\d\d\.?$")


def _publisher(blk: Block) -> bool:
    return any(_PUBLISHER.match(ln) and len(ln.split()) <= _IMPRINT_WORDS
               for ln in blk.text.split("\n"))


def _imprint_at(body: list) -> int | None:
    edition, titles = False, True
    for i, blk in enumerate(body[:MAX_BLOCKS]):
        if not isinstance(blk, Block) or blk.kind != "p":
            return None
        if len(blk.text) < 300 and (IMPRINT.match(blk.text) or
                                    (edition and _YEAR_END.search(blk.text)) or
                                    (titles and _publisher(blk))):
            return i
        # A publisher's line ends a title page only under title lines, never under prose.
        titles = titles and all(len(ln.split()) <= _IMPRINT_WORDS for ln in blk.text.split("\n"))
        edition = edition or bool(_EDITION.search(blk.text) and len(blk.text) < 80)
    return None


def _line_list(blk: Block) -> list[Span]:
    """Inline ``list``/``item`` spans for a title-page block given one item per line
    (a table of contents: "I. On the Citizens …" / "II. On Governor Rutledge's …")."""
    spans, pos = [Span(0, len(blk.text), "list", attrs_of(type="simple"), 10)], 0
    for line in blk.text.split("\n"):
        spans.append(Span(pos, pos + len(line), "item", (), 20))
        lab = label_of(line)
        if lab:
            spans.append(Span(pos, pos + len(line[:lab[0]].rstrip()), "label", (), 30))
        pos += len(line) + 1
    return spans


def _labelled(lines: list[str]) -> bool:
    """Most lines open with a label: a list of contents, not a title set on two lines
    ('Author of "Fields, Factories, and Workshops"' / '"The Memoirs of a Revolutionist"')."""
    return sum(1 for ln in lines if label_of(ln)) * 2 >= len(lines)


def _part(blk: Block, first: bool, after_by: bool = False):
    if blk.text[:1] in OPEN_QUOTES:
        if "\n" in blk.text:
            inner = Node("quote", [verse_node(blk)], blk.line, {"type": "verse"})
        else:
            inner = blk
        return Node("epigraph", [inner], blk.line)
    if not first and (BYLINE.match(blk.text) or MADE_BY.match(blk.text.strip()) or after_by):
        return blk.with_(kind="byline", attrs={"cert": "medium"})  # "by" / "JEAN JACQUES ROUSSEAU"
    listed = "\n" in blk.text and not first and _labelled(blk.text.split("\n"))
    spans = [*blk.spans, *(_line_list(blk) if listed else [])]
    return blk.with_(kind="docTitle", spans=spans, attrs={"cert": "medium" if first else "low"})


def title_page(doc: Document) -> Document:
    """``doc`` with its title page moved to ``front`` (unchanged when there is no imprint
    or the front is already there: the pass is idempotent)."""
    if doc.front:
        return doc
    body = list(doc.body)
    end = _imprint_at(body)
    if end is None or end == 0:
        return doc
    front = [_part(blk, k == 0, k > 0 and ENDS_WITH_BY.search(body[k - 1].text.strip()) is not None)
             for k, blk in enumerate(body[:end])]
    front.append(body[end].with_(kind="docImprint", attrs={"cert": "medium"}))
    end += 1
    if end < len(body) and isinstance(body[end], Block) and _YEAR_LINE.match(body[end].text):
        front.append(body[end].with_(kind="docDate", attrs={"cert": "medium"}))
        end += 1
    if end >= len(body):
        return doc
    report = Reporter()
    report.infer(body[0].line, "title page down to the imprint", "medium", body[end - 1].text[:60])
    return report.into(doc, front=front, body=body[end:])
