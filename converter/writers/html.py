"""HTML reading edition: one self-contained static HTML5 file, built from the TEI alone.

Layout: a title page from the teiHeader, a table of contents linking every division, the
text with paragraph numbers in the margin (anchors are the TEI ``xml:id``s, so
``edition.html#s2.p3`` cites paragraph s2.p3), numbered notes linked both ways, and an
index of persons, places and organisations with back-links to every occurrence. All text
goes through lxml's serializer, so it is escaped; see html_body for attribute handling.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from converter.writers.apparatus import Apparatus
from converter.writers.entries import reading_text
from converter.writers.common import DIVS, TEI, Layout, header, local, safe_lang
from converter.writers.html_body import Body
from converter.writers.html_pieces import Pieces, newlines
from converter.writers.html_style import CSS, JS, csp


@dataclass(frozen=True)
class HtmlOptions:
    """The HTML edition has no options (its index of names is always there)."""


class HtmlWriter(Body):
    """The HTML reading edition: the format's declaration over the behaviours of ``Body``."""

    name = "html"
    extension = ".html"
    options = HtmlOptions
    help = "a self-contained reading edition"

    @classmethod
    def edition(cls, tree, options: HtmlOptions) -> bytes:
        """The HTML edition of a parsed TEI ``tree`` as UTF-8 bytes."""
        return write(tree)


def _sub(parent, tag, text=None, **attrs):
    el = etree.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): v
                                        for k, v in attrs.items() if v is not None})
    if text:
        el.text = text
    return el


def title_page(body, info: dict) -> None:
    """The header: title, author, and what the teiHeader says about date and source."""
    head = _sub(body, "header", class_="titlepage")
    _sub(head, "h1", info["title"] or "Untitled edition")
    for sub in info["subtitles"]:
        _sub(head, "p", sub, class_="subtitle")
    if info["authors"]:
        _sub(head, "p", "; ".join(info["authors"]), class_="byline")
    dl = etree.Element("dl")
    rows = [("Date", info["date"]), ("Occasion", info["occasion"]), ("Source", info["source"]),
            ("Editor", "; ".join(info["editors"])),
            ("Publisher", info["publisher"] if info["publisher"] not in info["editors"] else ""),
            ("Licence", info["licence"])]
    for label, value in rows:
        if value:
            _sub(dl, "dt", label)
            dd = _sub(dl, "dd")
            if label == "Date" and info["when"]:
                _sub(dd, "time", value, datetime=info["when"])
            else:
                dd.text = value
    if len(dl):
        head.append(dl)


# Long contents start folded below the first level (a <details> each: no script needed).
TOC_OPEN_MAX = 30
_ONLY_NUMBER = re.compile(r"^\W*(?:\d+|[IVXLCDM]+|[ivxlcdm]+|[A-Za-z])\W*$")
FIRST_WORDS = 8


def _first_words(div) -> str:
    """The opening words of a division's first paragraph, for a heading that is only a
    number ("1.")."""
    p = next((e for e in div.iter(f"{TEI}p")), None)
    words = reading_text(p).split() if p is not None else []
    return " ".join(words[:FIRST_WORDS]) + (" …" if len(words) > FIRST_WORDS else "")


def _toc_label(child) -> str:
    head = child.find(f"{TEI}head")
    label = reading_text(head) if head is not None else ""
    if label and _ONLY_NUMBER.match(label):  # "1." or "IV." alone says nothing
        label = f"{label} {_first_words(child)}".strip()
    if not label:
        kind = (child.get("type") or "section").replace("_", " ")
        label = f"{kind.capitalize()} {child.get('n') or ''}".strip()
        label = f"{label}: {_first_words(child)}" if _first_words(child) else label
    return label


def _toc_entries(app, el, ol) -> int:
    """Entries for the divisions under ``el`` into ``ol``; returns how many were made."""
    made = 0
    for child in el:
        if local(child) in DIVS and child in app.div_ids:
            li = _sub(ol, "li")
            link = etree.Element("a", href="#" + app.div_ids[child])
            link.text = _toc_label(child)
            sub = etree.Element("ol")
            inner = _toc_entries(app, child, sub)
            made += 1 + inner
            if inner:  # a fold: the heading stays a link, the marker opens and closes
                box = _sub(li, "details", open="open")
                _sub(box, "summary").append(link)
                box.append(sub)
            else:
                li.append(link)
        elif local(child) in ("front", "body", "back", "group", "text"):
            made += _toc_entries(app, child, ol)
    return made


def toc(body, app, extra: list) -> bool:
    """A nested list of links to every division (folded when long), then to the notes and
    the index; returns whether there is one."""
    ol = etree.Element("ol")
    if app.text is not None and _toc_entries(app, app.text, ol) > TOC_OPEN_MAX:
        for box in ol.iter("details"):  # long: folded (made open, as a short one is)
            del box.attrib["open"]
    for href, label in extra:
        _sub(_sub(ol, "li"), "a", label, href=href)
    if len(ol):
        nav = _sub(body, "nav", class_="toc", aria_labelledby="_toc")
        _sub(nav, "h2", "Contents", id="_toc")
        nav.append(ol)
    return bool(len(ol))


