"""The internal document model shared by the reader, the passes and the TEI builder.

Structure passes see a flat-then-nested sequence of ``Block`` (a run of text with inline
``Span`` annotations over it) and ``Node`` (a container such as a division or a list).
Kinds are abstract names listed in ``converter.vocabulary``; only ``converter.tei``
decides how they nest as TEI elements.

Every record is frozen: ``spans``, ``children``, ``body`` and ``front`` are tuples and
``attrs`` a read-only mapping, so a pass can only make new values (``with_``), never
change what another stage holds. What the tool infers travels in ``Document.report``, an
immutable tuple that each stage extends through its own ``Reporter``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, Mapping, TypedDict, Union

from converter.vocabulary import BLOCK_KINDS, NODE_KINDS, SPAN_KINDS, BlockKind, NodeKind, SpanKind

# Keys that steer the passes (a heading's rank and style) and are no TEI attributes: they
# live in ``hints``, never in ``attrs``.
# division: the type of div a head opens; frame: "quote" or "lines" when the text marks a
# block quotation or lines not to be rewrapped itself (``/# … #/``, ``/* … */``).
HINT_KEYS = frozenset({"rank", "style", "division", "frame"})
_EMPTY: Mapping[str, Any] = MappingProxyType({})


def _frozen_map(value) -> Mapping[str, Any]:
    return MappingProxyType(dict(value)) if value else _EMPTY


def _check_kind(kind: str, allowed: frozenset, what: str) -> None:
    if kind not in allowed:
        raise ValueError(f"unknown {what} kind {kind!r} (add it to converter.vocabulary)")


@dataclass(frozen=True, slots=True)
class Span:
    """An inline annotation over ``Block.text[start:end]``; ``start == end`` is a milestone.

    ``kind`` is a ``SpanKind`` (``q``, ``soCalled``, ``persName``, ``date``, ``pb``, ...).
    ``attrs`` is a sorted tuple of (key, value) pairs so spans hash; ``rank`` breaks ties
    when two spans cover the same range (lower = outer).
    """

    start: int
    end: int
    kind: SpanKind
    attrs: tuple = ()
    rank: int = 50

    def __post_init__(self):
        _check_kind(self.kind, SPAN_KINDS, "span")

    def shift(self, by: int) -> "Span":
        """The same span ``by`` characters later (earlier when negative): for re-basing
        spans when text is split or joined."""
        return Span(self.start + by, self.end + by, self.kind, self.attrs, self.rank)

    def attr(self, key: str, default=None):
        """The value of attribute ``key``."""
        for k, v in self.attrs:
            if k == key:
                return v
        return default


def attrs_of(**kw) -> tuple:
    """A sorted, hashable attribute tuple, dropping ``None`` values."""
    return tuple(sorted((k, str(v)) for k, v in kw.items() if v is not None))


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line of the source: its text without the margin, the columns of white
    space before it (tabs count to the next multiple of 8), the column where it ends, and
    its 1-based line number in the file. Layout analysis reads these; passes may too."""

    text: str
    indent: int
    end: int
    number: int


def _split_hints(obj, attrs) -> None:
    """Store ``attrs`` as TEI attributes and hints apart (steering keys given in ``attrs``
    by a pass are moved to ``hints``), both read-only."""
    attrs = dict(attrs or {})
    hints = dict(obj.hints or {})
    for key in HINT_KEYS & attrs.keys():
        hints[key] = attrs.pop(key)
    object.__setattr__(obj, "attrs", _frozen_map(attrs))
    object.__setattr__(obj, "hints", _frozen_map(hints))


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-level run of text of a ``BlockKind`` (``p``, ``head``, ``label``,
    ``docTitle``, ``salute``, ...). ``line`` is the 1-based source line of its first
    character; ``lines`` the printed source lines it was read from (empty once a pass
    rebuilds it). ``attrs`` are TEI attributes; ``hints`` steer later passes."""

    kind: BlockKind
    text: str
    line: int
    spans: tuple[Span, ...] = ()
    attrs: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    lines: tuple[Line, ...] = ()
    hints: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)

    def __post_init__(self):
        _check_kind(self.kind, BLOCK_KINDS, "block")
        object.__setattr__(self, "spans", tuple(self.spans))
        object.__setattr__(self, "lines", tuple(self.lines))
        _split_hints(self, self.attrs)

    def with_(self, **kw) -> "Block":
        """A copy with some fields changed (passes stay pure); new ``attrs`` replace the
        hints too unless ``hints`` is given."""
        if "attrs" in kw:
            kw.setdefault("hints", _EMPTY)
        return replace(self, **kw)


@dataclass(frozen=True, slots=True)
class Node:
    """A container of a ``NodeKind`` (``div``, ``list``, ``item``, ``quote``, ``cit``,
    ``opener``, ``closer``, ...). ``children`` holds Blocks and Nodes in reading order."""

    kind: NodeKind
    children: tuple[Union[Block, "Node"], ...]
    line: int
    attrs: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    hints: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)

    def __post_init__(self):
        _check_kind(self.kind, NODE_KINDS, "node")
        object.__setattr__(self, "children", tuple(self.children))
        _split_hints(self, self.attrs)

    def with_(self, **kw) -> "Node":
        """A copy with some fields changed (passes stay pure); new ``attrs`` replace the
        hints too unless ``hints`` is given."""
        if "attrs" in kw:
            kw.setdefault("hints", _EMPTY)
        return replace(self, **kw)


Item = Union[Block, Node]


@dataclass(frozen=True, slots=True)
class Inference:
    """One thing the tool inferred, for the editor's review report."""

    line: int
    what: str
    cert: str
    detail: str = ""


