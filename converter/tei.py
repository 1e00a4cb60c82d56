"""TEI builder: the only module that knows how TEI elements nest.

It maps the model's abstract kinds to TEI elements, assigns stable ``xml:id``s derived
from structure (``s2``, ``s2.p3``, ``s5.l1.i3``), writes the header from the metadata,
and serialises to deterministic bytes (no timestamps, fixed attribute order).
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from lxml import etree
from lxml.builder import ElementMaker

from converter import TOOL_NAME, __version__, etext
from converter.inline import PHRASE_ONLY, fit_content, line_breaks, nest
from converter.model import Block, Document
from converter.vocabulary import (ELEMENT, ENTITY_LISTS, ID_PREFIX, ID_SCOPES, RENDITIONS,
                                  RUNNING, TEI_NS, TITLE_PAGE, WRAP, XML_ID, XML_LANG)

E = ElementMaker(namespace=TEI_NS, nsmap={None: TEI_NS})
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


def _lines(piece) -> str:
    """The source lines a piece of e-text wrapper came from, for its ``@n``."""
    return f"lines {piece.first}-{piece.last}"


def renditions(el) -> set:
    """The renditions (``#u``) the ``<hi>`` elements in ``el`` use."""
    return {hi.get("rendition") for hi in el.iter(f"{{{TEI_NS}}}hi") if hi.get("rendition")}


def declare_renditions(tei, used: set) -> None:
    """How the source marked what became ``<hi rendition>`` (underscores, asterisks), in the
    header's ``tagsDecl``, so the marks can be restored; ``used``: what ``renditions``
    found in the text."""
    used = sorted({r.lstrip("#") for r in used})
    if not used:
        return
    decl = E.tagsDecl()
    for ident in used:
        rend = E.rendition(RENDITIONS.get(ident, ident), scheme="free")
        rend.set(XML_ID, ident)
        decl.append(rend)
    tei.find(f"{{{TEI_NS}}}teiHeader/{{{TEI_NS}}}encodingDesc").append(decl)


def build_header(doc: Document):
    """The teiHeader from the sidecar metadata (front-matter inferences fill the gaps)."""
    meta = doc.meta
    title = E.title(meta.get("title") or doc.id)
    stmt = E.titleStmt(title)
    if meta.get("author"):
        stmt.append(E.author(meta["author"]))
    if meta.get("editor"):
        stmt.append(E.editor(meta["editor"]))
    for what, who, piece in etext.responsibilities(doc.wrapper):
        name = E.name(who, n=_lines(piece)) if piece else E.name(who)
        stmt.append(E.respStmt(E.resp(what), name))
    stmt.append(E.respStmt(E.resp("Automatic up-conversion from plain text"),
                           E.name(f"{TOOL_NAME} {__version__}")))
    if doc.entities or doc.notes:
        editor = E.name(meta.get("editor") or "the editor")
        editor.set(XML_ID, "editor")  # @resp of the editorial notes points here
        stmt.append(E.respStmt(E.resp("Entity authority and editorial notes"), editor))
    pub = E.publicationStmt(E.authority(meta.get("editor") or TOOL_NAME))
    wrapper = doc.wrapper
    licences = [E.licence(meta["licence"])] if meta.get("licence") else []
    if wrapper is not None and wrapper.licence:  # verbatim, with the lines it came from
        licences.append(E.licence(wrapper.licence.text, n=_lines(wrapper.licence)))
    if licences:
        pub.append(E.availability(*licences))
    bibl = E.bibl()
    for key, tag in (("author", "author"), ("title", "title")):
        if meta.get(key):
            bibl.append(E(tag, meta[key]))
    if meta.get("date"):
        bibl.append(E.date(meta["date"], when=meta["date"]))
    if meta.get("occasion"):
        bibl.append(E.note(meta["occasion"], type="occasion"))
    if meta.get("source"):
        bibl.append(E.note(meta["source"], type="source"))
    if not len(bibl):
        bibl.text = f"Plain text {doc.source}"
    file_desc = E.fileDesc(stmt, pub)
    notes = [E.note(piece.text, type=kind, n=_lines(piece)) for kind, piece in
             (("etext-header", wrapper and wrapper.header), ("etext-notes", wrapper and wrapper.notes))
             if piece]
    if notes:
        file_desc.append(E.notesStmt(*notes))
    file_desc.append(E.sourceDesc(bibl))
    app = E.application(E.label(TOOL_NAME), ident=TOOL_NAME, version=__version__)
    app.set(XML_ID, TOOL_NAME)
    info = E.appInfo(app)
    for other in doc.applications:  # a name finder used besides the rules (spaCy)
        extra = E.application(E.label(other["label"]), ident=other["ident"],
                              version=other["version"])
        extra.set(XML_ID, other["id"])
        info.append(extra)
    enc = E.encodingDesc(info)
    lang = meta.get("language", "en")
    prof = E.profileDesc()
    if meta.get("date"):
        prof.append(E.creation(E.date(meta["date"], when=meta["date"])))
    prof.append(E.langUsage(E.language(meta.get("language_name", lang), ident=lang)))
    return E.teiHeader(file_desc, enc, prof)


def build_standoff(el, doc: Document, order: dict | None = None) -> bool:
    """Fill the ``standOff`` ``el``: the authority entries the text refers to (preferred
    name, the variants seen, the editor's Wikidata id and note), then the editorial notes in
    the reading order of what they annotate (``order``: xml:id -> position in the text).
    False if there is neither."""
    ents, notes = doc.entities, doc.notes
    if not ents and not notes:
        return False
    for typ, list_tag, name_tag in ENTITY_LISTS:
        chosen = [e for e in ents if e.type == typ]
        if not chosen:
            continue
        listing = etree.SubElement(el, f"{{{TEI_NS}}}{list_tag}")
        for ent in chosen:
            entry = etree.SubElement(listing, f"{{{TEI_NS}}}{typ}")
            entry.set(XML_ID, ent.id)
            entry.append(E(name_tag, ent.label, type="preferred"))
            for seen in sorted(ent.seen):
                if seen != ent.label:
                    entry.append(E(name_tag, seen, type="variant"))
            if ent.wikidata:
                entry.append(E.idno(ent.wikidata, type="wikidata"))
            if ent.note:
                entry.append(E.note(ent.note))
    order = order or {}
    notes = sorted(notes, key=lambda n: order.get(n["target"].lstrip("#"), len(order)))
    for note in notes:
        el.append(E.note(note["text"], type="editorial", target="#" + note["target"].lstrip("#"),
                         resp="#editor"))
    return True


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
    order = {}
    if doc.notes:
        # A note sorts where its marker is read: an anchor at its place, an element at its end.
        pos = {el: i for i, el in enumerate(text.iter())}
        order = {el.get(XML_ID): pos[el] + sum(1 for _ in el.iter()) - 1
                 for el in pos if el.get(XML_ID)}
    if not build_standoff(standoff, doc, order):
        tei.remove(standoff)
    source_lines(ids.lines, doc.source)
    return tei


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
