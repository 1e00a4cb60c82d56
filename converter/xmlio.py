"""Safe XML reading and atomic file writing, shared by every command.

XML from users is parsed with entity expansion, DTD loading and network access off, and
any DOCTYPE is refused: that closes XXE, entity bombs and remote fetches. Output goes to a
temporary file in the target folder and is renamed into place, so an interrupted run
leaves the previous file intact, and an input is never overwritten.
"""
from __future__ import annotations

import errno
import os
import re
import sys
import tempfile
from pathlib import Path

from lxml import etree

from converter.errors import InputError

# Inputs are read whole; beyond this a file is refused rather than exhausting memory.
MAX_INPUT = 256 * 1024 * 1024
# On the command line "-" is standard input (or, for -o, standard output); errors call it this.
STDIO = "-"
STDIN_NAME = "<stdin>"


def is_stdio(path) -> bool:
    """Whether ``path`` is ``-``: standard input as an input, standard output as an output."""
    return path is not None and str(path) == STDIO


def source_name(path) -> str:
    """How messages name the input ``path``: ``<stdin>`` for ``-``, else the path."""
    return STDIN_NAME if is_stdio(path) else str(path)


def safe_parser() -> etree.XMLParser:
    """An lxml parser that never resolves entities, loads DTDs, or touches the network.

    ``huge_tree`` stays off: libxml2 then refuses nesting deeper than 256 levels and text
    nodes over 10 MB (``parse_bytes`` then holds nesting to ``MAX_DEPTH``).
    """
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_comments=False)


