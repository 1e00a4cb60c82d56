"""E-text wrappers: the Project Gutenberg header, licence and credit lines.

A Gutenberg file opens with a header (title, author, release date, language, the declared
character set) ending at a ``*** START OF …`` marker, or, in the 1990s files, at the end of
the "small print"; it closes with ``End of the Project Gutenberg EBook …`` and the licence.
None of that is the work: this module cuts it off before the text is split into blocks and
keeps it whole for the ``teiHeader`` (the fields in ``titleStmt``/``publicationStmt``, the
header and licence verbatim in ``notesStmt`` and ``availability``), each piece with the
source lines it came from, so no word is lost. The volunteers' credit line that opens the
text ("Produced by …", "Typed by …", "E-text prepared by …") goes to a ``respStmt``, and
the producers' notes that open early Gutenberg texts to the ``notesStmt``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

# Markers that end the header / open the footer (case-insensitive, anchored at a line).
_START = re.compile(r"^\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG.*$|"
                    r"^\*+END\*?\s*THE SMALL PRINT!.*$", re.I | re.M)
_END = re.compile(r"^(?:\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG.*|"
                  r"End of (?:the )?Project Gutenberg.*)$", re.I | re.M)
_SMALL_PRINT = re.compile(r"^\*+START\*+THE SMALL PRINT", re.I | re.M)
_FIELD = re.compile(r"^(Title|Author|Translator|Editor|Illustrator|Release Date|Posting Date|"
                    r"Last [Uu]pdated|Language|Character set encoding|Edition):[ \t]*(.+(?:\n[ \t]+\S.*)*)$",
                    re.M)
_DECLARED = re.compile(rb"Character set encoding:[ \t]*([A-Za-z0-9_.:-]+)")
_CREDIT = re.compile(r"^(?:Produced by|Typed by|Transcribed (?:by|from)|E-?text prepared by|"
                     r"Prepared by|Scanned by|This (?:e-?text|e-?book) was (?:produced|prepared))\b",
                     re.I)
_GUTENBERG = re.compile(r"Project Gutenberg", re.I)
# "The Project Gutenberg EBook of On Liberty, by John Stuart Mill" (older headers' only title)
_OPENING = re.compile(r"^\W*The Project Gutenberg (?:e-?book|e-?text)s? of (.+?)(?:,? by (.+?))?\s*$",
                      re.I | re.M)
_HEAD_REACH = 400  # lines: a header longer than this is no header


@dataclass(frozen=True)
class Piece:
    """Text lifted out of the body, with its first and last source line."""

    text: str
    first: int
    last: int


@dataclass(frozen=True)
class Wrapper:
    """What an e-text wrapper said: its fields, and the pieces taken from the text."""

    fields: dict = field(default_factory=dict)
    header: Piece | None = None
    licence: Piece | None = None
    credit: Piece | None = None
    notes: Piece | None = None  # the e-text producers' notes that open the text


def declared_encoding(data: bytes) -> str | None:
    """The character set an e-text header declares ("ISO-8859-1"), if any."""
    m = _DECLARED.search(data[:16384])
    return m.group(1).decode("ascii") if m else None


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def split(text: str) -> tuple[int, int, int, Wrapper]:
    """(where the work's text starts and ends in ``text``, the source line it starts on,
    the wrapper); a text without a Gutenberg wrapper is the work, whole, from line 1.
    Offsets, not a slice: the work's text would be a second copy of the file."""
    head_end, start_line, header = 0, 1, None
    start = _START.search(text)
    if start and _GUTENBERG.search(text, 0, start.start() + 200) and \
            _line_of(text, start.start()) <= _HEAD_REACH:
        head_end = start.end()
        header = Piece(text[:head_end].strip("\n"), 1, _line_of(text, head_end))
        start_line = header.last
    end = _END.search(text, head_end)
    licence = None
    foot = len(text)
    if end and (header is not None or _SMALL_PRINT.search(text, end.start())):
        foot = end.start()
        licence = Piece(text[foot:].strip("\n"), _line_of(text, foot), _line_of(text, len(text)))
    fields = {}
    if header is not None:
        for m in _FIELD.finditer(header.text):
            fields.setdefault(m.group(1).lower(), " ".join(m.group(2).split()))
        m = _OPENING.search(header.text)
        if m:
            fields.setdefault("title", " ".join(m.group(1).split()))
            if m.group(2):
                fields.setdefault("author", " ".join(m.group(2).split()))
    # The work starts on the line after the marker (the marker's own newline stays in it).
    return head_end, foot, start_line, Wrapper(fields, header, licence, None)


