"""Line groups: a block whose lines each stand alone is a list (one item per line) or verse.

Pasted texts give lists one item per line inside a paragraph: newspaper headline decks,
names of delegates, articles of a resolution, labelled lines (``1)``, ``a.``, ``I.``,
``(iv)``, ``*``, ``-``). Each line becomes an ``item``; a printed label stays in the text
as a ``label`` span inside the item (and in ``@n``), so no word is lost.

Lines that begin with an opening quote, or that read as verse (capitalised lines without
digits, mostly lower-case words, not one complete sentence each), become a block quotation
of verse: ``quote`` > ``lg`` > ``l``. Blocks with tab-separated columns (tables) and
letter framing (salutation, complimentary close) are left as they are.
"""
from __future__ import annotations

import re

from converter.model import Block, Document, Node, Reporter, Span
from converter.passes.cues.letters import opener_of
from converter.passes.cues.lists import BULLETS, counts_on, label_of
from converter.passes.cues.text import (OPEN_QUOTES, line_pieces, looks_like_signature,
                                        split_block, words)
from converter.passes.cues.verse import is_verse, verse_node

_FRAMING = re.compile(
    r"^(?:(?:my\s+)?(?:dear\s+)?(?:sir|sirs|madam|gentlemen)[,:!.]?$|"
    r"i am\b|i have the hono|your (?:most|very|affectionate|humble|obedient|excellency)|"
    r"\(signed\)|signed\b|attest|by (?:the |his |her )?(?:unanimous )?(?:order|command)|"
    r"by his hono|a true (?:copy|extract)|with (?:great|the utmost|perfect) respect|"
    r"(?:always|ever)\s+(?:most\s+)?(?:affectionately|sincerely|truly)?\s*yours)|"
    r",\s*(?:secretary|secry|clerk|speaker|president|treasurer)\b", re.I)
_DATE_LINE = re.compile(r"^\S+,$|^(?:\w+\s+){0,2}\d{1,2}(?:st|nd|rd|th|d)?,?\s+\w+,?\s+\d{4}\b|"
                        r"^\w+\.?\s+\d{1,2}(?:st|nd|rd|th|d)?,?\s+\d{4}\b")


# A trailing amount: "4,349,567 Dollars.", "£1,381,675 18 10", "250 0 0", "58,858 Tons."
# It never starts inside a run of figures: each later start would rescan the run (a line of
# 10,000 digits took a minute), and a match from inside is no amount after words anyway.
AMOUNT = re.compile(r"(?<![\d,.•])(?:£\.?\s?|\$\s?)?\d[\d,.•]*(?:\s+\d{1,2}){0,3}(?:\s*[¼½¾])?"
                    r"(?:\s+(?:dollars?|dolls?|tons?|pounds?|bushels?|barrels?|lbs?)\b)?\.?$", re.I)


_PARAGRAPH_WORDS = 30  # a line this long is a paragraph, not one of two list items


def _kind_of(block: Block) -> str | None:
    """'verse', 'list' or None for a multi-line block."""
    lines = block.text.split("\n")
    if len(lines) < 2 or "\t" in block.text:
        return None
    # Letter framing (a dateline first, or many closing formulas) is not a list.
    framing = sum(1 for ln in lines if _FRAMING.search(ln.strip()))
    if framing * 3 >= len(lines) or _DATE_LINE.match(lines[0]) or opener_of(block):
        return None
    if is_verse(lines):
        return "verse"
    if lines[0][:1] in OPEN_QUOTES:
        return None
    if len(lines) == 2 and not any(label_of(ln) for ln in lines) and \
            max(len(words(ln)) for ln in lines) >= _PARAGRAPH_WORDS:
        return None  # a run-in title and its paragraph ("JOHN TYLER" / "Vice President …")
    return "list"


