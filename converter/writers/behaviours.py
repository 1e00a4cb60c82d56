"""The one behaviour table of the writers: what a TEI element does in a reading edition,
decided once from its name (and, where TEI leaves it open, a predicate on its place), so
the HTML and the text edition treat every element alike and differ only in how they set
each behaviour.

Behaviours: ``omit`` (not reading text), ``note`` (moves to the notes), ``break`` (a line,
column or page break), ``division``, ``heading`` (the head of a division), ``caption``
(the head of a figure), ``list``, ``item`` and ``label`` (of a list), ``blockquote``,
``table``, ``figure``; anything else is a ``paragraph`` where it stands as a block and
``inline`` in running text (where only ``break``, ``note`` and ``omit`` keep their own).

Each writer is a ``BehaviourWriter``: it declares its format (name, file extension, typed
options, help) and has one method per behaviour (``METHODS``); ``dispatch`` looks the
element up in the table and calls that method.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Callable, ClassVar, Literal, get_args

from converter.vocabulary import DIVS, SKIP
from converter.writers.common import local

Behaviour = Literal["omit", "note", "break", "division", "heading", "caption", "list", "item",
                    "label", "blockquote", "table", "figure", "paragraph", "inline"]


def _parent_in(names) -> Callable:
    def check(el) -> bool:
        parent = el.getparent()
        return parent is not None and local(parent) in names
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


# What an element does wherever it stands, in running text too.
_EVERYWHERE = frozenset({"break", "note", "omit"})


def behaviour(el, block: bool) -> Behaviour:
    """What ``el`` does; ``block``: whether it stands as a block where it is (the writers'
    ``Layout`` decides that from the element's context)."""
    for rule in _BY_NAME.get(local(el), ()):
        if rule.when is None or rule.when(el):
            if not block and rule.behaviour not in _EVERYWHERE:
                break  # inside running text these are phrases (a quotation, a run-in list)
            return rule.behaviour
    return "paragraph" if block else "inline"


# The writer method of each behaviour: its own name, but ``break`` is a keyword and
# ``inline`` would hide the text writer's running-text helper.
METHODS: dict[str, str] = {b: {"break": "line_break", "inline": "phrase"}.get(b, b)
                           for b in get_args(Behaviour)}


class BehaviourWriter:
    """An output format: ``name``, file ``extension``, a typed ``options`` dataclass and a
    ``help`` line, and one method per behaviour (``METHODS``), all called by ``dispatch``.

    ``write(tree, **options)`` makes the edition; an option the format does not declare
    is a ValueError, never silently dropped. A subclass that names a format but lacks a
    behaviour's method is refused when it is defined."""

    name: ClassVar[str] = ""
    extension: ClassVar[str] = ""
    options: ClassVar[type]
    help: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.name:
            missing = sorted(m for m in METHODS.values() if not callable(getattr(cls, m, None)))
            if missing:
                raise TypeError(f"writer {cls.name} has no method for {', '.join(missing)}")

    @classmethod
    def option_names(cls) -> tuple[str, ...]:
        """The options this format takes."""
        return tuple(f.name for f in fields(cls.options))

    @classmethod
    def write(cls, tree, **options) -> bytes:
        """The edition of a parsed TEI ``tree`` as bytes."""
        unknown = sorted(set(options) - set(cls.option_names()))
        if unknown:
            raise ValueError(f"the {cls.name} edition takes no option {', '.join(unknown)}")
        return cls.edition(tree, cls.options(**options))

    @classmethod
    def edition(cls, tree, options) -> bytes:
        """The edition with typed ``options`` (each format makes its own)."""
        raise NotImplementedError

    def dispatch(self, el, block: bool, *args):
        """Call the method of ``el``'s behaviour (``block``: whether it stands as a block)
        with ``el`` and ``args``."""
        return getattr(self, METHODS[behaviour(el, block)])(el, *args)
