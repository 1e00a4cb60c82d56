"""Letter framing cues: salutations, date and place lines, complimentary closes, and the
``opener`` / ``closer`` they make. The ``framing`` pass places them; ``lines`` leaves
such blocks alone and ``headings`` never takes a signature under a close for a heading."""
from __future__ import annotations

import re

from converter.model import Block, Node
from converter.passes.cues.text import MONTH, few_words, looks_like_signature, words

SALUTE = re.compile(r"^(?:my\s+)?(?:dear\s+)?(?:sir|sirs|madam|gentlemen|my lords?|brethren|"
                    r"mr\.? speaker|friends(?: and fellow[- ]\w+)?)(?:\s+of the\s.{0,50})?[,:!.]?$",
                    re.I)
# The year follows within a dateline's length: an unbounded ".*" rescanned the rest of the
# line from every date in it (quadratic on a long line of dates).
DATE_LINE = re.compile(r"\b(?:\d{1,2}(?:st|nd|rd|th|d)?,?\s+" + MONTH + r"|" + MONTH +
                       r"\s+\d{1,2}(?:st|nd|rd|th|d)?)\b.{0,200}?\b1[5-9]\d\d\b|^" + MONTH +
                       r",?\s+1[5-9]\d\d\.?$", re.I)
_PLACE_LINE = re.compile(r"^[A-Z][\w'’.-]*(?:[ ,]+[A-Z][\w'’.-]*){0,3}\s*[,>]$")
CLOSE = re.compile(r"^(?:i am\b|i have the hono|we are\b|we have the hono|your (?:most|very|"
                   r"affectionate|humble|obedient|excellency's most)|(?:always|ever)\s+(?:most\s+)?"
                   r"(?:affectionately|sincerely|truly|faithfully)?\s*yours|with (?:great|the "
                   r"utmost|perfect|the highest) respect)", re.I)

# A signature: a name set in capitals, an office after a comma. Under a close the office
# may be any one to three words ("(signed) JOHN COTTON, Clerk.", "GEO. READ, Esq. P.S.")
# or none; standing among the paragraphs, where nothing confirms it, the office must be one
# or two title-cased words ("SAMUEL WHITE, Speaker."), or "BOOK I, OF MAN." would be one.
_CAPS_NAME = r"[A-Z][A-Z.'’ -]+"
SIGNED_LINE = re.compile(rf"^(?:\(signed\)\s*)?{_CAPS_NAME}(?:,\s+(?:[A-Z][\w.]*[ -]?){{1,3}})?\.?$")
# A signature in initials, with at most a surname: "H. M.", "G. D. H. COLE.", "W. E. B. Du B."
SIGNED_INITIALS = re.compile(r"^(?:[A-Z]\.\s*){2,}(?:[A-Z][\w'’-]*\.?\s*){0,2}$")
NAME_AND_OFFICE = rf"^{_CAPS_NAME},\s+(?:[A-Z][a-z]+[ -]?){{1,2}}\.?$"


def signature_of(blk) -> Block | None:
    """A ``signed`` block if ``blk`` is one line that reads as a signature."""
    if isinstance(blk, Block) and blk.kind == "p" and "\n" not in blk.text and \
            SIGNED_LINE.match(blk.text) and looks_like_signature(blk.text.split(",")[0]):
        return Block("signed", blk.text, blk.line)
    return None


def is_dateline(line: str) -> bool:
    return few_words(line, 8) and bool(DATE_LINE.search(line) or _PLACE_LINE.match(line))


def opener_of(blk) -> Node | None:
    """An ``opener`` node if every line of ``blk`` is a dateline or a salutation."""
    if not isinstance(blk, Block) or blk.kind != "p":
        return None
    kids, salutes = [], 0
    for k, line in enumerate(blk.text.split("\n")):
        if SALUTE.match(line) and len(words(line)) <= 8:
            kids.append(Block("salute", line, blk.line + k))
            salutes += 1
        elif is_dateline(line) or (line.isupper() and len(words(line)) <= 4):
            kids.append(Block("dateline", line, blk.line + k))
        else:
            return None
    if not salutes and len(kids) < 2:
        return None
    return Node("opener", kids, blk.line, {"cert": "medium"})


def closer_of(blk) -> Node | None:
    """A ``closer`` node if ``blk`` opens with a complimentary close."""
    if not isinstance(blk, Block) or blk.kind != "p":
        return None
    lines = blk.text.split("\n")
    if not CLOSE.match(lines[0]) or len(words(blk.text)) > 60:
        return None
    kids = [Block("salute", lines[0], blk.line)]
    for k, line in enumerate(lines[1:], 1):
        kind = "dateline" if is_dateline(line) and not CLOSE.match(line) else "signed"
        kids.append(Block(kind, line, blk.line + k))
    return Node("closer", kids, blk.line, {"cert": "medium"})
