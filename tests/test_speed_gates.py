"""Shortcuts taken for speed must never change a result: each is compared with the plain
computation it replaces, on generated text (with the look-alikes that must not fire) and
on the dev data. The plain computations are written out here as the oracles."""
from __future__ import annotations

import importlib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from converter import date_values, dates, entity_rules, lexicon, org_rules
from converter.matcher import Matcher
from converter.passes.cues.text import alternation
from tests.conftest import shared_params

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DEV_TEXTS = shared_params("corpus/text", "*.txt") + shared_params("realworld/text", "*.txt")


def _paragraphs(path):
    return path.read_text(encoding="utf-8", errors="replace").replace("ſ", "s").split("\n\n")


def _text(words, seps=(" ", "", "\n", ", ", ". ")):
    return st.lists(st.tuples(st.sampled_from(words), st.sampled_from(list(seps))),
                    max_size=40).map(lambda parts: "".join(w + s for w, s in parts))


# --- alternation: a prefix tree matches exactly the words -----------------------------

@SETTINGS
@given(st.lists(st.text(alphabet="abcAB.", min_size=1, max_size=5), min_size=1, max_size=8),
       st.text(alphabet="abcAB.", max_size=6))
def test_alternation_matches_exactly_the_words(words, probe):
    assert bool(re.fullmatch(alternation(words), probe)) == (probe in words)


# --- is_caps / is_headline: the cheap tests settle only what the full count settles -----

def _is_caps_plain(text: str) -> bool:
    letters = "".join(filter(str.isalpha, text))
    return bool(letters) and sum(map(str.isupper, letters)) > 0.7 * len(letters)


CASE_BITS = ["THE", "The", "the", "A", "a", "É", "é", "ÉCOLE", "Ωμέγα", "ΩΜΈΓΑ", "中文", "1765",
             " ", ".", "—", "“", "ı", "İ", "ǅ", "x" * 30, "X" * 30]


@SETTINGS
@given(_text(CASE_BITS))
def test_is_caps_equals_the_full_count(text):
    assert entity_rules.is_caps(text) == _is_caps_plain(text)


@SETTINGS
@given(_text(["Word", "word", "Nell", "to", "a"], (" ", "\n", "  ", "\t")))
def test_headline_word_limit_equals_counting_all_words(text):
    plain = not (len(text.split()) > 25 or re.search(r"[.!?]\s+[A-Z]", text.strip()))
    long_words = re.findall(r"[^\W\d_]{4,}", text)
    plain = plain and len(long_words) >= 5 and \
        sum(w[0].isupper() for w in long_words) > 0.75 * len(long_words)
    assert entity_rules.is_headline(text) == plain


# --- common_words: the class-first pattern reads the words \b[a-z]... reads -----------

_LOWER_PLAIN = re.compile(r"\b[a-zſ][\w’'-]*")


@SETTINGS
@given(_text(["word", "Word", "ab1cd", "1ab", "_ab", "é", "ab’s", "o'er", "-ab", "ab-cd",
              "Ab-cd", "aB", "ſ", "x"]))
def test_common_words_reads_what_the_plain_pattern_reads(text):
    plain = _LOWER_PLAIN.findall(text.replace("ſ", "s"))  # (the long s read as s first)
    assert entity_rules.common_words([text]) == frozenset(plain)


# --- Matcher: walking only from the capitalised words that open a name ----------------

def _both_ways(m: Matcher, text: str):
    fast = m.find(text)
    m.capitalised = False  # the general walk: every token tried
    try:
        plain = m.find(text)
    finally:
        m.capitalised = True
    return fast, plain


NAME_BITS = ["Paris", "paris", "PARIS", "Parisian", "aParis", "New", "York", "New York",
             "New-York", "St.", "Louis", "The", "Hague", "Kiev", "Kievan", "_Paris", "Paris_",
             "S.", "M.", "Kirov", "Sergei", "Ölsen", "ÖLSEN", "Ölsen2", "Yesterday", "9Paris"]


@SETTINGS
@given(_text(NAME_BITS))
def test_matcher_from_capitals_equals_the_general_walk(text):
    m = Matcher()
    for name in ("Paris", "New York", "St. Louis", "The Hague", "Kiev", "S. M. Kirov",
                 "Sergei Kirov", "Ölsen", "York"):
        m.add(name, name)
    fast, plain = _both_ways(m, text)
    assert fast == plain


