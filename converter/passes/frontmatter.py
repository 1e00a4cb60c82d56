"""Front matter: author line, title and headnote at the start of a document.

Pasted texts open with a few short lines (author, title) and often a headnote saying what
the text is and when it was given ("Report by ..., March 3, 1937."). These become the
title page and an ``argument``; the header takes its title, author and date from them
when the sidecar does not say.
"""
from __future__ import annotations

from converter.model import Block, Document, Reporter
from converter.passes.cues.front import ENDS_WITH_BY, MADE_BY, is_full_name, is_headnote, is_title_like, looks_like_name
from converter.passes.cues.text import words


_PROSE_WORDS = 20


def _opens_text(body: list, i: int) -> bool:
    """What follows a name under the title shows it is the author's: a byline ("With …
    by …") or the text's first paragraph (not another name: a column of signatures)."""
    nxt = body[i] if i < len(body) else None
    return isinstance(nxt, Block) and nxt.kind == "p" and (
        bool(MADE_BY.match(nxt.text.strip())) or
        ("\n" not in nxt.text and len(words(nxt.text)) >= _PROSE_WORDS))


def front_matter(doc: Document) -> Document:
    """Move the opening author/title lines and headnote of ``doc.body`` into ``doc.front``.
    Once a front exists (also a printed title page, found by the ``titlepage`` pass just
    before) the body no longer starts the document, so the pass leaves it alone (it is
    idempotent)."""
    if doc.front:
        return doc
    body = list(doc.body)
    front: list = []
    report = Reporter()
    # The author the sidecar names, else the one an e-text header names.
    fields = doc.wrapper.fields if doc.wrapper is not None else {}
    author_hint = (doc.sidecar.get("metadata", {}).get("author") or fields.get("author")
                   or "").split()
    i = 0
    while i < min(len(body), 3) and isinstance(body[i], Block) and is_title_like(body[i]):
        blk = body[i]
        surname = author_hint[-1] if author_hint else None
        has_title = any(b.kind == "docTitle" for b in front)
        is_author = (surname and surname in blk.text and len(words(blk.text)) <= 4) or (
            not surname and (looks_like_name(blk.text) or
                             (has_title and is_full_name(blk.text) and _opens_text(body, i + 1))))
        title_words = {w.lower() for b in front if b.kind == "docTitle" for w in words(b.text)}
        if has_title and {w.lower() for w in words(blk.text)} <= title_words:
            break  # the title again, as the heading of the text ("TOM CORDERY")
        if has_title and MADE_BY.match(blk.text.strip()):  # "Translated by …", "With … by …"
            front.append(blk.with_(kind="byline", attrs={"cert": "medium"}))
            report.infer(blk.line, "byline", "medium", blk.text)
            nxt = body[i + 1] if i + 1 < len(body) else None
            if ENDS_WITH_BY.search(blk.text.strip()) and isinstance(nxt, Block) and \
                    nxt.kind == "p" and (is_full_name(nxt.text) or looks_like_name(nxt.text)):
                front.append(nxt.with_(kind="byline", attrs={"cert": "medium"}))  # the name
                i += 1
        elif is_author and not any(b.kind == "docAuthor" for b in front):
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
