"""Plain-text reading edition: UTF-8, wrapped at ``width`` columns; headings set off and
underlined, lists with their labels and hanging indents, block quotations indented,
notes as numbered endnotes, and (``index=True``) an index of names.

Fidelity: the words of the text part equal the words of the TEI ``<text>`` in order
(notes and index aside). So nothing is printed that is not in the text (no @n, no
"Figure"), and both readings of a ``choice`` are kept, the second in brackets.

The text's blocks are set by ``text_body.Body``; here the format is declared and the
edition put together: header, text, notes, index, licence.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from converter.writers.apparatus import Apparatus
from converter.writers.common import Layout, header
from converter.writers.text_body import Body
from converter.writers.text_lines import settle, wrap


@dataclass(frozen=True)
class TextOptions:
    """Line width, and whether to add the index of names."""

    width: int = field(default=72, metadata={"min": 20,
                                             "help": "Text edition line width (20 or more)."})
    index: bool = field(default=False, metadata={
        "help": "Text edition: add an index of names (the HTML edition always has one)."})


class TextWriter(Body):
    """The plain-text edition: the format's declaration over the behaviours of ``Body``."""

    name = "text"
    extension = ".txt"
    options = TextOptions
    help = "plain UTF-8 text"

    @classmethod
    def edition(cls, tree, options: TextOptions) -> bytes:
        """The text edition of a parsed TEI ``tree`` as UTF-8 bytes."""
        return write(tree, options.width, options.index)


@dataclass
class Parts:
    """The text edition in its parts; ``write`` joins them."""

    header: list = field(default_factory=list)
    body: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    index: list = field(default_factory=list)
    licence: list = field(default_factory=list)  # an e-text's long licence, at the end


def _header(info: dict, width: int) -> list:
    lines = wrap(info["title"], width, centre=True) if info["title"] else []
    for sub in info["subtitles"]:
        lines += wrap(sub, width, centre=True)
    if info["authors"]:
        lines += [""] + wrap("; ".join(info["authors"]), width, centre=True)
    rows = [("Date", info["date"]), ("Occasion", info["occasion"]), ("Source", info["source"]),
            ("Editor", "; ".join(info["editors"])), ("Licence", info["licence"])]
    facts = [wrap(f"{label}: {value}", width, hang=len(label) + 2)
             for label, value in rows if value]
    if facts:
        lines.append("")
        lines += [line for fact in facts for line in fact]
    return lines


def _notes(app, r: TextWriter, width: int) -> list:
    lines = ["NOTES", ""]
    for num, note in enumerate(app.notes, 1):
        label = f"[{num}] "
        text = label + settle(r.inline(note, False))
        lines += wrap(text, width, hang=len(label)) + [""]
    return lines[:-1]


def _index(app, width: int) -> list:
    lines = ["INDEX OF NAMES"]
    for title, entries in app.index():
        lines += ["", title, ""]
        for e in entries:
            text = e.label + (f" ({'; '.join(e.variants)})" if e.variants else "")
            text += f" [Wikidata {e.wikidata}]" if e.wikidata else ""
            text += "".join(f" <{link}>" for link in e.links)
            # Where, in what the text edition prints (heading numbers or words, items).
            counts = Counter(m.text_place for m in e.mentions)  # in order of first mention
            text += ": " + ", ".join(c + (f" ({n}\u00d7)" if n > 1 else "")
                                     for c, n in counts.items())
            lines += wrap(text, width, indent=2, hang=4)
    return lines


def render(tree, width: int = 72, index: bool = False) -> Parts:
    """The text edition of a parsed TEI ``tree``, in parts (header, body, notes, index)."""
    width = max(int(width), 20)
    root = tree.getroot()
    app = Apparatus(root, Layout(), entities=index, numbers=False)
    info = header(root)
    parts = Parts(header=_header(info, width))
    r = TextWriter(app, width)
    if app.text is not None:
        r.render(app.text)
    parts.body = r.joined()
    if app.notes:
        parts.notes = _notes(app, r, width)
    if index and app.entries:
        parts.index = _index(app, width)
    if info["licence_text"]:
        parts.licence = ["LICENCE", ""] + [line for k, para in enumerate(info["licence_text"])
                                           for line in ([""] if k else []) + wrap(para, width)]
    return parts


def write(tree, width: int = 72, index: bool = False) -> bytes:
    """The plain-text edition of a parsed TEI ``tree`` as UTF-8 bytes."""
    parts = render(tree, width, index)
    rule = ["", "-" * width, ""]
    sections = [p for p in (parts.header, parts.body, parts.notes, parts.index, parts.licence)
                if p]
    lines = []
    for i, section in enumerate(sections):
        lines += (rule if i else []) + section
    lines.append("")  # the last line ends with a newline too
    text = "\n".join([line.rstrip() for line in lines])
    del parts, sections, lines  # the lines go before the bytes come (peak memory)
    return text.encode("utf-8")
