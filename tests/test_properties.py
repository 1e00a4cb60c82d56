"""Property tests: any text converts to schema-valid TEI that keeps every word, in order,
deterministically; and converting the text edition of an edition again is stable."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from converter.pipeline import convert_bytes
from converter.validate import check_tree
from converter.xmlio import parse_bytes
from tests.helpers import kept_words, words

# Paragraph-ish text: words, punctuation, quotes, numbers, newlines and blank lines.
_TOKENS = st.sampled_from([
    "the", "Party", "Comrade", "Kirov", "1.", "2:", "(1)", "(B)", "First,", "Second,", "“", "”",
    "\"", "'", "said:", "–", "-", "self-", "1937", "March", "3,", "I.", "CHAPTER", "\n", "\n\n",
    ".", ",", "?", "Lenin", "of", "Soviet", "Union", "*", "a)", "Œuvre", "Москва", "שלום",
])
TEXTS = st.one_of(
    st.lists(_TOKENS, min_size=1, max_size=80).map(" ".join),
    # Text, not what the reader documents as a binary file (a quarter of its bytes NUL:
    # "0\x00" is refused as binary, tested in tests/hostile).
    st.text(min_size=1, max_size=300).filter(
        lambda t: t.encode("utf-8").count(b"\x00") * 4 <= len(t.encode("utf-8"))),
)


def _convert(text: str):
    return convert_bytes(text.encode("utf-8"), "prop.txt", "prop")[0]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_gives_valid_tei_keeping_every_word(text):
    if not words(text):
        return  # nothing to keep; empty input is an error, tested elsewhere
    xml = _convert(text)
    tree = parse_bytes(xml, "prop.xml")
    assert check_tree(tree, "prop.xml") == []
    assert kept_words(xml) == words(text.replace("\x00", " "))


@settings(max_examples=50, deadline=None)
@given(TEXTS)
def test_deterministic(text):
    if words(text):
        assert _convert(text) == _convert(text)
