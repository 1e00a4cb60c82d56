"""Quote marks: where double quotations open and close inside one block of text.

Shared by the block-quotation and inline-quotation passes so both pair marks the same way.
Curly marks say which way they face; a straight ``"`` opens after a space, bracket or dash
(or at the start) and closes before a space or punctuation. Double quotations do not nest,
so pairing is a left-to-right toggle; a mark that cannot be paired is left alone and is
never allowed to run on into the next block (an unbalanced quote swallows nothing).
"""
from __future__ import annotations

import re
from functools import lru_cache

from converter.passes.cues.text import CURLY_CLOSERS as _CLOSERS
from converter.passes.cues.text import CURLY_OPENERS as _OPENERS

_BEFORE_OPEN = " \t\n([{—–-/"
_MARK = re.compile('[' + _OPENERS + _CLOSERS + '"]')


@lru_cache(maxsize=64)
def marks(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, 'open'|'close') for every double quotation mark in ``text``. Several
    passes ask about the same block, so the answer is cached; only the marks are visited
    (a regex finds them), not every character."""
    out = []
    for m in _MARK.finditer(text):
        i, ch = m.start(), m.group()
        if ch in _OPENERS:
            out.append((i, "open"))
        elif ch in _CLOSERS:
            out.append((i, "close"))
        else:
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if before in _BEFORE_OPEN and not after.isspace():
                out.append((i, "open"))
            elif not before.isspace():
                out.append((i, "close"))
    return tuple(out)


def pairs(text: str) -> list[tuple[int, int]]:
    """Balanced (open, close) offsets; unpaired marks are skipped."""
    out, start = [], None
    for pos, kind in marks(text):
        if kind == "open":
            start = pos  # a second opener restarts (a quotation resumed after a break)
        elif start is not None:
            out.append((start, pos))
            start = None
    return out


def opens_unclosed(text: str) -> bool:
    """True when ``text`` starts with an opening mark that is not closed within it."""
    ms = marks(text)
    if not ms or ms[0] != (0, "open"):
        return False
    return not any(kind == "close" for _pos, kind in ms[1:])


def closes_at_end(text: str) -> int | None:
    """Offset of a closing mark at the end of ``text`` (only punctuation may follow)."""
    stripped = text.rstrip()
    for pos, kind in reversed(marks(stripped)):
        if kind == "close" and all(not c.isalnum() for c in stripped[pos + 1:]):
            return pos
        break
    return None


def is_whole_quotation(text: str) -> bool:
    """True when ``text`` is one quotation from its first character to (nearly) its end."""
    ps = pairs(text.rstrip())
    return bool(ps) and ps[0][0] == 0 and closes_at_end(text) == ps[0][1] and len(ps) == 1
