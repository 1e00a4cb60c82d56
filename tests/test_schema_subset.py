"""Our schema is a strict subset of tei_all: every TEI the converter makes (seeds, corpus,
realworld books, generated text) is valid against both, and whatever our schema accepts in
a fuzzed sample of edited editions, tei_all accepts too. The big-data part is marked slow
(``-m "not slow"`` leaves it out)."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from converter.errors import InputError
from converter.pipeline import convert_bytes, convert_file
from converter.prune import document_names, pruned
from converter.validate import check_tree, relaxng, schema_path
from converter.xmlio import parse_bytes
from tests.conftest import ROOT, SHARED
from tests.test_properties import TEXTS, words

TEI = "{http://www.tei-c.org/ns/1.0}"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
BIG = (sorted((SHARED / "corpus" / "text").glob("*.txt"))
       + sorted((SHARED / "realworld" / "text").glob("*.txt"))
       + sorted((SHARED / "realworld" / "whole").glob("*.txt")))


def _both_valid(data: bytes, name: str, tei_all) -> None:
    tree = parse_bytes(data, name)
    assert check_tree(tree, name) == [], name
    assert tei_all.validate(tree), (name, str(tei_all.error_log)[:500])


def _convert(path: Path) -> bytes:
    """The TEI of a text file, with its sidecar when it has one (a Gutenberg file in
    ISO-8859-1 declares so in its header; decoding it unasked is not this test's concern)."""
    try:
        return convert_file(path, None, None)[0]
    except InputError as err:
        if "not valid utf-8" not in str(err):
            raise
        return convert_file(path, "latin-1", None)[0]


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_tei_is_valid_against_both(path, tei_all):
    _both_valid(_convert(path), path.name, tei_all)


@pytest.mark.slow
@pytest.mark.parametrize("path", BIG, ids=[f"{p.parent.name}/{p.stem}" for p in BIG])
def test_development_data_is_valid_against_both(path, tei_all):
    _both_valid(_convert(path), path.name, tei_all)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_generated_text_is_valid_against_both(text):
    if words(text):
        _both_valid(convert_bytes(text.encode("utf-8"), "gen.txt", "gen")[0], "gen.xml",
                    relaxng("tei_all"))


def test_label_inside_a_name_is_rejected_and_not_made(tei_all):
    """Found on "Transcription: R. Cymbala and D. Walters": "R." read as a list label and
    "R. Cymbala" as a name gave <persName><label>R.</label> Cymbala</persName>."""
    data = _convert_text("Intro text.\n\nTranscription:\nR. Cymbala and D. Walters\n"
                         "Markup: J. Smith\n\nSome text here.\n")
    assert b"<persName" in data and b"R. Cymbala</persName>" in data
    _both_valid(data, "cymbala.xml", tei_all)
    bad = data.replace(b">R. Cymbala</persName>", b"><label>R.</label> Cymbala</persName>")
    assert bad != data
    tree = parse_bytes(bad, "bad.xml")
    assert not tei_all.validate(tree)
    assert any("label" in p.message for p in check_tree(tree, "bad.xml"))


def _convert_text(text: str) -> bytes:
    return convert_bytes(text.encode("utf-8"), "t.txt", "t")[0]


# -- fuzzed sample: edits of real editions that keep the file well-formed ----------------

BASES = [p.read_bytes() for p in sorted((ROOT / "tei").glob("*.xml"))
         + sorted((ROOT / "tests" / "golden").glob("*/expected.xml"))]
_NAMES = ["p", "div", "head", "list", "item", "label", "q", "quote", "cit", "bibl", "lg", "l",
          "lb", "pb", "persName", "placeName", "orgName", "roleName", "date", "soCalled",
          "anchor", "byline", "dateline", "salute", "signed", "opener", "closer", "docAuthor",
          "docDate", "titlePart", "argument", "floatingText", "epigraph", "note"]
EDIT = st.one_of(
    st.tuples(st.just("rename"), st.integers(0, 10**6), st.sampled_from(_NAMES)),
    st.tuples(st.just("move"), st.integers(0, 10**6), st.integers(0, 10**6)),
    st.tuples(st.just("wrap"), st.integers(0, 10**6), st.sampled_from(_NAMES)),
    st.tuples(st.just("unwrap"), st.integers(0, 10**6), st.just("")),
    st.tuples(st.just("dup"), st.integers(0, 10**6), st.just("")),
)


def _edit(data: bytes, edits) -> etree._ElementTree:
    root = etree.fromstring(data)
    text = root.find(f"{TEI}text")
    for op, i, arg in edits:
        els = [el for el in text.iter() if isinstance(el.tag, str)][1:]
        if not els:
            break
        el = els[i % len(els)]
        parent = el.getparent()
        if op == "rename":
            el.tag = TEI + arg
        elif op == "move":
            dest = els[arg % len(els)]
            if dest is not el and el not in dest.iterancestors():
                dest.insert(arg % (len(dest) + 1), el)
        elif op == "wrap":
            wrapper = etree.Element(TEI + arg)
            parent.replace(el, wrapper)
            wrapper.append(el)
        elif op == "unwrap":
            at = parent.index(el)
            for k, kid in enumerate(list(el)):
                parent.insert(at + 1 + k, kid)
            parent.remove(el)  # its text goes too: this is about structure, not words
        elif op == "dup":
            parent.insert(parent.index(el), copy.deepcopy(el))
    return etree.ElementTree(root)


@pytest.mark.slow  # 200 edited documents through tei_all
@settings(max_examples=200, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, max(len(BASES) - 1, 0)), st.lists(EDIT, min_size=1, max_size=2))
def test_what_our_schema_accepts_tei_all_accepts(base, edits):
    tree = _edit(BASES[base], edits)
    tei_all = relaxng("tei_all")
    full = tei_all.validate(tree)
    if relaxng("edition").validate(tree):
        assert full, (edits, str(tei_all.error_log)[:500])
    # The grammar pruned to the document's names gives the same verdict as the full one.
    fast = pruned(str(schema_path("tei_all")), document_names(tree))
    assert fast.validate(tree) == full, edits
    assert (check_tree(tree, "f.xml", "tei_all") == []) == full, edits


def test_a_line_break_at_an_item_start_stays_in_the_item():
    """The line break that opens an item of a title page's list is the item's (a list
    holds only items), while one where a name starts goes before the name."""
    from converter.pipeline import convert_bytes
    text = ("A DISSERTATION\n\nON THE CONSTITUTION\n\n"
            "I. On the Citizens making a temporary Submission.\n"
            "II. On Governor Rutledge's Proclamation of the 27th of September, 1781.\n\n"
            "CHARLESTON: Printed by A. Timothy.\n\nSome text of the work begins here.\n")
    xml, _doc = convert_bytes(text.encode(), "t.txt", "t")
    assert b"<item><lb/><label>II.</label>" in xml
