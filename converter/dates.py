"""Dates: find date expressions in running text and normalise them at the stated precision.

"1927" -> ``when=1927``, "November 1923" -> ``1923-11``, "March 3, 1937" -> ``1937-03-03``,
"19th Day of September, Anno Domini 1765" -> ``1765-09-19`` (an article before the day,
"on the 19th Day", stays outside the date, as in most editions), "14th day of July AD
1862", "the first of May, eighteen hundred and forty one" (a year in words), "October 28"
(no year) -> ``--10-28``, "the summer and autumn of 1923" -> ``notBefore=1923-06
notAfter=1923-11``. A weekday before the date is part of it ("Monday Morning, July 30,
1888"). Where the document's own date is known (``context``: the sidecar's or the title
page's), a date without a year takes its year ("Tuesday, July 10" -> ``1888-07-10``) and
"the 3d instant" / "ult." / "prox." a day of its month, the one before or after.
Relative expressions ("ten years ago") are left alone. A day that does not exist in its
month ("February 30") is still marked, but without a value and with ``cert="low"``.

Matching runs on a copy of the text with the long s (ſ) read as s, so 18th-century print
forms ("Auguſt 2, 1765", "September 11ſt. 1765") are found at the same offsets.
"""
from __future__ import annotations

import re

from converter.date_values import PATTERN, normalise
from converter.model import Block, Document, Span, attrs_of, map_blocks, walk_blocks
from converter.passes.cues.text import MONTH_ABBR as _ABBR, MONTHS


# Every date the pattern can match holds one of these cues: a digit, a month, "inst",
# "ult" or "prox", or a year in words ("... hundred", "one thousand ..."). The big pattern
# opens with a lookbehind, so the regex engine tries all of it at every character; it
# runs only in windows around the cues, which a plain alternation finds fast in the text
# in lower case (the same offsets when lowering keeps the length; "ı", which the pattern's
# IGNORECASE reads as "i", is looked for in any case, as is text whose length lowering
# changes).
_CUE_WORDS = (r"\d+|\b(?:" + "|".join(list(MONTHS) + list(_ABBR))
              + r"|inst(?:ant)?|ult(?:imo)?|prox(?:imo)?|hundred|thousand)\b")
_CUE = re.compile(_CUE_WORDS)
_CUE_ANY_CASE = re.compile(_CUE_WORDS, re.IGNORECASE)


# The same cues found faster in the text in lower case: the digits (0-9 in a text of ASCII,
# where they are all its digits), and each word from a plain search for its first letters,
# then matched whole there (a word start: what stands before its first letter is no word
# character). Cues never overlap, so these are the matches of _CUE, in order.
_DIGITS, _ASCII_DIGITS = re.compile(r"\d+"), re.compile(r"[0-9]+")
_CUE_WORD_LIST = list(MONTHS) + list(_ABBR) + ["inst", "instant", "ult", "ultimo", "prox",
                                               "proximo", "hundred", "thousand"]
_CUE_WORD_AT = re.compile(r"(?<!\w)(?:" + "|".join(sorted(_CUE_WORD_LIST, key=len, reverse=True))
                          + r")\b")
_CUE_STEMS = sorted({w[:4] if w[:3] in ("ins", "pro") else w[:3] for w in _CUE_WORD_LIST})


def _cues(probe: str) -> list[tuple[int, int]]:
    """(start, end) of the cues of ``probe``, in order (offsets in ``probe``)."""
    low = probe.lower()
    if len(low) == len(probe) and "ı" not in probe:
        digits = _ASCII_DIGITS if probe.isascii() else _DIGITS
        out = [m.span() for m in digits.finditer(low)]
        for stem in _CUE_STEMS:
            at = low.find(stem)
            while at >= 0:
                if m := _CUE_WORD_AT.match(low, at):
                    out.append(m.span())
                at = low.find(stem, at + 1)
        out.sort()
        return out
    return [m.span() for m in _CUE_ANY_CASE.finditer(probe)]


# How far a window reaches from a cue (forward; backward on the reversed text): 40
# white-space separated chunks of up to 40 characters. A date has at most about 12 chunks
# before its first cue (weekday, "Morning", "the", a day in words, "day of", "in the year
# of our Lord", loose commas) and 25 after it (era, a year in words, "A. M.", and the word
# its lookahead reads), none longer than about 20 characters, so it cannot cross a longer
# chunk: every date lies whole inside a window, and scanning the windows finds exactly
# the matches a scan of the whole text finds (tests/test_dates_windows.py compares both).
_REACH = re.compile(r"\S{0,40}(?:\s+\S{1,40}){0,40}\s*")
_NEAR = 40  # a cue this few characters after the last one is inside its window


def _reach(text: str, at: int) -> int:
    return _REACH.match(text, at).end()


def _windows(probe: str) -> list[tuple[int, int]]:
    """(start, end) windows around the date cues of ``probe``, in order, not overlapping."""
    out: list[tuple[int, int]] = []
    rev, start, last = None, -1, -1
    for at, cue_end in _cues(probe):
        if last >= 0 and (at - last <= _NEAR or at <= _reach(probe, last)):
            last = cue_end
            continue
        if last >= 0:
            out.append((start, _reach(probe, last)))
        if rev is None:
            rev = probe[::-1]
        start, last = len(probe) - _reach(rev, len(probe) - at), cue_end
        if out and start <= out[-1][1]:  # windows that touch are one
            start = out.pop()[0]
    if last >= 0:
        out.append((start, _reach(probe, last)))
    return out


def find_dates(text: str, context: str | None = None) -> list[Span]:
    """Date spans in ``text`` (non-overlapping, leftmost-longest), with their values;
    ``context`` is the document's date when known (see ``normalise``)."""
    probe = text.replace("ſ", "s")
    out = []
    for m in (m for start, end in _windows(probe)
              for m in PATTERN.finditer(probe, start, end)):
        value = normalise(m, context)
        if value is None:
            continue
        start, end = m.start("y7") if m.group("y7") else m.start(), m.end()
        if m.group("wd") and (m.group("wd").isupper() or m.group("y7")):
            start = max(start, m.end("wd_end"))
        while end > start and probe[end - 1] in " ,\n":
            end -= 1
        out.append(Span(start, end, "date", attrs_of(**value), 40))
    return out


def document_date(doc: Document) -> str | None:
    """The document's own date: the metadata's, else the first full date of the front
    matter (a newspaper's dateline, a letter's title), else None."""
    if doc.meta.get("date"):
        return str(doc.meta["date"])
    for blk in walk_blocks(doc.front):
        for span in find_dates(blk.text):
            when = span.attr("when") or ""
            if len(when) == 10 and when[0] != "-":
                return when
    return None


def annotate(doc: Document) -> Document:
    """Add ``date`` spans to every block (a date crossing a name or quotation is dropped
    when the spans are nested, never the text under it)."""

    context = document_date(doc)

    def add(blk: Block) -> Block:
        found = find_dates(blk.text, context)
        return blk.with_(spans=list(blk.spans) + found) if found else blk

    return doc.with_(front=map_blocks(doc.front, add), body=map_blocks(doc.body, add))