# What may come before the root element: XML declaration, PIs, comments, white space.
_PROLOG = re.compile(r"\ufeff?(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)
_NO_DOCTYPE = dict(hint="remove the <!DOCTYPE ...> declaration; TEI needs no DTD")
_DOCTYPE_MSG = ("DOCTYPE declarations are not accepted (they can define entities that read "
                "files or expand without bound)")


# Nesting allowed in any XML we read. libxml2 stops at 256; the writers walk the tree
# recursively and, with Python's default recursion limit, die at about 250 levels: so what
# parses (and validates) here is always deep enough below that to export.
MAX_DEPTH = 128
_DEEP_HINT = "real TEI is never this deep; the file is probably generated or damaged"

# libxml2's safety limits, in words an editor can act on.
_LIMITS = {
    "Excessive depth": (f"elements are nested more than {MAX_DEPTH} levels deep", _DEEP_HINT),
    "huge text node": ("a single text node is longer than 10 MB",
                       "split the text into paragraphs"),
}


def _head_text(data: bytes, size: int = 1 << 17) -> str:
    """The start of ``data`` as text, good enough to find markup in the prolog."""
    head = data[:size]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:2] in (b"<\x00", b"\x00<"):
        enc = "utf-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else (
            "utf-16-le" if head[:1] == b"<" else "utf-16-be")
        return head[: len(head) // 2 * 2].decode(enc, "replace")
    return head.decode("latin-1")


def parse_bytes(data: bytes, source: str):
    """Parse ``data`` into an ElementTree; errors become InputError with line:col.

    A DOCTYPE in the prolog is refused before parsing (so an entity bomb is never even
    tokenised); the parser's own settings and a check of the result back that up.
    """
    head = _head_text(data)
    prolog = _PROLOG.match(head)
    if head.startswith("<!DOCTYPE", prolog.end()):
        line = head.count("\n", 0, prolog.end()) + 1
        col = prolog.end() - (head.rfind("\n", 0, prolog.end()) + 1) + 1
        raise InputError(_DOCTYPE_MSG, source, line, col, **_NO_DOCTYPE)
    try:
        tree = etree.ElementTree(etree.fromstring(data, safe_parser()))
    except etree.XMLSyntaxError as err:
        line, col = err.position if err.position else (None, None)
        msg = err.msg or str(err)
        msg = msg.split(", line ")[0] if ", line " in msg else msg
        hint = None
        for key, (better, why) in _LIMITS.items():
            if key in msg:
                msg, hint = better, why
                break
        raise InputError(f"not well-formed XML: {msg}", source, line, col, hint=hint) from None
    except ValueError as err:  # e.g. a str with an encoding declaration, or empty input
        raise InputError(f"not well-formed XML: {err}", source, 1, 1) from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise InputError(_DOCTYPE_MSG, source, 1, 1, **_NO_DOCTYPE)
    _check_depth(tree, source)
    return tree


# The elements one level deeper than allowed, in document order: libxml2's XPath finds
# them in C, without a Python step per element (as iterwalk's events took).
_TOO_DEEP = etree.XPath("/*" * (MAX_DEPTH + 1))


def _check_depth(tree, source: str) -> None:
    """Refuse elements nested deeper than ``MAX_DEPTH``, naming the line of the first."""
    deep = _TOO_DEEP(tree)
    if deep:
        raise InputError(f"not well-formed XML: elements are nested more than {MAX_DEPTH} "
                         "levels deep", source, deep[0].sourceline, hint=_DEEP_HINT)


def open_input(path):
    """``path`` opened for reading in binary, without hanging on a named pipe that nobody
    writes to: the open itself does not wait for a writer (a FIFO with none reads as
    empty). Reads then block as usual; bound them (``read(MAX_INPUT + 1)``)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return open(fd, "rb")  # noqa: SIM115 - the caller closes it
    except BaseException:
        os.close(fd)
        raise


def read_input(path: Path) -> bytes:
    """The bytes of the input file at ``path`` (``-``: standard input); a missing or
    unreadable file is an InputError."""
    if is_stdio(path):
        return _read_stdin()
    path = Path(path)
    try:
        if path.is_dir():
            raise InputError("is a folder, not a file", str(path))
        with open_input(path) as fh:  # read at most the limit: /dev/zero or a pipe too
            data = fh.read(MAX_INPUT + 1)
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror}", str(path)) from None
    if len(data) > MAX_INPUT:
        size = path.stat().st_size if path.is_file() else None
        raise InputError(f"file too large ({size or 'more than ' + str(MAX_INPUT)} bytes; "
                         f"the limit is {MAX_INPUT})", str(path),
                         hint="split the document into smaller files")
    return data


def _read_stdin() -> bytes:
    """Standard input, bounded like a file: at most the limit is read, never more."""
    stream = getattr(sys.stdin, "buffer", sys.stdin)
    try:
        data = stream.read(MAX_INPUT + 1) if stream is not None else b""
    except OSError as err:
        raise InputError(f"cannot read standard input: {err.strerror}", STDIN_NAME) from None
    data = data.encode("utf-8") if isinstance(data, str) else data
    if len(data) > MAX_INPUT:
        raise InputError(f"input too large (more than {MAX_INPUT} bytes; the limit is "
                         f"{MAX_INPUT})", STDIN_NAME, hint="split the document into smaller files")
    return data


def parse_file(path: Path):
    """Read and safely parse the XML file at ``path`` (``-``: standard input)."""
    return parse_bytes(read_input(path), source_name(path))


_WRITE_HINTS = {
    errno.EACCES: "the folder is not writable: choose another output with {elsewhere}",
    errno.EPERM: "the folder is not writable: choose another output with {elsewhere}",
    errno.EROFS: "the file system is read-only: choose another output with {elsewhere}",
    errno.ENOSPC: "the disk is full; the previous output (if any) is unchanged",
    errno.ENOTDIR: "part of the output path is a file, not a folder",
    errno.ENAMETOOLONG: "the file name is longer than the file system allows: shorten it",
}


def write_error(err: OSError, path: Path, elsewhere: str = "-o") -> InputError:
    """The one-line error for a failed write of ``path``; the hint names the option that
    chooses another output (``-o``; ``--out``/``--editions`` for build)."""
    hint = _WRITE_HINTS.get(err.errno)
    return InputError(f"cannot write output: {err.strerror}", str(path),
                      hint=hint.format(elsewhere=elsewhere) if hint else None)


def write_atomic(path: Path, data, inputs=(), elsewhere: str = "-o") -> None:
    """Write ``data`` to ``path`` via a temp file and rename; refuse to overwrite an input.
    ``data``: bytes, or a function that writes them to the binary file it is given (a
    document written piece by piece; the old file stays until it is complete)."""
    path = Path(path)
    for inp in inputs:
        try:
            if path.exists() and Path(inp).exists() and os.path.samefile(path, inp):
                raise InputError("refusing to overwrite the input file", str(path),
                                 hint=f"choose another output with {elsewhere}")
        except OSError:
            pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # A short temp name: one made from the output's name would pass the file system's
        # limit (255 bytes) for a name that itself fits.
        fd, tmp = tempfile.mkstemp(prefix=".tei-", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise write_error(err, path, elsewhere) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, bytes):
                fh.write(data)
            else:
                data(fh)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as err:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise write_error(err, path, elsewhere) from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
