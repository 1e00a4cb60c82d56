"""The parts of the TEI around the text: the ``teiHeader`` made from the metadata (titles,
responsibilities, the e-text wrapper's header, notes and licence, the applications used,
how the source marked what became ``<hi>``) and the ``standOff`` with the authority
entries and the editorial notes. ``tei`` builds the text between them, whole or, with
``teistream``, piece by piece; both call these.
"""
from __future__ import annotations

from lxml import etree
from lxml.builder import ElementMaker

from converter import TOOL_NAME, __version__, etext
from converter.model import Document
from converter.vocabulary import ENTITY_LISTS, RENDITIONS, TEI_NS, XML_ID

E = ElementMaker(namespace=TEI_NS, nsmap={None: TEI_NS})


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
