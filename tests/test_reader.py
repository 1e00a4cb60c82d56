"""Reader: decoding, newline handling, block splitting with source lines."""
import codecs

import pytest

from converter.errors import InputError
from converter.reader import decode, read, split_blocks


def test_blocks_keep_source_lines():
    blocks = split_blocks("\n\nTitle\n\nfirst line\nsecond line\n\n\n\nlast")
    assert [(b.text, b.line) for b in blocks] == [
        ("Title", 3), ("first line\nsecond line", 5), ("last", 10)]


@pytest.mark.parametrize("raw", [
    b"a\r\n\r\nb", b"a\r\rb", codecs.BOM_UTF8 + b"a\n\nb", "a\n\nb".encode("utf-16"),
])
def test_encodings_and_newlines(raw):
    doc = read(raw, "x.txt", "x")
    assert [b.text for b in doc.body] == ["a", "b"]
    assert [b.line for b in doc.body] == [1, 3]


def test_invalid_utf8_names_offset_and_line():
    with pytest.raises(InputError) as info:
        decode(b"ok\nbad \xff here", "f.txt")
    err = info.value
    assert (err.line, err.col) == (2, 5)
    assert "offset 7" in err.message and "--encoding" in err.hint


def test_override_encoding():
    assert decode("café".encode("cp1252"), "f.txt", "cp1252") == "café"


def test_control_characters_replaced_and_reported():
    doc = read(b"a\x00b\x07c", "f.txt", "f")
    assert doc.body[0].text == "a\ufffdb\ufffdc"
    assert any("control" in r.detail for r in doc.report)


@pytest.mark.parametrize("raw", [b"", b"  \n\n\t\n"])
def test_empty_input_is_an_error(raw):
    with pytest.raises(InputError, match="no text"):
        read(raw, "e.txt", "e")
