"""Names found by rules, without an authority: titles ("Mrs. Stein", "Comrade Kirov"),
initials ("H. Goldsmith"), given names ("Tom Cordery"), organisation words ("Western Lace
Manufacturing Co."), addresses ("230 West Twelfth street") and a small gazetteer.

Precision comes first: a wrong tag costs the editor more than a missing one. So a
capitalised word at the start of a sentence is not a name by itself, text set in capitals
(headings) is left alone, and every rule hit carries ``cert`` (medium or low).
"""
from __future__ import annotations

import re

from converter import lexicon, org_rules
from converter.matcher import Matcher
from converter.name_cues import (INIT, NW, Candidate, bad_word,  # noqa: F401 (re-exported)
                                 scan, sentence_initial)

_HON = "|".join(sorted((re.escape(h) for h in lexicon.HONORIFICS), key=len, reverse=True))
_ROLE = re.compile(r"(?<![\w.])(?P<role>(?:" + _HON + r")(?:\s+(?:" + _HON + r"))?)(?![\w])\s+"
                   r"(?P<name>(?:" + INIT + r")*" + NW + r"(?:\s+(?:" + INIT + r")*" + NW + r"){0,2})")
# "J. L. Goldsmith", and with a first name before: "Charles L. Hutchinson" is one name.
_INITIALS = re.compile(r"(?<![\w.])(?:(?P<first>" + NW + r")\s+)?(?P<ini>(?:" + INIT + r"){1,3}"
                       + NW + r")(?![\w])")
# A given name, a middle initial, up to two more name words, or a regnal number ("George
# the Third", "George III."); never a saint's name ("St. Luke") or a place after "St.".
_REGNAL = (r"\s+(?:the\s+(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)"
           r"|[IVX]{1,4}\b)")
_GIVEN = re.compile(r"(?<![\w.])(?<!St\.\s)(?<!St\s)(?P<given>" + NW + r")(?P<rest>" + _REGNAL
                    + r"|(?:\s+" + INIT + r")?(?:\s+" + NW + r"){0,2})")
_ORDINAL = r"(?:[A-Z][a-z]+(?:th|st|nd|rd)|\d+(?:th|st|nd|rd))"
_STREET = re.compile(r"(?<![\w])(?:\d+(?:\s+(?:and|to)\s+\d+)?\s+)?(?:(?:North|South|East|West)"
                     r"\s+)?(?:" + _ORDINAL + "|" + NW + r")(?:\s+" + NW + r")?\s+(?:street|Street"
                     r"|avenue|Avenue|road|Road|lane|Lane|square|Square|boulevard|Boulevard|park"
                     r"|Park|streets|avenues|court)(?![\w])"
                     # a quarter of a city: "the West Side", "the East End"
                     r"|(?<=the )(?:North|South|East|West)[- ](?:Side|side|End)(?![\w-])")
# Words that open a phrase, not a street name ("The street", "This avenue").
_NOT_STREET = {"The", "A", "An", "This", "That", "These", "Those", "Our", "Your", "My", "His",
               "Her", "Their", "Its", "Which", "What", "Every", "Each", "No", "Any", "Some",
               "Another", "One", "In", "On", "At", "Of", "To", "From", "By", "With"}
_PLACE_NAME = re.compile(r"(?<![\w.])(?:" + INIT + r"|" + NW + r"\s+(?:" + NW + r"\s+)?)(?:"
                         + "|".join(sorted(lexicon.PLACE_WORDS)) + r")(?![\w’'-])")
# "State of Illinois", "County of Cook", "Cook County", "Kansas City", "Parish of St. James".
_ADMIN = r"(?:State|County|City|Town|Township|District|Territory|Parish|Province)"
_ADMIN_PLACE = re.compile(r"(?<![\w.])(?:" + _ADMIN + r"\s+of\s+(?P<of>(?:St\.\s)?" + NW + r"(?:\s+"
                          + NW + r")?)|(?P<pre>(?:St\.\s)?" + NW + r"(?:\s+" + NW + r")?)\s+(?:County"
                          r"|City|Parish|Township))(?![\w’'-])")
# A word each of these patterns' matches holds (see name_cues.scan): a street word, a place
# word, an administrative word, a title.
_STREET_NEEDS = re.compile(r"street|Street|avenue|Avenue|road|Road|lane|Lane|square|Square"
                           r"|boulevard|Boulevard|park|Park|court|Side|side|End")
_PLACE_NEEDS = re.compile("|".join(sorted(lexicon.PLACE_WORDS)))
_ADMIN_NEEDS = re.compile(_ADMIN)
_ROLE_NEEDS = re.compile(_HON)
# Gazetteer places that are also ordinary words: never at the start of a sentence.
_PLACE_WORDS = {"Reading", "Bath", "Turkey", "China", "Georgia", "Kent", "Order"}


_ASCII_SMALL = b"abcdefghijklmnopqrstuvwxyz"


