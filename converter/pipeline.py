"""The conversion pipeline: reader -> passes -> (entities) -> TEI builder -> bytes (or a
staged TEI, written piece by piece: ``teistream``).

This is the one place that wires the stages together; every stage is a pure function of
the document, so the same input always gives the same bytes.
"""
from __future__ import annotations

from pathlib import Path

from converter import dates, entities, etext, layout, ner_spacy, notes, reader, sidecar, teistream
from converter.model import Document, map_blocks, walk_blocks
from converter.passes import run_passes

def doc_id(path: Path) -> str:
    """The edition id: the seed's file name without extension."""
    return Path(path).stem


def _metadata(doc: Document) -> dict:
    """Sidecar metadata, with title/author/date inferred from the front matter if absent."""
    meta = dict(doc.sidecar.get("metadata", {}))
    for key, value in etext.metadata(doc.wrapper).items():  # the sidecar wins
        meta.setdefault(key, value)
    for blk in walk_blocks(doc.front):  # also inside a printed title page
        if blk.kind == "docTitle":
            meta.setdefault("title", blk.text)
        elif blk.kind == "docAuthor":
            meta.setdefault("author", blk.text)
        elif blk.kind == "argument" and "date" not in meta and not doc.sidecar.get("metadata"):
            # Only without a sidecar: a headnote's date may be another text's (a commentary).
            # The last full date in it, read by the one date parser the text uses too.
            days = [d.attr("when") for d in dates.find_dates(blk.text)
                    if len(d.attr("when") or "") == 10]
            if days:
                meta["date"] = days[-1]
    return meta


def annotated(data: bytes, source: str, ident: str, side: dict | None = None,
              encoding: str | None = None, authority: list | None = None,
              ner: str | None = None, record: bool = True) -> Document:
    """The model of the text ``data`` (with an already-loaded sidecar and, optionally, the
    entries of a shared authority file), through every stage before the TEI; ``ner`` names
    an optional statistical name finder (``spacy`` or ``spacy:MODEL``, see ``ner_spacy``).
    A caller that passes ``data`` over (``annotated(read_input(p), ...)``) lets the bytes
    go once they are decoded. ``record=False``: the mentions of names and what the name
    stage inferred are not kept (no curation or review report needs them)."""
    model = ner_spacy.parse_spec(ner)
    finder = ner_spacy.load(model) if model else None  # first: a missing extra fails early
    text = reader.decode(data, source, encoding)
    del data  # before normalise, which copies a text with CRLF line ends
    text, replaced = reader.normalise(text)
    doc = reader.from_text(text, replaced, source, ident)
    del text
    doc = doc.with_(sidecar=side or {})
    doc = layout.unwrap(doc)
    doc = run_passes(doc)
    # The printed lines served layout and the passes; nothing after them reads them, and
    # they are the largest part of the model (a Line per printed line): let them go.
    doc = doc.with_(meta=_metadata(doc), body=map_blocks(doc.body, _no_lines),
                    front=map_blocks(doc.front, _no_lines))
    # Annotation stages, after the structure is settled: names, dates, editorial notes.
    doc = entities.annotate(doc, authority or [], finder, record)
    doc = dates.annotate(doc)
    return notes.annotate(doc)


def convert_bytes(data: bytes, source: str, ident: str, side: dict | None = None,
                  encoding: str | None = None,
                  authority: list | None = None, ner: str | None = None) -> tuple[bytes, Document]:
    """Convert the text ``data`` to TEI bytes (see ``annotated`` for the arguments)."""
    doc = annotated(data, source, ident, side, encoding, authority, ner)
    with teistream.stage(doc) as staged:
        return staged.getvalue(), doc


def _no_lines(blk):
    return blk.with_(lines=()) if blk.lines else blk


def sidecar_path(text_path: Path) -> Path:
    """``seeds/x.txt`` -> ``seeds/x.json``."""
    return Path(text_path).with_suffix(".json")


def convert_file(path: Path, encoding: str | None = None, authority: Path | None = None,
                 ner: str | None = None, record: bool = True) -> tuple[bytes, Document]:
    """Convert the seed at ``path`` (and its sidecar, if any; and the shared entity
    ``authority`` file, if given; with the ``ner`` name finder, if named) to TEI bytes.
    ``-`` is standard input, without a sidecar; ``record``: see ``annotated``."""
    staged, doc = stage_file(path, encoding, authority, ner, record)
    with staged:
        return staged.getvalue(), doc


def stage_file(path: Path, encoding: str | None = None, authority: Path | None = None,
               ner: str | None = None, record: bool = True,
               spool_dir: Path | None = None) -> tuple[teistream.Staged, Document]:
    """(the TEI of the seed at ``path``, made and checked but not yet written: see
    ``teistream``, which spools the body in ``spool_dir``; its model). As
    ``convert_file``, without ever holding the whole TEI."""
    doc = read_file(path, encoding, authority, ner, record)
    return teistream.stage(doc, spool_dir), doc


def read_file(path: Path, encoding: str | None = None, authority: Path | None = None,
              ner: str | None = None, record: bool = True) -> Document:
    """The model of the seed at ``path`` (see ``convert_file``) before the TEI."""
    from converter.xmlio import is_stdio, read_input, source_name  # bounded read, clear errors

    path = Path(path)
    stdin = is_stdio(path)
    # The bytes are passed over, never held here: once decoded they can go.
    return annotated(read_input(path), source_name(path), "stdin" if stdin else doc_id(path),
                     {} if stdin else sidecar.load(sidecar_path(path)), encoding,
                     entities.load_authority(authority), ner, record)
