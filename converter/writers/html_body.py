"""TEI ``<text>`` -> HTML elements for the reading edition.

Blocks become HTML blocks only where HTML allows them (a TEI ``p`` holding a block
quotation becomes ``div.p``, since a browser would otherwise close the paragraph); inside
inline content everything stays inline. Unknown elements become ``span``/``div`` with
their TEI name as class, so no text is lost. Attribute values from the TEI only reach
``id``, ``class`` (sanitised), ``lang``, ``title`` and ``datetime``; links are built from
validated Wikidata ids, ids present in the document, or plain http(s) URLs.
"""
from __future__ import annotations

from lxml import etree

from converter.writers import html_parts
from converter.writers.behaviours import BehaviourWriter
from converter.writers.html_parts import add_text, last
from converter.writers.common import (INLINE, LINE_CONTEXTS, SKIP, XML_ID, XML_LANG, local,
                                      safe_class, safe_lang)
from converter.writers.html_phrases import Phrases

_BLOCK_P = {"head": "p", "speaker": "p", "stage": "p"}
_PHRASING = {"p", "h2", "h3", "h4", "h5", "h6", "figcaption", "caption"}
_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
_PHRASED = {"span", "q", "i", "b", "em", "cite", "a", "time", "del", "ins", "abbr"}


def _keep_apart(dst, node, tail: str) -> None:
    """An item, label or paragraph run into a line is a word boundary: where the words
    on either side would touch, put a space (as the text edition does)."""
    content = "".join(node.itertext())
    prev = node.getprevious()
    left = (prev.tail or "".join(prev.itertext())) if prev is not None else (dst.text or "")
    if left[-1:].isalnum() and content[:1].isalnum():
        if prev is not None:
            prev.tail = (prev.tail or "") + " "
        else:
            dst.text = (dst.text or "") + " "
    if content[-1:].isalnum() and tail[:1].isalnum():
        node.tail = (node.tail or "") + " "


