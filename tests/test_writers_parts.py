"""The writers' small helpers against what they stand in for: facts inherited down the tree
(``common.Inherited``, ``under``) against a walk up every element's ancestors, the label
of a list item, and the HTML page written in pieces against the page written whole."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from converter.writers import html as html_writer
from converter.writers.common import Inherited, local, under
from converter.writers.html_pieces import Pieces, newlines
from converter.writers.places import is_division, item_label
from converter.xmlio import parse_file

ROOT = Path(__file__).resolve().parent.parent

NAMES = ["div", "p", "note", "item", "list", "hi", "titlePage"]


@st.composite
def _trees(draw, depth=0):
    el = etree.Element(draw(st.sampled_from(NAMES)))
    if depth < 4:
        for child in draw(st.lists(_trees(depth + 1), max_size=3)):
            el.append(child)
    if draw(st.booleans()):
        el.append(etree.Comment("c"))
    return el


@given(_trees(), st.sets(st.sampled_from(NAMES)), st.booleans())
def test_under_says_what_a_walk_up_the_ancestors_says(root, names, bottom_up):
    inside = under(names)
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    # asked in any order (a deep element first or its ancestors first), the same answers
    for el in reversed(elements) if bottom_up else elements:
        assert inside(el) == any(local(a) in names for a in [el, *el.iterancestors()])


@given(_trees())
def test_inherited_builds_from_the_parent_and_stops_at_a_seed(root):
    path = Inherited(lambda el, above: above + "/" + el.tag, "")
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    for el in reversed(elements):
        assert path(el) == "".join("/" + a.tag for a in [*reversed(list(el.iterancestors())),
                                                         el])
    # a seed fixes an element's fact: what is below it builds on that, what is above not
    seeded = Inherited(lambda el, above: above + 1, 0, {root: 100})
    for el in elements:
        assert seeded(el) == 100 + sum(1 for _ in el.iterancestors())


def test_an_item_is_labelled_by_its_n_else_its_place_among_the_items():
    lst = etree.fromstring('<list><head>h</head><item/><label>b</label><item n="iv"/>'
                           '<item/></list>')
    items = lst.findall("item")
    assert [item_label(i) for i in items] == ["item 1", "item iv", "item 3"]


def test_divisions_are_div_and_the_numbered_divs_only():
    assert [n for n in ("div", "div1", "div7", "div8", "divGen", "body", None, "")
            if is_division(n)] == ["div", "div1", "div7"]


def test_inherited_above_the_root_is_the_top():
    root = etree.fromstring("<a><b/></a>")
    depth = Inherited(lambda el, above: above + 1, 0)
    assert depth(root[0].getparent().getparent()) == 0 and depth(root[0]) == 2


@given(_trees())
def test_a_leaf_fact_is_the_fact_and_is_not_kept(root):
    depth = Inherited(lambda el, above: above + 1, 0)
    for el in [e for e in root.iter() if isinstance(e.tag, str)]:
        kept = el in depth.memo
        assert depth.leaf(el) == sum(1 for _ in el.iterancestors()) + 1
        assert (el in depth.memo) == kept  # its ancestors' facts may be kept, not its own


_TEXTS = st.one_of(st.none(), st.sampled_from(["", " ", "\n", "a", " b ", "<&>\"'\r\u00e9",
                                              "<!--x-->"]))


@st.composite
def _pages(draw, depth=0):
    el = etree.Element(draw(st.sampled_from(["div", "section", "p", "span", "ul", "li", "a"])),
                       {"id": f"i{draw(st.integers(0, 3))}"} if draw(st.booleans()) else {})
    el.text = draw(_TEXTS)
    if depth < 3:
        for child in draw(st.lists(_pages(depth + 1), max_size=3)):
            child.tail = draw(_TEXTS)
            el.append(child)
    return el


@given(_pages(), st.lists(st.integers(0, 40), max_size=6))
def test_a_page_written_in_pieces_is_the_page_written_whole(page, picks):
    whole = copy.deepcopy(page)
    newlines(whole)
    expected = etree.tostring(whole, method="html", encoding="UTF-8")
    # set aside some elements (never one inside another set aside), as the writer does:
    # each with its newlines, then the rest's newlines, then all joined
    pieces, taken = Pieces(), []
    elements = list(page.iter(etree.Element))[1:]
    for k in sorted(set(picks)):
        if k < len(elements) and not any(t in elements[k].iterancestors() for t in taken):
            taken.append(elements[k])
    ids = {e.get("id") for e in page.iter(etree.Element)} - {None}
    for el in taken:
        pieces.set_aside(el)
    newlines(page)
    assert pieces.join(etree.tostring(page, method="html", encoding="UTF-8")) == expected
    assert {e.get("id") for e in page.iter(etree.Element)} - {None} | pieces.ids == ids


@pytest.mark.parametrize("path", [ROOT / "tests" / "fixtures" / "writers" / "full.xml",
                                  ROOT / "tests" / "fixtures" / "writers" / "standoff.xml",
                                  ROOT / "tests" / "golden" / "annotated-edition" / "expected.xml"],
                         ids=lambda p: p.parent.name + "/" + p.stem)
def test_the_edition_written_in_pieces_is_the_tree_built_whole(path):
    tree = parse_file(path)
    page = html_writer.build(tree)
    assert not [c for c in page.iter() if not isinstance(c.tag, str)]  # no marks in it
    page.tail = "\n"
    assert html_writer.write(tree) == etree.tostring(page, method="html", encoding="UTF-8",
                                                     doctype="<!DOCTYPE html>")


def test_stray_text_after_a_label_in_a_list_follows_the_label():
    """(Found by the random TEI test: the text went into an ``li`` before the label's.)"""
    from lxml import html as lhtml

    from converter.xmlio import parse_bytes
    xml = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
           '<title>T</title></titleStmt></fileDesc></teiHeader><text><body><list>'
           '<label>alpha</label>Beta <label>gamma</label></list></body></text></TEI>')
    page = lhtml.document_fromstring(html_writer.write(parse_bytes(xml.encode(), "t.xml")))
    assert [li.text_content() for li in page.findall(".//main//li")] == ["alpha Beta ",
                                                                         "gamma"]


@pytest.mark.parametrize("path", [ROOT / "tests" / "fixtures" / "writers" / "full.xml",
                                  ROOT / "tests" / "fixtures" / "writers" / "standoff.xml",
                                  ROOT / "tests" / "golden" / "etext-footnotes" / "expected.xml"],
                         ids=lambda p: p.parent.name + "/" + p.stem)
@pytest.mark.parametrize("index", [False, True])
def test_the_text_edition_needs_no_paragraph_numbers_nor_ids(path, index, monkeypatch):
    """The text edition leaves the apparatus's numbers out (numbers=False): with them it
    is the same, byte for byte."""
    from converter.writers import text as text_writer
    from converter.writers.apparatus import Apparatus

    tree = parse_file(path)
    without = text_writer.write(tree, index=index)
    made = []

    def numbered(root, layout, entities=True, numbers=True):
        made.append(Apparatus(root, layout, entities, numbers=True))
        return made[-1]
    monkeypatch.setattr(text_writer, "Apparatus", numbered)
    assert text_writer.write(tree, index=index) == without
    assert made and made[0].para  # (the numbers were there)
