"""The one vocabulary against the schema: every kind's element exists in our schema, every
parent/child pair the builder may nest is allowed there, and the editions we write use no
pair the vocabulary does not list. The writers' names for any TEI are real TEI elements."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from converter import vocabulary as v
from converter.resources import schema_file
from converter.rngexplain import element_names, grammar

ROOT = Path(__file__).resolve().parent.parent
OURS = sorted((ROOT / "tei").glob("*.xml")) + sorted((ROOT / "tests" / "golden").glob("*/expected.xml"))


@pytest.fixture(scope="module")
def edition():
    return grammar(str(schema_file("tei-edition.rng")))


def _allows(g, parent: str, child: str) -> bool:
    p = g.content((v.TEI_NS, parent))
    return p is not None and any(g.matches(nc, (v.TEI_NS, child)) for nc in element_names(g, p))


def test_every_kind_is_an_element_of_our_schema(edition):
    for kind, name in v.ELEMENT.items():
        assert edition.patterns_for((v.TEI_NS, name)), f"{kind} -> <{name}> not in the schema"


def test_every_nesting_of_the_vocabulary_is_allowed(edition):
    pairs = [(parent, child) for parent, kids in v.CHILDREN.items() for child in kids]
    pairs += [(block, inner) for block, inner in v.WRAP.items()]
    bad = [pair for pair in pairs if not _allows(edition, *pair)]
    assert not bad, f"not allowed by tei-edition.rng: {bad}"


def test_every_phrase_may_stand_in_a_paragraph(edition):
    """(An inline list's items stand in the list.)"""
    assert [n for n in sorted(v.PHRASES - {"item"}) if not _allows(edition, "p", n)] == []
    assert _allows(edition, "list", "item")


def test_the_check_can_fail(edition):
    assert not _allows(edition, "lg", "p") and _allows(edition, "lg", "l")


@pytest.mark.parametrize("path", OURS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_our_editions_nest_only_as_the_vocabulary_says(path):
    text = etree.parse(str(path)).getroot().find(f"{v.TEI}text")
    for el in text.iter():
        parent = el.getparent()
        if not isinstance(el.tag, str) or el is text:
            continue
        pname, name = etree.QName(parent).localname, etree.QName(el).localname
        assert name in v.CHILDREN.get(pname, ()) or name in v.PHRASES or (
            v.WRAP.get(pname) == name), f"<{name}> in <{pname}> (line {el.sourceline})"


def test_writer_names_are_tei_elements():
    tei_all = grammar(str(schema_file("tei_all.rng")))
    names = (v.DIVS | v.SKIP | v.ALWAYS_BLOCK | v.INLINE | v.LINE_CONTEXTS | v.NAME_ELEMENTS
             | v.RUNNING)
    missing = sorted(n for n in names if not tei_all.patterns_for((v.TEI_NS, n)))
    assert missing == []


def test_every_emphasis_mark_has_a_declared_rendition():
    """The pass marks ``hi`` with the rendition of its mark; the header declares those
    ids, each with its description from the vocabulary (not the bare id)."""
    from converter.pipeline import convert_bytes

    assert set(v.RENDITION_OF_MARK.values()) == set(v.RENDITIONS)
    xml, _doc = convert_bytes(b"A _book_ and *this* one.\n", "t.txt", "t")
    root = etree.fromstring(xml)
    hi = [e.get("rendition") for e in root.iter(v.TEI + "hi")]
    assert hi == ["#r-underscore", "#r-asterisk"]
    declared = {e.get(v.XML_ID): e.text for e in root.iter(v.TEI + "rendition")}
    assert declared == v.RENDITIONS
