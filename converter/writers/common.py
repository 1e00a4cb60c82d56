"""Helpers the writers share: TEI names, the reading text of an element, skipped parts."""
from __future__ import annotations

from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
# Not part of the reading text: the header, stand-off data and notes (rendered separately).
SKIP = {"teiHeader", "standOff", "note", "fw"}


def local(el) -> str | None:
    """The local name of an element, or None for comments and processing instructions."""
    return etree.QName(el).localname if isinstance(el.tag, str) else None


def header_title(root) -> str:
    """The edition title from the header (first titleStmt/title), or ''."""
    hits = root.findall(f".//{TEI}teiHeader/{TEI}fileDesc/{TEI}titleStmt/{TEI}title")
    return " ".join("".join(hits[0].itertext()).split()) if hits else ""
