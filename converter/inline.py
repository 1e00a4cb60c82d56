"""Inline markup: nest a block's stand-off ``Span``s into properly nested elements.

Passes annotate independently (quotations, entities, dates, inline lists, breaks), so
their spans may overlap. Nesting here is a single sort and a stack sweep (linear after
sorting); a span that crosses an earlier one is dropped, never the text under it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from converter.model import Span


@dataclass
class SpanNode:
    """A span with the spans nested inside it."""

    span: Span
    children: list = field(default_factory=list)


def _cuts_word(text: str, s: Span) -> bool:
    """True when an edge of ``s`` falls between two letters or digits of one word."""
    return any(0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()
               for at in (s.start, s.end))


_STRUCTURE = frozenset({"list", "item"})


def _order(s: Span) -> tuple:
    """Outer spans first: by start; a list or item before anything else that starts
    there, then a page or line break before what starts with its page or line (a running
    head, a name); then the longer span, then the lower rank."""
    if s.kind in _STRUCTURE:
        group = 0  # a list and its items hold everything that starts with them
    elif s.kind in ("pb", "lb") and s.start == s.end:
        group = 1
    else:
        group = 2
    return s.start, group, -s.end, s.rank


def nest(spans, text_len: int, text: str | None = None) -> tuple[list[SpanNode], list[Span]]:
    """Nest ``spans`` into a forest; returns (roots, dropped spans). With ``text``, a span
    whose edge cuts a word is dropped too: markup must never split a word of the source."""
    roots: list[SpanNode] = []
    stack: list[SpanNode] = []
    dropped: list[Span] = []
    ordered = sorted((s for s in spans if 0 <= s.start <= s.end <= text_len),
                     key=_order)
    if text is not None:
        cut = [s for s in ordered if s.start < s.end and _cuts_word(text, s)]
        if cut:
            dropped.extend(cut)
            gone = {id(s) for s in cut}  # by identity: a membership test per span is quadratic
            ordered = [s for s in ordered if id(s) not in gone]
    for s in ordered:
        while stack and (s.start >= stack[-1].span.end and not
                         (s.start == s.end == stack[-1].span.end == stack[-1].span.start)):
            stack.pop()
        if stack and s.end > stack[-1].span.end:
            dropped.append(s)
            continue
        node = SpanNode(s)
        (stack[-1].children if stack else roots).append(node)
        if s.start < s.end:
            stack.append(node)
    return roots, dropped


# TEI's macro.phraseSeq (names, soCalled, label, date; docAuthor, byline, dateline, ...)
# holds no lists and no labels, unlike the paragraph content of p, item, q or head.
PHRASE_ONLY = {"persName", "placeName", "orgName", "eventName", "roleName", "date", "soCalled",
               "label", "docAuthor", "docDate", "byline", "docImprint", "dateline", "bibl"}
_PARA_ONLY = {"list", "item", "label"}


def fit_content(nodes: list[SpanNode], phrase_only: bool) -> list[SpanNode]:
    """``nodes`` with every list, item or label that stands where TEI allows only phrases
    (inside a name, a date, ``soCalled``, ...) unwrapped: its text and inner markup stay,
    the element goes. "R. Cymbala" read both as a labelled item and as a name keeps the name."""
    out = []
    for node in nodes:
        inner = phrase_only if node.span.kind not in ("q",) else False
        inner = inner or node.span.kind in PHRASE_ONLY
        kids = fit_content(node.children, inner)
        if phrase_only and node.span.kind in _PARA_ONLY:
            out.extend(kids)
        else:
            node.children = kids
            out.append(node)
    return out


def line_breaks(text: str, spans) -> list[Span]:
    """An ``lb`` milestone after each newline inside a block, where no break is marked yet."""
    taken = {s.start for s in spans if s.kind in ("lb", "pb")}
    out, at = [], text.find("\n")
    while at != -1:
        if at + 1 not in taken:
            out.append(Span(at + 1, at + 1, "lb", (), 90))
        at = text.find("\n", at + 1)
    return out
