"""Test helpers: an outline of the model (for pass fixtures) and word extraction."""
from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from converter.model import Block, Node

TEI = "{http://www.tei-c.org/ns/1.0}"
HOSTILE = Path(__file__).resolve().parent / "hostile"
VALID = HOSTILE / "tei" / "valid.xml"
WORD = re.compile(r"[^\W_]+", re.UNICODE)
SKIP = {"teiHeader", "standOff", "fw"}
READING_SKIP = SKIP | {"note"}
_LINES = re.compile(r"^lines (\d+)-(\d+)$")


def words(text: str) -> list[str]:
    """Case-folded words of letters and digits (as the corpus scorer counts them)."""
    return [w.casefold() for w in WORD.findall(text)]


def text_words(xml: bytes) -> list[str]:
    """Words of the TEI <text> as a reading edition runs them: notes and stand-off data
    excluded, blocks kept apart."""
    return words(_walk(etree.fromstring(xml).find(f"{TEI}text"), READING_SKIP))


def _walk(el, skip, labels=("note",)) -> str:
    out = [el.text or ""]
    for c in el:
        name = etree.QName(c).localname if isinstance(c.tag, str) else None
        if name and name not in skip:
            label = (c.get("n") or "") if name in labels else ""
            out.append(" " + label + " " + _walk(c, skip, labels) +
                       (" " if name != "lb" or c.get("break") != "no" else ""))
        out.append(c.tail or "")
    return "".join(out)


def kept_words(xml: bytes) -> list[str]:
    """The input's words as the TEI keeps them, in order: the words of <text> (blocks kept
    apart; the text's own notes where they stand, their printed label from ``@n``, a page's
    printed number from ``pb/@n``), and
    around them the pieces of an e-text wrapper that moved into the teiHeader with their
    source lines (``@n="lines A-B"``: the licence after the text, the rest before)."""
    root = etree.fromstring(xml)
    before, after = [], []
    header = root.find(f"{TEI}teiHeader")
    pieces = sorted(((int(m.group(1)), el) for el in (header.iter() if header is not None else ())
                     if isinstance(el.tag, str) and (m := _LINES.match(el.get("n") or ""))),
                    key=lambda pair: pair[0])
    for _line, el in pieces:  # the licence follows the text; the header and credit open it
        (after if etree.QName(el).localname == "licence" else before).extend(
            words(" ".join(el.itertext())))
    # a printed page number moved into pb/@n is kept there
    # a running head moved into fw is kept there
    return before + words(_walk(root.find(f"{TEI}text"), SKIP - {"fw"}, ("note", "pb"))) + after


def outline(items, depth: int = 0) -> list[str]:
    """One line per block or node: kind, the attributes that matter, the first words."""
    lines = []
    for it in items:
        attrs = " ".join(f"{k}={v}" for k, v in sorted(it.attrs.items())
                         if k not in ("rank", "style") and v is not None)
        pad = "  " * depth
        if isinstance(it, Block):
            spans = ",".join(sorted({s.kind for s in it.spans}))
            head = " ".join(it.text.split()[:6])
            lines.append(f"{pad}{it.kind}[{attrs}]{'{' + spans + '}' if spans else ''} {head}".rstrip())
        elif isinstance(it, Node):
            lines.append(f"{pad}{it.kind}[{attrs}]")
            lines.extend(outline(it.children, depth + 1))
    return lines


def run(*args):
    """Invoke the CLI in-process with string arguments."""
    from click.testing import CliRunner

    from converter.cli import main

    return CliRunner().invoke(main, [str(a) for a in args])
