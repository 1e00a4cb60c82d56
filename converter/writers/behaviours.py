"""The one behaviour table of the writers: what a TEI element does in a reading edition,
decided once from its name (and, where TEI leaves it open, a predicate on its place), so
the HTML and the text edition treat every element alike and differ only in how they set
each behaviour.

Behaviours: ``omit`` (not reading text), ``note`` (moves to the notes), ``break`` (a line,
column or page break), ``division``, ``heading`` (the head of a division), ``caption``
(the head of a figure), ``list``, ``item`` and ``label`` (of a list), ``blockquote``,
``table``, ``figure``; anything else is a ``paragraph`` where it stands as a block and
``inline`` in running text.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Literal

from converter.vocabulary import DIVS, SKIP

Behaviour = Literal["omit", "note", "break", "division", "heading", "caption", "list", "item",
                    "label", "blockquote", "table", "figure", "paragraph", "inline"]


def _local(el) -> str | None:
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else None


def _parent_in(names) -> Callable:
    def check(el) -> bool:
        parent = el.getparent()
        return parent is not None and _local(parent) in names
    return check


@dataclass(frozen=True)
class Rule:
    """Elements named ``names`` (where ``when`` holds, if given) have ``behaviour``."""

    names: frozenset
    behaviour: str
    when: Callable | None = None


RULES: tuple[Rule, ...] = (
    Rule(frozenset({"note"}), "note"),
    Rule(frozenset(SKIP), "omit"),
    Rule(frozenset({"lb", "cb", "pb"}), "break"),
    Rule(frozenset(DIVS), "division"),
    Rule(frozenset({"head"}), "heading", _parent_in(DIVS)),
    Rule(frozenset({"head"}), "caption", _parent_in({"figure"})),
    Rule(frozenset({"item"}), "item", _parent_in({"list"})),
    Rule(frozenset({"label"}), "label", _parent_in({"list"})),
    Rule(frozenset({"list"}), "list"),
    Rule(frozenset({"quote", "q", "said", "cit"}), "blockquote"),
    Rule(frozenset({"table"}), "table"),
    Rule(frozenset({"figure"}), "figure"),
)
_BY_NAME: dict[str, tuple[Rule, ...]] = {}
for _rule in RULES:
    for _name in _rule.names:
        _BY_NAME[_name] = _BY_NAME.get(_name, ()) + (_rule,)


def behaviour(el, block: bool) -> Behaviour:
    """What ``el`` does; ``block``: whether it stands as a block where it is (the writers'
    ``Layout`` decides that from the element's context)."""
    for rule in _BY_NAME.get(_local(el), ()):
        if rule.when is None or rule.when(el):
            if rule.behaviour in ("blockquote", "list", "table", "figure") and not block:
                break  # inside running text these are phrases (a quotation, a run-in list)
            return rule.behaviour
    return "paragraph" if block else "inline"
