"""Heading lines (the recogniser the ``headings`` pass applies, and that ``pagebreaks``
consults so it never joins a paragraph to a heading): numbered ("1: Political Carelessness", "IV. Of Trade", "SECTION II.", "CHAP. IV.",
"Part One") and unnumbered ("Concluding Speech", "LEGISLATIVE POWER.") heading lines, each
with a rank that decides nesting later.

Rank 1 is an unnumbered heading or a part/book, rank 2 a numbered one (chapter, article,
"3:"), rank 3 a section: numbered sections nest inside the nearest unnumbered heading (a
speech's "1:", "2:" restart under "Concluding Speech"). A heading is a single line that is
not a sentence: a short sentence that happens to be capitalised ("Of course it was
possible.") is not one, so a final full stop is only accepted on title-cased or capitalised
lines without a comma. A headnote right after a heading becomes that division's ``argument``.
"""
from __future__ import annotations

import re
from itertools import islice

from converter.model import Block
from converter.passes.cues.letters import NAME_AND_OFFICE
from converter.passes.cues.front import BYLINE
from converter.passes.cues.text import (MONTH, ROMAN_YEAR, SMALL_WORDS, WEEKDAYS, ends_sentence,
                                        few_words, is_roman, is_shouting, is_titlecased,
                                        mostly_capitals, words)

_NUMBERED = re.compile(r"^(?P<n>\d{1,3}|[IVXLC]{1,7})\s*[:.]\s+(?P<title>\S.*)$")
_NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve first second "
                 "third fourth fifth sixth seventh eighth ninth tenth").split()
_KEYWORD = re.compile(
    r"^(?P<kw>part|book|chap(?:ter)?\.?|article|art\.|section|sect\.|§|no\.|number|canto|"
    r"letter|lecture|appendix)\s*(?P<n>[IVXLC]{1,7}|\d{1,3}|" + "|".join(_NUMBER_WORDS) +
    r")\b[.:]?(?:(?P<dash>\s*(?:--|—|–)\s*)|\s+)?(?P<title>(?<=[\s\-—–])\S.*)?$", re.I)
_KEYWORD_RANK = {"part": 1, "book": 1}
# Parts of a book named by one word, with an optional description after a full stop:
# "APPENDIX. Containing ILLUSTRATIONS of some Passages of the preceding Report."
# The title of an embedded document: "EXTRACT of a REPRESENTATION made by …",
# "TRANSCRIPT of a LETTER from …", "REPORT of the CONVENTION of OFFICERS, held at …"
_DOCUMENT_TITLE = re.compile(r"^(?:The )?(?:EXTRACT|TRANSCRIPT|REPORT|COPY|ABSTRACT|MINUTES|PROCEEDINGS|"
                             r"RESOLUTIONS?|MEMORIAL|PETITION|ADDRESS)\s+(?:of|from|to)\s")
_BOOK_PART = re.compile(r"^(?:APPENDIX|Appendix|INTRODUCTION|Introduction|PREFACE|Preface|"
                        r"POSTSCRIPT|Postscript|CONCLUSION|EPILOGUE|Epilogue|PROLOGUE|Prologue|"
                        r"CONTENTS|Contents)\b[.:]?(?:\s+(?P<title>[A-Z].*))?$")
_SECTION_KW = ("section", "sect.", "§")
_MONTH = re.compile(r"\b" + MONTH + r"\s+[\d•]{1,2}|\b\d{1,2}(?:st|nd|rd|th|d)?\s+" + MONTH,
                    re.I)
_SESSION_DAY = re.compile(r"^(?:die\s+\w+|" + "|".join(WEEKDAYS) + r")\b", re.I)
# (\bprinted\b|\bsold\b|\bpublished by\b, case-blind, written to open with a class the
# case-blind flag does not reach: its first letters in every case the flag reads as them,
# "ſ" for "s" too, so the regex engine skips to them instead of trying every character)
_IMPRINT = re.compile(r"(?-i:[pPsSſ])(?<!\w.)(?:(?<=[pP])rinted|(?<=[sSſ])old|(?<=[pP])ublished by)\b",
                      re.I)