def notes(body, app, conv: HtmlWriter) -> None:
    """Numbered notes, each with a link back to its marker in the text."""
    sec = _sub(body, "section", class_="notes", id="_notes", aria_labelledby="_notes-h")
    _sub(sec, "h2", "Notes", id="_notes-h")
    ol = _sub(sec, "ol")
    for num, note in enumerate(app.notes, 1):
        li = _sub(ol, "li", id=f"_n{num}", value=str(num))
        kind = note.get("type")
        if kind:
            li.set("class", "note " + "".join(ch for ch in kind if ch.isalnum()))
        conv.children(note, li, not app.layout.has_blocks(note), 1, False)
        if num in conv.emitted:  # (a note where TEI allows none, as in a row, has no mark)
            _sub(li, "a", "\u21a9", class_="back", href=f"#_r{num}",
                 aria_label=f"Back to the text of note {num}")


def index(body, app, ids=frozenset()) -> None:
    """Persons, places, organisations: names, variants, identifiers, occurrences (linked
    where the page has their id: in ``body`` or among ``ids``, those of its pieces)."""
    present = {e.get("id") for e in body.iter(etree.Element) if e.get("id")} | ids
    sec = _sub(body, "section", class_="index", id="_index", aria_labelledby="_index-h")
    _sub(sec, "h2", "Index of names", id="_index-h")
    for title, entries in app.index():
        _sub(sec, "h3", title)
        ul = _sub(sec, "ul")
        for entry in entries:
            li = _sub(ul, "li", id=entry.id)
            _sub(li, "span", entry.label, class_="iname")
            if entry.variants:
                _sub(li, "span", " (" + "; ".join(entry.variants) + ")", class_="variants")
            if entry.wikidata:
                li[-1].tail = " "
                _sub(li, "a", f"Wikidata {entry.wikidata}", class_="wd", rel="external",
                     href=f"https://www.wikidata.org/wiki/{entry.wikidata}")
            for link in entry.links:
                li[-1].tail = " "
                _sub(li, "a", link, class_="ext", rel="external nofollow", href=link)
            li[-1].tail = ": "
            occ = _sub(li, "span", class_="occ")
            seen: dict = {}
            end = len(entry.mentions) - 1
            for i, m in enumerate(entry.mentions):
                # A second mention in the same place gets its own, numbered back-link.
                k = seen[m.place] = seen.get(m.place, 0) + 1
                # A name inside a reading the page does not show (the other side of a
                # choice) has no anchor: the link goes to its paragraph, if any.
                target = m.id if m.id in present else (m.cite if m.cite in present else None)
                # The link says where, as printed (section, margin number); the id is in
                # the href. (The attributes written out: ``_sub`` is too slow for these.)
                label = f"{entry.label}, occurrence {i + 1}, in {m.place}"
                a = (etree.SubElement(occ, "a", {"href": "#" + target, "aria-label": label})
                     if target else etree.SubElement(occ, "span", {"aria-label": label}))
                text = m.place if k == 1 else f"{m.place} ({k})"
                if text:
                    a.text = text
                a.tail = ", " if i < end else ""


def write(tree) -> bytes:
    """The HTML edition of a parsed TEI ``tree`` as UTF-8 bytes (written in pieces: see
    ``html_pieces``)."""
    pieces = Pieces()
    page = build(tree, pieces)
    page.tail = "\n"  # the file ends with a newline: written with the page, no copy to add it
    rest = etree.tostring(page, method="html", encoding="UTF-8", doctype="<!DOCTYPE html>")
    del page
    return pieces.join(rest)


def build(tree, pieces: Pieces | None = None):
    """The HTML edition of a parsed TEI ``tree`` as an element tree (``html``); with
    ``pieces``, the divisions of the text are set aside there as they are finished (the
    tree then holds their marks)."""
    root = tree.getroot()
    info = header(root)
    app = Apparatus(root, Layout())
    lang = safe_lang(info["lang"]) or "en"
    cite = ", ".join(p for p in ("; ".join(info["authors"]), info["title"]) if p)
    page = etree.Element("html", lang=lang)
    head = _sub(page, "head")
    _sub(head, "meta", charset="utf-8")
    _sub(head, "meta", http_equiv="Content-Security-Policy", content=csp())
    _sub(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    _sub(head, "meta", name="generator", content="tei-edition")
    _sub(head, "title", info["title"] or "Edition")
    _sub(head, "style", CSS)
    body = _sub(page, "body")
    _sub(body, "a", "Skip to the text", class_="skip", href="#_text")
    title_page(body, info)
    extra = ([("#_notes", "Notes")] if app.notes else []) + (
        [("#_index", "Index of names")] if app.entries else [])
    has_toc = toc(body, app, extra)
    main = _sub(body, "main", id="_text")
    conv = HtmlWriter(app, cite or "Edition")
    conv.toc, conv.pieces = has_toc, pieces
    if app.text is not None:
        conv.children(app.text, main, False, 0, False)
    conv.sides = False
    if app.notes:
        notes(body, app, conv)
    if app.entries:
        index(body, app, pieces.ids if pieces else frozenset())
    if info["licence_text"]:
        box = _sub(_sub(body, "section", id="_licence", class_="licence"), "details")
        _sub(box, "summary", "Licence")
        for para in info["licence_text"]:
            _sub(box, "p", para)
    foot = _sub(body, "footer")
    foot.text = ("Reading edition generated from the TEI file by tei-edition. "
                 "Paragraph numbers link to stable anchors: cite a paragraph by its URL.")
    _sub(body, "script", JS)
    newlines(page)
    return page
