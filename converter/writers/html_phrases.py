"""Phrase-level TEI in the HTML edition: names linked to their index entries, dates as
``time`` with their normalised value, highlighting, links and gaps, and the HTML element
of every other element of running text. ``html_body.Body`` takes these methods over.
Only validated values reach the HTML: a date that has the form of one, a link to an id
of the document or a plain http(s) URL.
"""
from __future__ import annotations

import re

from lxml import etree

from converter.writers.common import local, safe_class

KIND_NAMES = {"person": "Person", "place": "Place", "org": "Organisation"}
_DATE = re.compile(r"^-?\d{4}(-\d{2}(-\d{2})?)?$")
_HI = (("italic", "i"), ("bold", "b"), ("sup", "sup"), ("superscript", "sup"), ("sub", "sub"),
       ("subscript", "sub"), ("underline", "u"), ("strikethrough", "s"))
_INLINE_TAG = {"emph": "em", "foreign": "i", "title": "cite", "term": "i", "mentioned": "i",
               "q": "q", "quote": "q", "said": "q", "del": "del", "add": "ins",
               "abbr": "abbr", "num": "span", "lb": "br"}
_SAFE_URL = re.compile(r"^https?://[^\s\"'<>\\]+$")


class Phrases:
    """The ``phrase`` behaviour of the HTML writer and what it needs (it reads the
    writer's ``app`` and its ``_entries``, set by ``Body``)."""

    def phrase(self, el, dst, depth, in_link):
        """The HTML inline element for a TEI element in running text."""
        name = local(el)
        if el in self.app.mention_of:
            mention, entry = self.app.mention_of[el]
            kind, title, href = self._entries.get(entry.id) or self._entry(entry)
            attrs = {"id": mention.id, "class": kind, "title": title}
            if not in_link:
                attrs["href"] = href
            return etree.SubElement(dst, "a" if not in_link else "span", attrs)
        if name in ("date", "time"):
            return self.date(el, dst)
        if name == "hi":
            rend = (el.get("rend") or "").lower()
            tag = next((t for key, t in _HI if key in rend), "span")
            return etree.SubElement(dst, tag, {"class": "hi " + safe_class(rend)})
        if name in ("ref", "ptr"):
            return self.link(el, dst, in_link)
        if name == "gap":
            return etree.SubElement(dst, "span", {"class": "gap", "title": " ".join(
                f"{k}: {el.get(k)}" for k in ("reason", "extent", "unit") if el.get(k)) or "gap"})
        tag = _INLINE_TAG.get(name, "span")
        out = etree.SubElement(dst, tag, {"class": name})
        if name == "soCalled":
            out.set("class", "soCalled")
        return out

    def _entry(self, entry) -> tuple:
        """The class, hover text and link of a mention of index ``entry`` (the same for
        all its mentions: made once)."""
        made = self._entries[entry.id] = (
            f"ent {entry.kind}", f"{KIND_NAMES[entry.kind]}: {entry.label}"
            + (f" (Wikidata {entry.wikidata})" if entry.wikidata else ""), "#" + entry.id)
        return made

    def date(self, el, dst):
        """``time`` with the normalised date as machine value and as hover text."""
        when, nb, na = el.get("when"), el.get("notBefore"), el.get("notAfter")
        out = etree.SubElement(dst, "time", {"class": "date"})
        if when and _DATE.match(when):
            out.set("datetime", when)
        parts = ([when] if when else []) + ([f"not before {nb}"] if nb else []) + (
            [f"not after {na}"] if na else [])
        if nb and na:
            parts = [f"between {nb} and {na}"]
        start, end = el.get("from"), el.get("to")
        if start or end:
            parts.append(" ".join(filter(None, (start and f"from {start}", end and f"to {end}"))))
        if parts:
            out.set("title", "; ".join(parts))
        return out

    def link(self, el, dst, in_link):
        """A ``ref``/``ptr`` as a link when its target is safe, else as plain text."""
        target = (el.get("target") or "").split(" ")[0]
        href = None
        if el in self.app.marker_of:  # a footnote's printed marker: to the numbered note
            href = f"#_n{self.app.marker_of[el]}"
        elif target.startswith("#") and target[1:] in self.app.used:
            href = target
        elif _SAFE_URL.match(target):
            href = target
        if href and not in_link:
            out = etree.SubElement(dst, "a", {"class": local(el), "href": href})
            if not len(el) and not (el.text or "").strip():
                # An empty pointer gets a sign, not words the text does not have.
                out.text = "\u2197"
                out.set("aria-label", f"Link to {target}")
                out.set("title", target)
            return out
        return etree.SubElement(dst, "span", {"class": local(el)})