# Letter framing that looks like a heading: a signature "SAMUEL WHITE, Speaker.", an
# addressee "His Excellency the PRESIDENT of CONGRESS.", a year in roman numerals.
_SIGNATURE = re.compile(NAME_AND_OFFICE + r"|^\(?[Ss]igned\b|"
                        r"^(?:His|Her|Their|Your|HIS|HER) (?:Excellency|Hono(?:u)?r|Majesty|"
                        r"Lordship|EXCELLENCY)\b|"
                        r"^(?:Major|Brigadier|Lieutenant)?-?\s?General\s+[A-Z]{2,}\.?$")
_SALUTE = re.compile(r"\b(?:gentlemen|brethren|sirs?|countrymen|friends|ladies|lords?|citizens)\b[^.?]*!$",
                     re.I)
_ROMAN_YEAR = re.compile("^" + ROMAN_YEAR + "$")
# An address heading: "To the King's most Excellent Majesty.", "TO THE OFFICERS OF THE ARMY."
_ADDRESS = re.compile(r"^to (?:the|his|her|all)\s", re.I)
_TRAILERS = {"finis", "the end"}
_HEAD_MAX_WORDS = 12


def _keyword_heading(text: str) -> dict | None:
    m = _KEYWORD.match(text)
    if not m:
        return None
    title = m.group("title") or ""
    # "Chapter VII--Of True and False Democracy; …": a dash sets off a long printed title.
    most = _HEAD_MAX_WORDS * 2 if m.group("dash") else _HEAD_MAX_WORDS
    if title and (len(words(title)) > most or not (title[:1].isupper() or
                                                              is_titlecased(title))):
        return None
    kw = m.group("kw").lower()
    rank = _KEYWORD_RANK.get(kw, 3 if kw in _SECTION_KW else 2)
    return {"n": m.group("n"), "rank": rank, "style": "keyword", "cert": "high"}


def _numbered_heading(text: str) -> dict | None:
    m = _NUMBERED.match(text)
    if not m:
        return None
    title = m.group("title")
    if len(words(title)) > _HEAD_MAX_WORDS or not title[:1].isupper():
        return None
    if ends_sentence(title) and not (title.endswith(".") and "," not in title and
                                     (is_titlecased(title) or mostly_capitals(title))):
        return None
    return {"n": m.group("n"), "rank": 2, "style": "numbered", "cert": "high"}


def _roman_heading(text: str) -> dict | None:
    """A roman-numbered chapter line, long as it may be: "II. On Governor Rutledge's
    Proclamation of the 27th of September, 1781." (one sentence; a resolution's "That …"
    clause is an article, not a heading)."""
    m = _NUMBERED.match(text)
    if not m or not is_roman(m.group("n")) or m.group("title").startswith("That "):
        return None
    title = m.group("title")
    if len(words(title)) > 25 or re.search(r"[.!?;]\s", title) or not title[:1].isupper():
        return None
    return {"n": m.group("n"), "rank": 2, "style": "numbered", "cert": "low"}


def _plain_heading(text: str) -> dict | None:
    if not text[:1].isupper() or not few_words(text, _HEAD_MAX_WORDS + 8):
        return None  # (no rule below takes more words: the costly tests are spared)
    n = len(words(text))
    if not n:
        return None
    caps = is_shouting(text) or mostly_capitals(text)
    if caps and n <= _HEAD_MAX_WORDS + 8 and not text.endswith((":", ";")):
        return {"rank": 1, "style": "capitals", "cert": "medium"}
    inner_caps = [x for x in words(text)[1:] if len(x) >= 4 and x.isupper()]
    if (inner_caps and n <= 8 and text.endswith(".") and "," not in text and
            not words(text)[0].isupper()):
        # "Of MONARCHY and hereditary succession.": a key word set in capitals
        return {"rank": 1, "style": "capitals", "cert": "low"}
    if n > _HEAD_MAX_WORDS + 4 or not is_titlecased(text):
        return None
    if n > _HEAD_MAX_WORDS and not (text.endswith(".") and "," not in text):
        return None
    if not ends_sentence(text):
        return {"rank": 1, "style": "plain", "cert": "medium"}
    if text.endswith(".") and "," not in text and n >= 2 and ". " not in text:
        return {"rank": 1, "style": "plain", "cert": "low"}
    return None


