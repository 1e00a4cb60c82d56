"""Verse: lines that read as verse, and the line group (``lg`` of ``l``) they make.
Used by ``lines`` (verse quotations), ``headings`` (a name under verse is its attribution,
not a heading) and ``titlepage`` (an epigraph in verse)."""
from __future__ import annotations

import re

from converter.model import Block, Node
from converter.passes.cues.text import (OPEN_QUOTES, first_char, is_titlecased, line_pieces,
                                        mostly_capitals, words)

_NOTE_MARK = re.compile(r"\[[0-9]{1,3}\]")


def is_verse(lines: list[str]) -> bool:
    """True for lines that read as verse (or open with a quotation mark). A footnote's
    marker ("[5]") is no part of the verse."""
    lines = [_NOTE_MARK.sub("", ln) for ln in lines]
    if len(lines) < 2 or any(ch.isdigit() for ln in lines for ch in ln):
        return False
    if lines[0][:1] in OPEN_QUOTES:
        return True
    if not all(first_char(ln).isupper() for ln in lines):  # "'Twixt old systems and …"
        return False
    if any(is_titlecased(ln) or mostly_capitals(ln) for ln in lines):
        return False
    # Verse lines run on: most of them do not end a sentence.
    open_ends = sum(1 for ln in lines[:-1] if not ln.rstrip().endswith((".", "?", "!", ";")))
    return open_ends * 2 >= len(lines) - 1 and all(3 <= len(words(ln)) <= 14 for ln in lines)


def verse_node(block: Block) -> Node:
    """The lines of ``block`` as a line group ``lg`` of ``l``."""
    lines = [Block("l", text, block.line + k, spans)
             for k, (_start, text, spans) in enumerate(line_pieces(block))]
    return Node("lg", lines, block.line)