def test_matcher_past_its_cache_bound_finds_the_same(monkeypatch):
    """A matcher whose cache of words is full (a long-lived process) decides afresh."""
    from converter import matcher

    m = Matcher()
    m.add("New York", "ny")
    text = "In New York and new York, then NEW YORK; New-York."
    before = m.find(text)
    monkeypatch.setattr(matcher, "_SEEN_MAX", 0)
    fresh = Matcher()
    fresh.add("New York", "ny")
    assert fresh.find(text) == before == m.find(text) and len(before) == 2
    assert not fresh._seen  # nothing was kept


@pytest.mark.parametrize("path", DEV_TEXTS)
def test_gazetteer_from_capitals_equals_the_general_walk_dev_data(path):
    for para in _paragraphs(path):
        fast, plain = _both_ways(entity_rules.GAZETTEER, para)
        assert fast == plain, para[:200]


# --- given names: a text without one of the list's words is not scanned ------------------

def test_given_names_are_a_capital_and_small_letters():
    """The premise of the given-name shortcut (entity_rules._given)."""
    assert all(re.fullmatch(r"[A-Z][a-zà-ÿ]+", n) for n in lexicon.GIVEN_NAMES)


GIVEN_BITS = ["John", "Johnny", "JOHN", "john", "xJohn", "John2", "McJohn", "MacJohn", "O'John",
              "Mary-Ann", "Smith", "Cordery", "E.", "the", "Third", "III", "St.", "Yesterday",
              "Street", "Élise", "Jöhn", "Ellen", "Wheeler", "Wilcox"]


@SETTINGS
@given(_text(GIVEN_BITS))
def test_given_shortcut_finds_what_the_scan_finds(text):
    common = frozenset({"john", "smith"})
    assert entity_rules._given(text, common) == entity_rules._given(text, common, every=True)


@pytest.mark.parametrize("path", DEV_TEXTS)
def test_given_shortcut_finds_what_the_scan_finds_dev_data(path):
    for para in _paragraphs(path):
        assert entity_rules._given(para, frozenset()) == \
            entity_rules._given(para, frozenset(), every=True), para[:200]


# --- organisations: only the stretches around an organisation word are scanned --------

ORG_BITS = ["Western", "Lace", "Manufacturing", "Co.", "&", "Bank", "of", "the", "England",
            "company", "companies", "often", "theory", "for", "de", "Party", "party", "J.",
            "Mr.", "Smith's", "Stein", "Bros.", "Brothers", "Union", "union", "word", "and",
            "Central", "Committee", "Monday", "embankment", "ACME", "(", "1765", "Times"]


@SETTINGS
@given(_text(ORG_BITS))
def test_org_stretches_find_what_the_whole_scan_finds(text):
    common = frozenset({"party", "union", "word"})
    assert list(org_rules._orgs(text, common)) == list(org_rules._orgs(text, common, every=True))


@pytest.mark.parametrize("path", DEV_TEXTS)
def test_org_stretches_find_what_the_whole_scan_finds_dev_data(path):
    for para in _paragraphs(path):
        assert list(org_rules._orgs(para, frozenset())) == \
            list(org_rules._orgs(para, frozenset(), every=True)), para[:200]


def test_org_stretches_really_skip_text():
    """The tests above can fail: text far from any organisation word is not scanned."""
    text = "word " * 300 + "the Western Lace Manufacturing Co. of the city " + "word " * 300
    (start, end), = org_rules._stretches(text)
    assert 1400 < start <= text.index("Western") < text.index("Co.") < end < 1600
    assert org_rules._stretches("Mr. Stein went home to Paris") == []


# --- dates: the guarded pattern matches as the pattern written plainly ----------------

