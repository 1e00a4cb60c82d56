"""Fixtures of the shared cues (converter/passes/cues/): each recogniser with what it must
find and look-alikes it must not, independent of the passes that use it."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.model import Block, Span
from converter.passes.cues import front, headings, letters, lists, quotes, tables, text, verse


def p(s: str, line: int = 1) -> Block:
    return Block("p", s, line)


NEXT = p("Some paragraph follows the heading here.")


@pytest.mark.parametrize("line, style", [
    ("IV. Of Trade", "numbered"), ("CHAP. IV.", "keyword"), ("SECTION 2", "keyword"),
    ("LEGISLATIVE POWER.", "capitals"), ("Concluding Speech", "plain"),
    ("APPENDIX. Containing Illustrations", "keyword"),
])
def test_heading_of_finds_headings(line, style):
    found = headings.heading_of(p(line), NEXT)
    assert found and found["style"] == style


@pytest.mark.parametrize("line", [
    "Of course it was possible.", "GEORGE WASHINGTON, President.", "Gentlemen of the Army!",
    "By CASSIUS.", "FINIS", "My dear Sir,",
])
def test_heading_of_refuses_look_alikes(line):
    assert headings.heading_of(p(line), NEXT) is None


def test_heading_needs_something_after_it():
    assert headings.heading_of(p("IV. Of Trade"), None) is None


@pytest.mark.parametrize("line, value", [("1) one", "1"), ("a. first", "a"), ("(iv) four", "iv"),
                                         ("* star", "*"), ("- dash", "-")])
def test_label_of(line, value):
    size, got = lists.label_of(line)
    assert got == value and line[size:].strip() == line.split(None, 1)[1]


@pytest.mark.parametrize("line", ["1937 was a year", "Mr. Smith", "(B)ravo", "no label"])
def test_label_of_refuses(line):
    assert lists.label_of(line) is None


def test_counts_on():
    assert lists.counts_on(["1", "2", "3"]) and lists.counts_on(["iv", "v", "vi"])
    assert lists.counts_on(["a", "b"]) and not lists.counts_on(["1", "1", "3"])


@pytest.mark.parametrize("para, want", [
    ("First, the wrecking of the mines.", (1, 5)), ("Secondly.—The remains.", (2, 8)),
    ("In the third place, they wait.", (3, 18)), ("It means, first, that we work.", (1, 0)),
])
def test_ordinal_of(para, want):
    assert lists.ordinal_of(p(para)) == want


def test_ordinal_look_alikes():
    assert lists.ordinal_of(p("First and foremost we must work.")) is None
    assert lists.ordinal_of(Block("head", "First, a heading", 1)) is None
    assert lists.announces(p("the following three facts:")) and lists.announces(p("Why?"))
    assert not lists.announces(p("A plain sentence.")) and not lists.announces(None)


def test_letter_framing_cues():
    opener = letters.opener_of(p("Head-Quarters, Newburgh,\nMarch 18th, 1783.\nSIR,"))
    assert opener is not None and [k.kind for k in opener.children] == [
        "dateline", "dateline", "salute"]
    closer = letters.closer_of(p("I have the honor to be, Sir,\nyour obedient servant,\nG. W."))
    assert closer is not None and closer.children[0].kind == "salute"
    assert letters.opener_of(p("This is an ordinary paragraph of text, not a frame.")) is None
    # "We are ..." reads as a close anywhere: the framing pass decides by its place.
    assert letters.closer_of(p("We are all agreed that the plan is good and sound.")) is not None
    assert letters.CLOSE.match("Your most obedient servant") and not letters.CLOSE.match("Yours")
    assert letters.is_dateline("March 18th, 1783.") and not letters.is_dateline("Hello there.")


def test_verse():
    lines = ["The curfew tolls the knell of parting day,",
             "The lowing herd wind slowly o'er the lea,",
             "The ploughman homeward plods his weary way,"]
    assert verse.is_verse(lines)
    assert not verse.is_verse(["Names Of The Delegates", "John Smith Of Boston"])
    assert not verse.is_verse(["Item 1 costs money", "Item 2 costs more"])
    node = verse.verse_node(p("\n".join(lines), 5))
    assert node.kind == "lg" and [l.line for l in node.children] == [5, 6, 7]


def test_front_matter_cues():
    assert front.is_title_like(p("The Tasks of the Party"))
    assert not front.is_title_like(p("Dear friends,"))
    assert not front.is_title_like(p("it was a dark night"))
    assert front.looks_like_name("J. V. Stalin") and front.looks_like_name("By Cassius")
    assert not front.looks_like_name("A Speech")
    assert not front.looks_like_name("THE PRINCE") and not front.looks_like_name("ON SMALL THINGS")
    assert front.looks_like_name("JFK Jones")
    assert front.is_headnote(p("Report delivered to the Plenum on March 3, 1937."))
    assert not front.is_headnote(p("A report without any year in it at all."))


def test_quote_cues():
    assert quotes.pairs("He said “Well?” and “No.”") == [(8, 14), (20, 24)]
    assert quotes.pairs("an “unbalanced quote") == []
    assert quotes.is_whole_quotation("“All of it is quoted.”")
    assert not quotes.is_whole_quotation("“Part” of it is quoted.")


def test_text_cues():
    assert text.is_roman("XIV") and not text.is_roman("IIII") and not text.is_roman("MIX ")
    assert text.roman_value("iv") == 4 and text.roman_value("xx") == 20
    assert text.roman_value("xiii", most=12) is None and text.roman_value("iiii") is None
    assert text.ends_sentence("It ended.”") and not text.ends_sentence("It goes on")
    assert text.looks_like_signature("GEORGE WASHINGTON.")
    assert not text.looks_like_signature("AN ORATION.")
    assert text.words("don’t stop-now") == ["don’t", "stop", "now"]


def test_line_pieces_and_split_rebase_spans():
    blk = Block("p", "one two\nthree", 4, [Span(4, 7, "q"), Span(8, 13, "q"), Span(2, 10, "q")])
    pieces = list(text.line_pieces(blk))
    assert [(s, t, [(x.start, x.end) for x in sp]) for s, t, sp in pieces] == [
        (0, "one two", [(4, 7)]), (8, "three", [(0, 5)])]
    left, right = text.split_block(blk, 7, "head")
    assert (left.kind, left.text, right.text, right.line) == ("head", "one two", "three", 4)
    assert [(s.start, s.end) for s in right.spans] == [(0, 5)]


# -- the label recognisers: one set of parts, a policy each ---------------------------------

@pytest.mark.parametrize("line, item_start, any_label", [
    ("1. one", True, True), ("2) two", True, True), ("(a) first", True, True),
    ("(xxxviii) far on", True, True), ("* star", True, True), ("[2] a note", True, True),
    ("a. first", False, True), ("I. pronoun or label", False, True), ("3: three", False, True),
    ("H. G. Wells", False, True),
    ("1937 was a year", False, False), ("(B)ravo", False, False), ("no label", False, False),
    ("3.5 per cent", False, False), ("Mr. Smith", False, False),
])
def test_item_start_and_any_label(line, item_start, any_label):
    """``ITEM_START`` (layout: a printed line that opens an item) never takes a bare "H."
    or "I." (initials and pronouns in prose); ``ANY_LABEL`` (indented blocks, page breaks)
    takes every label."""
    assert bool(lists.ITEM_START.match(line)) is item_start
    assert bool(lists.ANY_LABEL.match(line)) is any_label


def test_numbered_paragraphs_and_contents_numbers():
    m = lists.NUMBERED.match("12. The measures taken")
    assert m and m.group("n") == "12" and m.group(0) == "12. "
    assert lists.NUMBERED.match("(1) not a numbered paragraph") is None
    assert lists.NUMBERED.match("1937. A year") is None
    import re
    label = re.compile("^" + lists.NUMBER_LABEL + "$")
    assert label.match("IV.") and label.match("12.") and not label.match("1937.")


# -- signatures, months, sentence ends ------------------------------------------------------

def test_signatures():
    assert letters.signature_of(p("JOHN COTTON, Clerk.")).kind == "signed"
    assert letters.signature_of(p("GEO. READ, Esq. P.S.")).kind == "signed"
    assert letters.signature_of(p("GEORGE WASHINGTON.")).kind == "signed"
    assert letters.signature_of(p("AN ORATION.")) is None
    assert letters.signature_of(p("JOHN COTTON,\nClerk.")) is None
    # standing among the paragraphs a signature is no heading; a numbered title is one
    assert headings.heading_of(p("SAMUEL WHITE, Speaker."), NEXT) is None
    assert headings.heading_of(p("BOOK I, OF MAN."), NEXT) is not None


def test_calendar_names():
    import re
    month = re.compile(r"^" + text.MONTH + r"$", re.I)
    assert all(month.match(m) for m in [*text.MONTHS, "Sept.", "Decemr."])
    assert not month.match("Monday") and not month.match("summer")
    assert text.MONTHS["may"] == 5 and text.MONTH_ABBR["sept"] == 9
    assert text.WEEKDAYS[0] == "monday" and len(text.WEEKDAYS) == 7


@pytest.mark.parametrize("line, ends, pauses", [
    ("It ended.", True, True), ("It ended.”", True, True), ("Did it?)", True, True),
    ("and then…", True, True), ("« il a dit. »", False, False), ("« fini.»", True, True),
    ("one, two,", False, True), ("it went—", False, True), ("it goes on", False, False),
])
def test_sentence_and_pause_ends(line, ends, pauses):
    assert bool(text.SENTENCE_END.search(line)) is ends
    assert bool(text.PAUSE_END.search(line)) is pauses
@pytest.mark.parametrize("lines", [
    ["Land-tax        L 1,950,000", "Customs           3,789,274", "----------", "L5,739,274"],
    ["I.  Of Our Spiritual Strivings", "II.  Of the Dawn of Freedom", "III.  Of Progress"],
    ["On the second   thousand     0    9", 'On the third         "       1    0',
     'On the fourth        "       1    6'],
])
def test_column_rows_finds_tables(lines):
    assert tables.column_rows(lines) is not None


@pytest.mark.parametrize("lines", [
    ["It was late.  The rain had stopped.  We went", "out at 12 and walked.  Nobody was",
     "there.  The boats lay on the mud, 12 of them."],  # two spaces after a full stop
    ["John Langdon    Nicholas Gilman", "Rufus King      Nathaniel Gorham",
     "Roger Sherman   William Johnson"],  # names in columns: no figures, no labels
    ["Navy    300,000", "Army    212,000"],  # two rows are too few to tell
])
def test_column_rows_look_alikes(lines):
    assert tables.column_rows(lines) is None


def test_cells_keep_a_sentence_whole_and_split_at_a_label_gap():
    assert tables.cells("end.  Then he said") == ["end.  Then he said"]
    assert tables.cells("  IV.  Of the Meaning of Progress") == ["IV.", "Of the Meaning of Progress"]
    assert tables.cells("-------") == []


@pytest.mark.parametrize("line, dangling", [
    ("of its own Members, and a", True), ("the judge of the", True), ("the end.", False),
    ("Majority of each shall constitute", False), ("", False)])
def test_ends_mid_phrase(line, dangling):
    assert text.ends_mid_phrase(line) is dangling


def test_roman_years_bylines_and_quote_marks():
    import re
    year = re.compile("^" + text.ROMAN_YEAR + "$")
    assert year.match("M DCC LXXVI.") and year.match("MDCCLXV") and not year.match("MAY")
    assert headings.heading_of(p("M,DCC,LXXIV."), NEXT) is None
    assert front.BYLINE.match("By CASSIUS.") and not front.BYLINE.match("Bygones")
    assert not front.BYLINE.match("par M. Thiers") and front.looks_like_name("par M. Thiers")
    assert headings.heading_of(p("By CASSIUS."), NEXT) is None
    # one set of marks: the pairing of quotations and the quoted openings agree
    assert set(text.OPEN_QUOTES) == set(text.CURLY_OPENERS) | {'"'}
    assert [k for _i, k in quotes.marks("«a» “b”")] == ["open", "close", "open", "close"]
    assert text.ends_sentence("he said.»") and not text.ends_sentence("he said »")


@pytest.mark.parametrize("line, made_by", [
    ("Translated by W. K. Marriott", True), ("Collected and edited by", True),
    ("With Biographic Sketch by Hippolyte Havel", True), ("Edited by Ernest Rhys", True),
    ("by", True), ("Government by the people", False), ("STANDING BY THE DOOR", False),
    ("Written in 1849", False)])
def test_made_by(line, made_by):
    assert bool(front.MADE_BY.match(line)) is made_by


@pytest.mark.parametrize("line, signed", [
    ("H. M.", True), ("G. D. H. COLE.", True), ("W. E. B. Du B.", True), ("W. L. Courtney", True),
    ("I. INTRODUCTION", False), ("H. G. Wells and the Future of Man", False), ("PREFACE", False)])
def test_signed_initials(line, signed):
    assert bool(letters.SIGNED_INITIALS.match(line)) is signed


def test_by_prefix_leaves_the_name():
    assert front.BY_PREFIX.sub("", "Written by John Locke") == "John Locke"
    assert front.BY_PREFIX.sub("", "By Thomas Paine") == "Thomas Paine"


def test_verse_with_a_note_marker_and_an_elided_first_word():
    assert verse.is_verse(["Attonitus novitate mali, divesque miserque,",
                           "Effugere optat opes; et quæ modô voverat odit.[5]"])
    assert verse.is_verse(["One death-grapple in the darkness",
                           "'Twixt old systems and the Word;"])
    assert not verse.is_verse(["Navy estimates for the year 1790,", "Army estimates for 1791,"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["word", "don’t", "a", "x" * 30, " ", "  ", ",", "'", "_", "é"]),
                max_size=120), st.integers(0, 12))
def test_few_words_is_the_word_count(parts, most):
    """few_words() may stop at a prefix; its answer is the full count's."""
    s = "".join(parts)
    assert text.few_words(s, most) == (len(text.words(s)) <= most)
