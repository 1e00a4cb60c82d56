"""Front matter: author line, title and headnote at the start of a document.

Pasted texts open with a few short lines (author, title) and often a headnote saying what
the text is and when it was given ("Report by ..., March 3, 1937."). These become the
title page and an ``argument``; the header takes its title, author and date from them
when the sidecar does not say.
"""
from __future__ import annotations

import re

from converter.model import Block, Document, Reporter
from converter.passes.textutil import ends_sentence, words
from converter.passes.titlepage import title_page

_TITLE_MAX_WORDS = 15
_INITIALS = re.compile(r"^(?:[A-Z]\.?\s?){1,3}$|^[A-Z]{1,3}$")
_BY = re.compile(r"^(?:by|von|par)\s+\S", re.I)
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
    return bool(_INITIALS.match(toks[0].rstrip(".") if len(toks[0]) > 2 else toks[0]))


def is_headnote(block: Block) -> bool:
    """A short descriptive paragraph: a cue word early on and a year somewhere."""
    if block.kind != "p":
        return False
    w = words(block.text)
    if not 4 <= len(w) <= 120:
        return False
    early = " ".join(w[:8])
    return bool(HEADNOTE_CUES.search(early) and _YEAR.search(block.text))


def front_matter(doc: Document) -> Document:
    """Move the opening author/title lines and headnote of ``doc.body`` into ``doc.front``
    (or, for a printed book with an imprint, its whole title page). Once a front exists the
    body no longer starts the document, so the pass leaves it alone (it is idempotent)."""
    if doc.front:
        return doc
    paged = title_page(doc)
    if paged is not None:
        return paged
    body = list(doc.body)
    front: list = []
    report = Reporter()
    author_hint = (doc.sidecar.get("metadata", {}).get("author") or "").split()
    i = 0
    while i < min(len(body), 3) and isinstance(body[i], Block) and is_title_like(body[i]):
        blk = body[i]
        surname = author_hint[-1] if author_hint else None
        is_author = (surname and surname in blk.text and len(words(blk.text)) <= 4) or (
            not surname and looks_like_name(blk.text))
        has_title = any(b.kind == "docTitle" for b in front)
        title_words = {w.lower() for b in front if b.kind == "docTitle" for w in words(b.text)}
        if has_title and {w.lower() for w in words(blk.text)} <= title_words:
            break  # the title again, as the heading of the text ("TOM CORDERY")
        if is_author and not any(b.kind == "docAuthor" for b in front):
            front.append(blk.with_(kind="docAuthor", attrs={"cert": "medium"}))
            report.infer(blk.line, "author line", "medium", blk.text)
        elif not has_title:
            front.append(blk.with_(kind="docTitle", attrs={"cert": "medium"}))
            report.infer(blk.line, "document title", "medium", blk.text)
        else:
            break
        i += 1
    if front and i < len(body) and isinstance(body[i], Block) and is_headnote(body[i]):
        front.append(body[i].with_(kind="argument", attrs={"cert": "medium"}))
        report.infer(body[i].line, "headnote (argument)", "medium", body[i].text[:60])
        i += 1
    if not front or i >= len(body):
        return doc
    return report.into(doc, front=front, body=body[i:])
