"""Small text predicates shared by the passes (kept here so every pass agrees on them)."""
from __future__ import annotations

import re

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Closing characters that may follow the sentence-final mark: quotes and brackets.
_CLOSERS = "\"'”’»)]"
SENTENCE_END = re.compile(r"[.!?…:;][" + re.escape(_CLOSERS) + r"]*$")


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
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(not c.islower() for c in letters) and any(c.isupper() for c in letters)
