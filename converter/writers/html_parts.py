"""Structured TEI elements in the HTML edition: lists (with TEI labels joined to their
items), tables, and choices between readings. Functions of the ``Body`` converter
(``body``), split off to keep modules small."""
from __future__ import annotations

from lxml import etree

from converter.writers.apparatus import reading_text
from converter.writers.common import SKIP, XML_ID, local


def last(parent):
    """The last child of ``parent`` or None (``len()`` of an lxml element counts all its
    children, which made long documents quadratic; ``[-1]`` is immediate)."""
    try:
        return parent[-1]
    except IndexError:
        return None


def add_text(parent, text: str | None) -> None:
    """Append ``text`` after the last child of ``parent`` (or as its text)."""
    if not text:
        return
    end = last(parent)
    if end is not None:
        end.tail = (end.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _last_li(out):
    end = last(out)
    return end if end is not None else etree.SubElement(out, "li")


def choice(body, el, out, depth, in_link) -> None:
    """Show the editor's reading; the other readings go into the hover text."""
    prefer = ("corr", "reg", "expan", "lem")
    kids = [c for c in el if local(c) and local(c) not in SKIP]
    shown = next((c for c in kids if local(c) in prefer), kids[0] if kids else None)
    others = [f"{local(c)}: {reading_text(c)}" for c in kids if c is not shown]
    if others:
        out.set("title", "; ".join(others))
    if shown is not None:
        body.children(shown, out, True, depth, in_link)



def list_items(body, el, out, depth, in_link) -> None:
    """List items as ``li``; a TEI ``label`` joins the item that follows it."""
    pending = []
    for child in el:
        name = local(child)
        if name == "note" and child in body.app.note_no and not body.app.is_targeted(child):
            body.marker(_last_li(out),
                        body.app.note_no[child], in_link)
        elif name == "label":
            pending.append(child)
        elif name == "item" or (name and name not in SKIP):
            li = etree.SubElement(out, "li", {"class": name})
            if child.get(XML_ID):
                li.set("id", child.get(XML_ID))
            for lab in pending:
                span = etree.SubElement(li, "span", {"class": "label"})
                body.children(lab, span, True, depth, in_link)
                add_text(li, " ")
            pending = []
            if name == "head":
                li.set("class", "head")
            body.children(child, li, not body.layout.has_blocks(child), depth, in_link)
        for num in body.app.after.get(child, ()):
            body.marker(_last_li(out), num, in_link)
        if child.tail and child.tail.strip():  # stray text in a list: keep it
            add_text(_last_li(out), child.tail)
    if pending:
        li = etree.SubElement(out, "li", {"class": "label"})
        for lab in pending:
            body.children(lab, li, True, depth, in_link)



def table(body, el, out, depth, in_link) -> None:
    """Rows and cells; anything else in a table gets a row of its own."""
    rows = None
    for child in el:
        name = local(child)
        if not name or name in SKIP:
            continue
        if name == "head" and last(out) is None:
            cap = etree.SubElement(out, "caption")
            body.children(child, cap, True, depth, in_link)
            continue
        if rows is None:  # written out, as the browser would insert it anyway
            rows = etree.SubElement(out, "tbody")
        tr = etree.SubElement(rows, "tr")
        cells = [c for c in child if local(c) == "cell"] if name == "row" else [child]
        for cell in cells:
            td = etree.SubElement(tr, "th" if cell.get("role") == "label" else "td")
            body.children(cell, td, not body.layout.has_blocks(cell), depth, in_link)
        if name == "row":  # text outside cells (rare) goes in a last cell
            stray = [c for c in child if local(c) not in ("cell", None) and c not in cells]
            if stray:
                td = etree.SubElement(tr, "td")
                for s in stray:
                    body.element(s, td, True, depth, in_link)