def is_caps(text: str) -> bool:
    """Text set in capitals (a heading, a title line): rules stay out of it."""
    # First a cheap test that settles running text: with ``small`` letters a-z, at most
    # len - small capitals; fewer than twice ``small`` capitals are never over 70% of the
    # letters (capitals > 0.7 * (capitals + small) needs capitals > 7/3 small).
    ascii_part = text.encode("ascii", "ignore")  # (bytes are counted at C speed)
    small = len(ascii_part) - len(ascii_part.translate(None, _ASCII_SMALL))
    if small and len(text) - small < 2 * small:
        return False
    letters = "".join(filter(str.isalpha, text))  # C-speed loops: this runs on every block
    return bool(letters) and sum(map(str.isupper, letters)) > 0.7 * len(letters)


def is_headline(text: str) -> bool:
    """A short line in Title Case ("Nell Nelson Continues to Expose the ..."), where
    capitals say nothing about names: only the gazetteer and initials are trusted there."""
    # (at most 26 parts: as many as the words, when there are 26 or fewer)
    if len(text.split(maxsplit=25)) > 25 or re.search(r"[.!?]\s+[A-Z]", text.strip()):
        return False  # long, or more than one sentence: running text
    long_words = re.findall(r"[^\W\d_]{4,}", text)
    return len(long_words) >= 5 and sum(w[0].isupper() for w in long_words) > 0.75 * len(long_words)


def _gazetteer() -> Matcher:
    """One matcher for the hand list and the shipped gazetteer; the payload says whether
    the entry needs the guards (an everyday word, or a single word from the big list)."""
    m = Matcher()
    for name, common in lexicon.GAZETTEER.items():
        if name not in lexicon.PLACES:
            m.add(name, "common" if common else "listed" if " " not in name else "")
    for name in lexicon.PLACES:
        m.add(name, "common" if name in _PLACE_WORDS else "")
    return m


GAZETTEER = _gazetteer()


def _first_name(probe: str, m: re.Match, common: frozenset) -> bool:
    """Whether the word before initials belongs to the name ("Charles" in "Charles L.
    Hutchinson"; not "Yesterday" or a title)."""
    first = m.group("first")
    if first in lexicon.GIVEN_NAMES:
        return True
    return not (bad_word(first) or first in lexicon.HONORIFICS or first in lexicon.TITLE_WORDS
                or first in lexicon.GAZETTEER or first.lower() in common
                or sentence_initial(probe, m.start()))


_INITIAL_NEEDS = re.compile(r"[A-Z]\.")  # (every match holds an initial)


def _initials(probe: str, common: frozenset) -> list[Candidate]:
    out = []
    for m in scan(_INITIALS, probe, _INITIAL_NEEDS):
        if bad_word(m.group().split()[-1]):
            continue
        start = m.start() if m.group("first") and _first_name(probe, m, common) else m.start("ini")
        out.append(Candidate(start, m.end(), "person", "medium"))
    return out


_NEWSPAPER = re.compile(r"\s+(?:Daily\s+|Evening\s+|Weekly\s+)?(?:Times|Tribune|Herald|Gazette"
                        r"|Journal|Post|Courier|Chronicle|Advertiser|Inquirer|Register|Sun"
                        r"|Mercury|Intelligencer)\b")


def _places(probe: str, common: frozenset) -> list[Candidate]:
    """Gazetteer places, through the guards: an everyday word ("China", "Reading") or a
    single word of the big list is no place at the start of a sentence, and an everyday
    word is none where the text also writes it in lower case. A place opening a
    newspaper's title ("Chicago Times", "New York Tribune") is part of the title."""
    out = []
    for hit, _depth in GAZETTEER.find(probe):
        word = probe[hit.start:hit.end]
        how = hit.payload[0]
        if how and sentence_initial(probe, hit.start) or _NEWSPAPER.match(probe, hit.end):
            continue
        if how == "common" and word.lower() in common:
            continue
        out.append(Candidate(hit.start, hit.end, "place", "medium"))
    return out


def _admin_places(probe: str, common: frozenset) -> list[Candidate]:
    out = []
    for m in scan(_ADMIN_PLACE, probe, _ADMIN_NEEDS):
        words = (m.group("of") or m.group("pre")).split()
        if any(bad_word(w) or w.lower() in common or w in lexicon.HONORIFICS for w in words):
            continue
        if m.group("pre") and sentence_initial(probe, m.start()) and len(words) == 1 \
                and words[0] not in lexicon.GAZETTEER:
            continue
        out.append(Candidate(m.start(), m.end(), "place", "medium"))
    return out


def _trusted(probe: str, common: frozenset = frozenset()) -> list[Candidate]:
    """Initials before a surname, and gazetteer places (not ordinary words opening a
    sentence): the rules that hold even in headlines."""
    return _initials(probe, common) + _places(probe, common)