def _amount_at(line: str) -> int | None:
    """Where a trailing amount starts, if ``line`` ends with one after some words."""
    m = AMOUNT.search(line)
    if not m or (m.start() and line[m.start() - 1] not in " \t£$"):
        return None
    return m.start()


def _gloss_of(block: Block, report: Reporter) -> Node | None:
    """A list of what/amount lines (accounts, exports) as ``label`` + ``item`` pairs."""
    pieces = list(line_pieces(block))
    cuts = [_amount_at(text) for _start, text, _spans in pieces]
    if sum(c is not None for c in cuts) * 5 < len(cuts) * 4 or None in cuts:
        return None
    kids = []
    for k, ((_start, text, spans), cut) in enumerate(zip(pieces, cuts)):
        left = text[:cut].rstrip()
        kids.append(Block("label", left, block.line + k,
                          [sp for sp in spans if sp.end <= len(left)]))
        kids.append(Block("item", text[cut:], block.line + k,
                          [sp.shift(-cut) for sp in spans if sp.start >= cut]))
    report.infer(block.line, "list of amounts (label + item)", "medium", f"{len(pieces)} items")
    return Node("list", kids, block.line, {"type": "gloss", "cert": "medium"})


_HEAD_LINE = re.compile(r"^(?:in|of|for|on|at)\s.+\.$", re.I)


def _list_head(lines: list[str]) -> bool:
    """A first line that names the list ("In the Avoirdupois series,") rather than an item."""
    first = lines[0].rstrip()
    return (len(lines) >= 3 and len(words(first)) <= 8 and label_of(first) is None and
            (first.endswith((",", ":")) or _HEAD_LINE.match(first)) and
            not looks_like_signature(first))


def _list_of(block: Block, report: Reporter, headed: bool = False) -> Node:
    gloss = _gloss_of(block, report)
    if gloss is not None:
        return gloss
    if not headed and _list_head(block.text.split("\n")):  # one head, as our schema allows
        first, rest = split_block(block, block.text.index("\n"), "head")
        inner = _list_of(rest.with_(line=block.line + 1), report, headed=True)
        report.infer(block.line, "list heading", "medium", first.text)
        return inner.with_(children=[first.with_(attrs={"cert": "medium"}), *inner.children])
    items, labels = [], []
    for k, (start, text, spans) in enumerate(line_pieces(block)):
        lab = label_of(text)
        attrs = {}
        if lab:
            size, value = lab
            label_end = len(text[:size].rstrip())
            spans = spans + [Span(0, label_end, "label", (), 30)]
            labels.append(value)
            if value not in BULLETS:
                attrs["n"] = value
        items.append(Block("item", text, block.line + k, spans, attrs))
    if labels and len(labels) == len(items):
        kind = "bulleted" if labels[0] in BULLETS else "ordered"
        cert = "high"
    else:
        kind, cert = "simple", "medium"
    if kind != "bulleted" and labels and not counts_on(labels):
        # "1. / 1. / 3." is not a numbered sequence (nor is a list only partly labelled):
        # keep the labels, drop the numbering.
        items = [it.with_(attrs={}) for it in items]
        kind, cert = "simple", "medium"
    report.infer(block.line, f"list of lines ({kind})", cert, f"{len(items)} items")
    return Node("list", items, block.line, {"type": kind, "cert": cert})


def _verse_of(block: Block, report: Reporter) -> Node:
    report.infer(block.line, "verse quotation", "medium", block.text.split("\n")[0][:60])
    return Node("quote", [verse_node(block)], block.line, {"type": "verse", "cert": "medium"})


def line_groups(doc: Document) -> Document:
    """Turn multi-line blocks into lists of items, or verse quotations."""
    out, report = [], Reporter()
    for item in doc.body:
        kind = _kind_of(item) if isinstance(item, Block) and item.kind == "p" else None
        if kind == "list":
            out.append(_list_of(item, report))
        elif kind == "verse":
            out.append(_verse_of(item, report))
        else:
            out.append(item)
    return report.into(doc, body=out)