class Mention(TypedDict):
    """A name found in the text (for the curation report and ``--report``)."""

    line: int
    text: str
    type: str
    refs: list[str]
    cert: str
    context: str


class PlacedNote(TypedDict):
    """An editorial note placed in the text: its id, the id it annotates, its text, and
    whether the target must be checked against the built TEI."""

    id: str
    target: str
    text: str
    check: bool


@dataclass(frozen=True, slots=True)
class Document:
    """Everything known about one edition, flowing through the stages.

    ``report`` holds what was inferred, in the order it was inferred; the annotation
    stages fill ``mentions`` (only when a report is to be made: see
    ``pipeline.annotated``), ``entities`` (the authority entries referred to),
    ``authority`` (every entry, for the curation report), ``notes`` and ``applications``
    (a name finder used besides the rules, for the header's ``appInfo``)."""

    id: str
    source: str
    body: tuple[Item, ...]
    front: tuple[Item, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    sidecar: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    report: tuple[Inference, ...] = ()
    wrapper: object = None  # an e-text wrapper lifted off the text (converter.etext.Wrapper)
    layout: object = None  # the page measure (converter.layout.Measure) once layout has run
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Any, ...] = ()  # converter.entities.Entity (the model imports no stage)
    authority: tuple[Mapping[str, str], ...] = ()
    notes: tuple[PlacedNote, ...] = ()
    applications: tuple[Mapping[str, str], ...] = ()  # name finders besides ours (spaCy)

    def __post_init__(self):
        for name in ("body", "front", "report", "mentions", "entities", "authority", "notes",
                     "applications"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        object.__setattr__(self, "meta", _frozen_map(self.meta))
        object.__setattr__(self, "sidecar", _frozen_map(self.sidecar))

    def with_(self, **kw) -> "Document":
        """A copy with some fields changed (passes stay pure)."""
        return replace(self, **kw)

    def dump(self) -> str:
        """The document as an indented outline, one line per block or node: kind, TEI
        attributes, hints, spans and the text (what ``convert --dump`` prints)."""
        out = [f"# {self.id} ({self.source})"]
        for title, items in (("front", self.front), ("body", self.body)):
            out.append(f"# {title}")
            out.extend(_dump(items, 0))
        if self.report:
            out.append("# report")
            out.extend(f"{i.line}: {i.what} [{i.cert}] {i.detail}".rstrip() for i in self.report)
        return "\n".join(out) + "\n"


def _dump(items, depth: int) -> list[str]:
    lines, pad = [], "  " * depth
    for it in items:
        attrs = " ".join(f"{k}={v}" for k, v in sorted(it.attrs.items()) if v is not None)
        hints = " ".join(f"{k}={v}" for k, v in sorted(it.hints.items()) if v is not None)
        head = f"{pad}{it.kind}[{attrs}]" + (f"({hints})" if hints else "") + f" @{it.line}"
        if isinstance(it, Block):
            lines.append(f"{head} {it.text!r}")
            lines.extend(f"{pad}  ~{s.kind}[{s.start}:{s.end}]"
                         + "".join(f" {k}={v}" for k, v in s.attrs) for s in it.spans)
        else:
            lines.append(head)
            lines.extend(_dump(it.children, depth + 1))
    return lines


class Reporter:
    """Collects the inferences of one stage run, explicitly: a stage makes its own, calls
    ``infer`` and returns ``into(doc, ...)``, a new Document whose report is the old one
    plus these. No list is shared between documents, so running the passes twice never
    changes the first result."""

    def __init__(self):
        self._items: list[Inference] = []

    def infer(self, line: int, what: str, cert: str, detail: str = "") -> None:
        """Record one inference (source line, what, certainty, a short detail)."""
        self._items.append(Inference(line, what, cert, detail))

    @property
    def inferences(self) -> tuple[Inference, ...]:
        """What was recorded so far, in order."""
        return tuple(self._items)

    def into(self, doc: Document, **changes) -> Document:
        """``doc`` with ``changes`` applied and these inferences appended to its report."""
        return doc.with_(report=doc.report + tuple(self._items), **changes)


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
