"""Reader: bytes of a plain-text file -> paragraph blocks that remember their source line.

Decoding is strict (a wrong encoding is an error with a byte offset, never mojibake);
newlines are normalised (CRLF, lone CR); characters XML cannot hold are replaced with
U+FFFD and reported, so the TEI is always well-formed and the editor knows why.
"""
from __future__ import annotations

import codecs
import re

from converter import etext
from converter.errors import InputError
from converter.model import Block, Document, Line, Reporter

# XML 1.0 forbids C0 controls other than TAB/LF/CR, lone surrogates, and U+FFFE/FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BLANK_RUN = re.compile(r"\n(?:[ \t\u00a0]*\n)+")  # blank lines, not the next margin


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    """Decode ``data`` as UTF-8 (BOM optional), UTF-16 with BOM, or ``encoding`` if given."""
    if encoding:
        try:
            codec = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
            return data.decode(codec)  # utf-8-sig: a BOM is not text
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}", source) from None
        except UnicodeDecodeError as err:
            raise _decode_error(data, err, source, encoding) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:  # odd length, or half a surrogate pair
            raise _decode_error(data, err, source, "utf-16") from None
    head = data[:4096]
    if b"\x00" in head and head.count(b"\x00") > len(head) // 4:
        raise InputError("this looks like a binary file, not text", source, 1,
                         hint=_binary_hint(head))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if _looks_binary(head):
            raise InputError("this looks like a binary file, not text", source, 1,
                             hint=_binary_hint(head)) from None
        declared = _declared(data)
        if declared:  # an e-text header's "Character set encoding: ISO-8859-1"
            try:
                return data.decode(declared)
            except UnicodeDecodeError as err2:
                raise _decode_error(data, err2, source, declared) from None
        raise _decode_error(data, err, source, "utf-8") from None


def _declared(data: bytes) -> str | None:
    """The codec of the character set the file's e-text header declares, if Python knows it
    and it is not UTF-8 (which has just failed)."""
    name = etext.declared_encoding(data)
    try:
        codec = codecs.lookup(name).name if name else None
    except LookupError:
        return None
    return None if codec in (None, "utf-8") else codec


def _looks_binary(head: bytes) -> bool:
    """Not UTF-8 and full of control bytes: an image, PDF, archive... rather than text in
    another encoding (cp1252 and latin-1 text has almost none)."""
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return b"\x00" in head or controls > len(head) // 10


def _binary_hint(head: bytes) -> str:
    """UTF-16 without a BOM has a NUL in every other byte; say so, else ask for text."""
    even, odd = head[0::2], head[1::2]
    for enc, nuls, chars in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nuls.count(0) > len(nuls) * 0.9 and chars.count(0) < len(chars) * 0.1:
            return f"it may be UTF-16 without a byte-order mark: pass --encoding {enc}"
    return "give a plain-text (.txt) file"


def _decode_error(data: bytes, err: UnicodeDecodeError, source: str, enc: str) -> InputError:
    """The first undecodable byte as ``file:line:col`` (columns in characters) and offset."""
    start = min(err.start, len(data) - 1)
    codec = {"utf-8": "utf-8-sig"}.get(enc, enc)
    before = data[:start].decode(codec, "replace")
    line, col = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
    why = f"byte 0x{data[start]:02x}"
    if codecs.lookup(enc).name != "utf-8":
        why += f" ({err.reason})"  # e.g. truncated data, illegal UTF-16 surrogate
    return InputError(f"not valid {enc}: {why} at offset {start}", source, line, col,
                      hint="pass --encoding (e.g. cp1252 or latin-1) if the file is not UTF-8"
                      if enc == "utf-8" else "the file is damaged or not in this encoding")


