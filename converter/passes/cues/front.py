"""Front-matter cues: a title-like line, an author's name, a headnote describing the text
(used by ``frontmatter`` at the start of the text and by ``headings`` after a heading)."""
from __future__ import annotations

import re

from converter.model import Block
from converter.passes.cues.text import SMALL_WORDS, ends_sentence, words

_TITLE_MAX_WORDS = 15
_INITIALS = re.compile(r"^(?:[A-Z]\.?\s?){1,3}$|^[A-Z]{1,3}$")
# "By CASSIUS.": a byline (not a heading); an author line may also open "von" or "par".
BYLINE = re.compile(r"^by\s+\S", re.I)
_BY = re.compile(r"^(?:by|von|par)\s+\S", re.I)
# What opens an author line, to take off for the name ("By Thomas Paine", "Written by …").
BY_PREFIX = re.compile(r"^(?:written\s+)?(?:by|von|par)\s+", re.I)
# Who made the book: "Translated by W. K. Marriott", "Collected and edited by", "With
# Biographic Sketch by …", or "by" alone (the name follows on the next line).
MADE_BY = re.compile(r"^(?:(?:(?:collected|translated|edited|written|compiled|selected|"
                     r"arranged|revised|illustrated|introduced)(?:,?\s+(?:and\s+)?\w+ed)*"
                     r"|with\s.{1,60}?)\s+by\b|by$)", re.I)
ENDS_WITH_BY = re.compile(r"\bby:?$", re.I)
# Words that make an opening paragraph a description of the text rather than the text.
HEADNOTE_CUES = re.compile(
    r"\b(?:report|speech|reply|address|lecture|letter|article|sermon|delivered|written|"
    r"published|translated|broadcast|interview|statement|resolution)\b", re.I)
_YEAR = re.compile(r"\b1[0-9]{3}\b|\b20[0-9]{2}\b")


def is_title_like(block: Block) -> bool:
    """A short single line, capitalised, not a sentence."""
    text = block.text
    n = len(words(text))
    return (block.kind == "p" and "\n" not in text and 0 < n <= _TITLE_MAX_WORDS
            and text[:1].isupper() and not ends_sentence(text.rstrip(".")) and
            not text.rstrip().endswith((",", ";")))


def looks_like_name(text: str) -> bool:
    """An author line: "By X", or two to four capitalised tokens starting with initials."""
    if _BY.match(text):
        return True
    toks = text.replace(".", ". ").split()
    if not 1 < len(toks) <= 4 or not all(t[:1].isupper() for t in toks):
        return False
    if toks[0] in ("A", "I"):  # "A Speech", "I Remember": an article or a pronoun, not an initial
        return False
    if toks[0].lower() in SMALL_WORDS:  # "THE PRINCE", "ON SMALL THINGS": a title in capitals
        return False
    return bool(_INITIALS.match(toks[0].rstrip(".") if len(toks[0]) > 2 else toks[0]))


# Words of subtitles, never of a person's name ("Selected Essays", "Complete Works").
_BOOK_WORDS = frozenset({"essays", "essay", "letters", "poems", "works", "speeches", "papers",
                         "volume", "edition", "sketches", "stories", "tales", "notes", "writings",
                         "addresses", "selected", "collected", "complete", "introduction",
                         "preface", "contents", "chapter", "book", "part", "history", "account"})


def is_full_name(text: str) -> bool:
    """Two or three capitalised words of letters, no small word and no stop ("Emma
    Goldman", "JOHN STUART MILL"): under a document's title, its author."""
    toks = text.split()
    return 2 <= len(toks) <= 3 and all(t.isalpha() and t[:1].isupper() for t in toks) and \
        not any(t.lower() in SMALL_WORDS or t.lower() in _BOOK_WORDS for t in toks)


def is_headnote(block: Block) -> bool:
    """A short descriptive paragraph: a cue word early on and a year somewhere."""
    if block.kind != "p":
        return False
    w = words(block.text)
    if not 4 <= len(w) <= 120:
        return False
    early = " ".join(w[:8])
    return bool(HEADNOTE_CUES.search(early) and _YEAR.search(block.text))
