"""Golden cases: tests/golden/<case>/input.txt (+ input.json) must give expected.xml,
expected.html and expected.txt byte for byte, and the XML must be valid against our
schema and tei_all. A mismatch prints a unified diff and the command that accepts it;
``pytest tests/test_golden.py --update-golden`` rewrites them all (review the git diff)."""
from pathlib import Path

import pytest

from converter.pipeline import convert_bytes
from converter.reader import decode
from converter.validate import check_tree
from converter.writers import EXTENSIONS, WRITERS
from converter.xmlio import parse_bytes
from tests.helpers import kept_words, words

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p for p in GOLDEN.iterdir() if (p / "input.txt").exists())


def _outputs(case: Path) -> dict[str, bytes]:
    import json

    side = json.loads((case / "input.json").read_text("utf-8")) if (case / "input.json").exists() else {}
    xml, _ = convert_bytes((case / "input.txt").read_bytes(), "input.txt", case.name, side)
    tree = parse_bytes(xml, "expected.xml")
    out = {"expected.xml": xml}
    for fmt, writer in WRITERS.items():
        out["expected" + EXTENSIONS[fmt]] = writer.write(tree)
    return out


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case, golden):
    for name, data in _outputs(case).items():
        golden(data, case / name)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_valid_and_faithful(case, tei_all):
    xml = (case / "expected.xml").read_bytes()
    tree = parse_bytes(xml, str(case))
    assert check_tree(tree, str(case)) == []
    assert tei_all.validate(tree), tei_all.error_log
    # decoded as the tool decodes it (an e-text may declare ISO-8859-1)
    assert kept_words(xml) == words(decode((case / "input.txt").read_bytes(), str(case)))
