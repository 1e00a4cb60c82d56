"""Contents: the table of contents a printed book opens with, laid out in columns.

After a ``CONTENTS`` line, books list their parts one entry a line or a block: a label
(``CHAPTER II.``, ``IV.``), a title, and often the page, set off by runs of spaces or dot
leaders. These lines are neither headings (the real headings come later, with the text)
nor paragraphs. They become a ``table`` of ``type="contents"`` with a row per line and a
cell per column, so the entries keep their words and their layout, and the headings pass
never sees them. The contents end at the first block that is not an entry: a paragraph of
prose, or a short line that only a paragraph follows (the text's first heading).
"""
from __future__ import annotations

import re

from converter.model import Block, Document, Node, Reporter
from converter.passes.cues.lists import NUMBER_LABEL
from converter.passes.cues.text import is_titlecased, words

_TRIGGER = re.compile(r"^(?:table\s+of\s+)?contents?\.?:?$|^list of contents\.?$", re.I)
_PAGE = re.compile(r"(?:\s{2,}|\.{3,}\s*|\s)(?:[0-9]{1,4}|[ivxlc]{1,6})\s*$")
_LABEL = re.compile(r"^(?:(?:chapter|chap|book|part|section|letter|essay|lecture|appendix)\.?\s+"
                    r"[\w-]+\.?|" + NUMBER_LABEL + r")(?:\s|$)", re.I)
_COLUMNS = re.compile(r"\s{2,}|\.{3,}\s*")
_MAX_WORDS = 16  # an entry is a title, not a sentence
_MAX_ENTRIES = 400
_MAX_TITLE_WORDS = 10
_RANK = 9  # deeper than any heading of the text: the next heading closes the contents


def _entry_lines(blk) -> list[str] | None:
    """The lines of ``blk`` when each reads as a contents entry, else None."""
    if not isinstance(blk, Block) or blk.kind != "p":
        return None
    lines = blk.text.split("\n")
    if any(len(words(ln)) > _MAX_WORDS for ln in lines):
        return None
    return lines


def _marked(lines: list[str]) -> bool:
    """Some line carries a page number, a label or the PAGE column head."""
    return any(_PAGE.search(ln) or _LABEL.match(ln) or ln.strip().upper() == "PAGE"
               for ln in lines)


def _titles(lines: list[str] | None) -> bool:
    """Every line is a short title ("Minorities Versus Majorities"), no sentence."""
    return bool(lines) and all(len(words(ln)) <= _MAX_TITLE_WORDS and is_titlecased(ln) and
                               not ln.rstrip().endswith(".") for ln in lines)


def _row(text: str, line: int) -> Node:
    cells = [c for c in _COLUMNS.split(text.strip()) if c]
    return Node("row", [Block("cell", c, line) for c in cells or [text]], line)


def _extent(body: list, i: int) -> int:
    """Index after the last entry of the contents that follow the trigger at ``i``."""
    j = i + 1
    while j < len(body) and j - i <= _MAX_ENTRIES:
        lines = _entry_lines(body[j])
        if lines is None:
            break
        if not _marked(lines):
            nxt = _entry_lines(body[j + 1]) if j + 1 < len(body) else None
            if not _titles(lines) or nxt is None or not (_marked(nxt) or _titles(nxt)):
                break  # an unmarked short line before prose: the text's first heading
        j += 1
    return j


def contents(doc: Document) -> Document:
    """Turn the entries after a ``CONTENTS`` line into a contents table."""
    body = list(doc.body)
    report = Reporter()
    out: list = []
    i = 0
    while i < len(body):
        blk = body[i]
        out.append(blk)
        if isinstance(blk, Block) and blk.kind == "p" and _TRIGGER.match(blk.text.strip()):
            end = _extent(body, i)
            if end - i > 1:
                # "CONTENTS" heads its table (a division of its own, never the book's title)
                out[-1] = blk.with_(kind="head", attrs={"cert": "high", "rank": _RANK,
                                                       "style": "contents"})
                rows = [_row(text, b.line + k) for b in body[i + 1:end]
                        for k, text in enumerate(b.text.split("\n"))]
                out.append(Node("table", rows, body[i + 1].line,
                                {"type": "contents", "cert": "medium"}))
                report.infer(body[i + 1].line, "table of contents", "medium",
                             f"{len(rows)} entries")
                i = end
                continue
        i += 1
    return report.into(doc, body=out)
