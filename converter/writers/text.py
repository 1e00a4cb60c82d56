"""Plain-text reading edition: headings set off, lists with labels, block quotations
indented, paragraphs wrapped at ``width`` columns."""
from __future__ import annotations

import textwrap

from converter.writers.common import SKIP, TEI, local

_BLOCKS = {"p", "head", "item", "label", "l", "ab", "docAuthor", "titlePart", "docDate",
           "byline", "salute", "dateline", "signed", "trailer", "bibl", "speaker", "stage"}
_CONTAINERS = {"quote", "cit", "list", "div", "div1", "div2", "div3", "div4", "body", "front",
               "back", "titlePage", "docTitle", "argument", "opener", "closer", "lg", "sp",
               "floatingText", "text", "group", "epigraph", "postscript", "table", "row", "cell"}


def _inline(el) -> str:
    out = [el.text or ""]
    for child in el:
        name = local(child)
        if name and name not in SKIP:
            if name == "lb" and child.get("break") != "no":
                out.append(" ")
            out.append(_inline(child))
        out.append(child.tail or "")
    return "".join(out)


def _render(el, indent: int, width: int, out: list) -> None:
    name = local(el)
    if name is None or name in SKIP:
        return
    if name in _BLOCKS:
        txt = " ".join(_inline(el).split())
        if not txt:
            return
        prefix = " " * indent
        if name == "item" and el.get("n") and not txt.startswith(el.get("n")):
            txt = f"{el.get('n')}. {txt}"
        if name == "head":
            out.append("")
            out.append(prefix + txt)
            out.append(prefix + "-" * min(len(txt), width - indent))
        else:
            out.append(textwrap.fill(txt, width, initial_indent=prefix, subsequent_indent=prefix,
                                     break_long_words=False, break_on_hyphens=False))
        out.append("")
        return
    child_indent = indent + 4 if name in ("quote", "list") else indent
    has_child_blocks = any(local(c) in _BLOCKS | _CONTAINERS for c in el)
    if not has_child_blocks:
        txt = " ".join(_inline(el).split())
        if txt:
            out.append(textwrap.fill(txt, width, initial_indent=" " * indent,
                                     subsequent_indent=" " * indent, break_long_words=False,
                                     break_on_hyphens=False))
            out.append("")
        return
    if el.text and el.text.strip():
        out.append(" " * indent + " ".join(el.text.split()))
    for child in el:
        _render(child, child_indent, width, out)
        if child.tail and child.tail.strip():
            out.append(" " * indent + " ".join(child.tail.split()))


def write(tree, width: int = 72, **_options) -> bytes:
    """The plain-text edition of a parsed TEI ``tree`` as UTF-8 bytes."""
    root = tree.getroot()
    text = root.find(f".//{TEI}text")
    out: list[str] = []
    if text is not None:
        _render(text, 0, width, out)
    body = "\n".join(out).strip("\n")
    while "\n\n\n" in body:
        body = body.replace("\n\n\n", "\n\n")
    return (body + "\n").encode("utf-8")
