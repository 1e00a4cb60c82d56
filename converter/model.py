"""The internal document model shared by the reader, the passes and the TEI builder.

Structure passes see a flat-then-nested sequence of ``Block`` (a run of text with inline
``Span`` annotations over it) and ``Node`` (a container such as a division or a list).
Kinds are abstract names; only ``converter.tei`` decides how they nest as TEI elements.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Union


@dataclass(frozen=True)
class Span:
    """An inline annotation over ``Block.text[start:end]``; ``start == end`` is a milestone.

    ``kind`` is one of: ``q``, ``soCalled``, ``persName``, ``placeName``, ``orgName``,
    ``roleName``, ``date``, ``list``, ``item``, ``label``, ``pb``, ``lb``, ``anchor``.
    ``rank`` breaks ties when two spans cover the same range (lower = outer).
    """

    start: int
    end: int
    kind: str
    attrs: tuple = ()
    rank: int = 50

    def attr(self, key: str, default=None):
        """The value of attribute ``key`` (attrs are kept as a sorted tuple so spans hash)."""
        for k, v in self.attrs:
            if k == key:
                return v
        return default


def attrs_of(**kw) -> tuple:
    """A sorted, hashable attribute tuple, dropping ``None`` values."""
    return tuple(sorted((k, str(v)) for k, v in kw.items() if v is not None))


@dataclass(frozen=True)
class Line:
    """One printed line of the source: its text without the margin, the columns of white
    space before it (tabs count to the next multiple of 8), the column where it ends, and
    its 1-based line number in the file. Layout analysis reads these; passes may too."""

    text: str
    indent: int
    end: int
    number: int


@dataclass
class Block:
    """A paragraph-level run of text. ``kind``: ``p``, ``head``, ``label``, ``docAuthor``,
    ``docTitle``, ``argument``, ``docDate``, ``salute``, ``dateline``, ``signed``, ``byline``.
    ``line`` is the 1-based source line of its first character."""

    kind: str
    text: str
    line: int
    spans: list = field(default_factory=list)
    attrs: dict = field(default_factory=dict)
    lines: tuple = ()  # the source Lines it was read from (empty once a pass rebuilds it)

    def with_(self, **kw) -> "Block":
        """A copy with some fields changed (passes stay pure)."""
        return replace(self, **kw)


@dataclass
class Node:
    """A container: ``div``, ``list``, ``item``, ``quote``, ``cit``, ``opener``, ``closer``,
    ``titlePage``. ``children`` holds ``Block``s and ``Node``s in reading order."""

    kind: str
    children: list
    line: int
    attrs: dict = field(default_factory=dict)

    def with_(self, **kw) -> "Node":
        """A copy with some fields changed (passes stay pure)."""
        return replace(self, **kw)


Item = Union[Block, Node]


@dataclass(frozen=True)
class Inference:
    """One thing the tool inferred, for the editor's review report."""

    line: int
    what: str
    cert: str
    detail: str = ""


@dataclass
class Document:
    """Everything known about one edition, flowing through the passes."""

    id: str
    source: str
    body: list
    front: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    sidecar: dict = field(default_factory=dict)
    report: list = field(default_factory=list)
    wrapper: object = None  # an e-text wrapper lifted off the text (converter.etext.Wrapper)
    layout: object = None  # the page measure (converter.layout.Measure) once layout has run

    def with_(self, **kw) -> "Document":
        """A copy with some fields changed (passes stay pure)."""
        return replace(self, **kw)

    def infer(self, line: int, what: str, cert: str, detail: str = "") -> None:
        """Record an inference for ``--report`` (the report is an append-only log)."""
        self.report.append(Inference(line, what, cert, detail))


def walk_blocks(items):
    """Yield every Block in ``items`` in reading order, descending into Nodes."""
    for it in items:
        if isinstance(it, Block):
            yield it
        else:
            yield from walk_blocks(it.children)


def map_blocks(items, fn) -> list:
    """``items`` with every Block (at any depth) replaced by ``fn(block)``; Nodes are copied
    with their children mapped, so the input stays untouched (passes stay pure)."""
    out = []
    for it in items:
        if isinstance(it, Block):
            out.append(fn(it))
        else:
            out.append(it.with_(children=map_blocks(it.children, fn)))
    return out
