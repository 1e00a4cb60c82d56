"""The shared pieces of the name rules: what a name word and an initial look like, a
rule's ``Candidate``, and the guards every rule uses (a sentence start, a word that is never
a name by itself)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from converter import lexicon
from converter.passes.cues.text import alternation  # noqa: F401 (re-exported)

# A capitalised name word ("Stein", "DeWolf", "O'Brien", "Smith-Jones"), not all capitals.
NW = r"(?:O[’']|Mc|Mac)?[A-Z][a-zà-ÿ]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?"
INIT = r"[A-Z]\.\s?"
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"’”)]*\s+|[“\"‘(]\s*|\n\s*)$")

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


def bad_word(w: str) -> bool:
    """A word that never makes a name by itself (an article, a month, an organisation word)."""
    return w in lexicon.NOT_NAMES or w in lexicon.ORG_WORDS


# Every name rule's pattern (titles, initials, given names, streets, places, organisations)
# matches only from a capital A-Z or a digit, and most open with a lookbehind, which keeps
# the regex engine from skipping ahead: it would try the whole pattern at every character.
# So the rules try their pattern only where a capital or a digit stands.
_CAPITAL_OR_DIGIT = re.compile(r"[A-Z\d]")


@lru_cache(maxsize=8)
def capital_starts(text: str) -> tuple[int, ...]:
    """Offsets of the capitals A-Z and the digits of ``text`` (kept for the block's rules)."""
    return tuple(m.start() for m in _CAPITAL_OR_DIGIT.finditer(text))


def scan(pattern: re.Pattern, text: str, needs: re.Pattern | None = None,
         lo: int = 0, hi: int | None = None):
    """``pattern.finditer(text)`` for a pattern that only matches from a capital A-Z or a
    digit and never matches the empty string: the same matches, found by trying it only
    at those places (tests/test_name_rules.py compares both). ``needs`` finds a word every
    match holds ("street", "County"): a text without one is not scanned at all. ``lo`` and
    ``hi`` limit the starts tried to ``text[lo:hi]`` (a caller that knows no match crosses
    ``lo``)."""
    if needs is not None and not needs.search(text):
        return
    if lo or hi is not None:  # (a short stretch: its own capitals, not the whole text's)
        starts = [m.start() for m in _CAPITAL_OR_DIGIT.finditer(text, lo, len(text) if hi is None
                                                                else hi)]
    else:
        starts = capital_starts(text)
    end = 0
    for at in starts:
        if at >= end and (m := pattern.match(text, at)):
            end = m.end()
            yield m