def take_credit(blocks: list, wrapper: Wrapper) -> tuple[list, Wrapper]:
    """Move the volunteers' credit paragraph (the first block, "Produced by …") into the
    wrapper."""
    if not blocks or not _CREDIT.match(blocks[0].text):
        return blocks, wrapper
    first = blocks[0]
    last = first.lines[-1].number if first.lines else first.line
    credit = Piece(" ".join(first.text.split()), first.line, last)
    return blocks[1:], replace(wrapper, credit=credit)


# Early Project Gutenberg texts open with their producers' notes ("All of the original
# Project Gutenberg Etexts from the 1970's were produced in ALL CAPS …"), set apart by
# "***" lines. They are about the e-text, not the work: they name Project Gutenberg, "etexts"
# or "this eBook" (a work may well speak of e-books).
_ABOUT_ETEXT = re.compile(r"project gutenberg|\be-?texts?\b|\bth(?:is|e) e-?book\b|"
                          r"\bimages of the original\b|\bpage images\b|google books|"
                          r"internet archive", re.I)
_SEPARATOR = re.compile(r"^\*{3,}$")
_NOTES_REACH = 12  # blocks: producers' notes are a few paragraphs
_NOTE_WORDS = 150  # a longer paragraph is the work's own


def take_notes(blocks: list, wrapper: Wrapper) -> tuple[list, Wrapper]:
    """Move the producers' notes that open an e-text into the wrapper: from a first
    paragraph about the e-text to the last ``***`` line among the next few blocks (at
    least a third of the paragraphs between speak of the e-text, none is long), or, without
    such lines, the paragraphs about the e-text that open it."""
    if not blocks or not _ABOUT_ETEXT.search(blocks[0].text):
        return blocks, wrapper
    reach = blocks[:_NOTES_REACH]
    seps = [i for i, b in enumerate(reach) if _SEPARATOR.match(b.text.strip())]
    end = seps[-1] + 1 if seps else next(
        (i for i, b in enumerate(reach) if not _ABOUT_ETEXT.search(b.text)), len(reach))
    paras = [b for b in blocks[:end] if not _SEPARATOR.match(b.text.strip())]
    about = sum(1 for b in paras if _ABOUT_ETEXT.search(b.text))
    if end >= len(blocks) or about * 3 < len(paras) or \
            any(len(b.text.split()) > _NOTE_WORDS for b in paras):
        return blocks, wrapper
    last = blocks[end - 1]
    text = "\n\n".join(b.text for b in blocks[:end])
    notes = Piece(text, blocks[0].line, last.lines[-1].number if last.lines else last.line)
    return blocks[end:], replace(wrapper, notes=notes)


# The languages Gutenberg headers name most, as the ISO 639-1 codes xml:lang takes.
_LANGUAGES = {"english": "en", "french": "fr", "german": "de", "spanish": "es", "italian": "it",
              "latin": "la", "portuguese": "pt", "dutch": "nl", "russian": "ru", "greek": "el",
              "swedish": "sv", "danish": "da", "norwegian": "no", "finnish": "fi", "polish": "pl",
              "hungarian": "hu", "czech": "cs", "chinese": "zh", "japanese": "ja"}


def metadata(wrapper: Wrapper | None) -> dict:
    """Title, author and language from an e-text header, in the sidecar's terms."""
    if wrapper is None:
        return {}
    f = wrapper.fields
    meta = {k: f[k] for k in ("title", "author") if f.get(k)}
    lang = _LANGUAGES.get(f.get("language", "").strip().lower())
    if lang:
        meta["language"] = lang
    return meta


def responsibilities(wrapper: Wrapper | None) -> list[tuple[str, str, Piece | None]]:
    """(what, who, the piece of text it was lifted from) for the header's respStmts:
    translator, editor, illustrator from the header's fields; the credit line verbatim."""
    if wrapper is None:
        return []
    out = [(role.capitalize(), wrapper.fields[role], None)
           for role in ("translator", "editor", "illustrator") if wrapper.fields.get(role)]
    if wrapper.credit:
        out.append(("Transcription (the e-text's credit line)", wrapper.credit.text,
                    wrapper.credit))
    return out
