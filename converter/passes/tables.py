"""Tables: figures, accounts and schedules laid out in columns become ``table``.

Plain text sets a table with runs of spaces between its cells; read as prose, each row
would be a line of a list. A block whose lines read as such a table (``cues.tables``)
becomes a ``table`` with a ``row`` per printed line and a ``cell`` per column, so every
figure keeps its place. Rules drawn under a column (``-------``) stay as rows of their own:
they mark the sum below them. Contents tables are the ``contents`` pass's (it runs first).
"""
from __future__ import annotations

from converter.model import Block, Document, Node, Reporter
from converter.passes.cues.tables import cell_bounds, column_rows
from converter.passes.cues.text import line_pieces


def _row(text: str, spans: list, line: int) -> Node:
    bounds = cell_bounds(text) or [(len(text) - len(text.lstrip()), len(text.rstrip()))]
    cells = [Block("cell", text[a:b], line,
                   tuple(s.shift(-a) for s in spans if a <= s.start and s.end <= b))
             for a, b in bounds]
    return Node("row", cells, line)


def tables(doc: Document) -> Document:
    """Turn each paragraph whose lines are set in columns into a ``table``."""
    report = Reporter()
    out: list = []
    for blk in doc.body:
        if isinstance(blk, Block) and blk.kind == "p" and "\n" in blk.text and \
                column_rows(blk.text.split("\n")) is not None:
            rows = [_row(text, spans, blk.line + k)
                    for k, (_start, text, spans) in enumerate(line_pieces(blk))]
            out.append(Node("table", rows, blk.line, {"cert": "medium"}))
            report.infer(blk.line, "table laid out in columns", "medium",
                         f"{len(rows)} rows")
            continue
        out.append(blk)
    return report.into(doc, body=out)
