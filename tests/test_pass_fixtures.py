"""Per-pass fixtures: tests/fixtures/passes/<pass>/<case>.txt with an expected outline
(<case>.outline) of the document after all passes. Cases named ``not-*`` are look-alikes
that must NOT fire. A mismatch prints a unified diff and the command that accepts it;
a new case's outline is written by ``--update-golden`` (review it)."""
from pathlib import Path

import pytest

from converter.passes import run_passes
from converter.reader import read
from tests.helpers import outline

FIXTURES = Path(__file__).parent / "fixtures" / "passes"
CASES = sorted(FIXTURES.glob("*/*.txt"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_pass_fixture(case, golden):
    doc = run_passes(read(case.read_bytes(), str(case), case.stem))
    got = "\n".join(["# front"] + outline(doc.front) + ["# body"] + outline(doc.body)) + "\n"
    golden(got, case.with_suffix(".outline"))
