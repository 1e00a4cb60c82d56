"""Per-pass fixtures: tests/fixtures/passes/<pass>/<case>.txt with an expected outline
(<case>.outline) of the document after all passes. Cases named ``not-*`` are look-alikes
that must NOT fire. Regenerate with ``pytest --update-golden``."""
from pathlib import Path

import pytest

from converter.passes import run_passes
from converter.reader import read
from tests.helpers import outline

FIXTURES = Path(__file__).parent / "fixtures" / "passes"
CASES = sorted(FIXTURES.glob("*/*.txt"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_pass_fixture(case, update_golden):
    doc = run_passes(read(case.read_bytes(), str(case), case.stem))
    got = "\n".join(["# front"] + outline(doc.front) + ["# body"] + outline(doc.body)) + "\n"
    expected = case.with_suffix(".outline")
    if update_golden or not expected.exists():
        expected.write_text(got, encoding="utf-8")
        if not update_golden:
            pytest.fail(f"wrote missing {expected.name}; review it and rerun")
    assert got == expected.read_text(encoding="utf-8")
