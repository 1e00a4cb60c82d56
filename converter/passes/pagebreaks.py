"""Page-break repair: a paragraph that stops mid-sentence continues in the next block.

Text pasted from paginated sources splits sentences at page ends ("surround the Soviet" /
blank line / "Union"), sometimes inside a hyphenated word ("self-" / "satisfaction").
The blocks are joined and the join is kept as a ``pb`` milestone (``break="no"`` inside a
word), so the evidence of the break is never lost and an editor can review it.
"""
from __future__ import annotations

import re

from converter.model import Block, Document, Reporter, Span, attrs_of
from converter.passes.cues.headings import heading_of
from converter.passes.cues.lists import ANY_LABEL
from converter.passes.cues.text import ends_sentence, few_words, first_char, is_shouting

# A block this long that stops without punctuation is prose cut off, not a heading or label.
MIN_WORDS = 12
_HYPHEN_END = re.compile(r"[^\W\d_]-$")


def _running_head_end(blk: Block) -> int:
    """Where the text of ``blk`` starts after the running heads the pages pass put
    before it (``fw``): the sentence goes on there."""
    end = 0
    for s in sorted((s for s in blk.spans if s.kind == "fw"), key=lambda s: s.start):
        if s.start == end:
            end = s.end
    return end


def _set_in(nxt: Block, prev: Block) -> bool:
    """``nxt`` keeps its lines and every one stands in from ``prev``'s: a quotation set
    in under the sentence that introduces it (verse, a letter), not the rest of a page."""
    return "\n" in nxt.text and bool(nxt.lines) and bool(prev.lines) and \
        min(ln.indent for ln in nxt.lines) > min(ln.indent for ln in prev.lines)


def _join_kind(prev: Block, nxt: Block) -> tuple[str, str] | None:
    """('word'|'space', cert) when ``nxt`` continues ``prev``, else None."""
    if prev.kind != "p" or nxt.kind != "p" or "\n" in prev.text or _set_in(nxt, prev):
        return None
    tail, head = prev.text.rstrip(), nxt.text[_running_head_end(nxt):].lstrip()
    # (few_words counts the words of a prefix when that settles it: long paragraphs stay cheap)
    if few_words(tail, MIN_WORDS - 1) or ANY_LABEL.match(head):
        return None
    start = first_char(head)
    if not start:
        return None
    if tail.endswith("-") and _HYPHEN_END.search(tail) and start.islower():
        how = "word", "high"
    elif ends_sentence(tail):
        return None
    elif start.islower():
        how = "space", "high"
    elif tail[-1].isalnum() and not head.startswith(("“", '"', "‘")):
        # "surround the Soviet" / "Union": prose rarely stops without punctuation.
        how = "space", "medium"
    else:
        return None
    # The costly tests last: only a block that would be joined is asked.
    if is_shouting(tail) and not is_shouting(head[:200]):
        return None  # a line in capitals over text in lower case: a heading, not a cut sentence
    found = heading_of(prev, nxt)
    if found and found.get("style") in ("numbered", "keyword"):
        return None  # "VII. The Conclusion, with Remarks …" is a heading, not a cut sentence
    return how


def join_blocks(prev: Block, nxt: Block, kind: str, cert: str) -> Block:
    """``prev`` and ``nxt`` as one block with a ``pb`` milestone where the break was."""
    text = prev.text.rstrip()
    if kind == "space":
        text += " "
    at = len(text)
    shifted = [s.shift(at) for s in nxt.spans]
    # The page's own number is the break (the pages pass): at the join, or after the
    # running head that came before it ("OF SLAVERY  13").
    furniture = at + _running_head_end(nxt)
    printed = next((s for s in shifted if s.kind == "pb" and at <= s.start <= furniture), None)
    if printed is not None:
        shifted.remove(printed)
        attrs = dict(printed.attrs) | ({"break": "no"} if kind == "word" else {})
        pb = Span(printed.start, printed.start, "pb", attrs_of(**attrs), printed.rank)
    else:
        pb = Span(at, at, "pb", attrs_of(type="inferred", cert=cert,
                                         **({"break": "no"} if kind == "word" else {})))
    return prev.with_(text=text + nxt.text.lstrip(), spans=[*prev.spans, pb, *shifted])


def repair_page_breaks(doc: Document) -> Document:
    """Join blocks split mid-sentence (top level only: it runs before any grouping)."""
    out: list = []
    report = Reporter()
    for block in doc.body:
        if out and isinstance(out[-1], Block) and isinstance(block, Block):
            how = _join_kind(out[-1], block)
            if how:
                out[-1] = join_blocks(out[-1], block, *how)
                report.infer(block.line, "joined paragraph across break", how[1],
                             "word split by hyphen" if how[0] == "word" else "sentence ran on")
                continue
        out.append(block)
    return report.into(doc, body=out)
