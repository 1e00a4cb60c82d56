"""Block quotations: paragraphs that are quoted as a whole, over one or many paragraphs.

A quotation that opens at the start of a paragraph and closes only in a later paragraph
(the printer's convention: each paragraph reopens with “, only the last one closes) is a
block quotation, and so is a paragraph quoted from end to end right after an introduction
ending in a colon ("It says in the closed letter:", "Lenin said:"). A whole-paragraph
quotation without such an introduction is dialogue and stays a paragraph (its ``q`` is
marked inline later). When the introduction names a source (a speech verb, a letter, a
resolution), the ``quote`` goes inside ``cit``. A quotation that never closes is left
alone: it must not swallow the rest of the document. Quote marks stay in the text.
"""
from __future__ import annotations

import re

from converter.model import Block, Document, Node, Reporter
from converter.passes.cues.quotes import closes_at_end, is_whole_quotation, marks, opens_unclosed
from converter.passes.cues.text import OPEN_QUOTES, looks_like_signature, words

MAX_PARAGRAPHS = 40
MIN_WORDS = 25
_SOURCE = re.compile(
    r"\b(?:said|says|say|saying|wrote|writes|write|written|declared|declares|stated|states|"
    r"observed|observes|remarked|replied|answered|taught|teaches|added|adds|put it|words|"
    r"letter|resolution|decree|report|speech|address|declaration|proclamation|article|"
    r"book|preamble|act|as follows|following)\b", re.I)


def _continues(text: str) -> str:
    """How a paragraph inside an open quotation ends: 'open', 'closed' or 'broken'."""
    state = "open"
    for pos, kind in marks(text):
        if kind == "open" and pos == 0 and state == "open":
            continue  # the conventional reopening mark of a continued quotation
        if kind == "close" and state == "open":
            state = "closed"
            if closes_at_end(text) != pos:
                return "broken"
        elif kind == "open":
            state = "open" if state == "closed" else state
    return state


def _extent(body: list, i: int) -> int | None:
    """Index of the last paragraph of a quotation opening at ``body[i]``, or None."""
    blk = body[i]
    if is_whole_quotation(blk.text):
        return i
    if not opens_unclosed(blk.text):
        return None
    for j in range(i + 1, min(len(body), i + MAX_PARAGRAPHS)):
        nxt = body[j]
        if not isinstance(nxt, Block) or nxt.kind != "p":
            return None
        state = _continues(nxt.text)
        if state == "closed":
            return j
        if state == "broken":
            return None
    return None


def _attribution(blk) -> bool:
    """A short line naming a source: "VIRGIL.", "Worsworth", "— Milton"."""
    return (isinstance(blk, Block) and blk.kind == "p" and "\n" not in blk.text and
            len(words(blk.text)) <= 3 and
            (looks_like_signature(blk.text.lstrip("—–- ")) or blk.text[:1] in "—–"))


def _introduced(prev) -> tuple[bool, bool]:
    """(ends with a colon, names a source) for the paragraph before a quotation."""
    if not isinstance(prev, Block) or prev.kind != "p":
        return False, False
    text = prev.text.rstrip()
    colon = text.endswith((":", ":—", ":–", ":-", "—"))
    return colon, colon and bool(_SOURCE.search(text[-160:]))


def block_quotations(doc: Document) -> Document:
    """Wrap whole-paragraph quotations in ``quote`` (inside ``cit`` when a source is named),
    in the body and in the letters it holds."""
    report = Reporter()
    return report.into(doc, body=_quotations(doc.body, report))


def _quotations(items: list, report: Reporter) -> list:
    body = [it.with_(children=[b.with_(children=_quotations(b.children, report))
                               for b in it.children])
            if isinstance(it, Node) and it.kind == "floatingText" else it for it in items]
    out: list = []
    i = 0
    while i < len(body):
        blk = body[i]
        if (isinstance(blk, Node) and blk.kind == "quote" and i + 1 < len(body) and
                _attribution(body[i + 1])):
            # Verse and its source under it: "VIRGIL." / "Wordsworth" -> cit(quote, bibl)
            src = body[i + 1]
            report.infer(src.line, "attribution of a quotation (bibl)", "medium", src.text)
            out.append(Node("cit", [blk, src.with_(kind="bibl", attrs={"cert": "medium"})],
                            blk.line))
            i += 2
            continue
        end = None
        if isinstance(blk, Block) and blk.kind == "p" and blk.text[:1] in OPEN_QUOTES:
            end = _extent(body, i)
        if end is not None:
            colon, source = _introduced(out[-1] if out else None)
            # A short quoted reply after a colon is dialogue, not a block quotation.
            if end > i or (colon and len(words(blk.text)) >= MIN_WORDS):
                cert = "high" if end > i and colon else "medium"
                quote = Node("quote", body[i:end + 1], blk.line, {"cert": cert})
                what = "block quotation" + (f" ({end - i + 1} paragraphs)" if end > i else "")
                report.infer(blk.line, what, cert, blk.text[:60])
                out.append(Node("cit", [quote], blk.line) if source else quote)
                i = end + 1
                continue
        out.append(blk)
        i += 1
    return out