def _plain_date_pattern() -> re.Pattern:
    """The date pattern as it was written before the lookaheads and prefix trees."""
    d = date_values
    month = (r"(?P<{n}>(?:" + "|".join(d.MONTHS) + r")\b|(?:" + "|".join(d._ABBR) + r")\b\.?)")
    dayword = (r"(?:(?:twenty|thirty)[- ]?)?(?:" + "|".join(d._ORD_WORDS) + ")|(?:twenty|thirty)"
               r"(?:[- ]?(?:" + "|".join(d._CARD_WORDS[:9]) + "))?|" + "|".join(d._CARD_WORDS))
    day = r"(?P<{n}>\d{{1,2}}(?:st|nd|rd|th|d)?\.?|" + dayword + r")"
    weekday = (r"(?:(?P<wd>" + "|".join(d.WEEKDAYS) + r")(?:\s+(?:morning"
               r"|evening|afternoon|night))?\s*,?\s+(?:the\s+)?(?P<wd_end>))?")
    m, dd, y = (lambda n: month.format(n=n)), (lambda n: day.format(n=n)), d._y
    return re.compile(
        r"(?<![\w-])" + weekday + r"(?:"
        + m("m1") + r"\s+(?:the\s+)?" + dd("d1") + r"(?:\s*,)?\s+" + d._ERA + y("y1") + d._AMPM
        + r"|" + dd("d2") + r"\s+(?:day\s+)?(?:of\s+)?" + m("m2")
        + r"(?:(?:\s*,)?\s+" + d._ERA + y("y2") + r")?" + d._AMPM
        + r"|" + m("m3") + r"\s*,?\s+(?:of\s+)?" + y("y3")
        + r"|" + m("m4") + r"\s+(?:the\s+)?" + dd("d4") + r"(?![\w])"
        + r"|(?P<s1>spring|summer|autumn|fall|winter)(?:\s+and\s+(?P<s2>spring|summer"
        r"|autumn|fall|winter))?\s+of\s+" + y("y5")
        + r"|(?<=the )" + dd("d6") + r"\s+(?:day\s+of\s+)?(?:the\s+)?" + d._REL_MONTH
        + r"|(?P<dec>1[0-9]{2}0)'?s"
        + r"|(?:(?<=the )year\s+of\s+our\s+lord|anno\s+domini|a\.\s?d\.|AD(?=\s))\s*,?\s*"
        + y("y8")
        + r"|(?<![\w-])(?:in|of|since|until|till|by|from|during|before|after|year|early|late"
          r"|mid)\s+(?P<y7>1[0-9]{3}|20[0-9]{2})(?![\d,.]\d)(?!\s+(?:miles|men|pounds|dollars"
          r"|acres|tons|feet|yards|souls|persons|people|troops|soldiers|l\.|£))"
        + r")(?![\w-])", re.IGNORECASE)


PLAIN = _plain_date_pattern()


def _same_dates(text: str) -> None:
    got = [(m.span(), m.groupdict()) for m in date_values.PATTERN.finditer(text)]
    assert got == [(m.span(), m.groupdict()) for m in PLAIN.finditer(text)], text[:200]


# Every word of the pattern, their look-alikes, and letters that the case-blind pattern
# reads as others ("ı" and "İ" as "i", "K" (Kelvin) as "k", "ſ" as "s").
DATE_BITS = ["Monday", "monday", "MONDAY", "Thursday", "Morning", "the", "The", "of", "day",
             "March", "march", "may", "May", "June", "Jun.", "Sept.", "sep", "sept", "septem",
             "Aprıl", "APRİL", "ıN", "İn", "ſummer", "Kelvın", "3d", "3d.", "19th", "1st", "1765",
             "1920s", "1862,", "AD", "A.D.", "a. d.", "anno", "domini", "in", "year", "our",
             "Lord", "eighteen", "hundred", "and", "forty", "one", "thousand", "seven",
             "seventeen", "seventeenth", "twenty-first", "twenty", "first", "fifth", "four",
             "fourteen", "inst.", "ult.", "prox", "summer", "winter", "autumn", "fall", "since",
             "until", "till", "early", "mid", "miles", "men", "x", "ab1cd", "2,", "-", "(March",
             "A.", "M.", "P.", "Nov.", "Novemb", "ninth", "nineteenth", "nine"]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_text(DATE_BITS, (" ", "  ", "\n", ", ", "", "-", ". ")))
def test_date_pattern_equals_the_plain_pattern_generated(text):
    _same_dates(text)


@pytest.mark.parametrize("path", DEV_TEXTS)
def test_date_pattern_equals_the_plain_pattern_dev_data(path):
    for para in _paragraphs(path):
        _same_dates(para)


def test_date_lookaheads_admit_every_letter_the_words_open_with():
    """Each lookahead class holds the first letters of its branch's words (in any case the
    pattern reads as that letter): a class that lacked one would lose dates."""
    first = lambda words: {w[0] for w in words}  # noqa: E731
    assert first(date_values.MONTHS) | first(date_values._ABBR) <= set("jfmasond")
    assert first(date_values.WEEKDAYS) <= set("mtwfs")
    assert first(date_values._ORD_WORDS) | first(date_values._CARD_WORDS) | {"t"} <= set("fsteno")
    assert first(date_values.SEASONS) <= set("safw")
    assert first(date_values._TIME_WORDS) <= set("iosutbfdayelm")
    every = set("jfmasond") | set("mtwfs") | set("fsteno") | set("safw") | set("ya") \
        | set("iosutbfdayelm")
    assert every == set("abdefijlmnostuwy")