def normalise(text: str) -> tuple[str, int]:
    """Unify newlines and replace XML-illegal characters; returns (text, replacements)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Form feed and vertical tab are layout (an OCR page or line break): keep them as one.
    text, layout = re.subn("[\x0b\x0c]", "\n", text)
    text, n = _XML_ILLEGAL.subn("\ufffd", text)
    return text, n + layout


def source_line(raw: str, number: int) -> Line:
    """The geometry of one printed line: text without the margin, indent and end column."""
    body = raw.rstrip()
    text = body.lstrip()
    margin = body[: len(body) - len(text)]
    indent = len(margin.expandtabs(8)) if "\t" in margin else len(margin)
    return Line(text, indent, indent + len(text), number)


def split_blocks(text: str, first_line: int = 1, begin: int = 0,
                 stop: int | None = None) -> list[Block]:
    """Split ``text[begin:stop]`` (``first_line`` is the line ``begin`` is on) at blank
    lines; each block keeps its printed lines (with their indentation, for layout
    analysis), its text with one line per line, and its first line number."""
    stop = len(text) if stop is None else stop
    blocks: list[Block] = []
    pos, line = begin, first_line
    for start, end in _blank_runs(text, begin, stop):
        chunk = text[pos:start]
        if chunk.strip():
            lead = chunk[: len(chunk) - len(chunk.lstrip("\n"))]
            first = line + lead.count("\n")
            lines = tuple(source_line(raw, first + k)
                          for k, raw in enumerate(chunk[len(lead):].split("\n")) if raw.strip())
            blocks.append(Block("p", "\n".join(ln.text for ln in lines), lines[0].number,
                                lines=lines))
        line += text.count("\n", pos, end) if end <= stop else text.count("\n", pos, stop)
        pos = end
    return blocks


def _blank_runs(text: str, begin: int, stop: int):
    """(start, end) of every run of blank lines in ``text[begin:stop] + "\n\n"`` (the last
    one always runs to that end, ``stop + 2``), as offsets in ``text``, without making
    those copies of the text (each as large as the file)."""
    # White space at the end: the match that reaches into the added "\n\n" starts at its
    # first newline. Any match before it ends before it, the same with or without the end.
    cut = stop
    while cut > begin and text[cut - 1] in " \t\u00a0\n":
        cut -= 1
    for m in _BLANK_RUN.finditer(text, begin, cut):
        yield m.start(), m.end()
    last = text.find("\n", cut, stop)
    yield (stop if last < 0 else last), stop + 2


def read(data: bytes, source: str, doc_id: str, encoding: str | None = None) -> Document:
    """Turn raw bytes into a Document whose body is a list of paragraph Blocks."""
    return from_text(*normalise(decode(data, source, encoding)), source, doc_id)


def from_text(text: str, replaced: int, source: str, doc_id: str) -> Document:
    """The Document of ``text`` and the number of characters ``normalise`` ``replaced``: a
    body of paragraph Blocks. (A caller holding the bytes of a large file lets them go
    after ``decode``, before ``normalise``, which may copy the text.)"""
    start, end, first_line, wrapper = etext.split(text)
    blocks, wrapper = etext.take_notes(*etext.take_credit(
        split_blocks(text, first_line, start, end), wrapper))
    if not blocks:
        raise InputError("the file has no text (it is empty or only white space)", source, 1)
    report = Reporter()
    if wrapper.header or wrapper.licence or wrapper.credit or wrapper.notes:
        moved = [f"{name} (lines {p.first}-{p.last})" for name, p in
                 (("e-text header", wrapper.header), ("licence", wrapper.licence),
                  ("credit line", wrapper.credit), ("producers' notes", wrapper.notes)) if p]
        report.infer(1, "e-text wrapper moved to the teiHeader", "high", "; ".join(moved))
    if replaced:
        report.infer(1, "replaced characters", "high",
                     f"{replaced} control character(s) XML cannot hold became U+FFFD "
                     "(form feed and vertical tab: a line break)")
    return Document(id=doc_id, source=source, body=blocks, report=report.inferences,
                    wrapper=wrapper)
