"""Editorial notes from the sidecar, anchored in the text.

A note anchored by a phrase (and occurrence number, default 1) puts an ``anchor``
milestone with a stable id (``note1`` or the note's own ``id``) right after that
occurrence; a note anchored by ``target`` points at an element id such as ``s2.p3``. The
TEI builder writes each as ``<note type="editorial" target="#...">`` in the ``standOff``.
An anchor that cannot be found is an error naming the note: a note is never dropped.
"""
from __future__ import annotations

import re
from pathlib import Path

from converter.errors import InputError
from converter.model import Block, Document, Span, attrs_of, map_blocks, walk_blocks


def note_id(note: dict, index: int) -> str:
    """The note's xml:id: its own ``id`` or ``note<N>`` (1-based, in sidecar order)."""
    return note.get("id") or f"note{index + 1}"


def _where(doc: Document, note: dict) -> tuple[str, int | None]:
    """The sidecar file and the line of the note's anchor in it (for error messages)."""
    path = Path(doc.source).with_suffix(".json")
    value = note.get("phrase") or note.get("target") or ""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except OSError:
        return str(path), None
    at = raw.find(value.replace('"', '\\"'))
    return str(path), (raw.count("\n", 0, at) + 1 if at >= 0 else None)


def annotate(doc: Document) -> Document:
    """Place an anchor for every phrase-anchored note; keep the notes for the builder."""
    notes = doc.sidecar.get("notes", [])
    if not notes:
        return doc
    anchors: dict[int, list[Span]] = {}  # id(block) -> anchors to add
    placed = []
    blocks = list(walk_blocks(doc.front)) + list(walk_blocks(doc.body))
    for i, note in enumerate(notes):
        ident = note_id(note, i)
        if "phrase" not in note:
            placed.append({"id": ident, "target": note["target"], "text": note["text"],
                           "check": True})
            continue
        want = note.get("occurrence", 1)
        pattern = re.compile(r"\s+".join(re.escape(w) for w in note["phrase"].split()))
        seen, hit = 0, None
        for blk in blocks:
            for m in pattern.finditer(blk.text):
                seen += 1
                if seen == want:
                    hit = (blk, m.end())
                    break
            if hit:
                break
        if hit is None:
            source, line = _where(doc, note)
            found = f"found {seen} time{'s' if seen != 1 else ''}" if seen else "not found"
            raise InputError(f"note {ident!r}: phrase {note['phrase']!r} occurrence {want} "
                             f"not in the text ({found})", source, line)
        anchors.setdefault(id(hit[0]), []).append(
            Span(hit[1], hit[1], "anchor", attrs_of(**{"xml:id": ident}), 95))
        placed.append({"id": ident, "target": ident, "text": note["text"], "check": False})

    def add(blk: Block) -> Block:
        extra = anchors.get(id(blk))
        return blk.with_(spans=list(blk.spans) + extra) if extra else blk

    return doc.with_(front=map_blocks(doc.front, add), body=map_blocks(doc.body, add),
                     notes=placed)


def check_ids(ids: set, doc: Document) -> None:
    """Raise InputError for a ``target`` note whose element id is not among ``ids`` (every
    xml:id of the built TEI)."""
    for note in doc.notes:
        if note["check"] and note["target"].lstrip("#") not in ids:
            source, line = _where(doc, {"target": note["target"]})
            raise InputError(f"note {note['id']!r}: target {note['target']!r} is no element "
                             f"id in the edition (ids look like s2.p3)", source, line)
