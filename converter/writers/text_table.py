"""Tables in the plain-text edition: columns aligned when the table fits the width
(figures set right), else one wrapped line of cells per row, separated by ``|``."""
from __future__ import annotations

import re

from converter.writers.common import SKIP, local, norm
from converter.writers.text_lines import mark, settle, wrap

_FIGURE = re.compile(r"^[£$€]?[\d,.]+[.,;]?$|^[\d,.]+\s?[a-z£$€]{0,3}\.?$")
GAP = "   "


def _cells(renderer, el) -> list:
    """The texts of ``el``'s children in order: each cell (or any other element, or stray
    text) one cell; note marks go with the cell before them."""
    out = [el.text] if (el.text or "").strip() else []
    for c in el:
        name = local(c)
        if name == "note" or name is None or name in SKIP:
            # a note's mark and the text after it run on in the cell before (no new cell:
            # "alpha<note/>alpha" reads as one word, as it does without the note)
            text = (renderer.piece(c, True) if name == "note" else "") + (c.tail or "")
            if out:
                out[-1] += text
            elif text:
                out.append(text)
            continue
        else:
            out.append(renderer.inline(c, True) if name in ("cell", "row") else
                       renderer.piece(c, True))
        marks = "".join(mark(n) for n in renderer.app.after.get(c, ()))
        if marks and out:
            out[-1] += marks
        elif marks:
            out.append(marks)
        if (c.tail or "").strip():
            out.append(c.tail)
    return [norm(settle(t)) for t in out]


def rows_of(renderer, table) -> tuple[list, list]:
    """([(heading element, its text)], rows as lists of cell texts), all in order."""

    heads, rows = [], []
    if (table.text or "").strip():
        rows.append([norm(table.text)])
    for child in table:
        name = local(child)
        if name == "head" and not rows:
            heads.append((child, settle(renderer.inline(child, True))))
        elif name == "row":
            rows.append(_cells(renderer, child))
        elif name and name not in SKIP:
            rows.append([norm(settle(renderer.piece(child, True)))])
        else:  # a note, a comment: its mark and the text after it run on (no new cell)
            text = (renderer.piece(child, True) if name == "note" else "") + (child.tail or "")
            if rows:
                rows[-1][-1] = norm(settle(rows[-1][-1] + text))
            else:
                rows.append([norm(settle(text))])
            continue
        if (child.tail or "").strip():
            rows.append([norm(child.tail)])
    return heads, rows


def table_lines(rows: list, width: int, indent: int) -> list:
    """The rows set as aligned columns if they fit in ``width``, else row by row."""

    rows = [r for r in rows if any(r)]
    if not rows:
        return []
    cols = max(len(r) for r in rows)
    widths = [max((len(r[i]) for r in rows if i < len(r)), default=0) for i in range(cols)]
    if indent + sum(widths) + len(GAP) * (cols - 1) <= width:
        lines = []
        for r in rows:
            cells = [(c.rjust(w) if _FIGURE.match(c) else c.ljust(w))
                     for c, w in zip(r + [""] * (cols - len(r)), widths)]
            lines.append((" " * indent + GAP.join(cells)).rstrip())
        return lines
    out = []
    for r in rows:
        out += wrap(" | ".join(c for c in r if c), width, indent, 2)
    return out
