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

from collections import Counter
from dataclasses import dataclass

from converter.model import Block, Document, Line, Reporter
from converter.passes.cues.lists import ITEM_START
from converter.passes.cues.tables import column_rows
from converter.passes.cues.text import PAUSE_END, SENTENCE_END, ends_mid_phrase

# A measure narrower than this is not a wrap width: short lines are verse or lists.
_MIN_MEASURE = 50
# Lines are "wrapped" only when nearly none runs past the measure (one-paragraph-per-line
# text has most of its lines far longer than any measure).
_MAX_OVER = 0.02
# ... and most lines that are followed by another line of their block end near the measure.
_NEAR = 15
_MIN_NEAR_SHARE = 0.6
_MARGIN_SHARE = 5  # a margin is the indentation of at least one line in five
# How far short of the measure a line may end and still be full (a run-on line).
_SLACK = 12
_PROSE_SHARE = 0.75  # of a block's inner lines near the measure: a wrapped paragraph
_RUNON_SHARE = 0.5  # of a block's line ends that visibly run on: ragged prose
_LOCAL_MIN_LINES = 4  # a block this long shows its own measure


@dataclass(frozen=True)
class Measure:
    """The page: ``width`` is the wrap width in columns (0 when the text is not wrapped),
    ``margin`` the indentation of ordinary prose lines."""

    width: int = 0
    margin: int = 0

    def relative_indent(self, line: Line) -> int:
        """Columns of indentation beyond the document's margin."""
        return max(0, line.indent - self.margin)

    def set_in(self, lines, by: int = 2) -> bool:
        """Every one of the printed ``lines`` stands ``by`` columns or more in from the
        margin (no lines: False)."""
        return bool(lines) and all(self.relative_indent(ln) >= by for ln in lines)


def measure(blocks: list[Block]) -> Measure:
    """Estimate the wrap width and the margin from the printed lines of ``blocks``."""
    inner = sorted(ln.end for b in blocks for ln in b.lines[:-1])
    # The margin: the least indentation that a fair share of all lines have (quotations,
    # verse and first-line indents are set in from it; a stray outdented line is not it).
    indents = Counter(ln.indent for b in blocks for ln in b.lines)
    total = sum(indents.values())
    margin = min((i for i, n in indents.items() if n * _MARGIN_SHARE >= total), default=0)
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
    # on unless it ends on punctuation and the next begins with a capital (verse), or the
    # next is indented further (verse indents its lines; wrapped prose does not).
    return reach > width - _SLACK and nxt.indent <= line.indent and \
        not (PAUSE_END.search(line.text) and nxt.text[:1].isupper())


def runs_on(line: Line, nxt: Line) -> bool:
    """The sentence visibly goes on: no stop at the end and a lower-case word next, or a
    last word no sentence ends on (old texts capitalise nouns: "and a" / "Majority")."""
    return not SENTENCE_END.search(line.text) and (nxt.text[:1].islower() or ends_mid_phrase(line.text))


def local_width(lines: tuple, width: int) -> int:
    """The measure of one block: a paragraph wrapped a little narrower than the document
    (typists and wrappers vary) is measured by its own longest inner line."""
    if len(lines) < _LOCAL_MIN_LINES:
        return width
    ends = [ln.end for ln in lines[:-1]]
    inner = max(ends)
    if not width - _SLACK <= inner < width:
        return width
    # Only a paragraph has a measure of its own: most of its lines end near it (verse does not).
    near = sum(1 for e in ends if e >= inner - _SLACK)
    return inner if near >= len(ends) * _PROSE_SHARE else width


def is_prose(lines: tuple, width: int) -> bool:
    """A wrapped paragraph rather than lines that mean something: most inner lines end near
    the measure, or (ragged typing, no measure) most of them run on into the next; two
    lines are prose when a long first line runs on into the second."""
    if len(lines) == 2:
        return lines[0].end - lines[0].indent >= _MIN_MEASURE and runs_on(*lines)
    if len(lines) < 3:
        return False
    inner = len(lines) - 1
    if width and sum(1 for ln in lines[:-1] if ln.end >= width - _SLACK) >= inner * _PROSE_SHARE:
        return True
    return sum(1 for a, b in zip(lines, lines[1:]) if runs_on(a, b)) >= inner * _RUNON_SHARE


def _prose_break(line: Line, nxt: Line, width: int) -> bool:
    """Inside a prose block only an indented line, or (with a measure) a line that ends well
    short of it, starts a new logical line: e-texts separate paragraphs by blank lines."""
    if nxt.indent > line.indent:
        return True
    return bool(width) and line.end < width - 2 * _SLACK and not runs_on(line, nxt)


def _hangs(first: Line, nxt: Line) -> bool:
    """``nxt`` is indented to the text after the label that opens ``first``: a hanging
    indent, the continuation of a labelled item."""
    m = ITEM_START.match(first.text)
    return bool(m) and nxt.indent == first.indent + m.end() and not ITEM_START.match(nxt.text)


