"""Structure passes: small pure functions ``Document -> Document`` run in ``PASSES`` order.

Order matters: page-break repair first (so later passes see whole paragraphs), then the
front matter (which must see the document's opening blocks before headings claim them),
headings, and finally the grouping of headings into nested divisions.
"""
from __future__ import annotations

from converter.passes.divisions import group_divisions
from converter.passes.emphasis import emphasis
from converter.passes.footnotes import footnotes
from converter.passes.indented import indented_quotations
from converter.passes.frontmatter import front_matter
from converter.passes.headings import mark_headings, mark_rubrics
from converter.passes.lines import line_groups
from converter.passes.framing import letter_framing
from converter.passes.blockquotes import block_quotations
from converter.passes.quotations import inline_quotations
from converter.passes.enumerations import enumerations
from converter.passes.numbered import numbered_paragraphs
from converter.passes.inline_lists import inline_lists
from converter.passes.pagebreaks import repair_page_breaks

PASSES = (
    emphasis,
    footnotes,
    repair_page_breaks,
    front_matter,
    mark_headings,
    indented_quotations,
    line_groups,
    letter_framing,
    mark_rubrics,
    block_quotations,
    enumerations,
    numbered_paragraphs,
    inline_lists,
    inline_quotations,
    group_divisions,
)


def run_passes(doc, passes=PASSES):
    """Run each pass in order; each returns a new Document."""
    for fn in passes:
        doc = fn(doc)
    return doc
