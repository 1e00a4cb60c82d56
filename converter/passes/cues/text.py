"""Small text predicates shared by the passes (kept here so every pass agrees on them),
and the splitting of a block into lines or in two with its spans re-based."""
from __future__ import annotations

import re

from converter.model import Block

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Closing characters that may follow the sentence-final mark: quotes and brackets.
_CLOSERS = "\"'”’»)]"
SENTENCE_END = re.compile(r"[.!?…:;][" + re.escape(_CLOSERS) + r"]*$")
OPEN_QUOTES = "“\"«„"
CLOSE_QUOTES = "”\"»"
SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with",
               "from", "de", "la", "le", "von", "van", "its", "their", "our", "his", "her",
               "upon", "into", "as", "&", "c", "is", "are", "be", "et", "du", "des"}
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth", "eleventh", "twelfth")
# A month's name or abbreviation ("Sept.", "March"); compile with re.I.
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_ROMAN = re.compile(r"^(?=[IVXLC])M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")


def words(text: str) -> list[str]:
    """The words of ``text`` (letters and digits, apostrophes inside words kept)."""
    return WORD.findall(text)


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence-final punctuation (quotes may follow it)."""
    return bool(SENTENCE_END.search(text.rstrip()))


def first_char(text: str) -> str:
    """The first letter or digit of ``text`` (skipping quotes and brackets), or ''."""
    for ch in text:
        if ch.isalnum():
            return ch
    return ""


def is_shouting(text: str) -> bool:
    """True when all cased letters of ``text`` are capitals (and there are some)."""
    letters = "".join(filter(str.isalpha, text))  # C-speed loops: this runs on every block
    return bool(letters) and not any(map(str.islower, letters)) and any(map(str.isupper, letters))


def is_titlecased(text: str) -> bool:
    """Every word but the small ones (articles, prepositions) starts with a capital or digit."""
    big = [x for x in words(text) if x.lower() not in SMALL_WORDS]
    return bool(big) and all(x[:1].isupper() or x[:1].isdigit() for x in big)


def mostly_capitals(text: str) -> bool:
    """Half or more of the long words are in capitals and the rest are capitalised
    ("THE CONSTITUTION OF THE United States of America.")."""
    big = [x for x in words(text) if x.lower() not in SMALL_WORDS and x[:1].isalpha()]
    caps = [x for x in big if len(x) > 1 and x.isupper()]
    if big and len(caps) * 4 >= len(big) * 3:  # "THOUGHTS, on the present STATE of AMERICA"
        return True
    return bool(big) and len(caps) * 2 >= len(big) and is_titlecased(text)


# Lower-case roman numerals in order, for labels that count on ("(i) (ii)", "iv. v. vi.").
ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii",
          "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx")


def roman_value(token: str, most: int = 20) -> int | None:
    """The value of a lower-case roman numeral label up to ``most`` ("iv" -> 4), or None."""
    return ROMANS.index(token) + 1 if token in ROMANS[:most] else None


def is_roman(token: str) -> bool:
    """True for a roman numeral of the kind used for headings and labels (I .. CCCLXXXIX)."""
    return bool(token) and bool(_ROMAN.match(token))


def split_block(block: Block, at: int, kind_left: str | None = None) -> tuple[Block, Block]:
    """Split ``block`` at offset ``at`` into two blocks, sharing out its spans (a span that
    straddles the cut is dropped; the text never is). White space at the cut is trimmed."""
    left_text = block.text[:at].rstrip()
    rest = block.text[at:]
    skip = len(rest) - len(rest.lstrip())
    right_text = rest.lstrip()
    cut = at + skip
    left_spans = [s for s in block.spans if s.end <= len(left_text)]
    right_spans = [s.shift(-cut) for s in block.spans if s.start >= cut]
    line = block.line + block.text.count("\n", 0, at)
    left = block.with_(text=left_text, spans=left_spans, kind=kind_left or block.kind)
    right = Block("p", right_text, line, right_spans, {})
    return left, right


def line_pieces(block: Block):
    """(start, text, spans) of each line of ``block``, spans re-based on the line (a span
    across a line end is left out)."""
    pos = 0
    for ln in block.text.split("\n"):
        end = pos + len(ln)
        yield pos, ln, [s.shift(-pos) for s in block.spans if pos <= s.start and s.end <= end]
        pos = end + 1


_NAME_BREAKERS = {"a", "an", "the", "to", "of", "and", "in", "on", "for", "at", "by", "with"}


def looks_like_signature(text: str) -> bool:
    """A name standing alone ("GEORGE WASHINGTON.", "M.R. Mitford", "JOHN COTTON, Clerk."):
    one to six capitalised words and no article or preposition ("AN ORATION." is not)."""
    w = words(text)
    return (0 < len(w) <= 6 and all(x[:1].isupper() for x in w) and
            not any(x.lower() in _NAME_BREAKERS for x in w))
