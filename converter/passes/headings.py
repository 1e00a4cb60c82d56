"""Headings: numbered ("1: Political Carelessness", "IV. Of Trade", "SECTION II.", "CHAP. IV.",
"Part One") and unnumbered ("Concluding Speech", "LEGISLATIVE POWER.") heading lines, each
with a rank that decides nesting later.

Rank 1 is an unnumbered heading or a part/book, rank 2 a numbered one (chapter, article,
"3:"), rank 3 a section: numbered sections nest inside the nearest unnumbered heading (a
speech's "1:", "2:" restart under "Concluding Speech"). A heading is a single line that is
not a sentence: a short sentence that happens to be capitalised ("Of course it was
possible.") is not one, so a final full stop is only accepted on title-cased or capitalised
lines without a comma. A headnote right after a heading becomes that division's ``argument``.
"""
from __future__ import annotations

import re

from converter.model import Block, Document, Reporter
from converter.passes.cues.front import BY_PREFIX, ENDS_WITH_BY, MADE_BY, is_headnote
from converter.passes.cues.headings import heading_of
from converter.passes.cues.letters import CLOSE, DATE_LINE, SIGNED_INITIALS
from converter.passes.cues.tables import cells
from converter.passes.cues.text import (ends_sentence, few_words, looks_like_signature,
                                        split_block, words)
from converter.passes.cues.verse import is_verse

_TABLE_TITLE = re.compile(r"^[A-Z][^\t:;]*\.$")


def _table_titles(body: list) -> list:
    """A table pasted as tab-separated lines often has its title as the first line, without
    a tab ("Bread Stuffs and Roots." / "Wheat<TAB>3,15<TAB>bushels."): split it off so
    it can be read as a heading."""
    out = []
    for blk in body:
        if isinstance(blk, Block) and blk.kind == "p" and "\t" in blk.text and "\n" in blk.text:
            first, _sep, rest = blk.text.partition("\n")
            found = heading_of(Block("p", first, blk.line), blk)
            if "\t" not in first and "\t" in rest and len(words(first)) <= 8 and (
                    _TABLE_TITLE.match(first) or (found and found["style"] != "plain")):
                title, table = split_block(blk, len(first), "head")
                attrs = heading_of(title.with_(kind="p"), table) or {}
                out.extend([title.with_(attrs={**attrs, "rank": 3, "style": "table title",
                                                "cert": "low"}), table])
                continue
        out.append(blk)
    return out


_CLOSE_WORDS = 4
_PROSE_WORDS = 20  # a paragraph this long is text, not a heading's subtitle
_SENTENCE_WORDS = 6  # a sentence of this many words ends the text a signature closes


def _authors(doc: Document) -> set[str]:
    """The document's author names in lower case, from the title page and the metadata."""
    names = {str(doc.meta.get("author") or "")}
    stack = list(doc.front)
    while stack:
        item = stack.pop()
        if isinstance(item, Block):
            if item.kind == "docAuthor":
                names.add(BY_PREFIX.sub("", item.text))
        else:
            stack.extend(item.children)
    return {" ".join(words(n)).lower() for n in names if words(n)}


_ATTRIBUTION_WORDS = 4


def _attribution(blk: Block, prev, layout) -> bool:
    """A name set in under a quotation set in ("  LOWELL.", "  Mrs. Browning"): the
    quotation's author, not a heading."""
    return layout is not None and isinstance(prev, Block) and len(prev.lines) >= 2 and \
        len(blk.lines) == 1 and len(words(blk.text)) <= _ATTRIBUTION_WORDS and \
        layout.set_in(prev.lines) and layout.set_in(blk.lines) and \
        blk.lines[0].indent - layout.margin < (layout.width or 80) // 3  # not centred


def _figure_row(text: str) -> bool:
    """A line set in columns whose later cells carry figures (a table's row)."""
    row = cells(text)
    return len(row) >= 2 and any(ch.isdigit() for c in row[1:] for ch in c)


def _short_close(prev: Block) -> bool:
    """A complimentary close of a few words ending in a comma ("Affectionate Friend,")."""
    return prev.kind == "p" and few_words(prev.text, _CLOSE_WORDS) and \
        prev.text.rstrip().endswith(",")


def _byline(blk: Block, prev) -> bool:
    """A line that names who made the book ("Edited by Ernest Rhys"), or the name under
    a line that ends "by": a byline, not a heading."""
    return bool(MADE_BY.match(blk.text.strip())) or (
        isinstance(prev, Block) and prev.kind == "p" and
        bool(ENDS_WITH_BY.search(prev.text.strip())) and few_words(prev.text, 8))


def _signs(text: str, authors: set[str]) -> bool:
    """The line is a signature: the author's name, or initials with at most a surname
    ("H. M.", "G. D. H. COLE.", "W. E. B. Du B.")."""
    return " ".join(words(text)).lower() in authors or bool(SIGNED_INITIALS.match(text.strip()))


