"""Lines of the text edition: marked edges between words (so runs of markup never glue
two words into one), note marks, and wrapping at the page width. Shared by the text
writer and its table layout."""
from __future__ import annotations

import re
from functools import lru_cache

from converter.writers.common import norm

EDGE = "\ue000"  # where an item, label or paragraph run into a line began or ended
_MARK = re.compile("\ue001([0-9]+)\ue002")
# A run of edges and note marks between two letters or digits. (The letter before is
# checked by ``settle``: a lookbehind first would make the regex engine try the pattern at
# every character instead of jumping to the marks.)
_EDGES = re.compile(f"(?:{EDGE}|\ue001[0-9]+\ue002)+(?=[^\\W_])")
_WORD_CHAR = re.compile(r"[^\W_]")


def glue(left: str, right: str, apart: bool) -> str:
    """``left + right``, marking the edge when ``apart`` (see ``settle``)."""
    return left + EDGE + right if apart else left + right


def mark(num: int) -> str:
    """A note reference, kept out of the way of ``settle`` until it is printed ``[n]``."""
    return f"\ue001{num}\ue002"


def settle(text: str) -> str:
    """A space at each marked edge where two words would otherwise run together into
    one (even from inside other markup: ``<hi><item>a</item></hi>b``; note references in
    between go before the space); no mark elsewhere."""
    if EDGE not in text and "\ue001" not in text:
        return text

    def fix(m):
        run = m.group(0)
        if not m.start() or not _WORD_CHAR.match(text, m.start() - 1):
            return run  # not after a letter or digit: left as it is
        return "".join(f"[{n}]" for n in _MARK.findall(run)) + (" " if EDGE in run else "")
    return _MARK.sub(r"[\1]", _EDGES.sub(fix, text)).replace(EDGE, "")


@lru_cache(maxsize=64)
def _filler(width: int) -> re.Pattern:
    # One line of at most ``width`` characters ending at a word's end (a single space or
    # the end follows), else one word longer than that on a line of its own; a space
    # before it (between lines) is skipped.
    if width < 1:
        return re.compile(r" ?([^ ]+)")
    return re.compile(r" ?(.{1,%d}(?= |$)|[^ ]+)" % width)


def fill(raw: str, width: int, hang: int = 0) -> list:
    """The lines of ``raw`` (words between single spaces, as ``norm`` leaves them) filled
    greedily up to ``width``, the lines after the first set in by ``hang`` spaces and
    ``hang`` narrower: what ``textwrap.wrap(raw, width, subsequent_indent=" " * hang,
    break_long_words=False, break_on_hyphens=False)`` gives, one regex match per line
    instead of a Python step per word (tests/test_writers_text.py compares both)."""
    first = _filler(width).match(raw)
    if first is None:
        return []
    return [first.group(1)] + [" " * hang + line
                               for line in _filler(width - hang).findall(raw, first.end())]


def wrap(text: str, width: int, indent: int = 0, hang: int = 0, centre: bool = False,
         right: bool = False) -> list:
    """Lines of ``text`` wrapped at ``width`` (centred or set right if asked); explicit
    newlines are kept as line breaks."""
    lines = []
    for raw in text.split("\n"):
        raw = norm(raw)
        if not raw:
            continue
        for line in fill(raw, max(width - indent, 16), hang):
            lines.append(line.center(width).rstrip() if centre else
                         line.rjust(width) if right else " " * indent + line)
    return lines
