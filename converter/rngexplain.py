"""Explain RELAX NG failures from the grammar itself: which child elements (and attributes)
an element allows, and which it expected at the point where a document went wrong.

lxml's log says only "Did not expect element text there". To say "expected one of:
teiHeader" we read the .rng: each ``<element>``'s content is compiled (following ``<ref>``
to ``<define>``, never descending into nested elements, so only child *names* matter) to a
small pattern graph, and the children of the failing element are matched against it with
Brzozowski derivatives (James Clark's RELAX NG algorithm restricted to element names).
Patterns are hash-consed integers so tei_all's 200-way choices stay cheap. A grammar is
loaded lazily, on the first problem to explain, and cached per schema file.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lxml import etree

from converter.rngnames import (R, TEI_NS, XML_NS, element_nc, local as _local, matches,
                                qname, rng_children as _rng_children, show)

__all__ = ["Grammar", "grammar", "element_names", "NOT_ALLOWED", "EMPTY", "TEI_NS", "XML_NS"]
# Pattern ids 0 and 1 are fixed; every other id is an (op, a, b) tuple in Grammar._table.
NOT_ALLOWED, EMPTY = 0, 1
_SKIP = {"attribute", "text", "data", "value", "list", "empty"}  # consume no child element


class Grammar:
    """One RELAX NG grammar (XML syntax, as a single file) prepared for explanations."""

    def __init__(self, path: Path):
        from converter.xmlio import safe_parser

        root = etree.parse(str(path), safe_parser()).getroot()
        # One self-contained grammar is all we model; with includes or nested grammars the
        # caller keeps lxml's own wording rather than risk a wrong explanation.
        nested = [el for el in root.iter(R + "include", R + "externalRef", R + "parentRef",
                                         R + "grammar") if el is not root]
        self.complete = root.tag == R + "grammar" and not nested
        self.defines: dict[str, list] = {}
        self.start = []
        self.by_name: dict[tuple, list] = {}
        self.wild: list = []  # element patterns with anyName/nsName/choice name classes
        for el in root.iter(R + "define", R + "start", R + "element"):
            kind = _local(el)
            if kind == "define":
                self.defines.setdefault(el.get("name"), []).append(el)
            elif kind == "start":
                self.start.append(el)
            elif el.get("name") is not None:
                self.by_name.setdefault(qname(el, el.get("name")), []).append(el)
            else:
                self.wild.append(el)
        self._table: list = [("notAllowed",), ("empty",)]
        self._intern: dict = {}
        self._define_cache: dict = {}
        self._deriv: dict = {}
        self._nullable: dict = {}
        self._attr_cache: dict = {}
        self._content_cache: dict = {}
        self._first_cache: dict = {}

    # -- names (converter.rngnames) -----------------------------------------------------
    matches = staticmethod(matches)
    show = staticmethod(show)

    # -- patterns ------------------------------------------------------------------------
    def _mk(self, op: str, a=None, b=None) -> int:
        if op == "choice":
            if a == NOT_ALLOWED or a == b:
                return b
            if b == NOT_ALLOWED:
                return a
        elif op in ("group", "interleave"):
            if NOT_ALLOWED in (a, b):
                return NOT_ALLOWED
            if a == EMPTY:
                return b
            if b == EMPTY:
                return a
        elif op == "oneOrMore" and a in (NOT_ALLOWED, EMPTY):
            return a
        key = (op, a, b)
        if key not in self._intern:
            self._intern[key] = len(self._table)
            self._table.append(key)
        return self._intern[key]

    def _seq(self, els, op: str = "group") -> int:
        # Balanced, not a left-deep chain: a 1000-way choice stays ~10 levels deep for the
        # recursive nullable/deriv/first (all three operators are associative).
        parts = [self._compile(el) for el in els]
        if not parts:
            return EMPTY if op != "choice" else NOT_ALLOWED
        while len(parts) > 1:
            parts = [self._mk(op, parts[i], parts[i + 1]) if i + 1 < len(parts) else parts[i]
                     for i in range(0, len(parts), 2)]
        return parts[0]

    def _compile(self, el) -> int:
        kind = _local(el)
        kids = _rng_children(el)
        if kind == "element":
            return self._mk("elem", element_nc(el))
        if kind in _SKIP:
            return EMPTY
        if kind == "notAllowed":
            return NOT_ALLOWED
        if kind == "ref":
            return self._define(el.get("name"))
        if kind == "choice":
            return self._seq(kids, "choice")
        if kind == "interleave":
            return self._seq(kids, "interleave")
        if kind == "oneOrMore":
            return self._mk("oneOrMore", self._seq(kids))
        if kind == "zeroOrMore":
            return self._mk("choice", self._mk("oneOrMore", self._seq(kids)), EMPTY)
        if kind == "optional":
            return self._mk("choice", self._seq(kids), EMPTY)
        if kind == "mixed":
            return self._seq(kids, "interleave")
        return self._seq(kids)  # group, define, start and anything unknown

    def _define(self, name: str) -> int:
        if name not in self._define_cache:
            self._define_cache[name] = NOT_ALLOWED  # a ref cycle outside elements: stop
            bodies = [self._seq(_rng_children(d)) for d in self.defines.get(name, [])]
            out = bodies[0] if bodies else NOT_ALLOWED
            for b in bodies[1:]:
                out = self._mk("choice", out, b)
            self._define_cache[name] = out
        return self._define_cache[name]

    def nullable(self, p: int) -> bool:
        """Whether pattern ``p`` may end here (match no more elements)."""
        if p not in self._nullable:
            op, a, b = self._table[p] + (None,) * (3 - len(self._table[p]))
            if op in ("empty",):
                val = True
            elif op in ("notAllowed", "elem"):
                val = False
            elif op == "choice":
                val = self.nullable(a) or self.nullable(b)
            elif op == "oneOrMore":
                val = self.nullable(a)
            else:
                val = self.nullable(a) and self.nullable(b)
            self._nullable[p] = val
        return self._nullable[p]

    def deriv(self, p: int, name: tuple) -> int:
        """The pattern left after ``p`` has matched one child element called ``name``."""
        key = (p, name)
        if key in self._deriv:
            return self._deriv[key]
        op, a, b = self._table[p] + (None,) * (3 - len(self._table[p]))
        if op == "elem":
            out = EMPTY if self.matches(a, name) else NOT_ALLOWED
        elif op == "choice":
            out = self._mk("choice", self.deriv(a, name), self.deriv(b, name))
        elif op == "group":
            out = self._mk("group", self.deriv(a, name), b)
            if self.nullable(a):
                out = self._mk("choice", out, self.deriv(b, name))
        elif op == "interleave":
            out = self._mk("choice", self._mk("interleave", self.deriv(a, name), b),
                           self._mk("interleave", a, self.deriv(b, name)))
        elif op == "oneOrMore":
            out = self._mk("group", self.deriv(a, name), self._mk("choice", p, EMPTY))
        else:
            out = NOT_ALLOWED
        self._deriv[key] = out
        return out

    def first(self, p: int) -> set:
        """The name classes of the elements that may come next in ``p``."""
        if p not in self._first_cache:
            self._first_cache[p] = frozenset(self._first(p))
        return self._first_cache[p]

    def _first(self, p: int) -> set:
        op, a, b = self._table[p] + (None,) * (3 - len(self._table[p]))
        if op == "elem":
            return {a}
        if op in ("choice", "interleave"):
            return self.first(a) | self.first(b)
        if op == "group":
            return self.first(a) | (self.first(b) if self.nullable(a) else set())
        if op == "oneOrMore":
            return self.first(a)
        return set()

    # -- elements ------------------------------------------------------------------------
    def patterns_for(self, name: tuple) -> list:
        """The RNG ``<element>`` patterns that can match an element called ``name``."""
        hits = list(self.by_name.get(name, []))
        return hits + [el for el in self.wild if self.matches(element_nc(el), name)]

    def content(self, name: tuple | None) -> int | None:
        """The children pattern of element ``name`` (None: the document, i.e. ``<start>``)."""
        if name in self._content_cache:
            return self._content_cache[name]
        if name is None:
            out = self._seq(self.start)
        else:
            pats = self.patterns_for(name)
            out = None if not pats else NOT_ALLOWED
            for el in pats:
                kids = _rng_children(el)[0 if el.get("name") is not None else 1:]
                out = self._mk("choice", out, self._seq(kids))
        self._content_cache[name] = out
        return out

    def attribute_classes(self, name: tuple) -> frozenset:
        """Name classes of the attributes allowed on element ``name`` (refs followed, not
        into elements); cached, since a broken file asks about the same element often."""
        if name in self._attr_cache:
            return self._attr_cache[name]
        found: set = set()
        seen: set = set()

        def walk(el):
            for c in _rng_children(el):
                kind = _local(c)
                if kind == "attribute":
                    found.add(element_nc(c, attribute=True))
                elif kind == "ref" and c.get("name") not in seen:
                    seen.add(c.get("name"))
                    for d in self.defines.get(c.get("name"), []):
                        walk(d)
                elif kind != "element":
                    walk(c)

        for el in self.patterns_for(name):
            walk(el)
        self._attr_cache[name] = frozenset(found)
        return self._attr_cache[name]

    def attributes(self, name: tuple) -> list[str]:
        """Attribute names allowed on element ``name``, as an editor writes them."""
        return sorted(self.show(nc, "attribute") for nc in self.attribute_classes(name))

    def attribute_allowed(self, element: tuple, attribute: tuple) -> bool:
        """Whether ``attribute`` (namespace, local) may appear on ``element`` at all."""
        return any(self.matches(nc, attribute) for nc in self.attribute_classes(element))


@lru_cache(maxsize=8)
def grammar(path: str) -> Grammar:
    """The explainer for the .rng file at ``path`` (built once per process, on demand)."""
    return Grammar(Path(path))


def element_names(g: Grammar, p: int) -> frozenset:
    """Every name class that pattern ``p`` allows as a child anywhere (not only first)."""
    cache = g.__dict__.setdefault("_names_cache", {})
    if p not in cache:
        cache[p] = frozenset(_element_names(g, p))
    return cache[p]


def _element_names(g: Grammar, p: int) -> set:
    out: set = set()
    todo, seen = [p], set()
    while todo:
        q = todo.pop()
        if q in seen:
            continue
        seen.add(q)
        entry = g._table[q]
        if entry[0] == "elem":
            out.add(entry[1])
        elif entry[0] in ("choice", "group", "interleave", "oneOrMore"):
            todo.extend(x for x in entry[1:] if x is not None)
    return out