# --- passes: literal-first patterns and tests from the end of a line ------------------

_FOOTNOTE_MARKER_PLAIN = re.compile(
    r"\[(?:Footnote\s+)?[0-9]{1,3}\]|\{[0-9]{1,3}\}|"
    r"(?<=[^\s(\[{])(?:\((?:[0-9]{1,2}|\*{1,3}|[†‡§])\)|\*{1,3}(?![\w*])|[†‡§])")
_INLINE_MARKER_PLAIN = re.compile(r"(?:(?<=[\s:;,.—–])|^)\((?P<v>\d{1,2}|[a-z]|[ivx]{1,5})\)(?=\s+\S)")
MARK_BITS = ["(1)", "(2)", "(a)", "(iv)", "(*)", "(**)", "*", "**", "***", "****", "†", "‡", "§",
             "[1]", "[Footnote 2]", "{3}", "word", "x", "(", ")", "[", "{", ":", ";", ",", ".",
             "—", "–", "(1923)", "(B)", "w*", "*w"]


@SETTINGS
@given(_text(MARK_BITS, (" ", "", "\n", "  ")))
def test_marker_patterns_equal_the_plain_patterns(text):
    footnotes = importlib.import_module("converter.passes.footnotes")  # (the package
    inline_lists = importlib.import_module("converter.passes.inline_lists")  # names passes)
    assert [m.span() for m in footnotes._MARKER.finditer(text)] == \
        [m.span() for m in _FOOTNOTE_MARKER_PLAIN.finditer(text)]
    assert [(m.span(), m.group("v")) for m in inline_lists._MARKER.finditer(text)] == \
        [(m.span(), m.group("v")) for m in _INLINE_MARKER_PLAIN.finditer(text)]


@SETTINGS
@given(_text(["word", ".", "!", "?", "…", ":", ";", '"', "”", "»", "'", "’", ")", "]", ",",
              "“", "-"], (" ", "", "\n", "\t")))
def test_ends_sentence_equals_the_pattern(text):
    from converter.passes.cues import text as cues

    assert cues.ends_sentence(text) == bool(cues.SENTENCE_END.search(text.rstrip()))


@SETTINGS
@given(_text(["makes", "the", "following", "report", "reports", "REPORT", "as", "follows",
              ":", "word", "viz."], (" ", "", "  ")))
def test_report_formula_only_ends_a_line_with_a_colon(text):
    headings = importlib.import_module("converter.passes.headings")
    line = text.replace("\n", " ").rstrip()
    assert not headings._REPORTS.search(line) or line.endswith(":")


_IMPRINT_PLAIN = re.compile(r"\bprinted\b|\bsold\b|\bpublished by\b", re.I)


@SETTINGS
@given(_text(["printed", "PRINTED", "Printed", "reprinted", "printedx", "sold", "SOLD", "ſold",
              "Sold", "unsold", "published", "by", "PUBLISHED BY", "publıshed", "prİnted", "x",
              "_sold", "1sold", "sold_"], (" ", "", "\n", ", ", "-")))
def test_imprint_pattern_equals_the_plain_pattern(text):
    cues = importlib.import_module("converter.passes.cues.headings")
    assert [m.span() for m in cues._IMPRINT.finditer(text)] == \
        [m.span() for m in _IMPRINT_PLAIN.finditer(text)]


def _cues_plain(probe: str) -> list[tuple[int, int]]:
    low = probe.lower()
    if len(low) == len(probe) and "ı" not in probe:
        return [m.span() for m in dates._CUE.finditer(low)]
    return [m.span() for m in dates._CUE_ANY_CASE.finditer(probe)]


@SETTINGS
@given(_text(DATE_BITS + ["١٢", "x1y", "12ab", "May1", "xmay", "mayor", "Sept", "septx", "INST",
                          "proxy", "instance", "hundreds", "Thousand"],
             (" ", "", "\n", ", ", "-", "_")))
def test_date_cues_equal_the_cue_pattern(text):
    assert dates._cues(text) == _cues_plain(text)


@pytest.mark.parametrize("path", DEV_TEXTS)
def test_date_cues_equal_the_cue_pattern_dev_data(path):
    for para in _paragraphs(path):
        assert dates._cues(para) == _cues_plain(para), para[:200]
