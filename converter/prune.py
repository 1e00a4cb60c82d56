"""Exact and fast RELAX NG validation against a big grammar (tei_all) by pruning it to the
element names a document uses.

lxml compiles all of tei_all (some 600 element patterns) before it validates anything,
which takes many seconds even for a one-paragraph file. An element pattern whose name does
not occur in the document can never match any of its elements, so replacing it with
``<notAllowed/>`` changes nothing for that document: it is valid against the pruned
grammar exactly when it is valid against the full one. Definitions no longer reachable
from ``<start>`` are dropped, so the pruned grammar compiles in a fraction of the time.
Pruned grammars are cached by the set of names.
"""
from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

from lxml import etree

from converter.rngnames import R, qname

_NESTED = (R + "include", R + "externalRef", R + "parentRef", R + "grammar")


@lru_cache(maxsize=4)
def _grammar(path: str):
    """The parsed grammar at ``path``, or None when it is not one self-contained grammar
    (includes, external refs or nested grammars: then it is not pruned)."""
    from converter.xmlio import safe_parser

    root = etree.parse(path, safe_parser()).getroot()
    if root.tag != R + "grammar" or any(el is not root for el in root.iter(*_NESTED)):
        return None
    return root


def document_names(tree) -> frozenset:
    """The (namespace, local name) of every element in ``tree``."""
    names = set()
    for el in tree.iter():
        if isinstance(el.tag, str):
            q = etree.QName(el)
            names.add((q.namespace or "", q.localname))
    return frozenset(names)


def _reachable(root) -> set:
    """Names of the definitions reachable from ``<start>``."""
    defines: dict[str, list] = {}
    for d in root.iterchildren(R + "define"):
        defines.setdefault(d.get("name"), []).append(d)
    seen: set = set()
    todo = list(root.iterchildren(R + "start"))
    while todo:
        for ref in todo.pop().iter(R + "ref"):
            name = ref.get("name")
            if name not in seen:
                seen.add(name)
                todo.extend(defines.get(name, []))
    return seen


def pruned_tree(path: str, names: frozenset):
    """A copy of the grammar at ``path`` in which every element pattern named with a name
    outside ``names`` is ``<notAllowed/>``; None when the grammar cannot be pruned."""
    full = _grammar(path)
    if full is None:
        return None
    root = copy.deepcopy(full)
    # Patterns with name classes (anyName, nsName, choice) are kept: they may match.
    doomed = [el for el in root.iter(R + "element")
              if el.get("name") is not None and qname(el, el.get("name")) not in names]
    for el in doomed:
        parent = el.getparent()
        if parent is not None:  # None: inside an element pattern already replaced
            blank = etree.Element(R + "notAllowed")
            blank.tail = el.tail
            parent.replace(el, blank)
    keep = _reachable(root)
    for d in list(root.iterchildren(R + "define")):
        if d.get("name") not in keep:
            root.remove(d)
    return root


@lru_cache(maxsize=32)
def pruned(path: str, names: frozenset) -> etree.RelaxNG | None:
    """The compiled grammar at ``path`` pruned to ``names`` (cached by name set)."""
    root = pruned_tree(path, names)
    return None if root is None else etree.RelaxNG(root)


def prunable(path: Path) -> bool:
    """Whether the grammar at ``path`` can be pruned (one self-contained grammar)."""
    return _grammar(str(path)) is not None