def _closes_text(blk: Block, prev, nxt, after, authors: set[str]) -> bool:
    """``blk`` signs or dates the text before it, it does not head what follows: a
    signature, or a dateline with a year ("London, Feb. 9, 1792"), right after a
    paragraph of prose (or, for the dateline, after a signature), with no paragraph
    of prose after it (a dateline over a resolution, "In Congress, May 15, 1778", heads it)."""
    if not (isinstance(prev, Block) and prev.kind == "p"):
        return False
    if isinstance(nxt, Block) and nxt.kind == "p" and (
            len(words(nxt.text)) >= _PROSE_WORDS or heading_of(nxt, after) is None):
        return False  # text follows: what stands over it heads it
    after_prose = len(words(prev.text)) >= _SENTENCE_WORDS and ends_sentence(prev.text)
    if after_prose and _signs(blk.text, authors):
        return True
    return (after_prose or _signs(prev.text, authors)) and few_words(blk.text, 8) and \
        bool(DATE_LINE.search(blk.text))


def mark_headings(doc: Document) -> Document:
    """Turn heading lines into ``head`` blocks; a following headnote becomes ``argument``."""
    body = _table_titles(list(doc.body))
    authors = _authors(doc)
    out, report = [], Reporter()
    for i, blk in enumerate(body):
        nxt = body[i + 1] if i + 1 < len(body) else None
        if not isinstance(blk, Block):
            out.append(blk)
            continue
        if out and isinstance(out[-1], Block) and out[-1].kind == "head" and is_headnote(blk):
            out.append(blk.with_(kind="argument", attrs={"cert": "medium"}))
            report.infer(blk.line, "headnote (argument)", "medium", blk.text[:60])
            continue
        prev = out[-1] if out else None
        after_close = isinstance(prev, Block) and (
            any(CLOSE.match(ln) for ln in prev.text.split("\n")) or _short_close(prev))
        # A name under verse is its attribution ("WORDSWORTH."), not a heading.
        after_close = after_close or (isinstance(prev, Block) and "\n" in prev.text and
                                      few_words(blk.text, 3) and is_verse(prev.text.split("\n")))
        after_close = after_close or _attribution(blk, prev, doc.layout)
        if blk.kind == "head":  # a table's title, split off above, or an earlier pass's head
            out.append(blk)
            if blk.hints.get("style") == "table title":
                report.infer(blk.line, "heading (table title)", "low", blk.text[:60])
            continue
        attrs = heading_of(blk, nxt)
        if attrs and _figure_row(blk.text):
            attrs = None  # "Corn and Cereals          494,000": a row of figures, not a heading
        if attrs and after_close and attrs["style"] in ("capitals", "plain") and \
                looks_like_signature(blk.text):
            attrs = None  # a signature under a complimentary close, not a heading
        if attrs and attrs["style"] in ("capitals", "plain") and _byline(blk, prev):
            attrs = None
            report.infer(blk.line, "byline, not a heading", "medium", blk.text[:60])
        after = body[i + 2] if i + 2 < len(body) else None
        if attrs and attrs["style"] in ("capitals", "plain") and \
                _closes_text(blk, prev, nxt, after, authors):
            attrs = None
            report.infer(blk.line, "signature or dateline, not a heading", "medium", blk.text[:60])
        if attrs:
            out.append(blk.with_(kind="head", attrs=attrs))
            report.infer(blk.line, f"heading ({attrs['style']})", attrs["cert"], blk.text[:60])
        else:
            out.append(blk)
    return report.into(doc, body=out)


# The formula that opens an official report: "… makes the following REPORT:", "… REPORTS:"
_REPORTS = re.compile(r"\b(?:makes the following report|reports?|report as follows)\s*:$", re.I)
_RUBRIC = re.compile(r"\b(?:following|subsequent|as follows|annexed|hereunto)\b", re.I)


def _opens_document(item) -> bool:
    if isinstance(item, Block):
        return item.kind == "head"
    return item.kind in ("floatingText", "opener")


def mark_rubrics(doc: Document) -> Document:
    """An editorial rubric that introduces the document after it ("In consequence of which
    Congress were pleased to pass the following resolutions, viz.") is that document's
    heading, when what follows is a heading or a letter (not a list or a quotation: "the
    following measures:" before a list stays a paragraph)."""
    body, report = list(doc.body), Reporter()
    for i, blk in enumerate(body[:-1]):
        if not (isinstance(blk, Block) and blk.kind == "p" and "\n" not in blk.text):
            continue
        text = blk.text.rstrip()
        # (the formula ends the line with ':', a test that spares the search of every line)
        reports = text.endswith(":") and bool(_REPORTS.search(text)) and len(words(text)) <= 120
        if reports or (text.endswith((":", "viz.", "viz", "viz:")) and _RUBRIC.search(text) and
                       len(words(text)) <= 45 and _opens_document(body[i + 1])):
            body[i] = blk.with_(kind="head", attrs={"rank": 1, "style": "rubric", "cert": "low"})
            report.infer(blk.line, "heading (rubric before a document)", "low", text[:60])
    return report.into(doc, body=body)
