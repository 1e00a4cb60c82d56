"""Footnotes: the notes of e-texts and transcriptions, linked to their markers.

Plain text sets a note as a paragraph of its own, after the paragraph that cites it, at the
end of a chapter or under a ``FOOTNOTES:`` line, opened by its marker:

    [Footnote 1: The main and uniform maxim ...]     (Project Gutenberg; may span blocks)
    [1] Life of John Stuart Mill, chapter vi.        with "... work.[1] Mill" in the text
    {1} ...   (*) Duke Lodovico was ...   * For this interesting view ...   † ...

A block becomes ``<note place="foot" n="1">`` (its marker moves into ``@n``, the rest of
its words stay where they are) and the marker in the text becomes ``<ref target="#fnK">``
around the marker's characters, so no word moves. Except for the explicit ``[Footnote N:
…]`` form, a block is a note only when a matching marker stands in the text before it
(glued to a word, or in brackets), which keeps numbered paragraphs, ``(1)`` lists and
``*  *  *`` separators out. A marker without a note stays text, and the report says so.
"""
from __future__ import annotations

import re

from converter.model import Block, Document, Node, Reporter, Span

# "[Footnote 1: " / "[Note A: " / "[Footnote: " at the start of a block.
_EXPLICIT = re.compile(r"\[(?:Foot-?note|Note)\s*([0-9]{1,4}|[A-Za-z*†‡§]{1,3})?\s*[:.]\s*", re.I)
# A note block opened by a bare marker: [1] {1} (1) (*) * † ‡ §
_OPENER = re.compile(r"(\[[0-9]{1,3}\]|\{[0-9]{1,3}\}|\((?:[0-9]{1,2}|\*{1,3}|[†‡§])\)|"
                     r"\*{1,3}(?=\s)|[†‡§](?=\s))\s+(?=\S)")
# Markers in running text. Bracketed numbers anywhere; parenthesised and bare symbols only
# glued to the word or punctuation before them (a list's "(1)" follows a space).
# (each branch opens with its literal and then looks back past it: the regex engine skips
# to those characters instead of trying the pattern at every one)
def _glued(ch: str) -> str:
    return r"(?<=[^\s(\[{]" + ch + ")"  # what stands before ``ch`` is none of these


_MARKER = re.compile(r"\[(?:Footnote\s+)?[0-9]{1,3}\]|\{[0-9]{1,3}\}|"
                     r"\(" + _glued(r"\(") + r"(?:[0-9]{1,2}|\*{1,3}|[†‡§])\)|"
                     r"\*" + _glued(r"\*") + r"\*{0,2}(?![\w*])|"
                     + "|".join(ch + _glued(ch) for ch in "†‡§"))
_WORDS = re.compile(r"[^\W_]{2,}")
# "[Transcriber's note: …]", "[Redactor's Note: …]": the e-text makers' own notes.
_TRANSCRIBER = re.compile(r"\[(?:transcriber|redactor|editor|updater|producer|scanner)['’]?s?\s+"
                          r"notes?\s*[:.]", re.I)
_MAX_PARTS = 20
_SYMBOL_REACH = 3
_NOTES_HEAD = re.compile(r"^(?:foot-?|end-?|author's |the author's )?notes?\s*[.:]?$", re.I)
_NOTES_RANK = 9  # deeper than any heading of the text: the notes end with their chapter  # blocks between a symbol marker and its note  # a [Footnote …] whose bracket never closes is not a note


def _key(marker: str) -> str:
    """The value of a marker: '[1]', '{1}', '(1)' and '[Footnote 1]' -> '1'; '(*)' -> '*'."""
    core = re.sub(r"(?i)footnote\s+", "", marker).strip("[]{}() \t")
    return core


def _explicit_end(blocks: list, i: int) -> int | None:
    """Index of the block that closes the ``[Footnote …`` opened at ``blocks[i]``."""
    depth = 0
    for j in range(i, min(len(blocks), i + _MAX_PARTS)):
        blk = blocks[j]
        if not isinstance(blk, Block) or blk.kind != "p":
            return None
        depth += blk.text.count("[") - blk.text.count("]")
        if depth <= 0:
            return j if blk.text.rstrip().endswith("]") else None
    return None


def _rebase(block: Block, cut: int, end: int | None = None) -> Block:
    """``block`` without its first ``cut`` characters (and from ``end`` on)."""
    end = len(block.text) if end is None else end
    spans = [s.shift(-cut) for s in block.spans if s.start >= cut and s.end <= end]
    return block.with_(text=block.text[cut:end], spans=spans)


class _Anchors:
    """Markers seen in running text and not yet claimed by a note, in reading order."""

    def __init__(self):
        self.open: list[tuple[int, int, int, str]] = []  # (body index, start, end, key)

    def scan(self, index: int, blk: Block) -> None:
        for m in _MARKER.finditer(blk.text):
            self.open.append((index, m.start(), m.end(), _key(m.group())))

    def claim(self, key: str):
        """The earliest unclaimed marker with this value, removed from the pool."""
        for k, anchor in enumerate(self.open):
            if anchor[3] == key:
                return self.open.pop(k)
        return None


