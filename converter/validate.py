"""Validation: RELAX NG (our fast subset, tei_all, tei_lite or any .rng), Schematron, and
problems reported as ``file:line:col: message`` naming the element and what was expected.

Compiling tei_all takes many seconds, so a grammar other than ours is pruned to the
element names each document uses (``converter.prune``: exact, and cached by name set), and
a valid document is confirmed in a fraction of a second. The problems of an invalid one
are computed from the full grammar, as before. Our own schema is compiled once per
process and reused for every file of a call.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lxml import etree

from converter import prune
from converter.errors import InputError, Problem
from converter.resources import schema_file
from converter.xmlio import parse_bytes, read_input, safe_parser, source_name

SCHEMA_LABEL = {"edition": "tei-edition RELAX NG + Schematron", "tei_all": "tei_all",
                "tei_lite": "tei_lite"}
NAMED = {"edition": "tei-edition.rng", "tei_all": "tei_all.rng", "tei_lite": "tei_lite.rng"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_SOURCE_LINE = re.compile(r"(?:^|\s)([^\s#]+)#line=(\d+)(?:\s|$)")
_NS = re.compile(r"\{http://www\.tei-c\.org/ns/1\.0\}")


def schema_path(name: str) -> Path:
    """Resolve ``edition``/``tei_all``/``tei_lite`` or a path to an .rng file."""
    if name in NAMED:
        return schema_file(NAMED[name])
    path = Path(name)
    if not path.exists():
        raise InputError(f"no such schema: {name}", name,
                         hint="use edition, tei_all, tei_lite or a path to a .rng file")
    if not path.is_file():  # a folder, /dev/zero, a pipe: nothing a grammar is read from
        raise InputError("not a schema file (" + ("a folder" if path.is_dir() else
                                                 "not a regular file") + ")", name,
                         hint="use edition, tei_all, tei_lite or a path to a .rng file")
    return path


@lru_cache(maxsize=8)
def relaxng(name: str) -> etree.RelaxNG:
    """The compiled RELAX NG schema ``name`` (compiled once per process)."""
    path = schema_path(name)
    try:
        tree = etree.parse(str(path), safe_parser())
        return etree.RelaxNG(tree)
    except (etree.XMLSyntaxError, etree.RelaxNGParseError, OSError) as err:
        raise InputError(f"cannot load schema: {err}", str(path)) from None


def _compiled_for(tree, schema: str) -> tuple[etree.RelaxNG, bool]:
    """The grammar to validate ``tree`` with (ours whole, any other pruned to the tree's
    names) and whether it was pruned."""
    if schema == "edition":
        return relaxng(schema), False
    path = schema_path(schema)
    try:
        if not prune.prunable(path):
            return relaxng(schema), False
        return prune.pruned(str(path), prune.document_names(tree)), True
    except (etree.XMLSyntaxError, etree.RelaxNGParseError, OSError) as err:
        raise InputError(f"cannot load schema: {err}", str(path)) from None


def check_schema(name: str) -> None:
    """Fail early (InputError) on a schema that is missing or not a grammar, cheaply: a
    prunable grammar is only parsed here, it is compiled per document."""
    path = schema_path(name)
    try:
        if name == "edition" or not prune.prunable(path):
            relaxng(name)
    except (etree.XMLSyntaxError, OSError) as err:
        raise InputError(f"cannot load schema: {err}", str(path)) from None


def _readable(msg: str) -> str:
    """lxml's message with the TEI namespace stripped, for what the grammar cannot explain."""
    msg = _NS.sub("", msg)
    msg = re.sub(r"Did not expect element (\S+) there", r"element <\1> not allowed here", msg)
    return re.sub(r"Expecting an element (\S+), got nothing", r"element <\1> missing here", msg)


def _explain(tree, source: str, schema: str, data, log) -> list[Problem]:
    from converter.explain import explain

    try:
        explained = explain(tree, log, str(schema_path(schema)), data)
    except RecursionError:  # a user's grammar nested beyond what we walk: lxml's words
        explained = []
    return [Problem(source, line, col, msg) for line, col, msg in explained]


def _explained(tree, source: str, schema: str, data, rng, pruned: bool) -> list[Problem]:
    """The problems of a tree ``rng`` rejected. A pruned grammar only decides validity:
    the problems are computed from the full grammar (compiled now, once per process), so
    they are the same as without pruning; an invalid document never passes silently.
    Pruning is exact in RELAX NG, but libxml2 mishandles some ``notAllowed`` patterns left
    in a ``mixed`` choice: where the full grammar accepts, its verdict stands."""
    if pruned:
        rng = relaxng(schema)
        if rng.validate(tree):
            return []
    log = list(rng.error_log)
    problems = _explain(tree, source, schema, data, log)
    problems = problems or [Problem(source, e.line, e.column or 1, _readable(e.message))
                            for e in log]
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    return problems or [Problem(source, root.sourceline or 1, 1, f"not valid against {schema}")]


def check_tree(tree, source: str, schema: str = "edition", data: bytes | None = None) -> list[Problem]:
    """Validate a parsed tree against ``schema``; return the problems (empty when valid).

    RELAX NG problems name the element, what the grammar expected there, and the line;
    with the file's ``data`` they also get the column of the element's start tag.
    """
    rng, pruned = _compiled_for(tree, schema)
    problems = [] if rng.validate(tree) else _explained(tree, source, schema, data, rng, pruned)
    if schema == "edition":
        from converter import schematron

        problems += schematron.check(tree, source)
    return problems


def check_file(path: Path, schema: str = "edition") -> list[Problem]:
    """Parse (safely) and validate the XML file at ``path`` (``-``: standard input); each
    problem names the nearest element with an ``xml:id`` around the place it is about."""
    data, source = read_input(path), source_name(path)
    tree = parse_bytes(data, source)
    return [_placed(p, tree) for p in check_tree(tree, source, schema, data)]


def _placed(p: Problem, tree) -> Problem:
    """``p`` with " (in s2.p3)" added: the id of the innermost element with an id that
    starts at or before the problem's line and still encloses it."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    best = None
    for el in root.iter():
        if not isinstance(el.tag, str) or (el.sourceline or 0) > p.line:
            continue
        if el.get(XML_ID) and _ends_after(el, p.line):
            best = el
    if best is None or f"(in {best.get(XML_ID)}" in p.message:
        return p
    where = best.get(XML_ID)
    m = _SOURCE_LINE.search(best.get("source") or "")
    if m:  # the converter's @source: the position after line N begins the element
        where += f", from {m.group(1)} line {int(m.group(2)) + 1}"
    return Problem(p.file, p.line, p.col, f"{p.message} (in {where})")


def _ends_after(el, line: int) -> bool:
    """Whether ``el`` reaches line ``line``: its following sibling (or its parent's) starts
    there or later."""
    for node in (el, *el.iterancestors()):
        nxt = node.getnext()
        while nxt is not None and not isinstance(nxt.tag, str):
            nxt = nxt.getnext()
        if nxt is not None:
            return (nxt.sourceline or 0) >= line
    return True
