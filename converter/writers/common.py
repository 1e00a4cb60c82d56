"""Helpers the writers share: which elements read as blocks, header metadata (the TEI
names they read by come from ``converter.vocabulary``).

The writers must cope with any TEI, not just ours, so the block/inline decision is made
from the element name where TEI fixes it and from the context where it does not (a
``quote`` directly in a ``div`` is a block quotation; inside running text it is inline).
"""
from __future__ import annotations

import re

# The TEI names the writers read by live in the one vocabulary (re-exported here).
from converter.vocabulary import (ALWAYS_BLOCK, CONTAINERS, DIVS, INLINE,  # noqa: F401
                                  LINE_CONTEXTS, SKIP, TEI, XML_ID, XML_LANG)

_INLINE_LIST = re.compile(r"\b(inline|run-?in|runin)\b")


_LOCAL: dict = {}  # tag -> local name (the writers ask for every element, often twice)


def local(el) -> str | None:
    """The local name of an element, or None for comments and processing instructions."""
    tag = el.tag
    try:
        return _LOCAL[tag]
    except KeyError:
        name = tag.rpartition("}")[2] if isinstance(tag, str) else None
        if len(_LOCAL) < 4096:  # bounded: any TEI may bring names of its own
            _LOCAL[tag] = name
        return name


_UNKNOWN = object()


class Inherited:
    """A fact of every element worked out from the element itself and its parent's fact
    (``step(el, parent_fact)``; ``top`` above the root), each element's once: a question
    about an element's ancestors asked of many elements costs one step per element, not
    a walk up for each. ``seeds`` fixes the fact of some elements (a walk up stops there).
    ``leaf(el)`` gives the fact of an element asked about once, without keeping it."""

    def __init__(self, step, top=None, seeds=()):
        self.step, self.top, self.memo = step, top, dict(seeds)

    def __call__(self, el):
        """The fact of ``el``."""
        memo = self.memo
        fact = memo.get(el, _UNKNOWN)
        if fact is not _UNKNOWN:
            return fact
        if el is None:  # (the parent of the root)
            return self.top
        chain = []
        while el is not None and el not in memo:
            chain.append(el)
            el = el.getparent()
        fact = memo[el] if el is not None else self.top
        step = self.step
        for e in reversed(chain):
            fact = memo[e] = step(e, fact)
        return fact

    def leaf(self, el):
        """The fact of ``el``, kept for its ancestors only (for an element asked about
        once, such as a name in running text: its own would only take memory)."""
        fact = self.memo.get(el, _UNKNOWN)
        return fact if fact is not _UNKNOWN else self.step(el, self(el.getparent()))


def under(names) -> Inherited:
    """Whether an element or one of its ancestors is named one of ``names``."""
    return Inherited(lambda el, above: above or local(el) in names, False)


def norm(text: str) -> str:
    """White space collapsed to single spaces, trimmed."""
    return " ".join(text.split())


def _mixed(el) -> bool:
    """Whether ``el`` has running text of its own next to its children."""
    if el.text and el.text.strip():
        return True
    return any(c.tail and c.tail.strip() for c in el)


class Layout:
    """Decides, once per element, whether it reads as a block or runs inline."""

    def __init__(self):
        self._block: dict = {}  # element -> bool; keys keep the lxml proxies alive

    def is_block(self, el) -> bool:
        """True when ``el`` starts a block of its own in the reading edition."""
        result = self._block.get(el)
        if result is not None:
            return result
        name = local(el)
        parent = el.getparent()
        if name is None or name in SKIP:
            result = False
        elif name == "list":
            # A list inside running text is printed run-in, as the source set it.
            result = not (_INLINE_LIST.search(el.get("rend", "")) or
                          (parent is not None and _mixed(parent)))
        elif name in ("item", "label") and parent is not None and local(parent) == "list":
            result = self.is_block(parent)
        elif name in ALWAYS_BLOCK:
            result = True
        elif name in INLINE:
            result = self.has_blocks(el)
        else:  # quote, q, said, bibl, stage, address, unknown elements: by context
            result = self.has_blocks(el) or (parent is not None and
                                             local(parent) in CONTAINERS and not _mixed(parent))
        self._block[el] = result
        return result

    def has_blocks(self, el) -> bool:
        """True when a child of ``el`` is a block (notes do not count: they move away)."""
        for c in el:
            name = local(c)
            if name and name not in SKIP and self.is_block(c):
                return True
        return False


