"""Where something stands, said the way a reader can find it in the edition: the number a
division's heading prints ("§ 5.2"), else its heading's first words, then the paragraph
number printed in the margin ("¶ 3") or the list item ("item 3"); never a raw xml:id
(that stays in the link)."""
from __future__ import annotations

import re

from converter.writers.common import local, norm

# A heading's own number: "5: Our Tasks", "IV. Of Trade", "CHAP. 4", "b) ...". Roman
# numerals and letters need their punctuation ("I Have" is no number), digits do not.
_NUMBER = re.compile(r"^(?:(?:chapter|chap\.|section|sect\.|part|book|article|art\.)\s+)?"
                     r"(?:(\d+)[.:)]?|([IVXLCDM]+|[A-Za-z])[.:)])(?:\s|$)", re.I)
_DIV = re.compile(r"^div[1-7]?$")
HEAD_WORDS = 4


def _head_text(div) -> str:
    head = next((c for c in div if local(c) == "head"), None)
    return norm("".join(head.itertext())) if head is not None else ""


def division_label(div) -> tuple[str, bool]:
    """(label, whether it is a number) for a division: its heading's number, else the
    heading's first words, else its position among its sibling divisions."""
    text = _head_text(div)
    m = _NUMBER.match(text)
    if m:
        return (m.group(1) or m.group(2)), True
    if text:
        words = text.split()
        return " ".join(words[:HEAD_WORDS]) + (" …" if len(words) > HEAD_WORDS else ""), False
    parent = div.getparent()
    sibs = [c for c in parent if isinstance(c.tag, str) and _DIV.match(local(c))]
    return str(sibs.index(div) + 1), True


def section_place(el) -> str:
    """"§ 6.2" (numbered headings), "Concluding Speech, 2" (mixed), or "" outside any
    division."""
    labels = [division_label(d) for d in reversed(list(el.iterancestors()))
              if isinstance(d.tag, str) and _DIV.match(local(d))]
    if local(el) and _DIV.match(local(el)):
        labels.append(division_label(el))
    if not labels:
        return ""
    if all(num for _, num in labels):
        return "§ " + ".".join(lab for lab, _ in labels)
    return ", ".join(("§ " + lab if num and k == 0 else lab) for k, (lab, num) in
                     enumerate(labels))


def item_label(item) -> str:
    """"item 3" for a list ``item``: its printed label's value, else its position."""
    n = item.get("n")
    if not n:
        sibs = [c for c in item.getparent() if local(c) == "item"]
        n = str(sibs.index(item) + 1)
    return f"item {n}"


def is_division(name: str | None) -> bool:
    """Whether an element of local name ``name`` is a division (``div``, ``div1``..)."""
    return bool(name and _DIV.match(name))
