"""The HTML edition written in pieces: each finished division of the text is serialised
at once and its elements let go, so the whole page never stands as one lxml tree (on a
13 MB TEI that tree took 150 MB). A comment marks each piece's place in the rest of the
page (the comment carries the piece's tail), and ``join`` puts the pieces back in.

A piece is set aside only once nothing can change it any more: the writer appends text
to the last element made and looks back at it (``html_body._keep_apart``), so an element
is set aside when the next one has been made. The newlines between blocks (``newlines``)
are put into a piece before it is written; its container gets them at the end, where its
children's tails decide (the comments carry them).
"""
from __future__ import annotations

import re

from lxml import etree

_FLOW = {"html", "head", "body", "header", "nav", "main", "section", "div", "ul", "ol", "dl",
         "table", "tr", "figure", "blockquote", "footer"}
# The mark of a piece. Nothing else in the page can read so: text and attribute values
# are written with "<" escaped, and the TEI's comments are not copied.
_MARK = "tei-edition:piece:"
_MARKS = re.compile(b"<!--" + _MARK.encode() + rb"(\d+)-->")


def newlines(page) -> None:
    """One block per source line, for readable HTML and diffs: a newline goes between the
    children of block containers that hold no text of their own (where it is insignificant).
    (Each container's own text and its children's tails decide: any order will do.)"""
    for el in page.iter(*_FLOW):
        if not (el.text and el.text.strip()) and not any(c.tail and c.tail.strip()
                                                         for c in el):
            el.text = "\n" if len(el) else el.text
            for c in el:
                c.tail = "\n"


class Pieces:
    """The pieces set aside, written (``done``), and the ids in them (``ids``: the index
    links only to ids the page has)."""

    def __init__(self):
        self.done: list[bytes] = []
        self.ids: set = set()

    def set_aside(self, el) -> None:
        """Write the finished element ``el`` and put a mark in its place."""
        newlines(el)
        self.ids.update(i for i in (e.get("id") for e in el.iter(etree.Element)) if i)
        mark = etree.Comment(f"{_MARK}{len(self.done)}")
        mark.tail = el.tail
        el.getparent().replace(el, mark)  # (el takes its tail away, the mark brings its own)
        self.done.append(etree.tostring(el, method="html", encoding="UTF-8", with_tail=False))

    def join(self, page: bytes) -> bytes:
        """The ``page`` written with its marks, each replaced by its piece."""
        parts = _MARKS.split(page)
        parts[1::2] = [self.done[int(n)] for n in parts[1::2]]
        return b"".join(parts)
