"""Names found by rules, without an authority: titles ("Mrs. Stein", "Comrade Kirov"),
initials ("H. Goldsmith"), given names ("Tom Cordery"), organisation words ("Western Lace
Manufacturing Co."), addresses ("230 West Twelfth street") and a small gazetteer.

Precision comes first: a wrong tag costs the editor more than a missing one. So a
capitalised word at the start of a sentence is not a name by itself, text set in capitals
(headings) is left alone, and every rule hit carries ``cert`` (medium or low).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from converter import lexicon
from converter.matcher import Matcher

# A capitalised name word ("Stein", "DeWolf", "O'Brien", "Smith-Jones"), not all capitals.
NW = r"(?:O[’']|Mc|Mac)?[A-Z][a-zà-ÿ]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?"
INIT = r"[A-Z]\.\s?"
_HON = "|".join(sorted((re.escape(h) for h in lexicon.HONORIFICS), key=len, reverse=True))
_ROLE = re.compile(r"(?<![\w.])(?P<role>(?:" + _HON + r")(?:\s+(?:" + _HON + r"))?)(?![\w])\s+"
                   r"(?P<name>(?:" + INIT + r")*" + NW + r"(?:\s+(?:" + INIT + r")*" + NW + r"){0,2})")
_INITIALS = re.compile(r"(?<![\w.])(?:" + INIT + r"){1,3}" + NW + r"(?![\w])")
_GIVEN = re.compile(r"(?<![\w.])(?P<given>" + NW + r")(?P<rest>(?:\s+" + INIT + r")?(?:\s+"
                    + NW + r"){0,2})")
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
_LOWER_ORG = r"(?:company|union|league|society|agency|council|exchange|bank|party|association)"
_ORG_SEQ = re.compile(r"(?:(?:" + INIT + r")+)?(?:" + NW + r"|[A-Z]{2,}\b)(?:(?:\s+(?:of|of\s+the|for|&"
                      r"|de)\s+|\s+|[’']s\s+|,\s+(?=[A-Z]\w+(?:,\s+[A-Z]\w+){0,4}\s+&))(?:Co\.|Bros\.|"
                      + NW + r"|[A-Z]{2,}\b|&))*(?:\s+" + _LOWER_ORG + r"(?![\w-]))?")
# "Messrs. Hart, Abt & Marx": a firm named after its partners.
_MESSRS = re.compile(r"(?<![\w.])Messrs\.?\s+" + NW + r"(?:,\s+" + NW + r")*(?:\s+(?:&|and)\s+(?:Co\."
                     r"|" + NW + r"))?")
_PLACE_NAME = re.compile(r"(?<![\w.])(?:" + INIT + r"|" + NW + r"\s+(?:" + NW + r"\s+)?)(?:"
                         + "|".join(sorted(lexicon.PLACE_WORDS)) + r")(?![\w’'-])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"’”)]*\s+|[“\"‘(]\s*|\n\s*)$")
# Gazetteer places that are also ordinary words: never at the start of a sentence.
_PLACE_WORDS = {"Reading", "Bath", "Turkey", "China", "Georgia", "Kent", "Order"}


@dataclass(frozen=True)
class Candidate:
    """A name found by a rule; ``role`` is the title's end offset for a ``roleName``."""

    start: int
    end: int
    type: str  # person / place / org
    cert: str
    role: tuple | None = None


def sentence_initial(text: str, at: int) -> bool:
    """True when ``text[at]`` starts a sentence (or the block)."""
    return bool(_SENTENCE_START.search(text[max(0, at - 4):at])) or at == 0


def is_caps(text: str) -> bool:
    """Text set in capitals (a heading, a title line): rules stay out of it."""
    letters = "".join(filter(str.isalpha, text))  # C-speed loops: this runs on every block
    return bool(letters) and sum(map(str.isupper, letters)) > 0.7 * len(letters)


def is_headline(text: str) -> bool:
    """A short line in Title Case ("Nell Nelson Continues to Expose the ..."), where
    capitals say nothing about names: only the gazetteer and initials are trusted there."""
    if len(text.split()) > 25 or re.search(r"[.!?]\s+[A-Z]", text.strip()):
        return False  # long, or more than one sentence: running text
    long_words = re.findall(r"[^\W\d_]{4,}", text)
    return len(long_words) >= 5 and sum(w[0].isupper() for w in long_words) > 0.75 * len(long_words)


def _gazetteer() -> Matcher:
    m = Matcher()
    for name in lexicon.PLACES:
        m.add(name, name)
    return m


GAZETTEER = _gazetteer()


def _bad_word(w: str) -> bool:
    return w in lexicon.NOT_NAMES or w in lexicon.ORG_WORDS


def _is_org_word(w: str) -> bool:
    return w in lexicon.ORG_WORDS or w.rstrip(".") in lexicon.ORG_WORDS


def _org_words(words) -> tuple[list, list]:
    names = [w for _, _, w in words]
    orgw = [w for w in names if _is_org_word(w) or w in _LOWER_ORG]
    others = [w for w in names if w not in orgw and w[:1].isupper() and not _bad_word(w)]
    return orgw, others


