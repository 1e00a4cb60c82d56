"""Indented blocks: what a plain text sets in from its margin is quoted.

E-texts and typed transcriptions have no other way to show a block quotation or a verse
quotation than to indent it: every line of the block stands two or more columns in from
the document's margin (``Document.layout``). A run of such blocks is one ``quote``: its
blocks of several lines are verse (``lg``/``l``), the others paragraphs. Not quoted:
centred lines (title pages and headings set in the middle of the measure), contents and
lists (lines opening with labels or laid out in columns), short single lines (headings,
attributions; the block-quotation pass gives those to the quotation before them), and, in
a text that indents the first line of its paragraphs, a block of one printed line.
"""
from __future__ import annotations

import re

from converter.model import Block, Document, Node, Reporter
from converter.passes.cues.lists import ANY_LABEL
from converter.passes.cues.verse import verse_node

_MIN_INDENT = 2
_CENTRED_SLACK = 3  # columns a centred line may be off the middle
_COLUMNS = re.compile(r"\S {3,}\S")
_MIN_WORDS_ALONE = 6  # a single line with fewer words is a heading or an attribution


def _centred(blk: Block, layout) -> bool:
    """Every printed line sits in the middle of the measure (and they are not one column)."""
    if not layout.width:
        return False
    mid = all(abs(layout.relative_indent(ln) - (layout.width - ln.end)) <= _CENTRED_SLACK and
              layout.relative_indent(ln) > _MIN_INDENT for ln in blk.lines)
    return mid and (len(blk.lines) == 1 or len({ln.indent for ln in blk.lines}) > 1)


def _first_line_style(body: list, margin: int) -> bool:
    """True when the text indents the first line of its paragraphs (then a one-line block
    that is indented is only a paragraph)."""
    multi = [b for b in body if isinstance(b, Block) and len(b.lines) > 2]
    hanging = sum(1 for b in multi if b.lines[0].indent > margin and
                  all(ln.indent == margin for ln in b.lines[1:]))
    return bool(multi) and hanging * 3 >= len(multi)


def _indented(blk, layout, one_line_ok: bool) -> bool:
    if not isinstance(blk, Block) or blk.kind != "p" or not blk.lines:
        return False
    if blk.hints.get("frame"):
        return True  # the transcriber marked it (/# … #/, /* … */)
    if not layout.set_in(blk.lines, _MIN_INDENT):
        return False
    if _centred(blk, layout):
        return False
    lines = blk.text.split("\n")
    if sum(1 for ln in lines if ANY_LABEL.match(ln) or _COLUMNS.search(ln)) * 2 >= len(lines):
        return False
    if len(blk.lines) == 1:
        return one_line_ok and len(blk.text.split()) >= _MIN_WORDS_ALONE
    return True


def _part(blk: Block) -> Node | Block:
    """A verse block as ``lg`` of ``l``, a prose block as a paragraph."""
    if blk.hints.get("frame") == "quote":
        return blk  # marked prose: its kept line breaks are line breaks, not verse
    return verse_node(blk) if "\n" in blk.text else blk


def indented_quotations(doc: Document) -> Document:
    """Wrap each run of indented blocks in one ``quote``."""
    layout = doc.layout
    if layout is None:
        return doc
    one_line_ok = not _first_line_style(doc.body, layout.margin)
    report = Reporter()
    out: list = []
    run: list = []

    def flush():
        if not run:
            return
        parts = [_part(b) for b in run]
        verse = all(isinstance(p, Node) for p in parts)
        cert = "high" if all(b.hints.get("frame") for b in run) else "medium"
        attrs = {"type": "verse", "cert": cert} if verse else {"cert": cert}
        how = "marked" if cert == "high" else "indented"
        report.infer(run[0].line, f"{how} block quotation" + (" (verse)" if verse else ""),
                     cert, run[0].text.split("\n")[0][:60])
        out.append(Node("quote", parts, run[0].line, attrs))
        run.clear()

    for blk in doc.body:
        if _indented(blk, layout, one_line_ok):
            run.append(blk)
            continue
        flush()
        out.append(blk)
    flush()
    return report.into(doc, body=out)
