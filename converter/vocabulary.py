"""The one vocabulary: the kinds of the model and the TEI elements they become.

Passes name what they recover with these kinds; ``converter.tei`` turns them into TEI;
the writers, ``build`` and ``entities`` take their element names from here. A test checks
every name and every parent/child pair against ``schemas/tei-edition.rng``.
"""
from __future__ import annotations

from typing import Literal, get_args

# Paragraph-level runs of text (``Block``).
BlockKind = Literal["p", "head", "label", "item", "l", "bibl", "argument", "docAuthor",
                    "docTitle", "docDate", "docImprint", "byline", "salute", "dateline",
                    "signed", "trailer", "note"]
# Containers (``Node``).
NodeKind = Literal["body", "div", "list", "item", "quote", "cit", "lg", "opener", "closer",
                   "floatingText", "epigraph", "titlePage", "note"]
# Inline annotations and milestones (``Span``).
SpanKind = Literal["q", "soCalled", "persName", "placeName", "orgName", "eventName",
                   "roleName", "date", "list", "item", "label", "pb", "lb", "anchor", "hi",
                   "foreign", "emph", "title", "ref", "note"]

BLOCK_KINDS: frozenset[str] = frozenset(get_args(BlockKind))
NODE_KINDS: frozenset[str] = frozenset(get_args(NodeKind))
SPAN_KINDS: frozenset[str] = frozenset(get_args(SpanKind))