def _inside_brackets(blocks: list, i: int, j: int, cut: int) -> list:
    """The paragraphs ``blocks[i..j]`` of a bracketed note, without its opening (the first
    ``cut`` characters) and its closing bracket."""
    parts = [_rebase(blocks[i], cut)] + list(blocks[i + 1:j + 1])
    last = parts[-1]
    parts[-1] = _rebase(last, 0, len(last.text.rstrip()) - 1)
    return parts


def _note(parts: list, first: Block, attrs: dict):
    """A note of one paragraph as a ``note`` block, of several as a ``note`` of ``p``s."""
    if len(parts) == 1:
        return Block("note", parts[0].text, first.line, parts[0].spans, attrs, first.lines)
    return Node("note", [p.with_(kind="p", attrs={}) for p in parts], first.line, attrs)


def _transcriber_note(blocks: list, i: int) -> tuple[int, list] | None:
    """(last block index, paragraphs) of a bracketed note of the e-text's makers that
    opens at ``blocks[i]`` ("[Transcriber's note: …]", over blocks until the bracket
    closes); its label stays in its text, only the brackets go."""
    if not _TRANSCRIBER.match(blocks[i].text):
        return None
    j = _explicit_end(blocks, i)
    if j is None:
        return None
    return j, _inside_brackets(blocks, i, j, 1)


def _note_of(blocks: list, i: int, anchors: _Anchors, here: int) -> tuple[int, str, list, str] | None:
    """(last block index, key, note paragraphs, cert) when ``blocks[i]`` opens a note;
    ``here`` is its place in the output, where the anchors' places are counted."""
    blk = blocks[i]
    m = _EXPLICIT.match(blk.text)
    if m:
        j = _explicit_end(blocks, i)
        if j is None:
            return None
        parts = _inside_brackets(blocks, i, j, m.end())
        # The label as printed, less its brackets and colon: "Footnote 1" (no word is lost).
        return j, m.group(0).strip("[ :.\t"), parts, "high"
    m = _OPENER.match(blk.text)
    if not m or len(_WORDS.findall(blk.text, m.end())) < 2:
        return None  # a "*  *  *" separator
    key = _key(m.group(1))
    lines = blk.text.split("\n")
    if len(lines) > 1 and sum(ln.startswith(m.group(1)) for ln in lines) > 1:
        return None  # a bulleted or numbered list
    # A numbered note may stand at the chapter's end; a symbol's (*, †) follows its paragraph.
    near = 0 if key[:1].isdigit() else here - _SYMBOL_REACH
    if not any(a[3] == key and a[0] >= near for a in anchors.open):
        return None
    return i, key, [_rebase(blk, m.end())], "medium"


def footnotes(doc: Document) -> Document:
    """Turn note blocks into ``note`` elements and their markers into ``ref``s."""
    body = list(doc.body)
    report = Reporter()
    anchors, out, links, seq = _Anchors(), [], {}, 0
    i = 0
    while i < len(body):
        blk = body[i]
        made = _transcriber_note(body, i) if isinstance(blk, Block) and blk.kind == "p" else None
        if made is not None:
            last, parts = made
            attrs = {"type": "transcriber", "cert": "high"}
            out.append(_note(parts, blk, attrs))
            report.infer(blk.line, "transcriber's note", "high", parts[0].text[:60])
            i = last + 1
            continue
        found = _note_of(body, i, anchors, len(out)) if isinstance(blk, Block) and blk.kind == "p" else None
        if found is None:
            if isinstance(blk, Block) and blk.kind == "p":
                anchors.scan(len(out), blk)
            out.append(blk)
            i += 1
            continue
        last, key, parts, cert = found
        seq += 1
        ident = f"fn{seq}"
        anchor = anchors.claim(_key(key)) if key else None
        attrs = {"place": "foot", "n": key or None, "xml:id": ident, "cert": cert}
        if anchor is not None:
            links.setdefault(anchor[0], []).append(
                Span(anchor[1], anchor[2], "ref", (("target", "#" + ident), ("type", "noteAnchor")), 40))
        else:
            report.infer(blk.line, "note without a marker in the text", "low", blk.text[:60])
        out.append(_note(parts, blk, attrs))
        report.infer(blk.line, f"footnote {key}".rstrip(), cert, parts[0].text[:60])
        i = last + 1
    for k in range(len(out) - 1):  # "FOOTNOTES:" over the notes: the head of a notes division
        blk = out[k]
        if isinstance(blk, Block) and blk.kind == "p" and _NOTES_HEAD.match(blk.text) and \
                out[k + 1].kind == "note":
            out[k] = blk.with_(kind="head", attrs={"cert": "high", "rank": _NOTES_RANK,
                                                   "style": "notes", "division": "notes"})
            report.infer(blk.line, "heading of notes", "high", blk.text)
    for k, spans in links.items():
        out[k] = out[k].with_(spans=list(out[k].spans) + spans)
    for index, start, _end, key in anchors.open:
        if isinstance(out[index], Block) and key.isdigit():
            report.infer(out[index].line, "note marker without a note", "low",
                      out[index].text[max(0, start - 30):start + 5])
    return report.into(doc, body=out)