def _hanging_run_on(group: list[Line], ln: Line) -> bool:
    """``ln`` goes on with the sentence of an entry set with a hanging indent ("  If an
    allowance … per" / "    annum, be made …"): set in further than the entry's first
    line, level with its other lines, and the sentence visibly runs on into it."""
    first, last = group[0], group[-1]
    if "\t" in last.text:  # columns set with tabs: a table's rows, each its own line
        return False
    return ln.indent > first.indent and (len(group) == 1 or ln.indent == last.indent) and \
        runs_on(last, ln)


def logical_lines(lines: tuple, width: int) -> list[list[Line]]:
    """The printed ``lines`` grouped into logical lines: a full line runs on into the next."""
    width = local_width(lines, width)
    prose = is_prose(lines, width)
    groups: list[list[Line]] = []
    for k, ln in enumerate(lines):
        prev = lines[k - 1]
        if groups and _hangs(groups[-1][0], ln):
            groups[-1].append(ln)  # "3. To consider the petition of the" / "   inhabitants…"
            continue
        # A labelled line opens an item; a full line runs on even into a hanging indent.
        joins = not ITEM_START.match(ln.text) and (
            is_full(prev, ln, width) or (prose and not _prose_break(prev, ln, width)) or
            (bool(groups) and _hanging_run_on(groups[-1], ln)))
        if groups and joins:
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


# Project Gutenberg's transcribers mark a block quotation "/#" … "#/" and lines that must
# not be rewrapped (verse, tables, addresses) "/*" … "*/", each mark alone on its line.
_OPENERS = {"/#": ("#/", "quote"), "/*": ("*/", "lines")}
_MAX_FRAMED_LINES = 400  # a mark with no closer this near is no mark


def _marks(blocks: list[Block]) -> dict[int, str | None]:
    """Line number -> frame opened there ("quote"/"lines"), or None for a closing mark;
    only marks that pair up (an opener whose closer follows within reach)."""
    lines = [ln for b in blocks for ln in b.lines]
    marks: dict[int, str | None] = {}
    k = 0
    while k < len(lines):
        ln = lines[k]
        opener = _OPENERS.get(ln.text[:2])
        if opener and not ln.text[2:3].isalnum():
            close = next((j for j in range(k + 1, min(len(lines), k + _MAX_FRAMED_LINES))
                          if lines[j].text.strip() == opener[0]), None)
            if close is not None:
                marks[ln.number], marks[lines[close].number] = opener[1], None
                k = close
        k += 1
    return marks


def delimited(blocks: list[Block]) -> tuple[list[Block], int]:
    """The blocks without the e-text's quotation marks ``/#``, ``#/``, ``/*``, ``*/``;
    each block between them carries the ``frame`` hint. Also the number of frames."""
    marks = _marks(blocks)
    if not marks:
        return blocks, 0
    out, frame = [], None
    for blk in blocks:
        kept, framed = [], frame
        for ln in blk.lines:
            if ln.number not in marks:
                kept.append(ln)
            elif marks[ln.number]:
                frame = framed = marks[ln.number]
                rest = ln.text[2:].strip()  # "/*[4]": a note's marker may follow the mark
                if rest:
                    kept.append(Line(rest, ln.indent, ln.end, ln.number))
            else:
                frame = None
        if not kept:
            continue  # the marks alone: no words
        if len(kept) == len(blk.lines) and not framed:
            out.append(blk)
            continue
        out.append(blk.with_(text="\n".join(ln.text for ln in kept), line=kept[0].number,
                             lines=tuple(kept), hints={**blk.hints, "frame": framed} if framed
                             else blk.hints))
    return out, sum(1 for v in marks.values() if v)


def unwrap(doc: Document) -> Document:
    """Join wrapped printed lines into logical lines in every block of the body."""
    body, frames = delimited(list(doc.body))
    m = measure(body)
    out, joined = [], 0
    for blk in body:
        if len(blk.lines) < 2 or blk.hints.get("frame") == "lines" or \
                column_rows([ln.text for ln in blk.lines]) is not None:
            out.append(blk)  # one line, lines marked as such, or the rows of a table
            continue
        groups = logical_lines(blk.lines, m.width)
        if len(groups) == len(blk.lines):
            out.append(blk)
            continue
        joined += 1
        out.append(blk.with_(text="\n".join(join_printed(g) for g in groups)))
    report = Reporter()
    if frames:
        report.infer(1, "marked quotations", "high",
                     f"{frames} passages marked /# … #/ or /* … */ by the transcriber")
    if joined:
        report.infer(1, "unwrapped lines", "high",
                     f"{joined} blocks hard-wrapped at {m.width} columns joined into paragraphs")
    return report.into(doc, body=out, layout=m)
