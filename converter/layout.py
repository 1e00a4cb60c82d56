"""Layout analysis: the printed page before the structure.

Plain text from e-texts, OCR and typed transcriptions is hard-wrapped at a measure of 60 to
80 columns. A wrapped paragraph is one paragraph, not a list of lines; but the lines of verse,
lists, contents, addresses and signatures mean something. This stage runs between the reader
and the structure passes. It estimates the document's measure (wrap width) and margin, and
joins the printed lines of each block into *logical* lines: a printed line that was broken
only because the next word did not fit (it is "full") runs on into the next. What is left as
separate lines in ``Block.text`` (joined by newlines) is meaningful, and the passes read it
as such; ``Block.lines`` keeps the printed geometry for the passes that weigh indentation
(block quotations, verse) and centring (headings).

Text given one paragraph per line has no measure: nothing is joined, so the same document
gives the same structure wrapped or unwrapped.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from converter.model import Block, Document, Line, Reporter

# A measure narrower than this is not a wrap width: short lines are verse or lists.
_MIN_MEASURE = 50
# Lines are "wrapped" only when nearly none runs past the measure (one-paragraph-per-line
# text has most of its lines far longer than any measure).
_MAX_OVER = 0.02
# ... and most lines that are followed by another line of their block end near the measure.
_NEAR = 15
_MIN_NEAR_SHARE = 0.6
# How far short of the measure a line may end and still be full (a run-on line).
_SLACK = 12
_ENDS = re.compile(r"[.!?:;][\"'”’)\]]*$")


@dataclass(frozen=True)
class Measure:
    """The page: ``width`` is the wrap width in columns (0 when the text is not wrapped),
    ``margin`` the indentation of ordinary prose lines."""

    width: int = 0
    margin: int = 0

    def relative_indent(self, line: Line) -> int:
        """Columns of indentation beyond the document's margin."""
        return max(0, line.indent - self.margin)


def measure(blocks: list[Block]) -> Measure:
    """Estimate the wrap width and the margin from the printed lines of ``blocks``."""
    inner = sorted(ln.end for b in blocks for ln in b.lines[:-1])
    indents = Counter(ln.indent for b in blocks for ln in b.lines[1:])
    margin = indents.most_common(1)[0][0] if indents else 0
    if len(inner) < 3:
        return Measure(0, margin)
    width = inner[min(len(inner) - 1, int(len(inner) * 0.97))]
    ends = [ln.end for b in blocks for ln in b.lines]
    over = sum(1 for e in ends if e > width + 2)
    near = sum(1 for e in inner if e >= width - _NEAR)
    if width < _MIN_MEASURE or over > len(ends) * _MAX_OVER or near < len(inner) * _MIN_NEAR_SHARE:
        return Measure(0, margin)
    return Measure(width, margin)


def _first_token(text: str) -> str:
    return text.split(None, 1)[0] if text else ""


def is_full(line: Line, nxt: Line, width: int) -> bool:
    """True when ``line`` was broken only because ``nxt``'s first word would not fit."""
    if not width:
        return False
    room = 0 if line.text.endswith("-") and not line.text.endswith(" -") else 1
    reach = line.end + room + len(_first_token(nxt.text))
    if reach > width:
        return True
    # Wrappers and typists often break a little short of the measure; near it, a line runs
    # on unless it ends a sentence and the next begins a new one with a capital.
    return reach > width - _SLACK and not (_ENDS.search(line.text) and nxt.text[:1].isupper())


def logical_lines(lines: tuple, width: int) -> list[list[Line]]:
    """The printed ``lines`` grouped into logical lines: a full line runs on into the next."""
    groups: list[list[Line]] = []
    for k, ln in enumerate(lines):
        if groups and is_full(lines[k - 1], ln, width):
            groups[-1].append(ln)
        else:
            groups.append([ln])
    return groups


def join_printed(group: list[Line]) -> str:
    """The text of one logical line: printed lines joined by a space, or by nothing after
    a hyphen or dash that ends a word ("to-" + "day", "writings--" + "the")."""
    out = group[0].text
    for ln in group[1:]:
        glue = "" if out.endswith("-") and not out.endswith(" -") else " "
        out += glue + ln.text
    return out


def unwrap(doc: Document) -> Document:
    """Join wrapped printed lines into logical lines in every block of the body."""
    m = measure(doc.body)
    if not m.width:
        return doc.with_(layout=m)
    out, joined = [], 0
    for blk in doc.body:
        if len(blk.lines) < 2:
            out.append(blk)
            continue
        groups = logical_lines(blk.lines, m.width)
        if len(groups) == len(blk.lines):
            out.append(blk)
            continue
        joined += 1
        out.append(blk.with_(text="\n".join(join_printed(g) for g in groups)))
    report = Reporter()
    if joined:
        report.infer(1, "unwrapped lines", "high",
                     f"{joined} blocks hard-wrapped at {m.width} columns joined into paragraphs")
    return report.into(doc, body=out, layout=m)
