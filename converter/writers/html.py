"""HTML reading edition: one self-contained static HTML5 file, built from the TEI alone.

Every text node goes through lxml's serializer (escaped); attribute values from the TEI
are only ever copied into ``id`` and ``title`` attributes, never into URLs or handlers.
"""
from __future__ import annotations

from lxml import etree
from lxml.builder import E as H

from converter.writers.common import SKIP, TEI, XML_ID, header_title, local

CSS = """
body{font:1.05rem/1.6 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222}
p{position:relative}
.pn{position:absolute;left:-3.2rem;font-size:.75rem;color:#888;text-decoration:none}
blockquote{margin:1rem 2rem;color:#333}
@media print{.pn{color:#000}}
"""
_MAP = {"p": "p", "head": "h2", "list": "ol", "item": "li", "quote": "blockquote",
        "q": "q", "soCalled": "span", "div": "section", "body": "main", "front": "header",
        "titlePart": "h1", "docAuthor": "p", "argument": "div", "label": "span",
        "persName": "span", "placeName": "span", "orgName": "span", "date": "time",
        "lb": None, "pb": None}


def _convert(el):
    name = local(el)
    tag = _MAP.get(name, "span" if name not in ("div", "list") else "div")
    if tag is None:
        span = H.span()
        span.tail = el.tail
        return span
    out = etree.Element(tag)
    xid = el.get(XML_ID)
    if xid:
        out.set("id", xid)
    out.set("class", name)
    if name == "date" and el.get("when"):
        out.set("datetime", el.get("when"))
        out.set("title", el.get("when"))
    out.text = el.text
    if name == "p" and xid:
        anchor = etree.SubElement(out, "a", {"class": "pn", "href": "#" + xid})
        anchor.text = xid.rsplit(".", 1)[-1].lstrip("p")
        anchor.tail = el.text
        out.text = None
    for child in el:
        cname = local(child)
        if cname is None or cname in SKIP:
            tail_holder = out[-1] if len(out) else None
            if tail_holder is not None:
                tail_holder.tail = (tail_holder.tail or "") + (child.tail or "")
            else:
                out.text = (out.text or "") + (child.tail or "")
            continue
        conv = _convert(child)
        conv.tail = child.tail
        out.append(conv)
    return out


def write(tree, **_options) -> bytes:
    """The HTML edition of a parsed TEI ``tree`` as UTF-8 bytes."""
    root = tree.getroot()
    title = header_title(root) or "Edition"
    text = root.find(f".//{TEI}text")
    content = _convert(text) if text is not None else H.div()
    html = H.html(
        H.head(H.meta(charset="utf-8"),
               H.meta(name="viewport", content="width=device-width, initial-scale=1"),
               H.title(title), H.style(CSS)),
        H.body(content), lang=root.get("{http://www.w3.org/XML/1998/namespace}lang", "en"))
    return b"<!DOCTYPE html>\n" + etree.tostring(html, method="html", encoding="UTF-8") + b"\n"
