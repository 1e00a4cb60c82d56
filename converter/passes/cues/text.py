"""Small text predicates shared by the passes (kept here so every pass agrees on them),
and the splitting of a block into lines or in two with its spans re-based."""
from __future__ import annotations

import re
from functools import lru_cache

from converter.model import Block

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Double quotation marks that face one way; a straight " may open or close.
CURLY_OPENERS = "“„«"
CURLY_CLOSERS = "”»"
OPEN_QUOTES = CURLY_OPENERS + '"'
# Closing characters that may follow the sentence-final mark: quotes and brackets.
_CLOSERS = '"' + CURLY_CLOSERS + "'’)]"
_STOPS = ".!?…:;"
SENTENCE_END = re.compile(r"[" + _STOPS + r"][" + re.escape(_CLOSERS) + r"]*$")
# A line that ends on any punctuation, a comma or a dash too (verse lines often do).
PAUSE_END = re.compile(r"[" + _STOPS + r",—-][" + re.escape(_CLOSERS) + r"]*$")
SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with",
               "from", "de", "la", "le", "von", "van", "its", "their", "our", "his", "her",
               "upon", "into", "as", "&", "c", "is", "are", "be", "et", "du", "des"}
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth", "eleventh", "twelfth")
# The calendar's names, written once (the ``dates`` stage reads them too): month -> number,
# the abbreviations printed with or without a full stop, the days of the week.
MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
          "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
          "december": 12}
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
              "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# A cue for a month ("Sept.", "March", also "Decemr."): its first three letters and any
# letters after them; compile with re.I.
MONTH = r"(?:" + "|".join(name[:3] for name in MONTHS) + r")[a-z]*\.?"
# A year in roman numerals on a line of its own ("M DCC LXXVI."): an imprint's date.
ROMAN_YEAR = r"M[\s,.]*[MDCLXVI][MDCLXVI\s,.]*"
_ROMAN = re.compile(r"^(?=[IVXLC])M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")


def alternation(words) -> str:
    """A regex matching exactly the ``words``, written as a tree of their shared prefixes
    ("Co(?:mmittee|ngress|...)"): at each place the regex engine tries one branch per
    different next letter, not every word. A word that is a prefix of another is tried
    after the longer ones."""
    def tree(ws: list[str]) -> str:
        groups: dict = {}
        for w in ws:
            if w:
                groups.setdefault(w[0], []).append(w[1:])
        alts = [re.escape(ch) + tree(rest) for ch, rest in groups.items()]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")" if alts else ""
        return f"(?:{body})?" if body and "" in ws else body
    return tree(sorted(set(words)))


def words(text: str) -> list[str]:
    """The words of ``text`` (letters and digits, apostrophes inside words kept)."""
    return list(_words(text))


def few_words(text: str, most: int) -> bool:
    """``len(words(text)) <= most``, without reading a long text whole: a prefix never has
    more words than the text, so a prefix with more settles it."""
    # A short prefix first (prose has more than one word in six characters), then a longer
    for reach in (6 * (most + 1), 16 * (most + 1)):
        if len(text) <= reach:
            break
        if len(WORD.findall(text, 0, reach)) > most:
            return False
    return len(_words(text)) <= most


@lru_cache(maxsize=64)
def _words(text: str) -> tuple[str, ...]:
    # A pass and its cues ask for the same block's words several times: found once,
    # kept for the last few blocks (passes run one after the other over the whole text).
    return tuple(WORD.findall(text))


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence-final punctuation (quotes may follow it)."""
    # SENTENCE_END read from the end: no closer is a stop, so the closers after the last
    # stop are exactly the closers the text ends with (no search through the whole text).
    return text.rstrip().rstrip(_CLOSERS)[-1:] in _STOPS_SET


_STOPS_SET = frozenset(_STOPS)


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


# Words a sentence never ends on: an article, a preposition, a conjunction, a possessive.
_DANGLING = frozenset({"a", "an", "the", "of", "and", "or", "nor", "to", "in", "on", "at", "by",
                       "for", "with", "from", "upon", "into", "than", "that", "which", "whose",
                       "its", "their", "our", "his", "her", "my", "your"})


def ends_mid_phrase(text: str) -> bool:
    """The line stops on a word no sentence ends on ("… its own Members, and a"): the
    sentence goes on in the next line, whatever case that line opens with."""
    w = text.rsplit(None, 1)[-1:] if text else []
    return bool(w) and w[0].lower() in _DANGLING
