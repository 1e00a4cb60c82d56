"""Tables laid out in columns: figures, accounts and schedules that plain text sets with
runs of spaces between the cells (``Land-tax          L 1,950,000``).

Used by ``layout`` (the lines of such a block are rows: they are never joined into a
paragraph) and by the ``tables`` pass (the block becomes a ``table`` of ``row``/``cell``).
Prose typed with two spaces after a full stop is no table: a gap counts as a column gap
only when it is three spaces or more, or two that do not follow the end of a sentence.
"""
from __future__ import annotations

import re

# A column gap: three or more spaces, or two not after sentence-ending punctuation.
_GAP = re.compile(r" {3,}|(?<![.!?:;]) {2}(?! )")
_RULE = re.compile(r"^[-=_.\s]+$")  # "-----------": a rule under a column of figures
_FIGURE = re.compile(r"\d")
# A numeral set off from its title by a column gap ("  IV.  Of the Meaning of Progress"):
# the label column of a list of chapters (a gap after a full stop counts here).
_NUMERAL = r"(?:[IVXLC]{1,7}|[0-9]{1,3})\.?"
_LABEL_GAP = re.compile(_NUMERAL + r"(?= {2,}\S)")
_LABEL_CELL = re.compile(_NUMERAL)
_MIN_ROWS = 3
_MULTI_SHARE = 0.6  # of a table's rows (not rules) that have two cells or more
_FIGURE_SHARE = 0.5  # ... and of those, the rows that carry a figure
_MAX_CELL_WORDS = 12  # a cell is a label, a title or a figure, never a long sentence


def is_rule(line: str) -> bool:
    """A line drawn across a column of figures (``-------``, ``=====``)."""
    return bool(_RULE.match(line)) and len(line.strip()) >= 3


def cell_bounds(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of one printed line of a column table (a rule has none)."""
    if is_rule(line):
        return []
    out, pos = [], 0
    lead = len(line) - len(line.lstrip())
    label = _LABEL_GAP.match(line, lead)
    if label:
        out.append((lead, label.end()))
        pos = label.end()
    for gap in _GAP.finditer(line, pos):
        if line[pos:gap.start()].strip():
            out.append(_trim(line, pos, gap.start()))
        pos = gap.end()
    if line[pos:].strip():
        out.append(_trim(line, pos, len(line)))
    return out


def _trim(line: str, start: int, end: int) -> tuple[int, int]:
    while line[start].isspace():
        start += 1
    while line[end - 1].isspace():
        end -= 1
    return start, end


def cells(line: str) -> list[str]:
    """The cells of one printed line of a column table (a rule has none)."""
    return [line[a:b] for a, b in cell_bounds(line)]


def column_rows(lines: list[str]) -> list[list[str]] | None:
    """The cells of each line when ``lines`` read as a table set in columns, else None.

    Most lines split into two cells or more at wide gaps, and most of those carry a
    figure or open with a numeral label: a schedule of sums or a list of chapters, not
    verse or a list of names with a stray double space.
    """
    if len(lines) < _MIN_ROWS:
        return None
    # A row of two cells has a gap of two spaces or more inside it; wrapped prose has none.
    if sum(1 for ln in lines if "  " in ln.strip()) < 2:
        return None
    rows = [cells(ln) for ln in lines]
    text_rows = [r for r, ln in zip(rows, lines) if not is_rule(ln)]
    multi = [r for r in text_rows if len(r) >= 2]
    if len(multi) < 2 or len(multi) < len(text_rows) * _MULTI_SHARE:
        return None
    if any(len(c.split()) > _MAX_CELL_WORDS for r in multi for c in r):
        return None
    figures = sum(1 for r in multi if any(_FIGURE.search(c) for c in r[1:]) or
                  _LABEL_CELL.fullmatch(r[0]))
    if figures < len(multi) * _FIGURE_SHARE:
        return None
    return rows