def _orgs(text: str, common: frozenset):
    for m in _ORG_SEQ.finditer(text):
        words = [(w.start() + m.start(), w.end() + m.start(), w.group())
                 for w in re.finditer(r"[\w.&’'-]+", m.group())]
        # A weekday, a month or a preposition inside ends the name: keep the part with the
        # organisation word ("Chicago Times" in "Chicago Times Sunday Morning").
        parts, cur = [], []
        for w in words:
            if w[2] in lexicon.NOT_NAMES and not _is_org_word(w[2]):
                parts.append(cur)
                cur = []
            else:
                cur.append(w)
        parts.append(cur)
        for words in parts:
            yield from _org(text, words, common)


def _org(text: str, words, common: frozenset):
    # Leading articles and titles are not part of it, nor is a sentence-initial word that
    # the text also uses in lower case ("Several Red Army corps"), nor one before a lone
    # organisation word ("Yesterday Congress").
    while words and (words[0][2] in ("&",) or words[0][2] in lexicon.HONORIFICS
                     or sentence_initial(text, words[0][0]) and not _is_org_word(words[0][2])
                     and (len(words) <= 2 or words[0][2].lower() in common)):
        words = words[1:]
    # It ends with its organisation word, unless "of ..." names whose it is ("Bank of
    # England"): "Party Bolsheviks" is no organisation.
    last_org = max((i for i, w in enumerate(words) if _is_org_word(w[2]) or w[2] in _LOWER_ORG),
                   default=-1)
    if last_org >= 0 and not any(w[2] == "of" for w in words[last_org + 1:]):
        words = words[:last_org + 1]
    while words and words[-1][2] in ("of", "the", "for", "&", "de"):
        words = words[:-1]
    # "Acts of Parliament", "Liberty of the Press": a common noun (the text also writes it
    # in lower case) before "of" is not part of a name.
    while len(words) > 2 and words[1][2] == "of" and words[0][2].lower() in common:
        words = words[3:] if words[2][2] == "the" else words[2:]
    orgw, others = _org_words(words)
    if not (orgw and others):
        return
    # "Office of the Western Lace Co.": the head noun before "of" is not part of the name
    # when what follows is an organisation name by itself.
    if len(words) > 3 and words[1][2] == "of":
        rest = words[3:] if words[2][2] == "the" else words[2:]
        r_org, r_others = _org_words(rest)
        if r_org and r_others:
            words = rest
    yield Candidate(words[0][0], words[-1][1], "org", "medium")


def _trusted(probe: str) -> list[Candidate]:
    """Initials before a surname, and gazetteer places (not ordinary words opening a
    sentence): the rules that hold even in headlines."""
    out = []
    for m in _INITIALS.finditer(probe):
        last = m.group().split()[-1]
        if not _bad_word(last):
            out.append(Candidate(m.start(), m.end(), "person", "medium"))
    for hit, _depth in GAZETTEER.find(probe):
        word = probe[hit.start:hit.end]
        if word in _PLACE_WORDS and sentence_initial(probe, hit.start):
            continue
        out.append(Candidate(hit.start, hit.end, "place", "medium"))
    return out


def common_words(texts) -> frozenset:
    """Words the document uses in lower case: "Effect" in "in Effect" is then no name (the
    18th century capitalised nouns), while "Chicago" never appears as "chicago"."""
    return frozenset(w for t in texts for w in re.findall(r"\b[a-zſ][\w’'-]*", t.replace("ſ", "s")))


def find(text: str, common: frozenset = frozenset()) -> list[Candidate]:
    """Rule candidates in one block, best rules first (the caller resolves overlaps);
    ``common`` holds the words the document uses in lower case (see ``common_words``)."""
    if is_caps(text):
        return []
    probe = text.replace("ſ", "s")
    if is_headline(probe):
        return _trusted(probe)
    out: list[Candidate] = list(_orgs(probe, common))
    for m in _MESSRS.finditer(probe):
        out.append(Candidate(m.start(), m.end(), "org", "medium"))
    for m in _STREET.finditer(probe):
        if m.group().split()[0] not in _NOT_STREET:
            out.append(Candidate(m.start(), m.end(), "place", "medium"))
    for m in _ROLE.finditer(probe):
        name = m.group("name").split()
        if any(_bad_word(w) or w in lexicon.TITLE_WORDS for w in name if not w.endswith(".")):
            continue
        if m.group("role") in lexicon.WEAK_HONORIFICS and sentence_initial(probe, m.start()):
            continue
        if m.group("role").split()[-1] in lexicon.PLURAL_HONORIFICS:
            # "Comrades Mirzoyan and Vainov": the title belongs to several names.
            out.append(Candidate(m.start("name"), m.end(), "person", "medium"))
        else:
            out.append(Candidate(m.start(), m.end(), "person", "medium",
                                 (m.start(), m.end("role"))))
    for m in _PLACE_NAME.finditer(probe):
        if not (sentence_initial(probe, m.start()) and m.group().count(" ") == 1):
            out.append(Candidate(m.start(), m.end(), "place", "medium"))
    out += _trusted(probe)
    for m in _GIVEN.finditer(probe):
        if m.group("given") not in lexicon.GIVEN_NAMES:
            continue
        rest = m.group("rest").split()
        while rest and (_bad_word(rest[-1]) or rest[-1] in lexicon.STREET_WORDS
                        or rest[-1].endswith(".")):
            rest.pop()
        end = m.end("given") if not rest else probe.index(rest[-1], m.end("given")) + len(rest[-1])
        out.append(Candidate(m.start(), end, "person", "medium" if rest else "low"))
    return out
