"""Structure passes: small pure functions ``Document -> Document`` run in ``PASSES`` order.

Order matters: page-break repair first (so later passes see whole paragraphs), then the
front matter (a printed title page, else author, title and headnote: they must see the
document's opening blocks before headings claim them), headings, and finally the grouping
of headings into nested divisions. Each pass has a name; ``run_passes(doc, until=NAME)``
stops after that pass, so a fixture can show what the pass under test made before later
passes build on it. The recognisers passes share are in ``converter.passes.cues``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from converter.model import Document
from converter.passes.blockquotes import block_quotations
from converter.passes.contents import contents
from converter.passes.divisions import group_divisions
from converter.passes.emphasis import emphasis
from converter.passes.footnotes import footnotes
from converter.passes.indented import indented_quotations
from converter.passes.enumerations import enumerations
from converter.passes.framing import letter_framing
from converter.passes.frontmatter import front_matter
from converter.passes.illustrations import illustrations
from converter.passes.headings import mark_headings, mark_rubrics
from converter.passes.inline_lists import inline_lists
from converter.passes.lines import line_groups
from converter.passes.numbered import numbered_paragraphs
from converter.passes.pagebreaks import repair_page_breaks
from converter.passes.pages import page_numbers
from converter.passes.quotations import inline_quotations
from converter.passes.tables import tables
from converter.passes.titlepage import title_page


@dataclass(frozen=True)
class Pass:
    """A named structure pass; calling it runs it."""

    name: str
    run: Callable[[Document], Document]

    def __call__(self, doc: Document) -> Document:
        """The document after this pass."""
        return self.run(doc)


PASSES: tuple[Pass, ...] = (
    Pass("emphasis", emphasis),
    Pass("illustrations", illustrations),
    Pass("footnotes", footnotes),
    Pass("pages", page_numbers),
    Pass("pagebreaks", repair_page_breaks),
    Pass("contents", contents),
    Pass("tables", tables),
    Pass("titlepage", title_page),
    Pass("frontmatter", front_matter),
    Pass("headings", mark_headings),
    Pass("indented", indented_quotations),
    Pass("lines", line_groups),
    Pass("framing", letter_framing),
    Pass("rubrics", mark_rubrics),
    Pass("blockquotes", block_quotations),
    Pass("enumerations", enumerations),
    Pass("numbered", numbered_paragraphs),
    Pass("inline_lists", inline_lists),
    Pass("quotations", inline_quotations),
    Pass("divisions", group_divisions),
)
NAMES: tuple[str, ...] = tuple(p.name for p in PASSES)


def run_passes(doc: Document, passes: tuple[Pass, ...] = PASSES,
               until: str | None = None) -> Document:
    """Run each pass in order (each returns a new Document); with ``until``, stop after
    the pass of that name."""
    names = [p.name for p in passes]
    if until is not None and until not in names:
        raise ValueError(f"no pass named {until!r}; the passes are: {', '.join(names)}")
    for p in passes:
        doc = p(doc)
        if p.name == until:
            break
    return doc