def common_words(texts) -> frozenset:
    """Words the document uses in lower case: "Effect" in "in Effect" is then no name (the
    18th century capitalised nouns), while "Chicago" never appears as "chicago"."""
    # A C-speed scan of each text, its words added at once (joining the texts first made
    # a copy of the whole document and a list of all its words: memory, not time).
    out: set = set()
    for t in texts:
        out.update(_LOWER_WORD.findall(t.replace("ſ", "s")))
    return frozenset(out)


# (\b[a-zſ][\w’'-]*, written to open with its class: the engine skips to the small letters)
_LOWER_WORD = re.compile(r"[a-zſ](?<!\w[a-zſ])[\w’'-]*")


_NEXT_NAME = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+(?:and|&)\s+|\s*[—–-]{1,2}\s*)(?P<name>(?:"
                        + INIT + r")*" + NW + r"(?:\s+(?:" + INIT + r")*" + NW + r")?)(?![\w])")


def _roles(probe: str) -> list[Candidate]:
    """Names after a title ("Mrs. Stein", "Hon. John Smith"); after a plural title the
    names of a list, each its own ("Messrs. Hart, Abt and Marx" is a firm, see _MESSRS;
    "Comrades Mirzoyan and Vainov", "Misses Ellen—Mary—Jane Allen")."""
    out = []
    for m in scan(_ROLE, probe, _ROLE_NEEDS):
        name = m.group("name").split()
        if any(bad_word(w) or w in lexicon.TITLE_WORDS for w in name if not w.endswith(".")):
            continue
        if m.group("role") in lexicon.WEAK_HONORIFICS and sentence_initial(probe, m.start()):
            continue
        if m.group("role").split()[-1] not in lexicon.PLURAL_HONORIFICS:
            out.append(Candidate(m.start(), m.end(), "person", "medium",
                                 (m.start(), m.end("role"))))
            continue
        out.append(Candidate(m.start("name"), m.end(), "person", "medium"))
        at = m.end()
        while (nxt := _NEXT_NAME.match(probe, at)) and not any(
                bad_word(w) for w in nxt.group("name").split()):
            out.append(Candidate(nxt.start("name"), nxt.end(), "person", "medium"))
            at = nxt.end()
    return out


_NAME_WORD = re.compile(r"[A-Z][a-zà-ÿ]+")


def _given(probe: str, common: frozenset,
           every: bool = False) -> tuple[list[Candidate], list[Candidate]]:
    """A given name from the list and up to two name words after it ("Tom Cordery",
    "Ella Wheeler Wilcox", "James E. Stanford"): (full names, given names alone). A given
    name alone is one only where the text never writes the word in lower case.
    (``every``: no shortcut, for the tests that compare both.)"""
    full, alone = [], []
    # Only a given name from the list counts, and every one is a capital and small letters
    # (tests/test_speed_gates.py checks the list), so it is one of the text's words of that
    # form: a text with none of them is not scanned.
    if not every and lexicon.GIVEN_NAMES.isdisjoint(_NAME_WORD.findall(probe)):
        return full, alone
    for m in scan(_GIVEN, probe):
        if m.group("given") not in lexicon.GIVEN_NAMES:
            continue
        rest = m.group("rest").split()
        while rest and not re.fullmatch(_REGNAL, m.group("rest")) and (bad_word(rest[-1]) or rest[-1] in lexicon.STREET_WORDS
                        or rest[-1].endswith(".")):
            rest.pop()
        if rest:
            end = probe.index(rest[-1], m.end("given")) + len(rest[-1])
            full.append(Candidate(m.start(), end, "person", "medium"))
        elif m.group("given").lower() not in common:
            alone.append(Candidate(m.start(), m.end("given"), "person", "low"))
    return full, alone


def find(text: str, common: frozenset = frozenset()) -> list[Candidate]:
    """Rule candidates in one block, best rules first (the caller resolves overlaps);
    ``common`` holds the words the document uses in lower case (see ``common_words``).
    Persons come before gazetteer places, so a place word inside a person's name ("Paris
    Green", "Georgia Hale") stays part of the name; a given name alone comes last."""
    if is_caps(text):
        return []
    probe = text.replace("ſ", "s")
    if is_headline(probe):
        return _trusted(probe, common)
    out: list[Candidate] = org_rules.find(probe, common)
    for m in scan(_STREET, probe, _STREET_NEEDS):
        if m.group().split()[0] not in _NOT_STREET:
            out.append(Candidate(m.start(), m.end(), "place", "medium"))
    out += _roles(probe)
    out += _admin_places(probe, common)
    full, alone = _given(probe, common)
    for m in scan(_PLACE_NAME, probe, _PLACE_NEEDS):
        if m.group().split()[0] in lexicon.GIVEN_NAMES:
            continue  # "Paris Green", "John Hill": a person's name
        if not (sentence_initial(probe, m.start()) and m.group().count(" ") == 1):
            out.append(Candidate(m.start(), m.end(), "place", "medium"))
    out += _initials(probe, common) + full + _places(probe, common) + alone
    return out
