"""Inputs found by fuzzing that once gave invalid TEI or split words; each must stay fixed."""
import pytest

from converter.inline import nest
from converter.model import Span
from converter.pipeline import convert_bytes
from converter.validate import check_tree
from converter.xmlio import parse_bytes
from tests.helpers import text_words, words

CASES = [
    "Comrade Aa0 went to the sDtirict Committee and Comrade Stalin2 said.",  # names cut words
    "THE PARTY \n 2) 2) \n 2) 2)",  # partly labelled list with repeated numbers
    "A\rA",  # two "datelines": an opener with nothing to open
    "said: \n 3, \n Party \n the",  # a list's head line, then another: one head only
]


@pytest.mark.parametrize("text", CASES)
def test_fuzz_finds_stay_valid_and_faithful(text, tei_all):
    xml, _ = convert_bytes(text.encode("utf-8"), "r.txt", "r")
    tree = parse_bytes(xml, "r.xml")
    assert check_tree(tree, "r.xml") == []
    assert tei_all.validate(tree), str(tei_all.error_log)
    assert text_words(xml) == words(text)


def test_a_span_cutting_a_word_is_dropped_but_milestones_stay():
    text = "Comrade Aa0 self-satisfied"
    spans = [Span(0, 10, "persName"), Span(0, 7, "roleName"), Span(17, 17, "pb")]
    roots, dropped = nest(spans, len(text), text)
    assert [s.kind for s in dropped] == ["persName"]
    assert [n.span.kind for n in roots] == ["roleName", "pb"]