class Body(Phrases, BehaviourWriter):
    """Converts TEI elements to HTML, with the apparatus for ids, notes and entities: one
    method per behaviour of the table (``HtmlWriter`` in ``html`` declares the format).
    A behaviour's method adds the HTML element made to ``dst`` and returns it (None when
    it made none, or wrote its content itself)."""

    def __init__(self, app, cite_prefix: str):
        self.app, self.layout, self.cite_prefix = app, app.layout, cite_prefix
        self.sides = True  # copy notes into the margin (only while rendering the text)
        self.emitted: set = set()  # numbers of the note references written
        self.toc = False  # whether the page has contents for headings to link back to
        self.pieces = None  # where finished divisions go (``html_pieces``), if anywhere
        self._entries: dict = {}  # index entry id -> what its mentions' links carry

    def children(self, src, dst, inline: bool, depth: int, in_link: bool,
                 aside: bool = False) -> None:
        """Render the content of ``src`` into ``dst``; ``aside``: set each element made in
        ``dst`` aside (``self.pieces``) once the next is made."""
        add_text(dst, src.text)
        after = self.app.after
        for child in src:
            prior = last(dst) if aside else None
            name = local(child)
            if name == "note" and child in self.app.note_no and not self.app.is_targeted(child):
                self.marker(dst, self.app.note_no[child], in_link)
            elif name in INLINE:
                self.element(child, dst, inline, depth, in_link)
            elif name and name not in SKIP:
                before = last(dst)
                self.element(child, dst, inline, depth, in_link)
                made = last(dst)
                if made is not before and made.tag in _PHRASED:
                    _keep_apart(dst, made, child.tail or "")
            if after and child in after:
                for num in after[child]:
                    self.marker(dst, num, in_link)
            add_text(dst, child.tail)
            if prior is not None and prior is not last(dst):
                self.pieces.set_aside(prior)  # nothing changes it now: write it

    def marker(self, dst, num: int, in_link: bool = False) -> None:
        """A footnote reference: superscript number linking to the note (which links back).
        Inside a link (an entity) it cannot be a link itself: HTML forbids nested links."""
        self.emitted.add(num)
        sup = etree.SubElement(dst, "sup", {"class": "nref"})
        a = etree.SubElement(sup, "span" if in_link else "a", {"id": f"_r{num}"})
        if not in_link:
            a.set("href", f"#_n{num}")
            a.set("aria-label", f"Note {num}")
        a.text = str(num)
        if self.sides:
            self.side(sup, num)

    def side(self, sup, num: int) -> None:
        """A copy of note ``num`` for the margin of wide screens (hidden from screen readers
        and print, which have the numbered notes at the end): phrasing only, no ids."""
        self.sides = False  # notes inside the note stay markers
        span = etree.Element("span", {"class": "side", "aria-hidden": "true"})
        num_span = etree.SubElement(span, "span", {"class": "sn"})
        num_span.text = str(num)
        num_span.tail = " "
        self.children(self.app.notes[num - 1], span, True, 1, True)
        for el in span.iter():
            el.attrib.pop("id", None)
        sup.addnext(span)
        span.tail, sup.tail = sup.tail, None
        self.sides = True

    def element(self, el, dst, inline: bool, depth: int, in_link: bool) -> None:
        """Render one TEI element (and its content) into ``dst``."""
        name = local(el)
        block = not inline and self.layout.is_block(el)
        out = self.dispatch(el, block, dst, depth, in_link)
        if out is None:
            return None
        out_id = out.get("id")
        mention = self.app.mention_of.get(el)
        if mention is not None and out_id is None:
            out_id = mention[0].id  # where the index links back to
            out.set("id", out_id)
        xid = el.get(XML_ID)
        if xid and out_id is None:
            out.set("id", xid)
        elif xid and out_id != xid:  # an element has one id: the TEI's goes inside
            etree.SubElement(out, "span", {"id": xid, "class": "anchor"})
        lang = el.get(XML_LANG)
        if lang and safe_lang(lang):
            out.set("lang", lang)
        tag = out.tag
        inner_link = in_link or tag == "a"
        if tag == "section" and any(local(c) == "head" for c in el):
            depth += 1  # a division without a heading adds no level: headings stay in order
        if tag in ("ul", "ol"):
            return html_parts.list_items(self, el, out, depth, inner_link)
        if tag == "table":
            return html_parts.table(self, el, out, depth, inner_link)
        if name == "choice" or name == "app":
            return html_parts.choice(self, el, out, depth, inner_link)
        # Phrasing-only HTML elements must not receive blocks, or the browser re-nests them.
        inline_kids = (not block or tag in _PHRASING or not self.layout.has_blocks(el))
        # The blocks of the text's front, body and back are set aside as they are finished.
        aside = (self.pieces is not None and not inline_kids
                 and el.getparent() is self.app.text)
        self.children(el, out, inline_kids, depth, inner_link, aside)
        if self.toc and tag in _HEADINGS:
            # The way back from any heading of a long text (its arrow is drawn by CSS).
            etree.SubElement(out, "a", {"class": "up", "href": "#_toc",
                                        "title": "Back to the contents",
                                        "aria-label": "Back to the contents"})
        return None

    def line_break(self, el, dst, depth, in_link) -> None:
        """Line, column and page breaks: a break in verse and letters, a space in prose."""
        name = local(el)
        self.milestone(el, dst, name)
        if len(el) or el.text:  # a milestone is empty in TEI; keep whatever is not
            self.children(el, etree.SubElement(dst, "span", {"class": name}), True, depth,
                          in_link)

    def note(self, el, dst, depth, in_link) -> None:
        """A note moves to the notes (``children`` leaves its numbered marker here)."""

    def omit(self, el, dst, depth, in_link) -> None:
        """Not reading text: the header, stand-off data, forme work."""

    def milestone(self, el, dst, name) -> None:
        """The mark a break leaves in the line."""
        if el.get("break") == "no":
            return
        parent = next((a for a in el.iterancestors() if self.layout.is_block(a)), None)
        lines = parent is not None and (local(parent) in LINE_CONTEXTS or any(
            local(a) == "argument" for a in parent.iterancestors()))  # a headnote's lines
        if name == "lb" and lines:
            etree.SubElement(dst, "br")
        elif name == "pb" and el.get("n"):
            span = etree.SubElement(dst, "span", {"class": "pb", "title": f"page {el.get('n')}"})
            span.text = " "
        else:
            add_text(dst, " ")

    def _block(self, el, out, cls: str):
        """``out``, the HTML block made for ``el``, with its class and margin number."""
        numbered = self.app.para.get(el)
        if numbered is None:
            out.set("class", cls.strip())
        else:
            out.set("class", cls.strip() + " np")
            self.number(numbered, out)
        return out

    def division(self, el, dst, depth, in_link):
        """A TEI division as a ``section`` (its id: the one the contents link to)."""
        out = etree.SubElement(dst, "section", {"id": self.app.div_ids.get(el, ""),
                                                "class": "div"})
        if not out.get("id"):
            del out.attrib["id"]
        return self._block(el, out, "div " + safe_class(el.get("type")))

    def heading(self, el, dst, depth, in_link):
        """A division's head as ``h2``..``h6`` by depth (a division in a note has none)."""
        if el.getparent() not in self.app.div_ids:
            return self.paragraph(el, dst, depth, in_link)
        return self._block(el, etree.SubElement(dst, f"h{min(depth + 1, 6)}"), local(el))

    def caption(self, el, dst, depth, in_link):
        """A figure's head."""
        return self._block(el, etree.SubElement(dst, "figcaption"), local(el))

    def paragraph(self, el, dst, depth, in_link):
        """Any other block: ``p``, or ``div`` when it holds blocks (HTML's ``p`` cannot)."""
        name = local(el)
        tag = "div" if self.layout.has_blocks(el) else _BLOCK_P.get(name, "p")
        return self._block(el, etree.SubElement(dst, tag), name)

    def list(self, el, dst, depth, in_link):
        """A list as ``ul``; ``element`` fills it with its items (``html_parts``)."""
        return self._block(el, etree.SubElement(dst, "ul"), "list " + safe_class(el.get("type")))

    def item(self, el, dst, depth, in_link) -> None:
        """Items and their labels are written by their list (``html_parts.list_items``)."""

    label = item

    def blockquote(self, el, dst, depth, in_link):
        """A block quotation; one with its source (``cit``) as a ``figure``."""
        tag = "blockquote" if local(el) != "cit" else "figure"
        return self._block(el, etree.SubElement(dst, tag), local(el))

    def table(self, el, dst, depth, in_link):
        """A table; ``element`` fills it with its rows (``html_parts``)."""
        return self._block(el, etree.SubElement(dst, "table"), local(el))

    def figure(self, el, dst, depth, in_link):
        """A figure."""
        return self._block(el, etree.SubElement(dst, "figure"), local(el))

    def number(self, numbered: tuple, out) -> None:
        """The id, margin number and 'cite' link of a numbered paragraph (``numbered``: its
        id, margin label and citation label)."""
        pid, label, cite = numbered
        out.set("id", pid)
        href = "#" + pid
        if label:
            a = etree.SubElement(out, "a", {"class": "pn", "href": href,
                                            "aria-label": f"Paragraph {cite}"})
            a.text = label
        full = f"{self.cite_prefix}, {cite}"
        c = etree.SubElement(out, "a", {"class": "cite", "href": href, "title": full,
                                        "data-cite": full,
                                        "aria-label": f"Cite paragraph {cite}"})
        c.text = "cite"
        c.tail = " "
