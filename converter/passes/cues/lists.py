"""List cues: printed labels ("1)", "a.", "(iv)", "*"), whether labels count on, ordinal
words ("First, …", "in the third place"), and a paragraph that announces what follows.
Used by ``lines``, ``titlepage``, ``enumerations``, ``numbered``, ``indented``, ``pagebreaks``,
``contents`` and the ``layout`` stage (which never joins a line that opens an item)."""
from __future__ import annotations

import re

from converter.model import Block
from converter.passes.cues.text import ORDINALS, roman_value

# The parts of a printed label, each written once; the recognisers below combine them.
NUMBER = r"[0-9]{1,3}"
LETTER = r"[a-zA-Z]"
ROMAN = r"[ivxlc]{1,7}|[IVXLC]{1,7}"  # one case throughout, up to "xxxviii"
BULLETS = "*•·–-"
NOTE_NUMBER = r"\[[0-9]{1,3}\]"  # "[2]": a note's label

# A labelled line of a list ("1)", "a.", "(iv)", "*") and its value (groups a, b, c).
LABEL = re.compile(rf"^(?:\((?P<a>{NUMBER}|[a-z]|{ROMAN})\)|(?P<b>{NUMBER}|{LETTER}|{ROMAN})[.)]|"
                   rf"(?P<c>[{BULLETS}]))\s+(?=\S)")
# A printed line that opens an item or a note ("1.", "2)", "(a)", "(iv)", "*", "[2]"; not
# "H." or "I.": in prose those are an initial and a pronoun more often than a label). The
# layout stage never joins such a line to the one before.
ITEM_START = re.compile(rf"(?:{NUMBER}[.)]|\((?:{NUMBER}|{LETTER}|{ROMAN})\)|[{BULLETS}]|"
                        rf"{NOTE_NUMBER})\s")
# Any label at all, also "a." or "1:" (lines of a list or of contents, a block that opens
# with one): a block set in from the margin that opens so is a list, not a quotation, and a
# paragraph that opens so does not continue the sentence a page end cut.
ANY_LABEL = re.compile(rf"^(?:\(?(?:{NUMBER}|{LETTER}|{ROMAN})[.):]|[{BULLETS}]|{NOTE_NUMBER})\s")
# A paragraph numbered "1." or "2)" (group n), and a number label of contents ("IV.", "12.").
NUMBERED = re.compile(rf"^(?P<n>{NUMBER})[.)]\s+(?=\S)")
NUMBER_LABEL = rf"(?:[IVXLC]{{1,7}}|{NUMBER})\."


def label_of(line: str) -> tuple[int, str] | None:
    """(length of the label with its trailing space, the label's value) for a labelled line."""
    m = LABEL.match(line)
    if not m:
        return None
    value = m.group("a") or m.group("b") or m.group("c")
    return len(m.group(0)), value


def counts_on(labels: list[str]) -> bool:
    """True when the labels go 1, 2, 3 … (digits, letters or roman numerals, any start)."""
    for style in ("digit", "roman", "alpha"):
        vals = []
        for lab in labels:
            low = lab.lower()
            if style == "digit" and lab.isdigit():
                vals.append(int(lab))
            elif style == "roman" and roman_value(low) is not None:
                vals.append(roman_value(low))
            elif style == "alpha" and len(lab) == 1 and lab.isalpha():
                vals.append(ord(low))
            else:
                break
        else:
            if all(b == a + 1 for a, b in zip(vals, vals[1:])):
                return True
    return False


_ORD = "|".join(ORDINALS)
_OPENING = re.compile(r"^(?P<lab>(?P<o>" + _ORD + r")(?:ly)?|in the (?P<p>" + _ORD +
                      r") place)(?=\s*[,.:;—–-])", re.I)
_INSIDE = re.compile(r"^(?:\S+\s+){1,3}?\S+,\s+(?P<o>" + _ORD + r")(?:ly)?,\s", re.I)


def ordinal_of(block) -> tuple[int, int] | None:
    """(ordinal value 1.., label length or 0) when ``block`` opens with an ordinal."""
    if not isinstance(block, Block) or block.kind != "p":
        return None
    m = _OPENING.match(block.text)
    if m:
        word = (m.group("o") or m.group("p")).lower().replace("ſ", "s")
        return ORDINALS.index(word) + 1, len(m.group("lab"))
    m = _INSIDE.match(block.text)
    if m:
        return ORDINALS.index(m.group("o").lower().replace("ſ", "s")) + 1, 0
    return None


def announces(prev) -> bool:
    """True when ``prev`` is a paragraph that announces what follows (ends in ':' or '?')."""
    return (isinstance(prev, Block) and prev.kind == "p" and
            prev.text.rstrip().rstrip("\"”'’").endswith((":", "?", ":—", ":-")))
