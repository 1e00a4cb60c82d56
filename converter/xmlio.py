"""Safe XML reading and atomic file writing, shared by every command.

XML from users is parsed with entity expansion, DTD loading and network access off, and
any DOCTYPE is refused: that closes XXE, entity bombs and remote fetches. Output goes to a
temporary file in the target folder and is renamed into place, so an interrupted run
leaves the previous file intact, and an input is never overwritten.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lxml import etree

from converter.errors import InputError

SCHEMAS_DIR = Path(__file__).resolve().parent.parent / "schemas"
# Inputs are read whole; beyond this a file is refused rather than exhausting memory.
MAX_INPUT = 256 * 1024 * 1024


def safe_parser() -> etree.XMLParser:
    """An lxml parser that never resolves entities, loads DTDs, or touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=True, remove_comments=False)


def parse_bytes(data: bytes, source: str):
    """Parse ``data`` into an ElementTree; errors become InputError with line:col."""
    head = data[:4096].lstrip()
    if b"<!DOCTYPE" in data[:65536].upper() or b"<!ENTITY" in head.upper():
        line = data[:data.upper().find(b"<!DOCTYPE")].count(b"\n") + 1 if b"<!DOCTYPE" in data.upper() else 1
        raise InputError("DOCTYPE declarations are not accepted (they can define entities "
                         "that read files or expand without bound)", source, line, 1,
                         hint="remove the <!DOCTYPE ...> line; TEI needs no DTD")
    try:
        tree = etree.ElementTree(etree.fromstring(data, safe_parser()))
    except etree.XMLSyntaxError as err:
        line, col = err.position if err.position else (None, None)
        msg = err.msg or str(err)
        msg = msg.split(", line ")[0] if ", line " in msg else msg
        raise InputError(f"not well-formed XML: {msg}", source, line, col) from None
    if tree.docinfo.doctype:
        raise InputError("DOCTYPE declarations are not accepted", source, 1, 1)
    return tree


def read_input(path: Path) -> bytes:
    """The bytes of the input file at ``path``; a missing or unreadable file is an InputError."""
    path = Path(path)
    try:
        if path.is_dir():
            raise InputError("is a folder, not a file", str(path))
        size = path.stat().st_size
        if size > MAX_INPUT:
            raise InputError(f"file too large ({size} bytes; the limit is {MAX_INPUT})",
                             str(path), hint="split the document into smaller files")
        return path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror}", str(path)) from None


def parse_file(path: Path):
    """Read and safely parse the XML file at ``path``."""
    return parse_bytes(read_input(path), str(path))


def write_atomic(path: Path, data: bytes, inputs=()) -> None:
    """Write ``data`` to ``path`` via a temp file and rename; refuse to overwrite an input."""
    path = Path(path)
    for inp in inputs:
        try:
            if path.exists() and Path(inp).exists() and os.path.samefile(path, inp):
                raise InputError("refusing to overwrite the input file", str(path),
                                 hint="choose another output with -o")
        except OSError:
            pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise InputError(f"cannot write output: {err.strerror}", str(path)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as err:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise InputError(f"cannot write output: {err.strerror}", str(path)) from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
