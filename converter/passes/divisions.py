"""Divisions: group the flat sequence after each ``head`` block into nested ``div`` nodes.

A heading closes every open division of the same or a deeper rank and opens a new one;
so rank-2 numbered sections nest under the last rank-1 heading, and a rank-1 heading after
numbered sections closes them and starts a sibling at the top.
"""
from __future__ import annotations

from converter.model import Block, Document, Node


def group_divisions(doc: Document) -> Document:
    """Nest the body into ``div`` Nodes by heading rank."""
    # The open divisions, outermost first: (rank, head block, children so far); the
    # Nodes are made when a division closes, as the model is frozen.
    root: list = []
    stack: list[tuple[int, Block | None, list]] = [(0, None, root)]

    def close() -> None:
        _rank, head, kids = stack.pop()
        attrs = {"type": "section", "n": head.attrs.get("n")}
        stack[-1][2].append(Node("div", kids, head.line, {k: v for k, v in attrs.items() if v}))

    for item in doc.body:
        if isinstance(item, Block) and item.kind == "head":
            rank = item.hints.get("rank", 1)
            while stack[-1][0] >= rank:
                close()
            stack.append((rank, item, [item]))
        else:
            stack[-1][2].append(item)
    while len(stack) > 1:
        close()
    return doc.with_(body=root)
