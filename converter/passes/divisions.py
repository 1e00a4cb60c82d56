"""Divisions: group the flat sequence after each ``head`` block into nested ``div`` nodes.

A heading closes every open division of the same or a deeper rank and opens a new one;
so rank-2 numbered sections nest under the last rank-1 heading, and a rank-1 heading after
numbered sections closes them and starts a sibling at the top.
"""
from __future__ import annotations

import re

from converter.model import Block, Document, Node, Reporter

# A heading that is only a number: "CHAPTER II.", "BOOK I", "Article 1", "IV.", "3". Printed
# books set the title under it; the two are heads of one division.
_KEYWORD = (r"(?:chapter|chap|book|part|section|sect|article|art|letter|essay|lecture|canto|"
            r"discourse|number|no)\.?")
_LABEL_ONLY = re.compile(r"^(?:%s\s+(?:the\s+)?[\w-]+|[IVXLCDM]{1,7}|[0-9]{1,3})\.?$" % _KEYWORD,
                         re.I)


def label_only(text: str) -> bool:
    """True for a heading that names a number and nothing else."""
    return bool(_LABEL_ONLY.match(text.strip()))


def group_divisions(doc: Document) -> Document:
    """Nest the body into ``div`` Nodes by heading rank."""
    # The open divisions, outermost first: (rank, head block, children so far); the
    # Nodes are made when a division closes, as the model is frozen.
    root: list = []
    stack: list[tuple[int, Block | None, list]] = [(0, None, root)]

    def close() -> None:
        _rank, head, kids = stack.pop()
        attrs = {"type": head.hints.get("division", "section"), "n": head.attrs.get("n")}
        stack[-1][2].append(Node("div", kids, head.line, {k: v for k, v in attrs.items() if v}))

    report = Reporter()
    for item in doc.body:
        kids = stack[-1][2]
        if isinstance(item, Block) and item.kind == "head" and len(stack) > 1 and \
                len(kids) == 1 and label_only(kids[0].text) and not label_only(item.text):
            # "CHAPTER II." / "OF THE LIBERTY OF THOUGHT": the title is the division's subhead
            attrs = {k: v for k, v in item.attrs.items() if k != "n"}
            kids.append(item.with_(attrs={**attrs, "type": "sub"}))
            report.infer(item.line, "heading under a numbered heading (head type=sub)",
                         "medium", item.text[:60])
            continue
        if isinstance(item, Block) and item.kind == "head":
            rank = item.hints.get("rank", 1)
            while stack[-1][0] >= rank:
                close()
            stack.append((rank, item, [item]))
        else:
            stack[-1][2].append(item)
    while len(stack) > 1:
        close()
    return report.into(doc, body=root)