def _dated_heading(text: str) -> dict | None:
    """A session or dispatch heading: "WEDNESDAY, September 11th 1765, A. M.",
    "IN SENATE, OCTOBER 30, 1786." (a capitalised first word and a date)."""
    if not few_words(text, _HEAD_MAX_WORDS):
        return None  # both rules below want a short line: the costly tests are spared
    toks = text.split()
    first = toks[0].strip(",.:") if toks else ""
    if (len(first) >= 2 and first.isupper() and len(words(text)) <= _HEAD_MAX_WORDS
            and _MONTH.search(text) and not text.endswith((",", ":"))):
        return {"rank": 1, "style": "dated", "cert": "low"}
    # "Die Jovis, 9h. A. M. the 9th December 1762.": a day of session, nothing but the date
    if not _SESSION_DAY.match(text):
        return None
    lower = [w for w in words(text) if w[:1].islower() and w.lower() not in SMALL_WORDS
             and not _MONTH.match(w)]
    if _MONTH.search(text) and not lower:
        return {"rank": 1, "style": "dated", "cert": "low"}
    return None


# No heading rule accepts more than 30 words; past this length a block is prose, and the
# rules below (which scan every character) need not run on it.
_HEAD_MAX_CHARS = 800


# A personal name on a line: capitalised tokens (initials, "Geo:", "Wm."), particles between.
_NAME_LINE = re.compile(r"^[A-Z][\w'’-]*[.:]?(?:\s+(?:(?:of|de|la|le|van|von|du|da)\s+)?"
                        r"[A-Z][\w'’-]*[.:]?){1,4}$")


def _names_under(nxt) -> bool:
    """The next block is a column of personal names, one to a line (a signature group)."""
    if not isinstance(nxt, Block) or nxt.kind != "p":
        return False
    lines = nxt.text.split("\n")
    return len(lines) >= 2 and all(_NAME_LINE.match(ln.strip()) and
                                   any(map(str.islower, ln)) for ln in lines)


def heading_of(block: Block, nxt) -> dict | None:
    """Heading attributes (n, rank, style, cert) if ``block`` is a heading line, else None."""
    text = block.text.strip()
    if block.kind != "p" or "\n" in text or nxt is None or len(text) > _HEAD_MAX_CHARS:
        return None
    if text.endswith((",", ";", "-", "–", "—")) or _IMPRINT.search(text):
        return None
    if BYLINE.match(text) and not _MONTH.search(text):  # "By CASSIUS.", not "BY CONGRESS, May 26"
        return None
    if (few_words(text, 2) and " ".join(words(text)).lower() in _TRAILERS  # (of 1-2 words)
            or text[-1] in "”\"’"):
        return None
    if _SIGNATURE.match(text) or _ROMAN_YEAR.match(text) or (  # (each branch opens with ^)
            text.endswith("!") and _SALUTE.search(text)):  # (the salute ends in "!")
        return None
    bare = text.rstrip(".")
    if is_roman(bare) and len(bare) <= 5:
        return {"n": bare, "rank": 2, "style": "numbered", "cert": "medium"}
    if len(list(islice(filter(str.isalpha, text), 2))) < 2:  # (stops at the second letter)
        return None
    if _DOCUMENT_TITLE.match(text) and len(words(text)) <= 30 and not text.endswith(":"):
        return {"rank": 1, "style": "document", "cert": "low"}
    m = _BOOK_PART.match(text)
    if m and len(words(m.group("title") or "")) <= 15:
        return {"rank": 1, "style": "keyword", "cert": "medium"}
    for rule in (_keyword_heading, _numbered_heading, _roman_heading):
        found = rule(text)
        if found:
            return found
    if _NUMBERED.match(text):
        return None
    if text.endswith(("?", "!")) and not is_shouting(text):
        return None
    found = _plain_heading(text) or _dated_heading(text)
    if found and found["style"] in ("plain", "capitals") and _names_under(nxt):
        return None  # "New Hampshire" over "John Langdon / Nicholas Gilman": a group's label
    if not found and _ADDRESS.match(text) and len(words(text)) <= 20 and text[-1] not in "?!:":
        found = {"rank": 1, "style": "address", "cert": "low"}
    return found
