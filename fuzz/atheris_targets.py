"""Coverage-guided fuzz targets for atheris (libFuzzer), outside the test requirements.

    python -m venv /tmp/fz && /tmp/fz/bin/pip install atheris lxml click jsonschema
    PYTHONPATH=. /tmp/fz/bin/python fuzz/atheris_targets.py convert -runs=200000
    PYTHONPATH=. /tmp/fz/bin/python fuzz/atheris_targets.py xml -max_total_time=300

``convert``: any bytes -> either InputError or TEI that is valid against our schema and keeps
every word. ``xml``: any bytes as a TEI file -> validate and both exports; only InputError
may escape, and a canary file next to the input must never show up in any output.
A crash leaves the input in ./crash-* (libFuzzer's convention) to be added to tests/hostile/.
"""
from __future__ import annotations

import secrets
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from converter.errors import InputError
    from converter.pipeline import convert_bytes
    from converter.reader import _XML_ILLEGAL
    from converter.validate import check_file, check_tree
    from converter.writers import WRITERS
    from converter.xmlio import parse_bytes, parse_file
    from tests.helpers import text_words, words

WORK = Path(tempfile.mkdtemp(prefix="atheris-tei-"))
TOKEN = "CANARY-" + secrets.token_hex(8)
(WORK / "canary.txt").write_text(TOKEN)
INPUT = WORK / "input.xml"


def convert_target(data: bytes) -> None:
    """Bytes as a plain-text seed."""
    try:
        xml, _ = convert_bytes(data, "fuzz.txt", "fuzz")
    except InputError:
        return
    assert check_tree(parse_bytes(xml, "o.xml"), "o.xml") == []
    text = data.decode("utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig")
    text = text.replace("\x0b", " ").replace("\x0c", " ")
    assert text_words(xml) == words(_XML_ILLEGAL.sub(" ", text))


def convert_valid_target(data: bytes) -> None:
    """Like ``convert`` without the word check: to keep looking for crashes and invalid
    TEI while a known word-boundary problem is being fixed."""
    try:
        xml, _ = convert_bytes(data, "fuzz.txt", "fuzz")
    except InputError:
        return
    assert check_tree(parse_bytes(xml, "o.xml"), "o.xml") == []


def xml_target(data: bytes) -> None:
    """Bytes as a TEI file handed to validate and export."""
    INPUT.write_bytes(data)
    out = []
    try:
        out += [str(p) for p in check_file(INPUT)]
        tree = parse_file(INPUT)
        out += [w(tree).decode("utf-8") for w in WRITERS.values()]
    except InputError as err:
        out.append(str(err))
    assert TOKEN not in "".join(out), "read outside the input"


if __name__ == "__main__":
    target = {"convert": convert_target, "convert-valid": convert_valid_target,
              "xml": xml_target}[sys.argv.pop(1)]
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()
