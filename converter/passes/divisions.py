"""Divisions: group the flat sequence after each ``head`` block into nested ``div`` nodes.

A heading closes every open division of the same or a deeper rank and opens a new one;
so rank-2 numbered sections nest under the last rank-1 heading, and a rank-1 heading after
numbered sections closes them and starts a sibling at the top.
"""
from __future__ import annotations

from converter.model import Block, Document, Node


def group_divisions(doc: Document) -> Document:
    """Nest the body into ``div`` Nodes by heading rank."""
    root = Node("body", [], 0)
    stack: list[tuple[int, Node]] = [(0, root)]
    for item in doc.body:
        if isinstance(item, Block) and item.kind == "head":
            rank = item.attrs.get("rank", 1)
            while stack[-1][0] >= rank:
                stack.pop()
            attrs = {"type": "section", "n": item.attrs.get("n")}
            div = Node("div", [item], item.line, {k: v for k, v in attrs.items() if v})
            stack[-1][1].children.append(div)
            stack.append((rank, div))
        else:
            stack[-1][1].children.append(item)
    return doc.with_(body=root.children)
