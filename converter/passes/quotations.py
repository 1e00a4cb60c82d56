"""Inline quotations: ``q`` for quoted speech and writing, ``soCalled`` for scare quotes.

Decision (made once, for every edition): the quote marks stay in the text, inside the
element — ``<q>“Well?”</q>``, ``<soCalled>"own"</soCalled>`` — so the text is lossless and
a reading edition prints the marks exactly as the source did (a writer must not add
marks of its own to ``q`` or ``soCalled``).

A short quoted phrase inside running text (one to three words, no sentence punctuation,
not introduced by a colon or a verb of saying) is a scare quote: so-called "passivity",
his "own" people, the "small men". A quoted name ("Leningrad Centre", "Zinoviev-Trotskyite
bloc": two or three words, the first capitalised, after "the" or "of") is left as it is,
marks and all, for the entity stage.
Everything else that opens and closes within the block is a ``q``. Marks are paired
within a block only, so an unbalanced quote never swallows the rest of the document.
"""
from __future__ import annotations

import re

from converter.model import Block, Document, Node, Reporter, Span
from converter.passes.cues.quotes import pairs
from converter.passes.cues.text import words

RANK = 40
_SAYING = re.compile(r"(?:\b(?:said|says|say|saying|asked|asks|cried|replied|answered|"
                     r"wrote|writes|called|call|calls|shouted|added|exclaimed)\s*,?\s*|[:,]\s*)$",
                     re.I)
_SO_CALLED = re.compile(r"\bso[- ]called\s*$", re.I)
_NAME_BEFORE = re.compile(r"\b(?:the|of)\s+$", re.I)


def _classify(text: str, o: int, c: int) -> str | None:
    """'q', 'soCalled' or None (leave alone) for the quotation text[o:c+1]."""
    inner = text[o + 1:c].strip()
    w = words(inner)
    if not w:
        return None
    before = text[max(0, o - 40):o]
    if _SO_CALLED.search(before):
        return "soCalled"
    short = len(w) <= 3 and not re.search(r"[.!?;:]", inner)
    if short and w[0][:1].isupper() and len(w) >= 2 and _NAME_BEFORE.search(before):
        return None
    if short and before.strip() and not _SAYING.search(before):
        return "soCalled"
    return "q"


def quote_spans(block: Block, whole_ok: bool = True) -> list[Span]:
    """``q``/``soCalled`` spans (covering the marks) for the quotations inside ``block``."""
    out = []
    text = block.text
    for o, c in pairs(text):
        if not whole_ok and o == 0 and not text[c + 1:].strip(" .,;:!?"):
            continue  # the block is already a block quotation: no q around all of it
        kind = _classify(text, o, c)
        if kind:
            out.append(Span(o, c + 1, kind, (), RANK))
    return out


def _annotate(items, report: Reporter, in_quote: bool) -> list:
    out = []
    for it in items:
        if isinstance(it, Node):
            inner = in_quote or it.kind in ("quote", "cit")
            out.append(it.with_(children=_annotate(it.children, report, inner)))
            continue
        spans = quote_spans(it, whole_ok=not in_quote)
        for s in spans:
            if s.kind == "soCalled":
                report.infer(it.line, "scare quotes (soCalled)", "medium", it.text[s.start:s.end])
        out.append(it.with_(spans=it.spans + tuple(spans)) if spans else it)
    return out


def inline_quotations(doc: Document) -> Document:
    """Mark inline quotations in every block of the body."""
    report = Reporter()
    return report.into(doc, body=_annotate(doc.body, report, False))
