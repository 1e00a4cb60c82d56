"""Structured TEI elements in the HTML edition: lists (with TEI labels joined to their
items), tables, and choices between readings. Functions of the ``Body`` converter
(``body``), split off to keep modules small."""
from __future__ import annotations

from lxml import etree

from converter.writers.entries import reading_text
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
    add_text(out, el.text)  # (a choice holds only its readings; anything else is kept)
    for c in el:
        if c is shown:  # as an element: its ids, and a name's link to the index, stay
            body.element(shown, out, True, depth, in_link)
        add_text(out, c.tail)



def list_items(body, el, out, depth, in_link) -> None:
    """List items as ``li``; a TEI ``label`` joins the item that follows it. Anything
    else in a list (not TEI, but it happens) gets an ``li`` of its own."""
    pending = []

    def labels_alone():
        """Labels with no item to join: an ``li`` of their own."""
        li = etree.SubElement(out, "li", {"class": "label"})
        for lab in pending:
            body.element(lab, li, True, depth, in_link)
        pending.clear()

    if el.text and el.text.strip():
        add_text(etree.SubElement(out, "li"), el.text)
    for child in el:
        name = local(child)
        if name == "note" and child in body.app.note_no and not body.app.is_targeted(child):
            body.marker(_last_li(out), body.app.note_no[child], in_link)
        elif name == "label":
            pending.append(child)
        elif name and name not in SKIP:
            li = etree.SubElement(out, "li", {"class": name})
            for lab in pending:
                body.element(lab, li, True, depth, in_link)
                add_text(li, " ")
            pending.clear()
            if name == "item":
                if child.get(XML_ID):
                    li.set("id", child.get(XML_ID))
                body.children(child, li, not body.layout.has_blocks(child), depth, in_link)
            else:
                body.element(child, li, False, depth, in_link)
        for num in body.app.after.get(child, ()):
            body.marker(_last_li(out), num, in_link)
        if child.tail and child.tail.strip():  # stray text in a list: keep it, in order
            if pending:  # the labels stand before it, as before an item
                labels_alone()
                add_text(_last_li(out), " ")
            add_text(_last_li(out), child.tail)
    if pending:
        labels_alone()


def table(body, el, out, depth, in_link) -> None:
    """Rows and cells; anything else in a table gets a row of its own."""
    rows = None

    def row():
        nonlocal rows
        if rows is None:  # written out, as the browser would insert it anyway
            rows = etree.SubElement(out, "tbody")
        return etree.SubElement(rows, "tr")

    def last_cell():
        tr = last(rows)
        return last(tr) if tr is not None else None

    if el.text and el.text.strip():
        add_text(etree.SubElement(row(), "td"), el.text)
    for child in el:
        name = local(child)
        if name == "note" or name is None or name in SKIP:
            # A note's mark and the text after it (or a comment's) run on in the last cell.
            cell = last_cell() if rows is not None else None
            cell = cell if cell is not None else etree.SubElement(row(), "td")
            if child in body.app.note_no and not body.app.is_targeted(child):
                body.marker(cell, body.app.note_no[child], in_link)
            add_text(cell, child.tail)
            continue
        elif name == "head" and last(out) is None:
            body.children(child, etree.SubElement(out, "caption"), True, depth, in_link)
        elif name == "row":
            tr = row()
            add_text(etree.SubElement(tr, "td"), child.text if (child.text or "").strip()
                     else None)
            for cell in child:
                cname = local(cell)
                if cname is None or cname in SKIP:
                    # a note (or comment) in a row: its mark and the text after it run on
                    # in the cell before, as in the table itself
                    td = last(tr) if len(tr) else etree.SubElement(tr, "td")
                    if cell in body.app.note_no and not body.app.is_targeted(cell):
                        body.marker(td, body.app.note_no[cell], in_link)
                    add_text(td, cell.tail)
                    continue
                if cname == "cell":
                    td = etree.SubElement(tr, "th" if cell.get("role") == "label" else "td")
                    if cell.get(XML_ID):
                        td.set("id", cell.get(XML_ID))
                    body.children(cell, td, not body.layout.has_blocks(cell), depth, in_link)
                elif cname and cname not in SKIP:  # not TEI, but keep it: a cell of its own
                    body.element(cell, etree.SubElement(tr, "td"), False, depth, in_link)
                if (cell.tail or "").strip():
                    add_text(etree.SubElement(tr, "td"), cell.tail)
            for td in list(tr):
                if td.tag == "td" and not len(td) and not td.text and not td.attrib:
                    tr.remove(td)  # the placeholder for text before the first cell
        elif name and name not in SKIP:
            body.element(child, etree.SubElement(row(), "td"), False, depth, in_link)
        for num in body.app.after.get(child, ()):
            body.marker(etree.SubElement(row(), "td"), num, in_link)
        if (child.tail or "").strip():
            add_text(etree.SubElement(row(), "td"), child.tail)