LONG_LICENCE = 400  # characters: longer than a statement such as "CC BY 4.0, see …"


def licence_paragraphs(availability) -> list[str]:
    """The paragraphs of a long licence as the e-text set them (blank lines between)."""
    raw = "\n".join("".join(e.itertext()) for e in availability if isinstance(e.tag, str))
    return [norm(p) for p in re.split(r"\n\s*\n", raw or "".join(availability.itertext()))
            if norm(p)]


def header(root) -> dict:
    """What the title page shows, from the teiHeader: title, authors, date, source, ..."""
    def texts(path):
        return [t for t in (norm("".join(e.itertext())) for e in root.iterfind(path)) if t]

    fd = f"{TEI}teiHeader/{TEI}fileDesc/"
    titles = texts(f"{fd}{TEI}titleStmt/{TEI}title")
    info = {"title": titles[0] if titles else "", "subtitles": titles[1:],
            "authors": texts(f"{fd}{TEI}titleStmt/{TEI}author"),
            "editors": texts(f"{fd}{TEI}titleStmt/{TEI}editor"),
            "licence": " ".join(texts(f"{fd}{TEI}publicationStmt/{TEI}availability")),
            "licence_text": [],
            "publisher": " ".join(texts(f"{fd}{TEI}publicationStmt/{TEI}publisher")
                                  or texts(f"{fd}{TEI}publicationStmt/{TEI}authority")),
            "lang": root.get(XML_LANG) or "", "date": "", "when": "", "occasion": "",
            "source": ""}
    dates = (list(root.iterfind(f"{TEI}teiHeader/{TEI}profileDesc/{TEI}creation//{TEI}date"))
             + list(root.iterfind(f"{fd}{TEI}sourceDesc//{TEI}date")))
    if dates:
        info["date"] = norm("".join(dates[0].itertext()))
        info["when"] = dates[0].get("when") or ""
    src = root.find(f"{fd}{TEI}sourceDesc")
    if src is not None:
        notes = {n.get("type"): norm("".join(n.itertext())) for n in src.iter(f"{TEI}note")}
        info["occasion"] = notes.get("occasion", "")
        info["source"] = notes.get("source") or norm(" ".join(
            t for e in src if isinstance(e.tag, str) for t in e.itertext()))
    if len(info["licence"]) > LONG_LICENCE:
        # An e-text's licence runs to pages: the title page names it, the end prints it.
        info["licence_text"] = licence_paragraphs(root.find(f"{fd}{TEI}publicationStmt/"
                                                            f"{TEI}availability"))
        info["licence"] = "printed in full at the end of this edition"
    shown = " ".join([info["title"], *info["authors"], info["date"]]).casefold().split()
    if set(info["source"].casefold().split()) <= set(shown):
        info["source"] = ""  # a source statement that only repeats title, author and date
    if not info["lang"]:
        lang = root.find(f".//{TEI}langUsage/{TEI}language")
        info["lang"] = lang.get("ident", "") if lang is not None else ""
    return info


def header_title(root) -> str:
    """The edition title from the header (first titleStmt/title), or ''."""
    return header(root)["title"]


def safe_lang(value: str | None) -> str | None:
    """A language tag fit to copy into the output, or None."""
    return value if value and re.fullmatch(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*", value) else None


def safe_class(value: str | None) -> str:
    """A TEI attribute value reduced to a harmless CSS class token."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", value or "").strip("-")[:40]
