"""TEI builder: the only module that knows how TEI elements nest.

It maps the model's abstract kinds to TEI elements, assigns stable ``xml:id``s derived
from structure (``s2``, ``s2.p3``, ``s5.l1.i3``), puts the header and ``standOff``
(``teiheader``) around the text, and serialises to deterministic bytes (no timestamps,
fixed attribute order). ``build`` makes the whole tree; ``teistream`` makes the same
bytes piece by piece with ``frame``, ``item``, ``open_node`` and ``indent``.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from lxml import etree

from converter import TOOL_NAME
from converter.inline import PHRASE_ONLY, fit_content, line_breaks, nest
from converter.model import Block, Document
# The header and standOff are made there; ``teistream`` finds these names here too.
from converter.teiheader import (E, build_header, build_standoff, declare_renditions,
                                 renditions)
from converter.vocabulary import (ELEMENT, ID_PREFIX, ID_SCOPES, RUNNING, TEI_NS, TITLE_PAGE,
                                  WRAP, XML_ID, XML_LANG)

RESP = "#" + TOOL_NAME


def _set_attrs(el, attrs: dict) -> None:
    for key in sorted(attrs):
        val = attrs[key]
        if val is None:
            continue
        if key == "cert":
            el.set("cert", str(val))
            el.set("resp", RESP)
        elif key == "xml:id":
            el.set(XML_ID, str(val))
        elif key == "xml:lang":
            el.set(XML_LANG, str(val))
        else:
            el.set(key, str(val))


def inline(el, text: str, spans) -> None:
    """Fill ``el`` with ``text``, nesting ``spans`` as child elements (newlines -> ``lb``)."""
    roots, _dropped = nest(list(spans) + line_breaks(text, spans), len(text), text)
    roots = fit_content(roots, etree.QName(el).localname in PHRASE_ONLY)

    def fill(parent, nodes, start, end):
        pos, last = start, None
        for node in nodes:
            s = node.span
            chunk = text[pos:s.start]
            if last is None:
                parent.text = (parent.text or "") + chunk or None  # <lb/>, not <lb></lb>
            else:
                last.tail = (last.tail or "") + chunk
            child = etree.SubElement(parent, f"{{{TEI_NS}}}{ELEMENT[s.kind]}")
            _set_attrs(child, dict(s.attrs))
            fill(child, node.children, s.start, s.end)
            pos, last = s.end, child
        chunk = text[pos:end]
        if last is None:
            parent.text = (parent.text or "") + chunk or None  # <lb/>, not <lb></lb>
        else:
            last.tail = (last.tail or "") + chunk

    fill(el, roots, 0, len(text))


class Ids:
    """Counters per scope so ids follow structure: s2.p3 is the 3rd p of the 2nd section.
    ``lines`` (when given) collects the source line of each element made from a block or
    a container, for the review report."""

    def __init__(self, lines: dict | None = None):
        self.counts: dict[tuple[str, str], int] = {}
        self.lines = lines if lines is not None else {}

    def next(self, scope: str, kind: str) -> str:
        """The next id for an element of ``kind`` in ``scope`` (``s2`` -> ``s2.p4``)."""
        prefix = ID_PREFIX[kind]
        key = (scope, prefix)
        self.counts[key] = self.counts.get(key, 0) + 1
        local = f"{prefix}{self.counts[key]}"
        return f"{scope}.{local}" if scope else local


def _sub(parent, tag: str):
    """A new TEI child ``tag`` of ``parent``. Children are made in place, never made apart
    and appended: each element made apart carries its own namespace declaration, and lxml
    moving a subtree full of them (and of xml:ids) into another document takes time
    quadratic in its size (a list of 80,000 lines took 16 s to build instead of 1)."""
    return etree.SubElement(parent, f"{{{TEI_NS}}}{tag}")


def _block(parent, b: Block, ids: Ids, scope: str):
    if b.kind in WRAP:
        outer, inner = ELEMENT[b.kind], WRAP[b.kind]
        el = _sub(parent, outer)
        _set_attrs(el, b.attrs)
        child = etree.SubElement(el, f"{{{TEI_NS}}}{inner}")
        ids.lines[el] = ids.lines[child] = b.line
        if inner == "p":
            child.set(XML_ID, ids.next(scope, "p"))
        inline(child, b.text, b.spans)
        return el
    el = _sub(parent, ELEMENT[b.kind])
    ids.lines[el] = b.line
    if b.kind in ID_PREFIX:
        el.set(XML_ID, ids.next(scope, b.kind))
    _set_attrs(el, b.attrs)
    inline(el, b.text, b.spans)
    return el


def open_node(parent, node, ids: Ids, scope: str):
    """(the element made in ``parent`` for the container ``node``, without its children;
    the id scope of its children)."""
    el = _sub(parent, ELEMENT[node.kind])
    ids.lines[el] = node.line
    child_scope = scope
    if node.kind in ID_PREFIX:
        own = ids.next(scope, node.kind)
        el.set(XML_ID, own)
        # Divisions and lists open a new scope; quotes keep their division's p count.
        if node.kind in ID_SCOPES:
            child_scope = own
    _set_attrs(el, node.attrs)
    return el, child_scope


def item(parent, it, ids: Ids, scope: str):
    """The element (with everything in it) made in ``parent`` for the Block or Node ``it``."""
    if isinstance(it, Block):
        return _block(parent, it, ids, scope)
    el, child_scope = open_node(parent, it, ids, scope)
    _items(it.children, ids, child_scope, el)
    return el


def _items(items, ids: Ids, scope: str, parent) -> None:
    for it in items:
        item(parent, it, ids, scope)


def build_front(parent, front: list, ids: Ids):
    """``front`` (made in ``parent``) with a ``titlePage`` for title/author lines, then the
    rest in order."""
    el = _sub(parent, "front")
    page = None
    for it in front:
        if it.kind in TITLE_PAGE:
            if page is None:
                page = etree.SubElement(el, f"{{{TEI_NS}}}titlePage")
            if isinstance(it, Block):
                part = _block(page, it, ids, "front")
                # Every part of the title page is citable (front.tp1 ...): the review
                # report ties what was inferred there to an id like everything else.
                attrs = dict(part.attrib)
                part.attrib.clear()
                part.set(XML_ID, ids.next("front", "titlePage"))  # the id first, as elsewhere
                part.attrib.update(attrs)
            else:  # an epigraph: a quotation node on the title page
                _items([it], ids, "front", page)
        else:
            _items([it], ids, "front", el)
    return el


def source_lines(lines: dict, source: str) -> None:
    """``@source="speech.txt#line=11"`` on every element with an id: where in the text file
    it begins (an RFC 5147 fragment: the position after line 11, so line 12 starts it).
    Validation problems and reviewers can then go back to the line. Text read from
    standard input has no file to point to."""
    name = Path(source).name
    if not name or source.startswith("<"):
        return
    for el, line in lines.items():
        if el.get(XML_ID) and line >= 1:
            el.set("source", f"{quote(name)}#line={line - 1}")


def frame(doc: Document, ids: Ids) -> tuple:
    """(``TEI``, ``standOff``, ``text``, ``body``) for ``doc``: the header and the front
    made, the ``standOff`` and the body still empty."""
    # Built in place, top down (see _sub): TEI order is teiHeader, standOff, text, and the
    # standOff, which needs the text's reading order, is filled last.
    tei = E.TEI(build_header(doc))
    tei.set(XML_LANG, doc.meta.get("language", "en"))
    standoff = _sub(tei, "standOff")
    text = _sub(tei, "text")
    if doc.front:
        build_front(text, doc.front, ids)
    return tei, standoff, text, _sub(text, "body")


def build(doc: Document, lines: dict | None = None):
    """The whole ``TEI`` element for ``doc``; ``lines``, when given, receives the source
    line of every element made from a block or a container."""
    ids = Ids(lines)
    tei, standoff, text, body = frame(doc, ids)
    _items(doc.body, ids, "", body)
    declare_renditions(tei, renditions(text))
    order = reading_order(text)[0] if doc.notes else {}
    if not build_standoff(standoff, doc, order):
        tei.remove(standoff)
    source_lines(ids.lines, doc.source)
    return tei


def reading_order(el, first: int = 0) -> tuple[dict, int]:
    """({xml:id: where it is read} for ``el`` and everything in it, counting the elements
    in document order from ``first``; the count after ``el``). A note sorts where its
    marker is read: an anchor at its place, an element at its end (the last element
    inside it)."""
    order, n = {}, first - 1
    for n, sub in enumerate(el.iter(), first):
        ident = sub.get(XML_ID)
        if ident:
            order[ident] = n + sum(1 for _ in sub.iter()) - 1
    return order, n + 1


def indent(el, level: int = 0) -> None:
    """Indent element-only content; mixed content is left byte for byte as it is."""
    kids = list(el)
    if not kids or (el.text and el.text.strip()) or any(
            (k.tail and k.tail.strip()) or etree.QName(k).localname in RUNNING for k in kids):
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for k in kids:
        k.tail = pad
        indent(k, level + 1)
    kids[-1].tail = "\n" + "  " * level


def serialize(tei) -> bytes:
    """Deterministic UTF-8 bytes with an XML declaration and a final newline."""
    indent(tei)
    return etree.tostring(tei, xml_declaration=True, encoding="UTF-8") + b"\n"
