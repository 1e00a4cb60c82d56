"""The text of the plain-text edition, block by block: one method per behaviour of the
table (``TextWriter`` in ``text`` declares the format and puts the edition together).
Running text keeps its note marks and both readings of a ``choice``; headings are set
off, list items hang under their labels, quotations and verse are set in, a title page's
parts centred, datelines and signatures set right.
"""
from __future__ import annotations

import re

from converter.writers.behaviours import BehaviourWriter, behaviour
from converter.writers.common import INLINE, LINE_CONTEXTS, SKIP, Inherited, local, norm
from converter.writers.entries import reading_text
from converter.writers.text_lines import EDGE, glue, mark, settle, wrap
from converter.writers.text_table import rows_of, table_lines

_INDENTED = {"quote", "q", "said", "cit", "epigraph", "lg", "argument"}
_CENTRED = {"titlePage", "docTitle", "titlePart", "docAuthor", "docDate", "byline",
            "docImprint", "docEdition"}
_RIGHT = {"dateline", "signed"}  # set right, as letters print them
# After a list's label, the punctuation and space before the item's words ("First, the …").
_AFTER_LABEL = re.compile(r"[^\w\s]*\s?")
# Items hang under their first word when every label of the list is this short ("1. ",
# "(iv) ", "Fourth, "); a list with longer labels ("Secondly, ", what/amount lines) is
# set with a hang of 2, like a list without labels.
_MAX_HANG = 8
_CENTRE, _LINES = 1, 2


def _setting(el, above: int) -> int:
    name = local(el)
    return above | (_CENTRE if name in _CENTRED else 0) | (_LINES if name in LINE_CONTEXTS else 0)


def _opening_label(holder):
    """The ``<label>`` element that opens ``holder`` (an item, or its first paragraph), or
    None when its words do not open with one."""
    if (holder.text or "").strip():
        return None
    first = next((c for c in holder if isinstance(c.tag, str)), None)
    return first if first is not None and local(first) == "label" else None


def _label_width(label) -> int:
    """Columns a ``<label>`` takes before its item's first word: its text, then the
    punctuation and the space after it ("First, " is 7); a label standing before its item
    (in the list) is followed by one space."""
    text = reading_text(label)
    if local(label.getparent()) == "list":
        return len(text) + 1
    after = ("".join(label.itertext())[-1:].isspace() and " " or "") + (label.tail or "")
    return len(text) + _AFTER_LABEL.match(re.sub(r"\s+", " ", after)).end()


def _apart(el) -> bool:
    """Whether ``el``, run into a line, still separates the words on either side: items,
    labels, paragraphs do; phrase-level markup, notes (they move away), comments do not."""
    name = local(el)
    return name is not None and name not in INLINE and name not in SKIP


