"""Layout analysis: hard-wrapped prose is unwrapped, meaningful lines are kept, and text
given one paragraph per line is left alone (so wrapped and unwrapped give one structure)."""
from __future__ import annotations

import re
import textwrap

import pytest

from converter import layout, reader
from converter.pipeline import convert_bytes
from tests.conftest import shared_params
from tests.helpers import kept_words, words

PROSE = [
    "It is idle to speculate on the possible results of a different treatment. Mill "
    "remained delicate throughout his life, but was endowed with that intense mental energy "
    "which is so often combined with physical weakness.",
    "His youth was sacrificed to an idea; he was designed by his father to carry on his work; "
    "the individuality of the boy was unimportant. A visit to the south of France at the age "
    "of fourteen was not without its influence.",
    "Moreover, he derived from it his interest in foreign politics, which remained one of his "
    "characteristics to the end of his life, and in 1823 he was appointed junior clerk.",
]
VERSE = "O water, voice of my heart, crying in the sand,\nAll night long crying with a mournful cry,\nAs I lie and listen, and cannot understand\nThe voice of my heart in my side."


def _doc(text: str):
    return layout.unwrap(reader.read(text.encode(), "t.txt", "t"))


def test_wrapped_paragraphs_are_joined_and_verse_is_kept():
    wrapped = "\n\n".join(textwrap.fill(p, 70) for p in PROSE)
    doc = _doc(wrapped + "\n\n" + VERSE + "\n\n" + wrapped)
    assert doc.layout.width in range(60, 71)
    texts = [b.text for b in doc.body]
    assert texts[:3] == PROSE and texts[4:] == PROSE
    assert texts[3] == VERSE  # short lines that begin with capitals stay lines


def test_one_paragraph_per_line_is_left_alone():
    doc = _doc("\n\n".join(PROSE) + "\n\n" + VERSE)
    assert doc.layout.width == 0
    assert [b.text for b in doc.body] == PROSE + [VERSE]


def test_geometry_is_kept():
    doc = _doc("Title\n\n    an indented line\n  and one less\n")
    assert [(ln.indent, ln.end, ln.number) for ln in doc.body[1].lines] == [(4, 20, 3), (2, 14, 4)]


def test_hyphen_and_dash_at_line_end_join_without_space():
    group = [reader.source_line("the friend and wife--", 1), reader.source_line("the inspirer", 2)]
    assert layout.join_printed(group) == "the friend and wife--the inspirer"


def test_ragged_old_prose_that_capitalises_nouns_is_joined():
    # "and a" / "Majority": no sentence ends on "a", whatever case the next line opens with
    text = ("Section 5.  Each House shall be the Judge of the Elections,\n"
            "Returns and Qualifications of its own Members, and a\n"
            "Majority of each shall constitute a Quorum to do Business;\n"
            "but a smaller Number may adjourn from day to day,\n"
            "and may be authorized to compel the Attendance of absent Members.")
    doc = _doc("\n\n".join(textwrap.fill(p, 70) for p in PROSE) + "\n\n" + text)
    assert "\n" not in doc.body[-1].text


def test_a_table_in_columns_keeps_its_rows():
    table = ("     Land-tax                             L 1,950,000\n"
             "     Customs                                3,789,274\n"
             "     Stamps                                 1,278,214")
    doc = _doc("\n\n".join(textwrap.fill(p, 70) for p in PROSE) + "\n\n" + table)
    assert doc.body[-1].text.count("\n") == 2


@pytest.mark.parametrize("marks, frame", [(("/#", "#/"), "quote"), (("/*", "*/"), "lines")])
def test_transcribers_marks_frame_the_blocks_between_them(marks, frame):
    inner = "The like natural inducement hath brought men\nto know it.\n\nA second paragraph."
    doc = _doc(f"Before it.\n\n{marks[0]}\n{inner}\n{marks[1]}\n\nAfter it.")
    assert [b.text.split("\n")[0] for b in doc.body] == [
        "Before it.", "The like natural inducement hath brought men", "A second paragraph.",
        "After it."]
    assert [b.hints.get("frame") for b in doc.body] == [None, frame, frame, None]
    assert doc.body[1].line == 4  # the first line after the mark


def test_an_entry_with_a_hanging_indent_is_one_line_and_verse_keeps_its_lines():
    wrapped = "\n\n".join(textwrap.fill(p, 70) for p in PROSE)
    entry = ("  If an allowance, at the rate of five hundred pounds per\n"
             "    annum, be made to every representative, deducting for\n"
             "    non-attendance, the expense would be           L 75,00")
    verse = ("  Careless seems the great Avenger;\n    History's lessons but record\n"
             "  One death-grapple in the darkness\n    'Twixt old systems and the Word;")
    turnover = ('  But the Brute said in his breast, "Till the mills I grind\n'
                "          have ceased,\n  The riches shall be dust of dust!")
    tabbed = "Dependance on British bottoms\t1,000,000\n\tdols. 3,550,000"
    doc = _doc("\n\n".join([wrapped, entry, verse, turnover, tabbed]))
    texts = [b.text for b in doc.body[3:]]
    assert texts[0].count("\n") == 0 and texts[0].startswith("If an allowance")
    assert texts[1].count("\n") == 3  # alternating indents: every line stays
    assert texts[2].split("\n")[0].endswith("grind have ceased,")  # a verse line turned over
    assert texts[3].count("\n") == 1  # columns set with tabs stay rows


def test_an_unpaired_mark_is_text():
    doc = _doc("Before it.\n\n/#\nSome text here.\n\nAfter it.")
    assert doc.body[1].text == "/#\nSome text here." and not doc.body[1].hints.get("frame")


def test_wrapped_and_unwrapped_give_the_same_tei_text():
    flat = "\n\n".join(PROSE * 3)
    wrapped = "\n\n".join(textwrap.fill(p, 70) for p in PROSE * 3)
    a, _ = convert_bytes(flat.encode(), "a.txt", "a")
    b, _ = convert_bytes(wrapped.encode(), "a.txt", "a")
    # Only the source lines each element records (@source) may differ: wrapping moves them.
    line = re.compile(rb' source="a\.txt#line=\d+"')
    assert b' source="a.txt#line=' in a and line.sub(b"", a) == line.sub(b"", b)



REAL = (shared_params("realworld/text", "*.txt") + shared_params("realworld/whole", "*.txt")
        + shared_params("corpus/text-wrapped", "*.txt"))


@pytest.mark.slow
@pytest.mark.parametrize("path", REAL)
def test_real_texts_keep_every_word(path):
    """Gutenberg books (with and without their wrapper) and the hard-wrapped corpus: every
    word of the input is in the TEI in order: in <text> (notes where the text sets them),
    or in the teiHeader piece that records the source lines it came from."""
    data = path.read_bytes()
    xml, _doc = convert_bytes(data, str(path), path.stem)
    assert kept_words(xml) == words(reader.decode(data, str(path)))
