"""Structure passes, rule by rule: what fires, what must not, and that no rule is slow or
loses a word. (The per-pattern outlines live in tests/fixtures/passes/.)"""
from __future__ import annotations

import time

import pytest

from converter.model import Block
from converter.passes import run_passes
from converter.passes.cues.headings import heading_of
from converter.passes.cues.lists import label_of, ordinal_of
from converter.passes.cues.quotes import pairs
from converter.passes.inline_lists import find_items
from converter.passes.numbered import number_of
from converter.passes.quotations import quote_spans
from converter.passes.titlepage import IMPRINT
from converter.reader import read
from tests.helpers import words


def _p(text: str) -> Block:
    return Block("p", text, 1)


def _doc(text: str):
    return run_passes(read(text.encode(), "t.txt", "t"))


@pytest.mark.parametrize("text", ["ARTICLE I.", "SECTION 2", "CHAP. IV. Of Trade", "Part One",
                                  "LEGISLATIVE POWER.", "1: Political Carelessness", "II.",
                                  "Concluding Speech", "To the PUBLIC."])
def test_heading_lines(text):
    assert heading_of(_p(text), _p("x")) is not None


@pytest.mark.parametrize("text", ["Of course it was possible.", "Then what is the matter?",
                                  "I conclude, comrades.", "Mere details!", "By CASSIUS.",
                                  "SAMUEL WHITE, Speaker.", "FINIS.", "MDCCLXXVI.",
                                  "THOMSON.”", "It is necessary to carry out the following measures:",
                                  "1. The political work of our Party must be raised to the proper level."])
def test_not_heading_lines(text):
    assert heading_of(_p(text), _p("x")) is None


def test_heading_needs_a_following_block():
    assert heading_of(_p("Concluding Speech"), None) is None


@pytest.mark.parametrize("text, value", [("First, the wrecking", 1), ("Secondly.—The remains", 2),
                                         ("In the third place, the", 3),
                                         ("It means, first, that we", 1),
                                         ("This means, fourth, that we", 4)])
def test_ordinals(text, value):
    assert ordinal_of(_p(text))[0] == value


@pytest.mark.parametrize("text", ["First and foremost the attention", "Firstly the", "Further, four"])
def test_not_ordinals(text):
    assert ordinal_of(_p(text)) is None


def test_inline_items_count_on():
    text = "five reasons: (1) one thing. (2) another. (3) a third."
    assert [v for _s, _e, v in find_items(text)] == ["1", "2", "3"]


@pytest.mark.parametrize("text", ["the Communist Party (B) met in (1923) and (p. 12)",
                                  "only (2) and (3) without a first", "a lone (1) marker"])
def test_inline_items_do_not_fire(text):
    assert find_items(text) == []


def test_numbered_paragraph_and_labels():
    assert number_of(_p("12. Finally, we must")) == 12
    assert number_of(_p("1937. The year")) is None
    assert label_of("(iv) the fourth")[1] == "iv"
    assert label_of("* tea")[1] == "*"
    assert label_of("Mr. Samuel Adams,") is None


def test_quote_pairs_never_cross_an_unbalanced_mark():
    assert pairs('He said "one" and "two') == [(8, 12)]
    assert pairs("“never closed") == []


def test_scare_quotes_names_and_speech():
    spans = quote_spans(_p('his "own" people; the "Leningrad Centre" trial; he said: "We go."'))
    assert [s.kind for s in spans] == ["soCalled", "q"]


def test_unbalanced_block_quote_does_not_swallow_the_document():
    doc = _doc('Title\n\nHe read it out:\n\n"Opened and never closed\n\nnext paragraph\n\n'
               'third paragraph, the end.\n')
    assert not any(getattr(it, "kind", "") in ("quote", "cit") for it in doc.body)


def test_measures_list_keeps_every_word_in_order():
    text = ("Our Tasks\n\nIt is necessary to carry out the following measures:\n\n"
            "1. The first measure.\n\nIts second paragraph.\n\n2. The second measure.\n\n"
            "This is how the matter stands.\n")
    doc = _doc(text)
    kinds = [getattr(it, "kind", None) for it in doc.body]
    assert "list" in kinds
    lst = doc.body[kinds.index("list")]
    assert [it.attrs["n"] for it in lst.children] == ["1", "2"]
    assert len(lst.children[0].children) == 2
    from converter.model import walk_blocks
    assert words(" ".join(b.text for b in list(walk_blocks(doc.front)) + list(walk_blocks(doc.body)))) \
        == words(text)


def test_imprint_is_anchored():
    assert IMPRINT.match("BOSTON: Printed by EDES and GILL")
    assert not IMPRINT.match("The report was ordered to be printed at once.")


@pytest.mark.slow  # long inputs
@pytest.mark.parametrize("unit", ["(1) a ", "“a ", "First, ", "I. II. ", "A, B: ", "1. x\n\n",
                                  "SECTION I.\n\n", "a\n", "Tobacco 4,349 Dollars.\n"])
def test_no_rule_is_slow_on_repetitive_input(unit):
    text = (unit * (200_000 // len(unit)))
    start = time.perf_counter()
    doc = _doc(text)
    assert time.perf_counter() - start < 20
    assert doc.body


def test_signatures_are_names_not_headings():
    from converter.passes.cues.text import looks_like_signature
    assert looks_like_signature("GEORGE WASHINGTON.")
    assert looks_like_signature("M.R. Mitford")
    assert not looks_like_signature("AN ORATION.")
    assert not looks_like_signature("To the PUBLIC.")


def test_letter_among_paragraphs_is_a_floating_text_and_keeps_its_words():
    from converter.model import walk_blocks
    text = ("Minutes\n\nThe following letter was read.\n\nHEAD-QUARTERS,\nMarch 18th, 1783.\nSIR,\n\n"
            "The proceedings are laid before you.\n\nI have the honor to be,\nYour servant.\n\n"
            "GEORGE WASHINGTON.\n\nThe congress adjourned.\n")
    doc = _doc(text)
    kinds = [getattr(it, "kind", None) for it in doc.body]
    assert "floatingText" in kinds and kinds[-1] == "p"
    got = " ".join(b.text for b in list(walk_blocks(doc.front)) + list(walk_blocks(doc.body)))
    assert words(got) == words(text)


def test_line_list_numbers_must_count_on():
    from converter.passes.cues.lists import counts_on
    assert counts_on(["1", "2", "3"]) and counts_on(["iv", "v"]) and counts_on(["a", "b"])
    assert not counts_on(["1", "1"]) and not counts_on(["1", "3"])