class Body(BehaviourWriter):
    """Sets the text's blocks as lines: one method per behaviour of the table; the blocks
    it sets are gathered in ``blocks`` (``joined`` puts them together)."""

    def __init__(self, app, width: int):
        self.app, self.layout, self.width = app, app.layout, width
        self.blocks: list[list[str]] = []
        self.groups: list = []  # per block: the list it is an item of, or None
        self.short_labels: dict = {}  # list element -> whether all its labels are short
        # Whether an element or one above it is set centred (a title page's parts: 1) or
        # where a line break breaks the line (2): one table for both.
        self.setting = Inherited(_setting, 0)

    def inline(self, el, lines: bool) -> str:
        """The running text of ``el``: note markers, line breaks, both readings of a choice."""
        out = el.text or ""
        after = self.app.after
        for c in el:
            apart = _apart(c)
            out = glue(out, self.piece(c, lines), apart)
            if after and c in after:
                out += "".join(mark(n) for n in after[c] if not self._printed(c, n))
            out = glue(out, c.tail or "", apart)
        return out

    def _printed(self, c, num: int) -> bool:
        """True when ``c`` is a footnote's own printed marker reading as note ``num``'s mark
        already ("[1]"): the edition does not print it twice."""
        return self.app.marker_of.get(c) == num and (c.text or "").strip() == f"[{num}]"

    def piece(self, c, lines: bool) -> str:
        """The running text of one inline child ``c`` (without its tail)."""
        name = local(c)
        out = ""
        if name == "note" and c in self.app.note_no and not self.app.is_targeted(c):
            out = mark(self.app.note_no[c])
        elif name in ("lb", "pb", "cb"):
            if c.get("break") != "no":
                out = "\n" if name == "lb" and lines else " "
            if len(c) or c.text:  # empty in TEI; anything else is kept, set apart
                out += self.inline(c, lines) + " "
        elif name in ("choice", "app"):
            out, first = c.text or "", True
            for k in c:
                if local(k) and local(k) not in SKIP:
                    text = self.piece(k, lines)
                    out = glue(out, text if first else f" [{norm(text)}]", _apart(k))
                    first = False
                out = glue(out, k.tail or "", _apart(k))
        elif name and name not in SKIP:
            text = self.inline(c, lines)
            out = text
        return out

    def emit(self, lines: list, group=None) -> None:
        """Add a block of lines; ``group`` is the list it is an item of, or the stanza
        (``lg``) it is a line of (or None)."""
        if lines:
            self.blocks.append(lines)
            self.groups.append(group)

    def joined(self) -> list:
        """The blocks with a blank line between them; the lines of a stanza, and the items
        of a list of short items, are set tight, one under the other."""
        longest: dict = {}
        for block, group in zip(self.blocks, self.groups):
            if group is not None:
                longest[group] = max(longest.get(group, 0), len(block))
        out, prev = [], None
        for block, group in zip(self.blocks, self.groups):
            tight = group is not None and group is prev and (
                local(group) == "lg" or longest[group] <= 2)  # verse lines stand one under another
            if out and not tight:
                out.append("")
            out += block
            prev = group
        return out

    def labels(self, item) -> list:
        """The ``<label>`` elements of ``item``: the one that opens it (or its first
        paragraph), else those standing before it in the list."""
        first = next((c for c in item if local(c) == "p"), None)
        inner = _opening_label(item) if first is None else _opening_label(first)
        if inner is not None:
            return [inner]
        out, prev = [], item.getprevious()
        while prev is not None and local(prev) == "label":
            out.insert(0, prev)
            prev = prev.getprevious()
        return out

    def hang(self, item) -> int:
        """How far the lines of ``item`` after its first hang: under the item's first
        word, when every label of its list is short (0: no label, or a long one)."""
        lst = item.getparent()
        if lst not in self.short_labels:
            widths = [sum(map(_label_width, self.labels(c))) for c in lst if local(c) == "item"]
            self.short_labels[lst] = all(w <= _MAX_HANG for w in widths)
        width = sum(map(_label_width, self.labels(item)))
        return width if self.short_labels[lst] else 0

    def para(self, el, text: str, indent: int, name: str, level: int) -> None:
        """One block of running text, set according to what ``el`` is."""
        text = settle(text)
        parent = el.getparent()
        above = local(parent)
        if name == "head" and behaviour(el, True) == "heading":
            lines = wrap(text, self.width)
            if lines and level <= 2:
                lines.append(("=" if level == 1 else "-") * max(len(x) for x in lines))
            if lines and level == 1 and self.blocks:
                lines.insert(0, "")  # a chapter gets more space above it
            return self.emit(lines)
        centre = bool(self.setting(el) & _CENTRE)
        hang = 0
        if name == "item":
            hang = self.hang(el) or 2
        elif name == "p" and above == "item":
            # Paragraphs of a list item hang under the item's label, the first included.
            first = next(c for c in parent if local(c) == "p")
            width = self.hang(parent)
            hang, indent = (width, indent) if el is first else (0, indent + width)
        group = parent if (name, above) in (("item", "list"), ("l", "lg")) else None
        right = name in _RIGHT and not centre
        self.emit(wrap(text, self.width - (4 if indent >= 4 else 0), indent, hang, centre, right),
                  group)

    def render(self, el, indent: int = 0, level: int = 0) -> None:
        """Render the block element ``el`` and everything in it, as its behaviour says."""
        self.dispatch(el, True, indent, level)

    def division(self, el, indent: int, level: int) -> None:
        """A division: its heading and blocks one level deeper."""
        self.flow(el, indent, level + 1)

    def list(self, el, indent: int, level: int) -> None:
        """A list: its items set in by 2, each hanging under its label."""
        self.flow(el, indent, level, indent + 2)

    def table(self, el, indent: int, level: int) -> None:
        """A table: its heads, then its rows in columns (``text_table``)."""
        heads, rows = rows_of(self, el)
        for head, text in heads:
            self.para(head, text, indent, "head", level)
        self.emit(table_lines(rows, self.width, indent))

    def note(self, el, indent: int, level: int) -> None:
        """Notes are set as endnotes (``_notes``), not where they stand."""

    omit = note

    def flow(self, el, indent: int, level: int, inner: int | None = None) -> None:
        """A block and the blocks in it, set at ``inner`` (by default set in by 4 for a
        quotation, verse or headnote); running text between blocks is a paragraph."""
        name = local(el)
        lines = bool(self.setting(el) & _LINES)
        if inner is None:
            inner = indent + 4 if name in _INDENTED and local(el.getparent()) not in _INDENTED \
                else indent
        if not self.layout.has_blocks(el):
            return self.para(el, self.inline(el, lines), inner, name, level)
        buf = [el.text or ""]
        pending_label = ""
        after, is_block = self.app.after, self.layout.is_block
        for c in el:
            cname = local(c)
            marks = after.get(c, ()) if after else ()
            apart = _apart(c)
            if cname and cname not in SKIP and is_block(c):
                self.flush(el, buf, inner, level, lines)
                if cname == "label" and name == "list":
                    pending_label += self.inline(c, lines) + " "
                elif pending_label and cname == "item" and not self.layout.has_blocks(c):
                    self.para(c, pending_label + self.inline(c, lines), inner, "item", level)
                    pending_label = ""
                else:
                    if pending_label:
                        self.para(c, pending_label, inner, "item", level)
                        pending_label = ""
                    self.render(c, inner, level)
                buf = []
                for n in marks:
                    if self.blocks:
                        self.blocks[-1][-1] += f"[{n}]"
                    else:
                        self.emit([f"[{n}]"])
            else:
                buf.append(glue(buf.pop() if buf else "", self.piece(c, lines),
                                apart) + "".join(mark(n) for n in marks))
            buf.append(glue(buf.pop() if buf else "", c.tail or "", apart))
        if pending_label:
            buf.insert(0, pending_label)
        self.flush(el, buf, inner, level, lines)

    def flush(self, el, buf: list, indent: int, level: int, lines: bool) -> None:
        """Set the running text gathered in ``buf`` (between blocks) as a paragraph."""
        text = "".join(buf)
        # Only words or note marks make a paragraph: white space and marked edges alone
        # (between blocks) would be set as no line at all.
        if text.replace(EDGE, "").strip():
            self.para(el, text, indent, local(el), level)
        buf.clear()

    # The other behaviours are set alike: running text and the blocks inside it (how a
    # heading, an item or a right-set line looks is ``para``'s to decide).
    heading = caption = paragraph = item = label = blockquote = figure = flow
    line_break = phrase = flow
