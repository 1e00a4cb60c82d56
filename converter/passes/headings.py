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
from converter.passes.cues.front import is_headnote
from converter.passes.cues.headings import heading_of
from converter.passes.cues.letters import CLOSE
from converter.passes.cues.text import looks_like_signature, split_block, words
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


def mark_headings(doc: Document) -> Document:
    """Turn heading lines into ``head`` blocks; a following headnote becomes ``argument``."""
    body = _table_titles(list(doc.body))
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
        after_close = isinstance(prev, Block) and any(CLOSE.match(ln) for ln in prev.text.split("\n"))
        # A name under verse is its attribution ("WORDSWORTH."), not a heading.
        after_close = after_close or (isinstance(prev, Block) and "\n" in prev.text and
                                      len(words(blk.text)) <= 3 and is_verse(prev.text.split("\n")))
        if blk.kind == "head":  # a table's title, split off above, or an earlier pass's head
            out.append(blk)
            if blk.hints.get("style") == "table title":
                report.infer(blk.line, "heading (table title)", "low", blk.text[:60])
            continue
        attrs = heading_of(blk, nxt)
        if attrs and after_close and attrs["style"] in ("capitals", "plain") and \
                looks_like_signature(blk.text):
            attrs = None  # a signature under a complimentary close, not a heading
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
        reports = bool(_REPORTS.search(text)) and len(words(text)) <= 120
        if reports or (text.endswith((":", "viz.", "viz", "viz:")) and _RUBRIC.search(text) and
                       len(words(text)) <= 45 and _opens_document(body[i + 1])):
            body[i] = blk.with_(kind="head", attrs={"rank": 1, "style": "rubric", "cert": "low"})
            report.infer(blk.line, "heading (rubric before a document)", "low", text[:60])
    return report.into(doc, body=body)
